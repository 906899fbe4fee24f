import type { Db } from '../db';
import type { AppError } from '../errors';
import { isAnsweredError } from './rosErrors';

/**
 * The router's status columns, kept for the UI: reachable, when we last talked to it
 * successfully, the last error (owner-facing message, never a secret), version and identity.
 */

export function recordContact(db: Db, routerId: number, now: number, info: { version?: string; identity?: string } = {}): void {
  db.prepare(
    `UPDATE routers SET status_reachable = 1, status_last_sync_at = ?, status_last_error = NULL,
       status_version = COALESCE(?, status_version), status_identity = COALESCE(?, status_identity)
     WHERE id = ?`,
  ).run(now, info.version ?? null, info.identity ?? null, routerId);
}

export function recordFailure(db: Db, routerId: number, err: AppError): void {
  // A !trap means the router answered: it is reachable, the command failed.
  db.prepare('UPDATE routers SET status_reachable = ?, status_last_error = ? WHERE id = ?').run(
    isAnsweredError(err) ? 1 : 0,
    err.message,
    routerId,
  );
}
