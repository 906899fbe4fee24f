import { describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../src-main/db';
import { startCheckpointer, type CheckpointerLog } from '../../src-main/db/checkpointer';
import { tmpDir } from '../helpers/tmp';
import { testEngine } from '../helpers/engine';

const walBytes = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);

/** A migrated database whose connection, like the engine's, never checkpoints by itself. */
function mainDb(): { db: Db; file: string } {
  const file = path.join(tmpDir(), 'h.db');
  const db = openDatabase(file);
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, pad BLOB)');
  return { db, file };
}

/** Enough commits to put a few thousand pages in the WAL (about 8 MB). */
function fill(db: Db, rows = 2000) {
  const ins = db.prepare('INSERT INTO filler (pad) VALUES (randomblob(4000))');
  for (let i = 0; i < rows; i += 100) db.transaction(() => { for (let j = 0; j < 100; j++) ins.run(); })();
}

// A worker is not listed by process.getActiveResourcesInfo(); its OS thread is the handle that
// counts (Linux: one entry per thread in /proc/self/task). A thread that stays would be a leak.
const threads = () => (fs.existsSync('/proc/self/task') ? fs.readdirSync('/proc/self/task').length : 0);
const settleThreads = async (target: number) => {
  for (let i = 0; i < 50 && threads() > target; i++) await new Promise((r) => setTimeout(r, 10));
};

