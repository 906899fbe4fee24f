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
 *   BEGIN, a caller's db.transaction) we cannot see its commit. The event then writes a token row
 *   into a TEMP table in that same transaction and waits until the transaction has ended (checked
 *   on the next microtask, as often as needed); it is raised only if its token survived, i.e. the
 *   transaction committed. TEMP tables roll back with the transaction but are private to this
 *   connection and never touch the database file, so this adds no lock and no disk write; tokens
 *   are never reused, so a rolled-back token cannot be mistaken for a later committed one.
 */
export interface Events {
  /** Runs `fn` in a transaction (a savepoint when nested) and raises its events once it committed. */
  tx<T>(fn: () => T, opts?: { immediate?: boolean }): T;
  /** Raises `event` after the current transaction commits (at once when there is none). */
  afterCommit<K extends keyof BusEvents>(event: K, payload: BusEvents[K]): void;
}

interface Queued {
  event: keyof BusEvents;
  payload: BusEvents[keyof BusEvents];
  /** 0: raised in our own transaction (commit seen). Else the token written into someone else's. */
  token: number;
}

export function createEvents(db: Db, bus: Bus): Events {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS pending_event_tokens (token INTEGER PRIMARY KEY)');
  const putToken = db.prepare<[number]>('INSERT INTO temp.pending_event_tokens (token) VALUES (?)');
  const hasToken = db.prepare<[number], { token: number }>('SELECT token FROM temp.pending_event_tokens WHERE token = ?');
  const dropTokens = db.prepare<[number]>('DELETE FROM temp.pending_event_tokens WHERE token <= ?');

  const queue: Queued[] = [];
  let lastToken = 0;
  // Depth of our own tx() calls; `outerForeign`: the outermost one began inside someone else's
  // transaction, so its "commit" is only a savepoint release.
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
    // Decide every event before raising any: a listener may write, and queue tokens of its own.
    let maxToken = 0;
    const committed = batch.map((q) => {
      if (q.token === 0) return true;
      maxToken = Math.max(maxToken, q.token);
      return hasToken.get(q.token) !== undefined;
    });
    if (maxToken > 0) dropTokens.run(maxToken);
    batch.forEach((q, i) => {
      if (committed[i]) bus.emit(q.event, q.payload as never);
    });
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

    afterCommit(event, payload) {
      if (depth === 0 && !db.inTransaction) {
        bus.emit(event, payload);
        return;
      }
      let token = 0;
      if (depth === 0 || outerForeign) {
        token = ++lastToken;
        putToken.run(token);
      }
      queue.push({ event, payload, token });
      // Not inside our tx() (whose end flushes): wait for the caller's transaction to end.
      if (depth === 0) flush();
    },
  };
}
