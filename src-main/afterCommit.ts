import type { Db } from './db';
import type { Bus, BusEvents } from './bus';

/**
 * Events after commit (DESIGN.md convention 11): a bus event that announces a write is raised only
 * once the transaction holding that write has committed, so a rolled-back sale never texts a
 * receipt, activates a package or disconnects anyone.
 *
 * Every emitter writes through `tx()` and announces through `afterCommit()`:
 * - outside any transaction the event is raised at once;
 * - inside `tx()` it is queued and raised when the outermost `tx()` commits, and dropped when the
 *   `tx()` (or nested `tx()`) it was raised in rolls back;
 * - inside a transaction that is not ours (the RADIUS accounting group commit, readBatch's plain
 *   BEGIN, a test's db.transaction) we cannot see its commit, so the event waits for a microtask
 *   after that transaction ended and is raised only if `stillTrue()` confirms the change is in the
 *   database. That is why every event names its own re-check.
 */
export interface Events {
  /** Runs `fn` in a transaction (a savepoint when nested) and raises its events once it committed. */
  tx<T>(fn: () => T, opts?: { immediate?: boolean }): T;
  /**
   * Raises `event` after the current transaction commits (at once when there is none).
   * `stillTrue` re-reads the database: used only when the transaction was someone else's.
   */
  afterCommit<K extends keyof BusEvents>(event: K, payload: BusEvents[K], stillTrue: () => boolean): void;
}

interface Queued {
  event: keyof BusEvents;
  payload: BusEvents[keyof BusEvents];
  stillTrue: () => boolean;
  /** Raised inside a transaction we do not own: re-check before raising. */
  foreign: boolean;
}

export function createEvents(db: Db, bus: Bus): Events {
  const queue: Queued[] = [];
  // Depth of our own tx() calls; `outerForeign`: the outermost one began inside someone else's
  // transaction, so its commit is only a savepoint release.
  let depth = 0;
  let outerForeign = false;
  let flushQueued = false;

  function flush(): void {
    if (queue.length === 0 || depth > 0) return;
    if (db.inTransaction) {
      // Someone else's transaction is still open: look again once it has ended.
      if (!flushQueued) {
        flushQueued = true;
        queueMicrotask(() => {
          flushQueued = false;
          flush();
        });
      }
      return;
    }
    const batch = queue.splice(0);
    // The engine may have stopped (database closed) before a deferred flush ran: drop quietly.
    if (!db.open) return;
    for (const q of batch) {
      if (q.foreign && !q.stillTrue()) continue;
      bus.emit(q.event, q.payload as never);
    }
  }

  return {
    tx<T>(fn: () => T, opts: { immediate?: boolean } = {}): T {
      if (depth === 0) outerForeign = db.inTransaction;
      const mark = queue.length;
      depth++;
      let result: T;
      try {
        const run = db.transaction(fn);
        result = opts.immediate ? run.immediate() : run();
      } catch (err) {
        // Rolled back (to this savepoint): what it raised never happened.
        queue.length = mark;
        depth--;
        throw err;
      }
      depth--;
      flush();
      return result;
    },

    afterCommit(event, payload, stillTrue) {
      if (depth === 0 && !db.inTransaction) {
        bus.emit(event, payload);
        return;
      }
      queue.push({ event, payload, stillTrue, foreign: depth === 0 || outerForeign });
      flush();
    },
  };
}