describe('WAL checkpointer (worker thread)', () => {
  it('checkpoints the frames main-thread writers leave in the WAL, without blocking them', async () => {
    const { db, file } = mainDb();
    const cp = startCheckpointer(file, { intervalMs: 20, fallbackDb: db });
    try {
      await vi.waitFor(() => expect(cp.stats().running).toBe(true), { timeout: 5000, interval: 5 });
      fill(db);
      const grown = walBytes(file);
      expect(grown).toBeGreaterThan(4 * 2 ** 20); // autocheckpoint is off: the WAL grew past its default
      // The worker's PASSIVE checkpoint moves every frame into the database file.
      await vi.waitFor(() => {
        const s = cp.stats();
        expect(s.framesCheckpointed).toBeGreaterThanOrEqual(2000);
        expect(s.last?.checkpointed).toBe(s.last?.walFrames);
      }, { timeout: 10_000, interval: 10 });
      // Nothing left for the main connection to do: its own PASSIVE finds every frame backfilled
      // (busy while the worker holds the checkpoint lock at that instant: ask again)…
      await vi.waitFor(() => {
        const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
        expect(row).toMatchObject({ busy: 0, log: expect.any(Number) });
        expect(row!.checkpointed).toBe(row!.log);
      }, { timeout: 5000, interval: 5 });
      // …and the next writer restarts the WAL from its beginning instead of appending.
      fill(db, 100);
      await vi.waitFor(() => expect(cp.stats().last!.walFrames).toBeLessThan(1000), { timeout: 10_000, interval: 10 });
      expect(walBytes(file)).toBe(grown); // reused in place, not grown
      expect(cp.stats().fellBack).toBe(false);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      expect(db.prepare('SELECT COUNT(*) AS n FROM filler').get()).toEqual({ n: 2100 });
    } finally {
      await cp.stop();
      db.close();
    }
  });

  it('truncates the WAL when a long reader keeps PASSIVE from finishing and the WAL passes its limit', async () => {
    const { db, file } = mainDb();
    const log = vi.fn<CheckpointerLog>();
    const cp = startCheckpointer(file, { intervalMs: 20, maxWalBytes: 2 ** 20, truncateBusyTimeoutMs: 10_000, truncateBackoffMs: 0, fallbackDb: db, log });
    // A reader holding a snapshot from before the writes: no checkpoint may copy past it.
    const reader = openDatabase(file);
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) FROM filler').get();
      fill(db, 1000);
      expect(walBytes(file)).toBeGreaterThan(2 ** 20);
      // The worker's TRUNCATE now holds the write lock while it waits for that reader (this is the
      // case where writers may be blocked): a writer that does not wait sees SQLITE_BUSY.
      db.pragma('busy_timeout = 0');
      // The worker posts that PASSIVE's result just before it starts the TRUNCATE; the message can
      // reach us after the lock does, so wait for both.
      await vi.waitFor(() => {
        expect(() => db.exec('BEGIN IMMEDIATE; ROLLBACK')).toThrow(/locked|busy/i);
        const last = cp.stats().last;
        expect(last).not.toBeNull();
        expect(last!.checkpointed).toBeLessThan(last!.walFrames); // PASSIVE was stuck
      }, { timeout: 10_000, interval: 5 });
      reader.exec('COMMIT');
      await vi.waitFor(() => expect(cp.stats().truncatesCompleted).toBeGreaterThan(0), { timeout: 10_000, interval: 10 });
      expect(walBytes(file)).toBe(0);
      expect(log).toHaveBeenCalledWith('info', expect.stringContaining('TRUNCATE'), expect.anything());
      db.pragma('busy_timeout = 5000');
      expect(db.prepare('SELECT COUNT(*) AS n FROM filler').get()).toEqual({ n: 1000 });
    } finally {
      if (reader.inTransaction) reader.exec('COMMIT');
      reader.close();
      await cp.stop();
      db.close();
    }
  });

  it('leaves a large but fully checkpointed WAL alone (no TRUNCATE, writers are never blocked for it)', async () => {
    const { db, file } = mainDb();
    const cp = startCheckpointer(file, { intervalMs: 20, maxWalBytes: 2 ** 20, truncateBackoffMs: 0, fallbackDb: db });
    try {
      db.transaction(() => fill(db, 1000))(); // one big transaction: the WAL's high-water mark
      await vi.waitFor(() => {
        const s = cp.stats();
        expect(s.last?.walFrames).toBeGreaterThan(0);
        expect(s.last?.checkpointed).toBe(s.last?.walFrames);
      }, { timeout: 10_000, interval: 10 });
      const checkpoints = cp.stats().checkpoints;
      await vi.waitFor(() => expect(cp.stats().checkpoints).toBeGreaterThan(checkpoints + 3), { timeout: 10_000, interval: 10 });
      expect(walBytes(file)).toBeGreaterThan(2 ** 20);
      expect(cp.stats().truncates).toBe(0);
    } finally {
      await cp.stop();
      db.close();
    }
  });

  it('stop() runs a final checkpoint, ends the worker and leaves no handle behind; it is idempotent', async () => {
    const before = threads();
    const { db, file } = mainDb();
    // A long interval: only the final checkpoint of stop() can move these frames.
    const cp = startCheckpointer(file, { intervalMs: 60_000, fallbackDb: db });
    await vi.waitFor(() => expect(cp.stats().running).toBe(true), { timeout: 5000, interval: 5 });
    if (before > 0) expect(threads()).toBeGreaterThan(before); // the worker's thread
    fill(db, 200);
    expect(cp.stats().checkpoints).toBe(0);
    await cp.stop();
    const s = cp.stats();
    expect(s.running).toBe(false);
    expect(s.checkpoints).toBe(1);
    expect(s.framesCheckpointed).toBeGreaterThanOrEqual(200);
    expect(s.fellBack).toBe(false); // a requested stop is not a death
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await settleThreads(before);
    expect(threads()).toBe(before);
    await cp.stop();
    db.close();
  });

  it('a worker that dies hands checkpointing back to SQLite on the main connection', async () => {
    const { db, file } = mainDb();
    const log = vi.fn<CheckpointerLog>();
    const cp = startCheckpointer(file, { intervalMs: 20, fallbackDb: db, log });
    try {
      await vi.waitFor(() => expect(cp.stats().running).toBe(true), { timeout: 5000, interval: 5 });
      cp.simulateCrash();
      await vi.waitFor(() => expect(cp.stats().fellBack).toBe(true), { timeout: 5000, interval: 5 });
      expect(cp.stats().running).toBe(false);
      expect(cp.stats().lastError).toMatch(/simulated/);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      expect(log).toHaveBeenCalledWith('error', expect.stringContaining('re-enabled'), expect.objectContaining({ restored: true }));
      // SQLite checkpoints again by itself: the WAL stays bounded.
      fill(db, 3000);
      expect(walBytes(file)).toBeLessThan(8 * 2 ** 20);
    } finally {
      await cp.stop();
      db.close();
    }
  });

  it('a worker that cannot even start falls back too, and never throws into the caller', async () => {
    const { db, file } = mainDb();
    const log = vi.fn<CheckpointerLog>();
    const cp = startCheckpointer(file, { fallbackDb: db, log, sqlitePath: path.join(tmpDir(), 'no-such-module.js') });
    await vi.waitFor(() => expect(cp.stats().fellBack).toBe(true), { timeout: 5000, interval: 5 });
    expect(cp.stats().errors).toBeGreaterThan(0);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await cp.stop();
    db.close();
  });
});

describe('engine wiring', () => {
  it('runs the checkpointer while started: autocheckpoint off, stats in status(), all undone on stop', async () => {
    const { engine } = await testEngine();
    const before = threads();
    await engine.start();
    expect(engine.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await vi.waitFor(() => expect((engine.status() as any).checkpointer.checkpoints).toBeGreaterThan(0), { timeout: 5000, interval: 10 });
    expect((engine.status() as any).checkpointer).toMatchObject({ running: true, fellBack: false, errors: 0 });
    await engine.stop();
    expect(engine.db.open).toBe(false);
    await settleThreads(before);
    expect(threads()).toBe(before);
  });
});
