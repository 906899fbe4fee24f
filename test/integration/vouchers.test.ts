import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine';
import { tmpDir } from '../helpers/tmp';
import { loadMigrations, openDatabase } from '../../src-main/db';
import { DIGIT_LENGTH, formatVoucherCode, normalizeVoucherCode } from '../../src-main/billing/vouchers';
import { errorMessages } from '../../src-main/errors';

const HOUR = 3600_000;
const pkgInput = { name: '1 day', price: 3000, validitySeconds: 86400, downloadBps: 5_000_000, uploadBps: 2_000_000 };

type TestEngine = Awaited<ReturnType<typeof testEngine>>;

async function err(t: TestEngine, method: string, input: unknown) {
  const r = await t.engine.call(method, input);
  expect(r.ok, `${method} should be refused`).toBe(false);
  return (r as { ok: false; error: { code: string; message: string; field?: string } }).error;
}

async function setup() {
  const t = await testEngine();
  const pkg = await t.ok('packages.create', pkgInput);
  const dist = await t.ok('distributors.create', { name: 'Rahim Store', phone: '01812345678', commissionPercent: 10 });
  return { ...t, pkg, dist };
}

const stateOf = async (t: TestEngine, code: string) => (await t.ok('vouchers.list', {})).vouchers.find((v) => v.code === code)?.status;

describe('recharge card states', () => {
  it('each state shows in vouchers.list, filters, and refuses redeem with its own code and plain message', async () => {
    const t = await setup();
    const { codes, batchId } = await t.ok('vouchers.generate', { packageId: t.pkg.id, count: 5 });
    const [fresh, toAssign, toUse, toDisable, unknownish] = codes as [string, string, string, string, string];
    await t.ok('vouchers.assign', { codes: [toAssign], distributorId: t.dist.id });
    await t.ok('vouchers.redeem', { code: toUse, phone: '01712345678' });
    // One card by code, typed as a person would.
    const off = await t.ok('vouchers.disable', { code: ` ${formatVoucherCode(toDisable).toLowerCase()} ` });
    expect(off.status).toBe('disabled');

    expect(await stateOf(t, fresh)).toBe('new');
    expect(await stateOf(t, toAssign)).toBe('assigned');
    expect(await stateOf(t, toUse)).toBe('used');
    expect(await stateOf(t, toDisable)).toBe('disabled');
    const assigned = (await t.ok('vouchers.list', { batchId, status: 'assigned' })).vouchers;
    expect(assigned.map((v) => [v.code, v.distributorId, v.distributorName])).toEqual([[toAssign, t.dist.id, 'Rahim Store']]);
    expect((await t.ok('vouchers.list', { status: 'new' })).vouchers.map((v) => v.code).sort()).toEqual([fresh, unknownish].sort());

    const used = await err(t, 'vouchers.redeem', { code: toUse, phone: '01912345678' });
    expect(used).toMatchObject({ code: 'VOUCHER_USED', field: 'code', message: errorMessages.VOUCHER_USED });
    const disabled = await err(t, 'vouchers.redeem', { code: toDisable, phone: '01912345678' });
    expect(disabled).toMatchObject({ code: 'VOUCHER_DISABLED', field: 'code', message: errorMessages.VOUCHER_DISABLED });
    const unknown = await err(t, 'vouchers.redeem', { code: 'ZZZZ-ZZZZ-ZZZZ', phone: '01912345678' });
    expect(unknown).toMatchObject({ code: 'VOUCHER_UNKNOWN', field: 'code' });
    expect(unknown.message).toMatch(/no recharge card with that code/);
    expect(await err(t, 'vouchers.disable', { code: 'nope' })).toMatchObject({ code: 'VOUCHER_UNKNOWN' });
    // A spent card cannot be disabled (that would hide a sale).
    expect(await err(t, 'vouchers.disable', { code: toUse })).toMatchObject({ code: 'VOUCHER_USED' });

    // An assigned card redeems like a new one.
    const sub = await t.ok('vouchers.redeem', { code: toAssign, phone: '01912345678' });
    expect(sub).toMatchObject({ status: 'active', packageName: '1 day' });
    expect(await stateOf(t, toAssign)).toBe('used');
  });

  it('expires a batch by the clock (no job runs), changes and removes the expiry', async () => {
    const t = await setup();
    const now = t.clock.now();
    expect(await err(t, 'vouchers.generate', { packageId: t.pkg.id, count: 1, expiresAt: now - 1 })).toMatchObject({ code: 'invalid_input', field: 'expiresAt' });
    const { batchId, codes } = await t.ok('vouchers.generate', { packageId: t.pkg.id, count: 3, expiresAt: now + 2 * HOUR });
    const [a, b, c] = codes as [string, string, string];
    await t.ok('vouchers.assign', { codes: [b], distributorId: t.dist.id });
    await t.ok('vouchers.redeem', { code: a, phone: '01712345678' });
    expect((await t.ok('vouchers.list', { batchId })).batches.find((x) => x.id === batchId)).toMatchObject({ expiresAt: now + 2 * HOUR, faceValue: 3000 });

    t.clock.advance(2 * HOUR - 1);
    expect(await stateOf(t, c)).toBe('new');
    t.clock.advance(1); // at expiresAt: expired
    expect(await stateOf(t, c)).toBe('expired');
    expect(await stateOf(t, b)).toBe('expired'); // assigned but unused expires too
    expect(await stateOf(t, a)).toBe('used'); // a used card stays used
    const listed = await t.ok('vouchers.list', { batchId, status: 'expired' });
    expect(listed.vouchers.map((v) => v.code).sort()).toEqual([b, c].sort());
    expect(listed.vouchers[0]!.expiresAt).toBe(now + 2 * HOUR);
    const e = await err(t, 'vouchers.redeem', { code: c, phone: '01912345678' });
    expect(e).toMatchObject({ code: 'VOUCHER_EXPIRED', field: 'code', message: errorMessages.VOUCHER_EXPIRED });
    // Expired cards are not handed out.
    expect(await t.ok('vouchers.assign', { batchId, distributorId: t.dist.id })).toEqual({ assigned: 0, skipped: 3 });

    // The owner extends the batch: its cards are usable again, at once.
    const later = t.clock.now() + 24 * HOUR;
    expect(await t.ok('vouchers.updateBatch', { batchId, expiresAt: later })).toMatchObject({ id: batchId, expiresAt: later });
    expect(await stateOf(t, c)).toBe('new');
    expect(await stateOf(t, b)).toBe('assigned');
    await t.ok('vouchers.updateBatch', { batchId, expiresAt: null });
    t.clock.advance(100 * 24 * HOUR);
    expect((await t.ok('vouchers.redeem', { code: c, phone: '01912345678' })).status).toBe('active');
    expect(await err(t, 'vouchers.updateBatch', { batchId: 999, expiresAt: null })).toMatchObject({ code: 'not_found' });
  });

  it('a disabled batch beats expiry, and disabling one card leaves the rest usable', async () => {
    const t = await setup();
    const { batchId, codes } = await t.ok('vouchers.generate', { packageId: t.pkg.id, count: 2, expiresAt: t.clock.now() + HOUR });
    await t.ok('vouchers.disable', { code: codes[0]! });
    expect(await stateOf(t, codes[1]!)).toBe('new');
    await t.ok('vouchers.disable', { code: codes[0]! }); // again: no-op
    await t.ok('vouchers.disableBatch', { batchId });
    t.clock.advance(2 * HOUR);
    expect(await stateOf(t, codes[1]!)).toBe('disabled');
    expect(await err(t, 'vouchers.redeem', { code: codes[1]!, phone: '01712345678' })).toMatchObject({ code: 'VOUCHER_DISABLED' });
  });
});

