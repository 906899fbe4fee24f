import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db';
import { createReadBatch } from '../../src-main/db/readBatch';
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

  it('waits for a write lock another connection holds instead of failing its writes with SQLITE_BUSY', async () => {
    const { d, file } = db();
    // Another connection (as the checkpointer's TRUNCATE safety valve does) holds the write lock
    // for a moment. A batch that only took a read lock would fail its first write at once: SQLite
    // does not wait for a read transaction's upgrade. The batch must wait and succeed.
    const holder = spawn(process.execPath, ['-e', `
      const db = new (require(${JSON.stringify(require.resolve('better-sqlite3'))}))(${JSON.stringify(file)});
      db.prepare('BEGIN IMMEDIATE').run();
      process.stdout.write('locked\\n');
      setTimeout(() => { db.prepare('COMMIT').run(); process.stdout.write('released\\n'); }, 300);
    `]);
    let out = '';
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (b) => { out += b; if (out.includes('locked')) resolve(); });
      holder.on('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
    });
    const errors: unknown[] = [];
    const batch = createReadBatch(d, (e) => errors.push(e));
    // Read first, then write: the order of a login that binds its device.
    batch(() => {
      d.prepare('SELECT COUNT(*) FROM zones').get();
      d.prepare("INSERT INTO zones (name, created_at) VALUES ('after-wait', 1)").run();
    });
    expect(errors).toEqual([]);
    expect(d.prepare("SELECT COUNT(*) FROM zones WHERE name = 'after-wait'").pluck().get()).toBe(1);
    await new Promise((r) => holder.on('close', r));
    expect(out).toContain('released');
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
    expect(log.items.filter((e: { result: string }) => e.result === 'accept')).toHaveLength(n / 2);
    expect(log.items.filter((e: { reason: string }) => e.reason === 'bad_password')).toHaveLength(n / 2);
  });
});
