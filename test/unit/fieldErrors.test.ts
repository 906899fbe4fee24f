import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/api';
import { fieldErrors } from '../../src-shared/validate';
import type { Db } from '../../src-main/db';
import { stubAdmin } from '../helpers/stubAdmin';
import { checkBeforeSend, splitError } from '../../src-renderer/formErrors';

const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

/** The dispatcher over a real database, every handler a stub: only validation runs. */
function admin() {
  const { db, admin } = stubAdmin();
  dbs.push(db);
  return admin;
}

const badPackage = { name: '', price: -1, downloadBps: 'fast', uploadBps: 1, colour: 'red' };

describe('invalid_input from the dispatcher', () => {
  it('carries every bad field, the first one still named by field and message as before', async () => {
    const r = await admin().call('packages.create', badPackage);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'invalid_input', field: 'name', message: 'name: must not be empty' });
    expect(r.error.issues).toEqual([
      { field: 'name', message: 'must not be empty' },
      { field: 'price', message: expect.stringMatching(/>=0/) },
      { field: 'downloadBps', message: expect.stringMatching(/expected number/) },
      { field: 'colour', message: 'is not a field of this method' },
    ]);
  });

  it('names nested fields by dotted path and each stray key on its own', async () => {
    const r = await admin().call('settings.update', { shop: { name: '' }, otp: { pinMaxAttempts: -3 }, bogus: 1, other: 2 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.field).toBe('shop.name');
    expect(r.error.issues?.map((i) => i.field)).toEqual(['shop.name', 'otp.pinMaxAttempts', 'bogus', 'other']);
  });

  it('names a union by its closest branch, with that branch\'s other problems', async () => {
    const r = await admin().call('customers.removeDevice', { customerId: 0, mac: 'zz' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.field).toBe('customerId');
    expect(r.error.issues?.map((i) => i.field)).toEqual(['customerId', 'mac']);
  });

  it('reports an object-level refine as an issue on its path', async () => {
    const r = await admin().call('packages.create', { name: 'a', price: 1, downloadBps: 1, uploadBps: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // The refine on the object reports here; the handler never ran.
    expect(r.error.issues).toEqual([{ field: 'validitySeconds', message: 'give validitySeconds or dataLimitBytes (or both)' }]);
  });
});

describe('fieldErrors', () => {
  it('returns what the server would say, field by field', async () => {
    const schema = contract['packages.create'].input;
    const local = fieldErrors(schema, badPackage);
    const r = await admin().call('packages.create', badPackage);
    if (r.ok) throw new Error('accepted');
    expect(local).toEqual(Object.fromEntries(r.error.issues!.map((i) => [i.field, i.message])));
  });

  it('is empty for input the method accepts, and checks undefined as {}', () => {
    expect(fieldErrors(contract['packages.create'].input, { name: 'Day', price: 2000, validitySeconds: 86400, downloadBps: 1, uploadBps: 1 })).toEqual({});
    expect(fieldErrors(contract['packages.list'].input, undefined)).toEqual({});
    expect(fieldErrors(contract['packages.archive'].input, undefined)).toEqual({ id: expect.any(String) });
  });
});

describe('splitError with issues', () => {
  const formFields = ['name', 'price', 'routerIds', 'portal.languages'];

  it('puts every issue next to its input and lists the rest in the banner', () => {
    const e = splitError(
      {
        code: 'invalid_input',
        field: 'name',
        message: 'name: must not be empty',
        issues: [
          { field: 'name', message: 'must not be empty' },
          { field: 'routerIds.1', message: 'must be a positive id' },
          { field: 'portal.languages.0', message: 'unknown language' },
          { field: 'colour', message: 'is not a field of this method' },
          { field: 'uploadBps', message: 'required' },
        ],
      },
      formFields,
    );
    expect(e.fields).toEqual({ name: 'Must not be empty', routerIds: 'Must be a positive id', 'portal.languages': 'Unknown language' });
    expect(e.banner).toBe('colour: is not a field of this method; uploadBps: required');
  });

  it('keeps the first problem of an input with several', () => {
    const e = splitError({ code: 'invalid_input', message: 'routerIds.0: a', issues: [{ field: 'routerIds.0', message: 'a' }, { field: 'routerIds.2', message: 'b' }] }, formFields);
    expect(e).toEqual({ fields: { routerIds: 'A' }, banner: null });
  });

  it('still maps an error without issues by its field', () => {
    expect(splitError({ code: 'invalid_input', field: 'price', message: 'price: too high' }, formFields)).toEqual({ fields: { price: 'Too high' }, banner: null });
    expect(splitError({ code: 'conflict', message: 'Name taken' }, formFields)).toEqual({ fields: {}, banner: 'Name taken' });
  });
});

describe('checkBeforeSend', () => {
  const formFields = ['name', 'price', 'downloadBps', 'uploadBps'];

  it('shows every schema problem at once, a local message winning for its field', () => {
    const e = checkBeforeSend('packages.create', { name: '', price: -1, downloadBps: 'fast', uploadBps: 1 }, { price: 'দাম লিখুন' }, formFields);
    expect(e).toEqual({ fields: { name: 'Must not be empty', price: 'দাম লিখুন', downloadBps: expect.stringMatching(/^Invalid input/) }, banner: null });
  });

  it('passes good input, and stops on local checks alone', () => {
    const good = { name: 'Day', price: 2000, validitySeconds: 86400, downloadBps: 1, uploadBps: 1 };
    expect(checkBeforeSend('packages.create', good, {}, formFields)).toBeNull();
    expect(checkBeforeSend('packages.create', good, { name: 'Taken' }, formFields)).toEqual({ fields: { name: 'Taken' }, banner: null });
  });
});
