import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db';
import { createReadBatch } from '../../src-main/db/readBatch';
import { createAuthLogWriter } from '../../src-main/radius/authLog';
import { manualClock } from '../../src-main/clock';
import { tmpDir } from '../helpers/tmp';
import { radiusWorld } from '../helpers/radius';

/**
 * Access-Requests that arrive together are handled in one SQLite transaction (db/readBatch.ts,
 * transport.ts `batch`): cheaper reads, and writes made while handling them (device bindings,
 * auth-log lines) commit with the batch. These tests check what must stay true around that.
 */
function db() {
  const file = path.join(tmpDir(), 'h.db');
  const d = openDatabase(file);
  d.prepare("INSERT INTO zones (name, created_at) VALUES ('z0', 1)").run();
  return { d, file };
}

describe('read batch transaction', () => {
  it('runs the batch in one transaction and commits it: another connection sees the writes', () => {
    const { d, file } = db();
    const errors: unknown[] = [];
    const batch = createReadBatch(d, (e) => errors.push(e));
    let inside = false;
    batch(() => {
      inside = d.inTransaction;
      d.prepare("INSERT INTO zones (name, created_at) VALUES ('a', 1)").run();
      // A nested better-sqlite3 transaction (billing.bindDevice is one) becomes a savepoint; a
      // failing one rolls back only itself.
      d.transaction(() => d.prepare("INSERT INTO zones (name, created_at) VALUES ('b', 1)").run())();
      expect(() => d.transaction(() => {
        d.prepare("INSERT INTO zones (name, created_at) VALUES ('c', 1)").run();
        throw new Error('boom');
      })()).toThrow('boom');
    });
    expect(inside).toBe(true);
    expect(d.inTransaction).toBe(false);
    const other = new Database(file, { readonly: true });
    expect(other.prepare('SELECT name FROM zones ORDER BY id').pluck().all()).toEqual(['z0', 'a', 'b']);
    other.close();
    expect(errors).toEqual([]);
    d.close();
  });

  it('a handler that throws still gets the work before it committed, and the error goes to the caller', () => {
    const { d } = db();
    const batch = createReadBatch(d, () => {});
    expect(() => batch(() => {
      d.prepare("INSERT INTO zones (name, created_at) VALUES ('kept', 1)").run();
      throw new Error('handler bug');
    })).toThrow('handler bug');
    expect(d.inTransaction).toBe(false);
    expect(d.prepare("SELECT COUNT(*) FROM zones WHERE name = 'kept'").pluck().get()).toBe(1);
    d.close();
  });

  it('a commit that fails is rolled back and reported; the next batch starts clean', () => {
    const { d } = db();
    const errors: string[] = [];
    const batch = createReadBatch(d, (e) => errors.push((e as Error).message));
    batch(() => {
      // A deferred foreign-key violation only fails at COMMIT.
      d.pragma('defer_foreign_keys = ON');
      d.prepare("INSERT INTO devices (customer_id, mac, created_at) VALUES (999999, 'AA:BB:CC:DD:EE:FF', 1)").run();
    });
    expect(errors.join()).toMatch(/FOREIGN KEY/);
    expect(d.inTransaction).toBe(false);
    expect(d.prepare('SELECT COUNT(*) FROM devices').pluck().get()).toBe(0);
    batch(() => d.prepare("INSERT INTO zones (name, created_at) VALUES ('next', 1)").run());
    expect(d.prepare("SELECT COUNT(*) FROM zones WHERE name = 'next'").pluck().get()).toBe(1);
    d.close();
  });

  it('logins never wait for a write lock held elsewhere: reads go ahead, a write in the batch fails fast', () => {
    const { d, file } = db();
    // Another connection holds the write lock (as the checkpointer's TRUNCATE safety valve may).
    const other = new Database(file);
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const errors: unknown[] = [];
      const batch = createReadBatch(d, (e) => errors.push(e));
      let n = -1;
      let inTx = false;
      let writeError = '';
      batch(() => {
        n = d.prepare('SELECT COUNT(*) FROM zones').pluck().get() as number;
        inTx = d.inTransaction;
        // SQLite cannot wait to upgrade a read transaction: the write fails at once (with
        // busy_timeout 5000 a waiting design would sit here 5 s). Callers cope (auth log below).
        try {
          d.prepare("INSERT INTO zones (name, created_at) VALUES ('x', 1)").run();
        } catch (e) {
          writeError = (e as { code?: string }).code ?? String(e);
        }
      });
      expect(n).toBe(1);
      expect(inTx).toBe(true);
      expect(writeError).toMatch(/^SQLITE_BUSY/);
      expect(errors).toEqual([]);
      expect(d.inTransaction).toBe(false);
      expect(batch.stats().batches).toBe(1);
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
      d.close();
    }
  });

  it('auth-log lines that cannot be written are kept and written later, and writing never throws', () => {
    const { d, file } = db();
    d.pragma('busy_timeout = 0');
    const errors: unknown[] = [];
    const log = createAuthLogWriter(d, manualClock(Date.UTC(2026, 5, 1)), { onError: (e) => errors.push(e) });
    const other = new Database(file);
    other.prepare('BEGIN IMMEDIATE').run();
    const entry = (i: number) => ({ routerId: null, nasIp: '10.0.0.1', username: `u${i}`, mac: null, customerId: null, result: 'accept' as const, reason: null });
    // 150 lines: the 100th tries to flush while the lock is held elsewhere.
    expect(() => { for (let i = 0; i < 150; i++) log.write(entry(i)); }).not.toThrow();
    expect(() => log.flush()).not.toThrow();
    expect(errors.length).toBe(1); // reported once, not per attempt
    expect(d.prepare('SELECT COUNT(*) FROM auth_log').pluck().get()).toBe(0);
    other.prepare('COMMIT').run();
    other.close();
    log.flush();
    expect(d.prepare('SELECT username FROM auth_log ORDER BY id').pluck().all()).toEqual(Array.from({ length: 150 }, (_, i) => `u${i}`));
    log.close();
    d.close();
  });

  it('while the log cannot be written it keeps the newest 10,000 lines and gives up the oldest', () => {
    const { d, file } = db();
    d.pragma('busy_timeout = 0');
    const log = createAuthLogWriter(d, manualClock(Date.UTC(2026, 5, 1)), { onError: () => {} });
    const other = new Database(file);
    other.prepare('BEGIN IMMEDIATE').run();
    for (let i = 0; i < 10_050; i++) log.write({ routerId: null, nasIp: null, username: `u${i}`, mac: null, customerId: null, result: 'accept', reason: null });
    log.flush();
    other.prepare('COMMIT').run();
    other.close();
    log.flush();
    const names = d.prepare('SELECT username FROM auth_log ORDER BY id').pluck().all();
    expect(names).toHaveLength(10_000);
    expect(names[0]).toBe('u50');
    expect(names.at(-1)).toBe('u10049');
    log.close();
    d.close();
  });

  it('inside an open transaction it just runs (no nested BEGIN)', () => {
    const { d } = db();
    const errors: unknown[] = [];
    const batch = createReadBatch(d, (e) => errors.push(e));
    d.transaction(() => batch(() => d.prepare("INSERT INTO zones (name, created_at) VALUES ('n', 1)").run()))();
    expect(errors).toEqual([]);
    expect(d.prepare("SELECT COUNT(*) FROM zones WHERE name = 'n'").pluck().get()).toBe(1);
    d.close();
  });
});