describe('assigning cards to a distributor', () => {
  it('assigns only new cards, by batch or by code, and says how many', async () => {
    const t = await setup();
    const other = await t.ok('distributors.create', { name: 'Karim Telecom', phone: '01912345678', commissionPerCard: 200 });
    const { batchId, codes } = await t.ok('vouchers.generate', { packageId: t.pkg.id, count: 6 });
    await t.ok('vouchers.redeem', { code: codes[0]!, phone: '01712345678' });
    await t.ok('vouchers.disable', { code: codes[1]! });
    // By code, typed loosely, one twice: counts once.
    const byCode = await t.ok('vouchers.assign', { codes: [codes[2]!.toLowerCase(), formatVoucherCode(codes[2]!), codes[0]!], distributorId: other.id });
    expect(byCode).toEqual({ assigned: 1, skipped: 1 });
    // The batch: the used, disabled and already assigned cards are passed over.
    expect(await t.ok('vouchers.assign', { batchId, distributorId: t.dist.id })).toEqual({ assigned: 3, skipped: 3 });
    expect(await t.ok('vouchers.assign', { batchId, distributorId: t.dist.id })).toEqual({ assigned: 0, skipped: 6 });
    expect((await t.ok('vouchers.list', { distributorId: t.dist.id })).vouchers.map((v) => v.code).sort()).toEqual(codes.slice(3).sort());
    expect((await t.ok('vouchers.list', { distributorId: other.id })).vouchers.map((v) => v.code)).toEqual([codes[2]]);
    const held = Object.fromEntries((await t.ok('distributors.list')).map((d) => [d.name, d.cardsHeld]));
    expect(held).toEqual({ 'Karim Telecom': 1, 'Rahim Store': 3 });

    // An unknown code refuses the whole call, naming it; nothing was assigned.
    const fresh = await t.ok('vouchers.generate', { packageId: t.pkg.id, count: 1 });
    expect(await err(t, 'vouchers.assign', { codes: [fresh.codes[0]!, 'NOPE'], distributorId: t.dist.id })).toMatchObject({ code: 'VOUCHER_UNKNOWN', field: 'codes.1' });
    expect(await stateOf(t, fresh.codes[0]!)).toBe('new');
    expect(await err(t, 'vouchers.assign', { batchId, distributorId: 99 })).toMatchObject({ code: 'not_found' });
    expect(await err(t, 'vouchers.assign', { distributorId: t.dist.id })).toMatchObject({ code: 'invalid_input', field: 'batchId' });
    expect(await err(t, 'vouchers.assign', { batchId, codes: [codes[3]!], distributorId: t.dist.id })).toMatchObject({ code: 'invalid_input', field: 'batchId' });
  });
});

