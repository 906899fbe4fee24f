import { Worker } from 'node:worker_threads';
import type { Db } from './index';
import type { Subsystem } from '../deps';
import type { Logger } from '../log';

/**
 * WAL checkpoints off the event loop.
 *
 * With SQLite's default `wal_autocheckpoint = 1000`, the commit that pushes the WAL past 1000 pages
 * runs a checkpoint (copying pages into the database file, with an fsync) inside that commit, on
 * the event loop: an auth-log flush that normally takes 1–2 ms then takes 8–16 ms and every RADIUS
 * request queued behind it waits (docs/performance.md, round 2). The engine's connection therefore
 * runs `wal_autocheckpoint = 0` (set by createWalCheckpointer while this runs), and a worker thread with its
 * OWN connection to the same file runs `PRAGMA wal_checkpoint(PASSIVE)` every `intervalMs`.
 * PASSIVE never takes the write lock and never waits for readers or writers: it copies what it can
 * and returns, so writers on the main thread never wait on it.
 *
 * Safety valve: if the WAL's content (its frames since it last restarted) passes `maxWalBytes` and
 * PASSIVE could not finish (a long reader pins old frames, so writers keep appending), the worker runs one `wal_checkpoint(TRUNCATE)` with its own busy_timeout. TRUNCATE takes the
 * write lock and waits for readers, so it MAY briefly block the main thread's writers (up to that
 * busy_timeout); it only happens in that pathological case, at most once per `truncateBackoffMs`.
 *
 * If the worker dies (crash, failed to open the database, terminated by someone else), the
 * checkpointer logs it and, when given `fallbackDb`, re-enables `wal_autocheckpoint` on that
 * connection, so the WAL can never grow without bound. A worker problem never throws into the
 * engine.
 */

