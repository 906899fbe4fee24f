import type { Db } from './index';

/**
 * Runs a batch of short, synchronous request handlers inside one SQLite transaction.
 *
 * Why: in WAL mode every statement outside a transaction is its own read transaction, and taking
 * and dropping its WAL read lock costs two fcntl() system calls plus SQLite's snapshot set-up:
 * about 2 µs of a ~5 µs login lookup (measured in round 4, docs/performance.md). A batch of
 * Access-Requests handled back to back pays that once. Writes a handler makes (a device binding,
 * an auth-log flush, settling an expired package) join the transaction (better-sqlite3 nests its
 * own transactions as savepoints) and commit with the batch, microseconds later; nothing in a
 * batch is acknowledged as durable, and replies do not wait for the commit.
 *
 * A plain (deferred) BEGIN: the batch takes only the read lock, so logins never wait for the
 * write lock, as before batching (WAL readers run beside a writer). The price: while another
 * connection holds the write lock (the checkpointer's TRUNCATE safety valve, an owner's sqlite3
 * shell), a write inside the batch fails at once with SQLITE_BUSY instead of waiting, because
 * SQLite does not wait to upgrade a read transaction. Every write on the Access-Request path
 * copes: the auth log keeps its lines and writes them later, a device binding is skipped (the
 * customer binds on the next login), and a failed package settlement drops the request unanswered
 * so the router retries. (BEGIN IMMEDIATE would avoid that, but then every login would wait
 * behind such a lock for up to busy_timeout; SQLite applies `PRAGMA busy_timeout` when the pragma
 * is prepared, so it cannot be lowered cheaply around one BEGIN either.)
 *
 * Only for code that runs synchronously from start to end (no await inside `run`): otherwise
 * another callback, say the accounting group commit that must commit durably itself, could run
 * inside the open transaction. A batch already inside a transaction just runs.
 */
export interface ReadBatch {
  (run: () => void): void;
  /** Batches run so far. */
  stats(): { batches: number };
}

export function createReadBatch(db: Db, onError: (err: unknown) => void): ReadBatch {
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  let batches = 0;

  const batch = (run: () => void): void => {
    if (db.inTransaction) return run();
    batches++;
    try {
      begin.run();
    } catch (err) {
      onError(err);
      return run();
    }
    try {
      run();
    } finally {
      if (db.inTransaction) {
        try {
          commit.run();
        } catch (err) {
          // A failed commit (disk full, I/O error) loses this batch's bindings and log lines, never
          // a decision already sent; the next batch starts clean.
          onError(err);
          try {
            if (db.inTransaction) rollback.run();
          } catch (e) {
            onError(e);
          }
        }
      }
    }
  };
  return Object.assign(batch, { stats: () => ({ batches }) });
}
