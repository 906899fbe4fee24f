import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase } from '../../src-main/db';
import { createQueries, type AuthLogFilter } from '../../src-main/radius/queries';
import { tmpDir } from '../helpers/tmp';

/**
 * The auth log keeps only its `at` index (migration 0030); filtered searches scan it by id range
 * in slices. These tests compare every kind of filter, page and offset with a plain reading of
 * the same rows, with slices small enough that every result crosses several slice boundaries.
 */
interface Row {
  id: number; at: number; router_id: number | null; nas_ip: string | null; username: string | null; mac: string | null;
  customer_id: number | null; result: 'accept' | 'reject' | 'drop'; reason: string | null; detail: string | null;
}

function seeded(n: number) {
  const db = openDatabase(path.join(tmpDir(), 'h.db'));
  const users = ['01711000001', '01711000002', '01711000003', 'AA:BB:CC:00:00:01', null];
  const macs = ['AA:BB:CC:00:00:01', 'AA:BB:CC:00:00:02', null];
  const results = ['accept', 'reject', 'drop'] as const;
  const reasons = { accept: [null], reject: ['bad_password', 'expired', 'device_limit'], drop: ['unknown_nas', 'malformed'] };
  let seed = 7;
  const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % k);
  const rows: Row[] = [];
  const ins = db.prepare(`INSERT INTO auth_log (at, router_id, nas_ip, username, mac, customer_id, result, reason, detail)
    VALUES (@at, @router_id, @nas_ip, @username, @mac, @customer_id, @result, @reason, @detail)`);
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const result = results[rnd(3)]!;
      const r = {
        at: 1_000_000 + i * 1000, router_id: rnd(4) === 0 ? null : 1 + rnd(2), nas_ip: '10.0.0.1', username: users[rnd(users.length)]!,
        mac: macs[rnd(macs.length)]!, customer_id: null, result, reason: reasons[result][rnd(reasons[result].length)]!, detail: null,
      };
      rows.push({ id: Number(ins.run(r).lastInsertRowid), ...r });
    }
  })();
  return { db, rows };
}

function expected(rows: Row[], f: AuthLogFilter) {
  const m = rows
    .filter((r) => (f.routerId === undefined || r.router_id === f.routerId) && (f.username === undefined || r.username === f.username)
      && (f.mac === undefined || r.mac === f.mac) && (f.result === undefined || r.result === f.result)
      && (f.reason === undefined || r.reason === f.reason) && (f.from === undefined || r.at >= f.from) && (f.to === undefined || r.at < f.to))
    .sort((a, b) => b.id - a.id);
  const page = m.slice(f.offset ?? 0, (f.offset ?? 0) + (f.limit ?? 100));
  return { total: m.length, ids: page.map((r) => r.id) };
}

/** Runs `work` and counts the event-loop turns other callbacks got while it ran. */
async function withTurns<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const spin = () => {
    if (!running) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  const value = await work();
  running = false;
  return { value, turns };
}

describe('auth log search (no per-user index, scanned in slices)', () => {
  it('migration 0030 leaves only the time index on auth_log', () => {
    const { db } = seeded(0);
    const idx = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'auth_log' AND sql IS NOT NULL").pluck().all();
    expect(idx).toEqual(['auth_log_at']);
    db.close();
  });

  it('every filter, page and offset matches a plain reading of the rows, across slice boundaries', async () => {
    const { db, rows } = seeded(600);
    const q = createQueries(db, { scanChunk: 37 });
    const filters: AuthLogFilter[] = [
      {}, { limit: 7 }, { offset: 590 }, { from: 1_200_000, to: 1_300_000 },
      { username: '01711000002' }, { username: '01711000002', limit: 5, offset: 3 }, { username: 'nobody' },
      { mac: 'AA:BB:CC:00:00:01' }, { mac: 'AA:BB:CC:00:00:02', result: 'reject', limit: 4, offset: 9 },
      { result: 'drop', reason: 'unknown_nas' }, { reason: 'expired', offset: 1000 }, { routerId: 2, limit: 250 },
      { username: '01711000001', from: 1_100_000, to: 1_400_000 }, { result: 'accept', limit: 1, offset: 0 },
      { routerId: 1, username: 'AA:BB:CC:00:00:01', mac: 'AA:BB:CC:00:00:01', limit: 3, offset: 2 },
    ];
    for (const f of filters) {
      const got = await q.listAuthLog(f);
      const want = expected(rows, f);
      expect({ f, total: got.total, ids: got.items.map((e) => e.id) }).toEqual({ f, ...want });
    }
    // Entries come back in the API's shape.
    const one = (await q.listAuthLog({ result: 'reject', limit: 1 })).items[0]!;
    const row = rows.find((r) => r.id === one.id)!;
    expect(one).toEqual({ id: row.id, at: row.at, routerId: row.router_id, nasIp: row.nas_ip, username: row.username, mac: row.mac,
      customerId: null, result: 'reject', reason: row.reason, detail: null });
    db.close();
  });

  it('after the oldest rows are pruned, only the ids that remain are scanned', async () => {
    const { db, rows } = seeded(600);
    db.prepare('DELETE FROM auth_log WHERE id <= 500').run(); // what the 90-day prune does
    const left = rows.filter((r) => r.id > 500);
    const q = createQueries(db, { scanChunk: 10 });
    const { value: got, turns } = await withTurns(() => q.listAuthLog({ result: 'accept' }));
    const want = expected(left, { result: 'accept' });
    expect({ total: got.total, ids: got.items.map((e) => e.id) }).toEqual(want);
    // 100 ids left in slices of 10; walking from the newest id down to 0 would take 60 slices.
    expect(turns).toBeLessThanOrEqual(12);
    db.close();
  });

  it('yields to the event loop between slices, so RADIUS keeps answering during a search', async () => {
    const { db } = seeded(300);
    const q = createQueries(db, { scanChunk: 10 });
    const { value: page, turns } = await withTurns(() => q.listAuthLog({ result: 'reject' }));
    expect(page.total).toBeGreaterThan(0);
    // 30 slices: the loop got a turn between (nearly) each of them.
    expect(turns).toBeGreaterThanOrEqual(25);
    db.close();
  });
});
