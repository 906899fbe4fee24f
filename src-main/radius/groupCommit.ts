import type { Db } from '../db';

/**
 * Group commit: work submitted while the event loop is busy is applied in one SQLite
 * transaction, committed with `synchronous = FULL` (the WAL is fsynced before COMMIT returns), and
 * only then are the submitters' promises resolved, which is when accounting answers the router.
 *
 * What a crash can lose, at any instant:
 * - before COMMIT returns: the whole open batch rolls back. None of it was acknowledged, so every
 *   router retransmits those requests and they are applied then (idempotently, see accounting.ts).
 * - after COMMIT returns: nothing; the batch is in the fsynced WAL, acknowledged or not yet.
 * So nothing acknowledged is ever lost. One fsync is shared by the whole batch, which is where
 * the throughput comes from: at N requests in flight, one disk flush serves up to N of them.
 *
 * Each item runs in its own savepoint, so one bad record fails alone instead of its whole batch.
 */
export interface GroupCommitter<T> {
  submit(item: T): Promise<void>;
  /** Applies everything queued now (tests, stop()). */
  flushNow(): void;
  pending(): number;
  stats(): { batches: number; items: number; largestBatch: number };
}

const MAX_GATHER_US = 2000;

export function createGroupCommitter<T>(db: Db, apply: (item: T) => void, maxBatch = 5000): GroupCommitter<T> {
  type Waiter = { item: T; resolve: () => void; reject: (e: unknown) => void };
  let queue: Waiter[] = [];
  let scheduled = false;
  const stats = { batches: 0, items: 0, largestBatch: 0 };
  // The engine's connection runs synchronous=NORMAL (durable against a process crash, not a power
  // cut). Accounting acknowledges durability, so its commits switch to FULL and back.
  const baseSync = db.pragma('synchronous', { simple: true }) as number;
  const applyOne = db.transaction((item: T) => apply(item)); // nested: runs as a SAVEPOINT
  const runBatch = db.transaction((batch: Waiter[]) => {
    const failed: unknown[] = [];
    for (const w of batch) {
      try {
        applyOne(w.item);
        failed.push(undefined);
      } catch (err) {
        failed.push(err ?? new Error('failed'));
      }
    }
    return failed;
  });

  // libuv reads at most 32 datagrams per socket per loop turn, so flushing on the first
  // setImmediate would commit (and fsync) every 32 records. Instead keep turning the loop while
  // turns still bring new records, for at most MAX_GATHER_MS: the batch then holds everything the
  // routers have in flight, and the fsync is shared by all of it.
  let gatherStart = 0;
  let lastSize = 0;
  function gather(): void {
    const grew = queue.length > lastSize;
    lastSize = queue.length;
    if (grew && queue.length < maxBatch && Number(process.hrtime.bigint() / 1000n) - gatherStart < MAX_GATHER_US) {
      setImmediate(gather);
      return;
    }
    flushNow();
  }

  function flushNow(): void {
    scheduled = false;
    while (queue.length > 0) {
      const batch = queue.length > maxBatch ? queue.splice(0, maxBatch) : queue;
      if (batch === queue) queue = [];
      let results: unknown[];
      try {
        db.pragma('synchronous = FULL');
        try {
          results = runBatch(batch);
        } finally {
          db.pragma(`synchronous = ${baseSync}`);
        }
      } catch (err) {
        for (const w of batch) w.reject(err);
        continue;
      }
      stats.batches++;
      stats.items += batch.length;
      if (batch.length > stats.largestBatch) stats.largestBatch = batch.length;
      batch.forEach((w, i) => (results[i] === undefined ? w.resolve() : w.reject(results[i])));
    }
  }

  return {
    submit(item) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          gatherStart = Number(process.hrtime.bigint() / 1000n);
          lastSize = queue.length;
          setImmediate(gather);
        }
      });
    },
    flushNow,
    pending: () => queue.length,
    stats: () => ({ ...stats }),
  };
}