describe('digits-only codes', () => {
  it('makes 13-digit codes (a prefix does not count), unique, grouped 4-3-3-3, accepted as typed', async () => {
    const t = await setup();
    const { codes, batchId } = await t.ok('vouchers.generate', { packageId: t.pkg.id, count: 2000, alphabet: 'digits', prefix: 'D7' });
    expect(new Set(codes).size).toBe(2000);
    for (const c of codes) expect(c).toMatch(/^D7\d{13}$/);
    expect(DIGIT_LENGTH).toBe(13);
    // Every digit turns up in every position (a broken generator that fixes or skips digits fails).
    for (let pos = 2; pos < 15; pos++) expect(new Set(codes.map((c) => c[pos])).size).toBe(10);
    expect((await t.ok('vouchers.list', { batchId })).batches[0]).toMatchObject({ alphabet: 'digits', prefix: 'D7' });

    expect(formatVoucherCode('D71234567890123', 'D7', 'digits')).toBe('D7-1234-567-890-123');
    expect(formatVoucherCode('1234567890123', '', 'digits')).toBe('1234-567-890-123');
    expect(formatVoucherCode('ABCDEFGHJKMN', '', 'default')).toBe('ABCD-EFGH-JKMN');
    // Spaces, dashes, lower case and a Bangla keypad's digits are the same card.
    expect(normalizeVoucherCode(' d7-1234 567-890 123 ')).toBe('D71234567890123');
    expect(normalizeVoucherCode('d7 ১২৩৪ ৫৬৭ ৮৯০ ১২৩')).toBe('D71234567890123');

    const code = codes[0]!;
    const typed = formatVoucherCode(code, 'D7', 'digits').toLowerCase().replace(/-/g, ' ');
    expect(typed).toMatch(/^d7 \d{4} \d{3} \d{3} \d{3}$/);
    expect((await t.ok('vouchers.redeem', { code: typed, phone: '01712345678' })).status).toBe('active');

    // The default alphabet stays as it was.
    const def = await t.ok('vouchers.generate', { packageId: t.pkg.id, count: 20 });
    for (const c of def.codes) expect(c).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/);
  });
});

describe('migration 0090 on a shop with cards', () => {
  it('keeps old cards new and usable, snapshots face value from the package, no expiry', () => {
    const dir = tmpDir();
    const migDir = path.join(dir, 'mig');
    fs.mkdirSync(migDir);
    const all = loadMigrations();
    for (const m of all.filter((m) => m.version < 90)) fs.writeFileSync(path.join(migDir, m.name), m.sql);
    const file = path.join(dir, 'h.db');
    let db = openDatabase(file, { migrationsDir: migDir });
    db.prepare("INSERT INTO packages (id, name, price, download_bps, upload_bps, validity_seconds, created_at, updated_at) VALUES (1, 'Day', 2500, 1, 1, 86400, 1, 1)").run();
    db.prepare("INSERT INTO voucher_batches (id, package_id, prefix, count, created_at) VALUES (1, 1, '', 2, 1)").run();
    db.prepare("INSERT INTO vouchers (code, batch_id, package_id, created_at) VALUES ('AAAABBBBCCCC', 1, 1, 1), ('DDDDEEEEFFFF', 1, 1, 1)").run();
    db.prepare("UPDATE vouchers SET status = 'disabled' WHERE code = 'DDDDEEEEFFFF'").run();
    db.close();
    for (const m of all.filter((m) => m.version >= 90)) fs.writeFileSync(path.join(migDir, m.name), m.sql);
    db = openDatabase(file, { migrationsDir: migDir });
    expect(db.prepare('SELECT face_value, expires_at, alphabet FROM voucher_batches').get()).toEqual({ face_value: 2500, expires_at: null, alphabet: 'default' });
    expect(db.prepare('SELECT code, status, distributor_id FROM vouchers ORDER BY id').all()).toEqual([
      { code: 'AAAABBBBCCCC', status: 'new', distributor_id: null },
      { code: 'DDDDEEEEFFFF', status: 'disabled', distributor_id: null },
    ]);
    db.close();
  });
});