describe('a burst of Access-Requests over UDP', () => {
  it('40 first logins at once: all answered, every device binding and auth-log line committed, no transaction left open', async () => {
    const w = await radiusWorld();
    const n = 40;
    const customers = [];
    for (let i = 0; i < n; i++) customers.push(await w.customer(`0171200${String(i).padStart(4, '0')}`));
    const mac = (i: number) => `30:39:26:86:CC:${i.toString(16).padStart(2, '0').toUpperCase()}`;
    // Sent together: the server receives them in one or a few socket wakeups, i.e. in batches.
    const replies = await Promise.all(customers.map((c, i) =>
      w.nas.login({ username: c.username, password: i % 2 ? c.password : 'wrong', method: 'pap', mac: mac(i), ip: `10.5.50.${i + 1}` })));
    expect(replies.map((r) => r.code)).toEqual(customers.map((_, i) => (i % 2 ? 'Access-Accept' : 'Access-Reject')));
    expect(w.engine.db.inTransaction).toBe(false);
    // Committed, not just visible to the engine's own connection: read through a second one.
    const other = new Database(w.engine.db.name, { readonly: true });
    const bound = other.prepare('SELECT mac FROM devices ORDER BY mac').pluck().all();
    expect(bound).toEqual(customers.map((_, i) => mac(i)).filter((_, i) => i % 2 === 1).sort());
    other.close();
    const log = await w.ok('authLog.list', { limit: 100 });
    expect(log.items.filter((e) => e.result === 'accept')).toHaveLength(n / 2);
    expect(log.items.filter((e) => e.reason === 'bad_password')).toHaveLength(n / 2);
  });
});
