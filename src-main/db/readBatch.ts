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
 * BEGIN IMMEDIATE, not a plain BEGIN: a read transaction that later writes must upgrade to the
 * write lock, and SQLite does not wait (busy handler) for an upgrade, because the holder may be
 * waiting for our read lock: while the checkpointer's TRUNCATE safety valve held the write lock,
 * an auth-log flush inside a plain BEGIN failed with SQLITE_BUSY at once. Taking the write lock
 * up front waits like any other write (busy_timeout) and then cannot fail that way. It costs
 * one more lock call per batch; the connection is this process's only writer.
 *
 * Only for code that runs synchronously from start to end (no await inside `run`): otherwise
 * another callback, say the accounting group commit that must commit durably itself, could run
 * inside the open transaction. A batch already inside a transaction just runs.
 */
export function createReadBatch(db: Db, onError: (err: unknown) => void): (run: () => void) => void {
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  return (run) => {
    if (db.inTransaction) return run();
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
}
