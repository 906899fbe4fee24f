import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine';
import type { Engine } from '../../src-main/engine';
import { createAuthLogWriter } from '../../src-main/radius/authLog';
import { createQueries } from '../../src-main/radius/queries';

/**
 * Server-side paging, sorting and searching of the admin's big tables (issue #11), through the
 * admin dispatcher as the UI calls it, and the query plans that keep each page an index read.
 */
type E = Engine;

async function err(engine: E, method: string, input: unknown) {
  const r = await engine.call(method, input);
  expect(r.ok).toBe(false);
  return (r as { ok: false; error: { code: string; message: string; field?: string } }).error;
}

const T0 = Date.UTC(2026, 5, 1, 6, 0, 0);

/** Customers, payments and auth-log lines written straight into the tables (the bench's way). */
function seed(engine: E) {
  const db = engine.db;
  const names = ['Rahim', 'rahima', 'Karim', null, 'Abdul', 'Nusrat', null, 'Zara'];
  const insC = db.prepare("INSERT INTO customers (phone, name, hotspot_password_enc, created_at, updated_at) VALUES (?, ?, 'x', ?, ?)");
  const insP = db.prepare(`INSERT INTO payments (invoice_no, customer_id, amount, method, status, gateway_ref, trx_id, sender_phone, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insA = db.prepare("INSERT INTO auth_log (at, router_id, nas_ip, username, mac, result, reason) VALUES (?, 1, '10.0.0.1', ?, ?, ?, ?)");
  const methods = ['cash', 'bkash', 'nagad', 'voucher'];
  const statuses = ['completed', 'pending', 'failed'];
  const results = [['accept', null], ['reject', 'bad_password'], ['reject', 'expired'], ['drop', 'unknown_nas']] as const;
  db.transaction(() => {
    for (let i = 0; i < 40; i++) {
      // Created out of id order, so a sort by createdAt is not the id order by accident.
      const at = T0 + ((i * 7) % 40) * 60_000;
      insC.run(`+88017${String(i).padStart(8, '0')}`, names[i % names.length] ?? null, at, at);
    }
    for (let i = 0; i < 120; i++) {
      insP.run(`HD-260601-${String(i).padStart(6, '0')}`, 1 + (i % 40), ((i * 37) % 50) * 1000, methods[i % 4], statuses[i % 3],
        i % 5 === 0 ? `bk${i}` : null, i % 6 === 0 ? `TRX${String(i).padStart(5, '0')}` : null,
        i % 10 === 3 ? '+8801999000111' : null, T0 + ((i * 13) % 120) * 1000);
    }
    for (let i = 0; i < 300; i++) {
      const [result, reason] = results[(i * 3) % 4]!;
      const user = i % 3 === 0 ? `017${String(i % 40).padStart(8, '0')}` : `AA:BB:CC:00:00:${String(i % 50).padStart(2, '0')}`;
      insA.run(T0 + i * 1000, user, `AA:BB:CC:00:00:${String(i % 50).padStart(2, '0')}`, result, reason);
    }
  })();
}

/** The SQL each call prepares, so its plan can be asked for. */
function recordPrepares(engine: E): string[] {
  const seen: string[] = [];
  const db = engine.db;
  const orig = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return orig(sql);
  }) as typeof db.prepare;
  return seen;
}

function plan(engine: E, sql: string): string[] {
  const params = (sql.match(/\?/g) ?? []).map(() => 'x');
  return (engine.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

describe('customers.list paging, sort and search', () => {
  it('sorts by each key both ways, pages, and counts the whole match', async () => {
    const { engine, ok } = await testEngine();
    seed(engine);
    const all = engine.db.prepare('SELECT id, phone, name, created_at FROM customers').all() as { id: number; phone: string; name: string | null; created_at: number }[];
    const byCreated = [...all].sort((a, b) => b.created_at - a.created_at || b.id - a.id).map((c) => c.id);
    const page1 = await ok('customers.list', { limit: 10 });
    expect(page1.total).toBe(40);
    expect(page1.items.map((c) => c.id)).toEqual(byCreated.slice(0, 10));
    const page3 = await ok('customers.list', { limit: 10, offset: 20, sort: { by: 'createdAt', dir: 'desc' } });
    expect(page3.items.map((c) => c.id)).toEqual(byCreated.slice(20, 30));
    const asc = await ok('customers.list', { limit: 5, sort: { by: 'createdAt', dir: 'asc' } });
    expect(asc.items.map((c) => c.id)).toEqual([...byCreated].reverse().slice(0, 5));

    // Names sort without regard to case (rahima after Rahim); the unnamed come first ascending.
    const names = (await ok('customers.list', { limit: 500, sort: { by: 'name' } })).items.map((c) => c.name);
    const named = names.filter((n) => n !== null);
    expect(names.slice(0, 10).every((n) => n === null)).toBe(true);
    expect(named).toEqual([...named].sort((a, b) => a!.toLowerCase().localeCompare(b!.toLowerCase())));
    const phonesDesc = (await ok('customers.list', { limit: 3, sort: { by: 'phone', dir: 'desc' } })).items.map((c) => c.localPhone);
    expect(phonesDesc).toEqual(['01700000039', '01700000038', '01700000037']);
  });

  it('sorts by the active package end, customers with none last', async () => {
    const { ok } = await testEngine();
    const pkg = await ok('packages.create', { name: '1 day', price: 2000, validitySeconds: 86400, downloadBps: 1e6, uploadBps: 1e6 });
    const week = await ok('packages.create', { name: '7 days', price: 9000, validitySeconds: 7 * 86400, downloadBps: 1e6, uploadBps: 1e6 });
    await ok('customers.create', { phone: '01711000001' });
    await ok('customers.sellPackage', { phone: '01711000002', packageId: pkg.id, method: 'cash' });
    await ok('customers.sellPackage', { phone: '01711000003', packageId: week.id, method: 'cash' });
    await ok('customers.create', { phone: '01711000004', name: 'Rahim' });
    const phones = async (input: Record<string, unknown>) => (await ok('customers.list', { sort: { by: 'activeUntil' }, ...input })).items.map((c) => c.localPhone);
    expect(await phones({})).toEqual(['01711000003', '01711000002', '01711000004', '01711000001']);
    expect(await phones({ sort: { by: 'activeUntil', dir: 'asc' } })).toEqual(['01711000002', '01711000003', '01711000004', '01711000001']);
    // Pages across the two halves (with a package, then without).
    expect(await phones({ limit: 2, offset: 1 })).toEqual(['01711000002', '01711000004']);
    expect(await phones({ limit: 2, offset: 3 })).toEqual(['01711000001']);
    expect(await phones({ search: '01711000003' })).toEqual(['01711000003']);
    expect(await phones({ search: 'rah' })).toEqual(['01711000004']);
    expect((await ok('customers.list', { sort: { by: 'activeUntil' }, limit: 1 })).total).toBe(4);
  });

  it('pages a broad search (most customers match) in the same order, read off the sort index', async () => {
    const { engine, ok } = await testEngine();
    const ins = engine.db.prepare("INSERT INTO customers (phone, name, hotspot_password_enc, created_at, updated_at) VALUES (?, ?, 'x', ?, ?)");
    engine.db.transaction(() => {
      for (let i = 0; i < 3000; i++) ins.run(`+8801${i % 10 === 0 ? 8 : 7}${String(i).padStart(8, '0')}`, i % 3 ? `N${i % 97}` : null, T0 + ((i * 7919) % 3000), T0);
    })();
    const all = engine.db.prepare("SELECT id, name, created_at FROM customers WHERE phone LIKE '+88017%'").all() as { id: number; name: string | null; created_at: number }[];
    const seen = recordPrepares(engine);
    const r = await ok('customers.list', { search: '017', limit: 20, offset: 1000 });
    expect(r.total).toBe(2700);
    expect(r.items.map((c) => c.id)).toEqual([...all].sort((a, b) => b.created_at - a.created_at || b.id - a.id).slice(1000, 1020).map((c) => c.id));
    const page = seen.find((q) => /^SELECT \* FROM customers/.test(q))!;
    expect(plan(engine, page).join('\n')).toMatch(/SCAN customers USING INDEX customers_created/);
    expect(plan(engine, page).join('\n')).not.toMatch(/TEMP B-TREE/);
    const byName = await ok('customers.list', { search: '+88017', sort: { by: 'name', dir: 'desc' }, limit: 5 });
    expect(byName.items.map((c) => c.name)).toEqual(['N96', 'N96', 'N96', 'N96', 'N96']);
  });

  it('searches name and number prefixes, the number in any form owners type', async () => {
    const { engine, ok } = await testEngine();
    seed(engine);
    for (const q of ['0170000001', '+880170000001', '880170000001', '170000001', '০১৭০০০০০০১']) {
      const r = await ok('customers.list', { search: q });
      expect(r.total, q).toBe(10);
      expect(r.items.every((c) => c.localPhone.startsWith('0170000001')), q).toBe(true);
    }
    expect((await ok('customers.list', { search: '01700000005' })).items.map((c) => c.localPhone)).toEqual(['01700000005']);
    // Prefix of the name, any case: Rahim and rahima, not Karim.
    const rah = await ok('customers.list', { search: 'RAH', sort: { by: 'name' } });
    expect(new Set(rah.items.map((c) => c.name))).toEqual(new Set(['Rahim', 'rahima']));
    expect(rah.total).toBe(10);
    expect((await ok('customers.list', { search: 'him' })).total).toBe(0);
    // A % or _ typed is a character, not a wildcard.
    expect((await ok('customers.list', { search: '%' })).total).toBe(0);
    expect((await ok('customers.list', { search: 'R_h' })).total).toBe(0);
  });

  it('refuses a bad sort key, direction or a page over 500, naming the field', async () => {
    const { engine } = await testEngine();
    expect(await err(engine, 'customers.list', { sort: { by: 'colour' } })).toMatchObject({ code: 'invalid_input', field: 'sort.by' });
    expect(await err(engine, 'customers.list', { sort: { by: 'name', dir: 'up' } })).toMatchObject({ code: 'invalid_input', field: 'sort.dir' });
    const big = await err(engine, 'customers.list', { limit: 501 });
    expect(big).toMatchObject({ code: 'invalid_input', field: 'limit' });
    expect(big.message).toMatch(/at most 500/);
    expect(await err(engine, 'payments.list', { sort: { by: 'phone' } })).toMatchObject({ code: 'invalid_input', field: 'sort.by' });
    expect(await err(engine, 'payments.list', { limit: 1000 })).toMatchObject({ code: 'invalid_input', field: 'limit' });
    expect(await err(engine, 'authLog.list', { sort: { by: 'mac' } })).toMatchObject({ code: 'invalid_input', field: 'sort.by' });
    expect(await err(engine, 'authLog.list', { limit: 501 })).toMatchObject({ code: 'invalid_input', field: 'limit' });
    expect(await err(engine, 'authLog.list', { search: 'x'.repeat(51) })).toMatchObject({ code: 'invalid_input', field: 'search' });
  });
});

describe('payments.list paging, sort and search', () => {
  it('sorts by at, amount, method and status both ways, ties by id', async () => {
    const { engine, ok } = await testEngine();
    seed(engine);
    const rows = engine.db.prepare('SELECT id, created_at, amount, method, status FROM payments').all() as Record<string, number | string>[];
    // By the key, then (method and status) newest first within one, then id; all one direction.
    const expectOrder = (col: string, dir: 1 | -1) => {
      const cols = col === 'method' || col === 'status' ? [col, 'created_at', 'id'] : [col, 'id'];
      const cmp = (a: Record<string, number | string>, b: Record<string, number | string>) => {
        for (const c of cols) if (a[c] !== b[c]) return a[c]! < b[c]! ? -1 : 1;
        return 0;
      };
      return [...rows].sort((a, b) => dir * cmp(a, b)).map((r) => r.id);
    };
    const ids = async (sort?: { by: 'at' | 'amount' | 'method' | 'status'; dir?: 'asc' | 'desc' }, offset = 0) =>
      (await ok('payments.list', { limit: 25, offset, ...(sort ? { sort } : {}) })).items.map((p) => p.id);
    expect(await ids()).toEqual(expectOrder('created_at', -1).slice(0, 25));
    expect(await ids({ by: 'at', dir: 'asc' }, 50)).toEqual(expectOrder('created_at', 1).slice(50, 75));
    expect(await ids({ by: 'amount' })).toEqual(expectOrder('amount', -1).slice(0, 25));
    expect(await ids({ by: 'amount', dir: 'asc' }, 100)).toEqual(expectOrder('amount', 1).slice(100, 125));
    expect(await ids({ by: 'method' }, 25)).toEqual(expectOrder('method', 1).slice(25, 50));
    expect(await ids({ by: 'status', dir: 'desc' })).toEqual(expectOrder('status', -1).slice(0, 25));
    expect((await ok('payments.list', { limit: 1 })).total).toBe(120);
  });

  it('searches invoice, reference, transaction id and phone prefixes', async () => {
    const { engine, ok } = await testEngine();
    seed(engine);
    const inv = await ok('payments.list', { search: 'hd-260601-00011' });
    expect(inv.items.map((p) => p.invoiceNo).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `HD-260601-00011${i}`));
    expect((await ok('payments.list', { search: 'bk10' })).items.map((p) => p.gatewayRef).sort()).toEqual(['bk10', 'bk100', 'bk105']);
    expect((await ok('payments.list', { search: 'trx0001' })).items.map((p) => p.trxId).sort()).toEqual(['TRX00012', 'TRX00018']);
    // The Send Money sender's number, in local form.
    const sent = await ok('payments.list', { search: '01999000111' });
    expect(sent.total).toBe(12);
    expect(sent.items.every((p) => p.senderPhone === '+8801999000111')).toBe(true);
    // The customer's number, any form: customer 5 is +8801700000004 (ids start at 1).
    for (const q of ['01700000004', '+8801700000004', '8801700000004']) {
      const r = await ok('payments.list', { search: q });
      expect(r.total, q).toBe(3);
      expect(r.items.every((p) => p.customerId === 5), q).toBe(true);
    }
    // Search with a filter and a sort together.
    const cash = await ok('payments.list', { search: 'HD-2606', method: 'cash', sort: { by: 'amount', dir: 'asc' } });
    expect(cash.total).toBe(30);
    expect(cash.items.map((p) => p.amount)).toEqual([...cash.items.map((p) => p.amount)].sort((a, b) => a - b));
  });
});

describe('payments.list broad search', () => {
  it('pages a search most payments match in sort order, off the sort index', async () => {
    const { engine, ok } = await testEngine();
    const ins = engine.db.prepare("INSERT INTO payments (invoice_no, amount, method, status, created_at) VALUES (?, ?, 'cash', 'completed', ?)");
    engine.db.transaction(() => {
      for (let i = 0; i < 2600; i++) ins.run(`HD-${i % 13 === 0 ? 'X' : 'B'}${String(i).padStart(6, '0')}`, (i * 7919) % 5000, T0 + ((i * 104729) % 2600) * 1000);
    })();
    const rows = engine.db.prepare("SELECT id, amount, created_at FROM payments WHERE invoice_no LIKE 'HD-B%'").all() as { id: number; amount: number; created_at: number }[];
    const seen = recordPrepares(engine);
    const r = await ok('payments.list', { search: 'hd-b', limit: 30, offset: 600 });
    expect(r.total).toBe(rows.length);
    expect(r.items.map((p) => p.id)).toEqual([...rows].sort((a, b) => b.created_at - a.created_at || b.id - a.id).slice(600, 630).map((p) => p.id));
    const page = seen.find((q) => /^SELECT p\.id FROM payments p INDEXED BY/.test(q))!;
    expect(plan(engine, page).join('\n')).toMatch(/SCAN p USING INDEX payments_created/);
    expect(plan(engine, page).join('\n')).not.toMatch(/TEMP B-TREE/);
    const byAmount = await ok('payments.list', { search: 'HD-B', sort: { by: 'amount', dir: 'asc' }, limit: 10 });
    expect(byAmount.items.map((p) => p.id)).toEqual([...rows].sort((a, b) => a.amount - b.amount || a.id - b.id).slice(0, 10).map((p) => p.id));
  });
});

describe('authLog.list sort and search', () => {
  it('searches user names (numbers in any form) and MAC prefixes', async () => {
    const { engine, ok } = await testEngine();
    seed(engine);
    for (const q of ['01700000007', '+8801700000007', '8801700000007']) {
      const r = await ok('authLog.list', { search: q });
      expect(r.total, q).toBe(r.items.length);
      expect(r.items.length, q).toBeGreaterThan(0);
      expect(r.items.every((e) => e.username === '01700000007'), q).toBe(true);
    }
    const mac = await ok('authLog.list', { search: 'aa-bb-cc-00-00-4', limit: 500 });
    expect(mac.total).toBe(60);
    expect(mac.items.every((e) => e.mac!.startsWith('AA:BB:CC:00:00:4'))).toBe(true);
  });

  it('searches through the mirror, which catches up with new lines and follows the prune', async () => {
    const { engine, ok, clock } = await testEngine();
    seed(engine);
    const mirrored = () => engine.db.prepare('SELECT COUNT(*) FROM auth_log_search').pluck().get() as number;
    expect(mirrored()).toBe(0);
    const first = await ok('authLog.list', { search: '01700000007' });
    expect(mirrored()).toBe(300);
    // Lines logged after the first search are found by the next one.
    engine.db.prepare("INSERT INTO auth_log (at, username, mac, result) VALUES (?, '01700000007', NULL, 'accept')").run(T0 + 10_000_000);
    const again = await ok('authLog.list', { search: '+8801700000007' });
    expect(again.total).toBe(first.total + 1);
    expect(again.items[0]!.at).toBe(T0 + 10_000_000);
    // Filters and sorts apply on top of the mirror's matches.
    const refused = await ok('authLog.list', { search: '01700000007', result: 'reject', sort: { by: 'reason' } });
    expect(refused.items.every((e) => e.result === 'reject')).toBe(true);
    expect(refused.items.map((e) => e.reason)).toEqual([...refused.items.map((e) => e.reason)].sort());
    // The prune drops the mirror's lines with the log's (lines older than now + 200 s: the first 200).
    expect(createAuthLogWriter(engine.db, clock).prune(-200_000)).toBe(200);
    expect(mirrored()).toBe(101);
    expect(engine.db.prepare('SELECT MIN(id) FROM auth_log_search').pluck().get()).toBe(201);
  });

  it('a prefix too broad for the mirror (most lines match) is scanned instead, with the same answer', async () => {
    const { engine, ok } = await testEngine();
    const ins = engine.db.prepare("INSERT INTO auth_log (at, router_id, username, mac, result, reason) VALUES (?, 1, ?, NULL, ?, NULL)");
    engine.db.transaction(() => {
      for (let i = 0; i < 5200; i++) ins.run(T0 + i, `0171${String(i % 3000).padStart(7, '0')}`, i % 2 ? 'accept' : 'reject');
    })();
    const broad = await ok('authLog.list', { search: '0171', limit: 20, offset: 100 });
    expect(broad.total).toBe(5200);
    expect(broad.items.map((e) => e.id)).toEqual(Array.from({ length: 20 }, (_, i) => 5200 - 100 - i));
    const narrow = await ok('authLog.list', { search: '01710000001', limit: 500 });
    expect(narrow.items.map((e) => e.username)).toEqual(['01710000001', '01710000001']);
  });

  it('sorts by result and reason across slices, pages included', async () => {
    const { engine, ok } = await testEngine();
    seed(engine);
    const rows = engine.db.prepare('SELECT id, result, reason FROM auth_log').all() as { id: number; result: string; reason: string | null }[];
    const order = (col: 'result' | 'reason', dir: 1 | -1) =>
      [...rows].sort((a, b) => {
        const ka = a[col];
        const kb = b[col];
        const k = ka === kb ? 0 : ka === null ? -1 : kb === null ? 1 : ka < kb ? -1 : 1;
        return dir * (k || a.id - b.id);
      }).map((r) => r.id);
    const ids = async (by: 'result' | 'reason' | 'at', dir: 'asc' | 'desc', offset: number) =>
      (await ok('authLog.list', { sort: { by, dir }, limit: 30, offset })).items.map((e) => e.id);
    expect(await ids('result', 'asc', 0)).toEqual(order('result', 1).slice(0, 30));
    expect(await ids('result', 'desc', 140)).toEqual(order('result', -1).slice(140, 170));
    expect(await ids('reason', 'asc', 60)).toEqual(order('reason', 1).slice(60, 90));
    expect(await ids('at', 'asc', 10)).toEqual([...rows].map((r) => r.id).sort((a, b) => a - b).slice(10, 40));
    // With a filter the sort merges each slice's best rows (slices of 37 lines here).
    const q = createQueries(engine.db, { scanChunk: 37 });
    for (const [by, dir, offset] of [['result', 'asc', 0], ['result', 'desc', 140], ['reason', 'asc', 61], ['reason', 'desc', 250]] as const) {
      const page = await q.listAuthLog({ routerId: 1, sort: { by, dir }, limit: 30, offset });
      expect(page.total).toBe(300);
      expect(page.items.map((e) => e.id), `${by} ${dir} ${offset}`).toEqual(order(by, dir === 'asc' ? 1 : -1).slice(offset, offset + 30));
    }
    // With a search, sorted, ascending by time.
    const r = await ok('authLog.list', { search: 'AA:BB:CC:00:00:1', sort: { by: 'at', dir: 'asc' }, limit: 5 });
    expect(r.items.map((e) => e.id)).toEqual(rows.filter((x) => x.id % 50 >= 11 && x.id % 50 <= 20).map((x) => x.id).slice(0, 5));
  });
});

describe('list query plans (EXPLAIN QUERY PLAN)', () => {
  it('pages each default sort, every customers and payments sort, and searches off an index', async () => {
    const { engine, ok } = await testEngine();
    seed(engine);
    const seen = recordPrepares(engine);
    const calls: Array<[string, Record<string, unknown>]> = [
      ['customers.list', {}], ['customers.list', { sort: { by: 'name' } }], ['customers.list', { sort: { by: 'phone', dir: 'desc' } }],
      ['customers.list', { sort: { by: 'createdAt', dir: 'asc' } }], ['customers.list', { sort: { by: 'activeUntil' } }], ['customers.list', { search: '0171' }], ['customers.list', { search: 'Rah' }],
      ['payments.list', {}], ['payments.list', { sort: { by: 'amount' } }], ['payments.list', { sort: { by: 'method', dir: 'asc' } }],
      ['payments.list', { sort: { by: 'status' } }], ['payments.list', { sort: { by: 'at', dir: 'asc' } }],
      ['payments.list', { search: 'HD-2606' }], ['payments.list', { search: '01712' }],
      ['payments.list', { method: 'bkash' }], ['payments.list', { status: 'pending' }], ['payments.list', { offset: 100 }],
      ['authLog.list', {}], ['authLog.list', { sort: { by: 'at', dir: 'asc' } }],
      ['authLog.list', { sort: { by: 'result' } }], ['authLog.list', { sort: { by: 'reason', dir: 'desc' } }],
      ['authLog.list', { search: '01700000007' }], ['authLog.list', { search: 'AA:BB:CC:00:00:4', sort: { by: 'result' } }],
    ];
    for (const [m, input] of calls) {
      seen.length = 0;
      await ok(m as 'customers.list', input);
      const selects = seen.filter((s) => /^\s*SELECT/i.test(s));
      expect(selects.length, m).toBeGreaterThan(0);
      for (const sql of selects) {
        const p = plan(engine, sql);
        const label = `${m} ${JSON.stringify(input)}: ${sql}\n${p.join('\n')}`;
        if (process.env.SHOW_PLANS) console.log(label);
        // Sorted off an index, never the whole table into a temporary B-tree.
        if (!input.search) expect(p.some((d) => d.includes('TEMP B-TREE')), label).toBe(false);
        // Reads the list's own table through an index (the auth log through its rowid, newest first).
        const main = p.filter((d) => / (customers|payments p|p|auth_log)\b/.test(d) && /^(SCAN|SEARCH)/.test(d));
        for (const d of main) {
          // A bare SCAN is only a walk in rowid order that stops at the page (ORDER BY id).
          if (/^SCAN \w+$/.test(d)) expect(sql, label).toMatch(/ORDER BY id (ASC|DESC) LIMIT/);
          else expect(d, label).toMatch(/USING (INDEX|COVERING INDEX|INTEGER PRIMARY KEY)|MULTI-INDEX OR/);
        }
      }
    }
  });
});