export type CheckpointerLog = (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;

export interface CheckpointerOptions {
  /** How often the worker runs a PASSIVE checkpoint. Default 250 ms. */
  intervalMs?: number;
  /** -wal file size that triggers one TRUNCATE checkpoint. Default 64 MiB. */
  maxWalBytes?: number;
  /** busy_timeout of the worker's connection for that TRUNCATE. Default 2000 ms. */
  truncateBusyTimeoutMs?: number;
  /** At most one TRUNCATE attempt per this many ms. Default 5000 ms. */
  truncateBackoffMs?: number;
  /** The main connection: gets `wal_autocheckpoint = fallbackAutocheckpoint` back if the worker dies. */
  fallbackDb?: Db;
  /** Pages, SQLite's default. */
  fallbackAutocheckpoint?: number;
  /** How long stop() waits for the worker's final checkpoint before terminating it. Default 2000 ms. */
  stopTimeoutMs?: number;
  log?: CheckpointerLog;
  /** Where better-sqlite3 lives (tests point it elsewhere to simulate a worker that cannot start). */
  sqlitePath?: string;
}

export interface CheckpointerStats {
  /** The worker is alive and checkpointing. */
  running: boolean;
  /** PASSIVE checkpoints run, and how many of them moved at least one frame. */
  checkpoints: number;
  checkpointsMovingFrames: number;
  /** Frames copied into the database by PASSIVE checkpoints (summed over checkpoints). */
  framesCheckpointed: number;
  /** The last PASSIVE result: WAL frames, frames checkpointed, whether it was busy, its duration. */
  last: { busy: boolean; walFrames: number; checkpointed: number; ms: number; walBytes: number } | null;
  /** Most frames seen in the WAL at once: stays small while checkpoints keep up. */
  maxWalFrames: number;
  /** Longest single checkpoint in the worker (ms). It runs off the event loop; for information. */
  maxMs: number;
  /** TRUNCATE safety-valve runs (attempted / completed without busy). */
  truncates: number;
  truncatesCompleted: number;
  errors: number;
  lastError: string | null;
  /** The worker died and wal_autocheckpoint was re-enabled on the main connection. */
  fellBack: boolean;
}

export interface Checkpointer {
  /**
   * Settles once the worker has its connection open (or has died, having fallen back); never
   * rejects. Await it before announcing readiness: a signal that arrives while a worker thread is
   * still starting can take the process down before its handlers run (seen with SIGINT on Node 20).
   */
  ready: Promise<void>;
  /** A final PASSIVE checkpoint in the worker, then the worker is terminated. Idempotent. */
  stop(): Promise<void>;
  stats(): CheckpointerStats;
  /** Tests only: makes the worker throw an uncaught error, as a crash would. */
  simulateCrash(): void;
}

// The worker body: plain CommonJS run with `eval: true`, so it works from vitest (TS sources,
// no build), from build/main and from Electron alike. The native module is required by the path
// the main thread resolved.
const WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.sqlitePath);
const { dbFile, intervalMs, maxWalBytes, truncateBusyTimeoutMs, truncateBackoffMs } = workerData;
const walFile = dbFile + '-wal';
const db = new Database(dbFile, { fileMustExist: true });
// PASSIVE never calls the busy handler; this timeout only applies to the TRUNCATE safety valve.
db.pragma('busy_timeout = ' + Number(truncateBusyTimeoutMs));
let lastTruncate = -Infinity;
// Bytes the current WAL content takes: a 32-byte header, then per frame a 24-byte header and a page.
const frameBytes = db.pragma('page_size', { simple: true }) + 24;
const walSize = () => { try { return fs.statSync(walFile).size; } catch { return 0; } };
function checkpoint(mode) {
  const t0 = performance.now();
  const row = db.pragma('wal_checkpoint(' + mode + ')')[0];
  return { busy: row.busy !== 0, walFrames: row.log, checkpointed: row.checkpointed, ms: performance.now() - t0 };
}
function tick() {
  try {
    const r = checkpoint('PASSIVE');
    r.walBytes = walSize();
    parentPort.postMessage({ type: 'checkpoint', ...r });
    // Judged by the frames in the current WAL, not the file's size: once fully backfilled the WAL is
    // restarted from its beginning by the next writer, so a -wal file that is merely large (its
    // high-water mark from one big transaction) grows no further and is not worth blocking writers.
    const walContent = 32 + r.walFrames * frameBytes;
    if (walContent > maxWalBytes && r.checkpointed < r.walFrames && performance.now() - lastTruncate >= truncateBackoffMs) {
      lastTruncate = performance.now();
      const t = checkpoint('TRUNCATE');
      t.walBytes = walSize();
      parentPort.postMessage({ type: 'truncate', ...t });
    }
  } catch (e) {
    parentPort.postMessage({ type: 'error', message: String(e && e.message || e) });
  }
}
const timer = setInterval(tick, intervalMs);
parentPort.on('message', (m) => {
  if (m.type === 'stop') {
    clearInterval(timer);
    tick();
    try { db.close(); } catch (e) { parentPort.postMessage({ type: 'error', message: String(e && e.message || e) }); }
    parentPort.postMessage({ type: 'stopped' });
    parentPort.close();
  } else if (m.type === 'crash') {
    setImmediate(() => { throw new Error('simulated checkpointer crash'); });
  }
});
parentPort.postMessage({ type: 'ready' });
`;

export function startCheckpointer(dbFile: string, opts: CheckpointerOptions = {}): Checkpointer {
  const log: CheckpointerLog = opts.log ?? (() => {});
  const stats: CheckpointerStats = {
    running: false,
    checkpoints: 0,
    checkpointsMovingFrames: 0,
    framesCheckpointed: 0,
    last: null,
    maxMs: 0,
    maxWalFrames: 0,
    truncates: 0,
    truncatesCompleted: 0,
    errors: 0,
    lastError: null,
    fellBack: false,
  };
  let stopping = false;
  let exited = false;
  let onStopped: (() => void) | null = null;
  let stopPromise: Promise<void> | null = null;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      dbFile,
      sqlitePath: opts.sqlitePath ?? require.resolve('better-sqlite3'),
      intervalMs: opts.intervalMs ?? 250,
      maxWalBytes: opts.maxWalBytes ?? 64 * 2 ** 20,
      truncateBusyTimeoutMs: opts.truncateBusyTimeoutMs ?? 2000,
      truncateBackoffMs: opts.truncateBackoffMs ?? 5000,
    },
    // Its own small heap: it holds one connection and a timer.
    resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 },
  });
  // Never keeps the process alive by itself; the engine's stop() ends it explicitly.
  worker.unref();

  const fail = (message: string) => {
    stats.errors++;
    stats.lastError = message;
  };

  worker.on('message', (m: { type: string; message?: string; busy?: boolean; walFrames?: number; checkpointed?: number; ms?: number; walBytes?: number }) => {
    switch (m.type) {
      case 'ready':
        if (!stopping) stats.running = true;
        markReady();
        break;
      case 'checkpoint': {
        const last = { busy: !!m.busy, walFrames: m.walFrames ?? 0, checkpointed: m.checkpointed ?? 0, ms: m.ms ?? 0, walBytes: m.walBytes ?? 0 };
        // `checkpointed` counts from the start of the current WAL. Fewer frames than last time means
        // a writer restarted the WAL from its beginning, so everything counted is new. (-1 values:
        // not in WAL mode, cannot happen here.)
        const prev = stats.last;
        const sameWal = prev !== null && last.walFrames >= prev.walFrames && last.checkpointed >= prev.checkpointed;
        const moved = Math.max(0, last.checkpointed - (sameWal ? Math.max(0, prev.checkpointed) : 0));
        stats.checkpoints++;
        if (moved > 0) stats.checkpointsMovingFrames++;
        stats.framesCheckpointed += moved;
        stats.maxMs = Math.max(stats.maxMs, last.ms);
        stats.maxWalFrames = Math.max(stats.maxWalFrames, last.walFrames);
        stats.last = last;
        break;
      }
      case 'truncate':
        stats.truncates++;
        if (!m.busy) stats.truncatesCompleted++;
        log(m.busy ? 'warn' : 'info', 'WAL past its size limit: TRUNCATE checkpoint', { busy: !!m.busy, walBytesAfter: m.walBytes, ms: m.ms });
        break;
      case 'error':
        fail(m.message ?? 'unknown');
        log('error', 'WAL checkpoint failed', { err: m.message });
        break;
      case 'stopped':
        onStopped?.();
        break;
    }
  });
  worker.on('error', (e) => {
    fail(e.message);
    log('error', 'checkpointer worker crashed', { err: e.message });
  });
  worker.on('exit', (code) => {
    exited = true;
    stats.running = false;
    markReady();
    onStopped?.();
    if (stopping) return;
    // Died on its own: nobody checkpoints any more. Hand checkpointing back to SQLite.
    stats.fellBack = true;
    const db = opts.fallbackDb;
    let restored = false;
    if (db?.open) {
      try {
        db.pragma(`wal_autocheckpoint = ${opts.fallbackAutocheckpoint ?? 1000}`);
        restored = true;
      } catch (e) {
        fail((e as Error).message);
      }
    }
    log('error', 'checkpointer worker exited; wal_autocheckpoint re-enabled on the main connection', { exitCode: code, restored });
  });

  return {
    ready,
    stats: () => ({ ...stats, last: stats.last && { ...stats.last } }),
    simulateCrash: () => {
      if (!exited) worker.postMessage({ type: 'crash' });
    },
    stop(): Promise<void> {
      if (stopPromise) return stopPromise;
      stopping = true;
      stopPromise = (async () => {
        if (!exited) {
          // Held alive until it has gone: a shutdown must not end the process mid-way.
          worker.ref();
          // Ask for a final PASSIVE checkpoint and a clean close of its connection, bounded in time.
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, opts.stopTimeoutMs ?? 2000);
            onStopped = () => {
              clearTimeout(timer);
              resolve();
            };
            worker.postMessage({ type: 'stop' });
          });
          onStopped = null;
          await worker.terminate();
        }
        stats.running = false;
      })();
      return stopPromise;
    },
  };
}

export interface WalCheckpointerOptions {
  /** How long start() waits for the worker before SQLite's own autocheckpoint comes back. Default 5000 ms. */
  startTimeoutMs?: number;
}

/**
 * The engine's WAL checkpointer as a Subsystem. With SQLite's automatic checkpoint, the commit
 * that crosses 1000 WAL pages copies them into the database (with an fsync) on the event loop, and
 * every RADIUS request queued behind that auth-log flush waits (p99 7–18 ms at half the peak). So
 * while a worker thread checkpoints PASSIVE on its own connection, the engine's connection runs
 * `wal_autocheckpoint = 0`. It is switched off only here, while that worker runs: the checkpointer
 * turns it back on if the worker dies, and stop() restores it, so the WAL is never left without
 * someone checkpointing it.
 */
export function createWalCheckpointer(db: Db, log: Logger, opts: WalCheckpointerOptions = {}): Subsystem<CheckpointerStats | null> {
  const startTimeoutMs = opts.startTimeoutMs ?? 5000;
  let checkpointer: Checkpointer | null = null;
  return {
    async start() {
      db.pragma('wal_autocheckpoint = 0');
      checkpointer = startCheckpointer(db.name, {
        fallbackDb: db,
        log: (level, msg, fields) => log[level](fields ?? {}, msg),
      });
      // Never rejects; a worker that could not start has already fallen back. One that hangs
      // while starting must not hang the engine: after 5 s SQLite's own autocheckpoint comes back
      // (two checkpointers are harmless; PASSIVE never blocks writers).
      let timer: NodeJS.Timeout | undefined;
      const started = await Promise.race([
        checkpointer.ready.then(() => true),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(false), startTimeoutMs))),
      ]);
      clearTimeout(timer);
      if (!started) {
        db.pragma('wal_autocheckpoint = 1000');
        log.warn(`WAL checkpoint worker did not start in ${startTimeoutMs / 1000} s; SQLite checkpoints on the main thread`);
      }
    },
    async stop() {
      await checkpointer?.stop();
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
    },
    status: () => checkpointer?.stats() ?? null,
  };
}
