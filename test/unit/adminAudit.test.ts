import { afterEach, describe, expect, it } from 'vitest';
import { contract, type Method } from '../../src-shared/api';
import { REDACTED } from '../../src-shared/api/redact';
import type { Db } from '../../src-main/db';
import { stubAdmin } from '../helpers/stubAdmin';
import { secretSamples, valuesAt } from '../helpers/contractSamples';

const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

/** The dispatcher over a real database, every handler a stub: only validation and audit run. */
function admin() {
  const { db, admin: a } = stubAdmin();
  dbs.push(db);
  const rows = () => db.prepare('SELECT action, detail FROM audit_log ORDER BY id').all() as { action: string; detail: string | null }[];
  return { a, rows };
}

describe('admin audit log', () => {
  it('writes a command and not a query', async () => {
    const { a, rows } = admin();
    expect((await a.call('packages.list', {})).ok).toBe(true);
    expect((await a.call('routers.diagnose', { id: 1 })).ok).toBe(true);
    expect(rows()).toEqual([]);
    expect((await a.call('packages.archive', { id: 3 })).ok).toBe(true);
    expect((await a.call('routers.pushWalledGarden', { id: 1 })).ok).toBe(true);
    expect(rows()).toEqual([
      { action: 'packages.archive', detail: '{"id":3}' },
      { action: 'routers.pushWalledGarden', detail: '{"id":1}' },
    ]);
  });

  it('writes no query at all, whatever its area', async () => {
    const { a, rows } = admin();
    const queries = (Object.keys(contract) as Method[]).filter((m) => contract[m].kind === 'query');
    expect(queries.length).toBeGreaterThan(10);
    for (const m of queries) {
      // Every query today takes {} (lists, status), { id } (one record, one router; a job's
      // id is a string) or a { from, to } range (reports).
      const r = (await a.call(m, {})).ok || (await a.call(m, { id: 1 })).ok || (await a.call(m, { id: 'job-probe-0001' })).ok || (await a.call(m, { from: 0, to: 86_400_000 })).ok;
      expect(r, m).toBe(true);
    }
    expect(rows()).toEqual([]);
  });

  it('redacts each declared secret in the audit detail', async () => {
    const { a, rows } = admin();
    for (const [m, input] of Object.entries(secretSamples)) {
      const reply = await a.call(m, input);
      expect(reply.ok, m).toBe(true);
      const row = rows().pop()!;
      expect(row.action).toBe(m);
      const detail = JSON.parse(row.detail!) as unknown;
      for (const path of contract[m as Method].secret) {
        const secrets = valuesAt(input, path);
        expect(secrets.length, `${m}: sample sets ${path}`).toBeGreaterThan(0);
        for (const s of secrets) expect(row.detail, `${m}: ${path}`).not.toContain(String(s));
        expect(valuesAt(detail, path), `${m}: ${path}`).toEqual(secrets.map(() => REDACTED));
      }
    }
  });
});
