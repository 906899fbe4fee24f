/** Five wrong passwords in a row pause an account's sign-in for 15 minutes (issue 11). */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;

export interface LockState {
  failedLogins: number;
  lockedUntil: number | null;
}

/** Whether the account refuses sign-in at `now` (a lock that has run out no longer counts). */
export function isLocked(s: LockState, now: number): boolean {
  return s.lockedUntil !== null && s.lockedUntil > now;
}

/**
 * The state after one more wrong password. The count restarts once a lock is set, so after the
 * pause the account again gets five tries rather than being locked by the next single slip.
 */
export function afterWrongPassword(s: LockState, now: number): LockState {
  const failed = (isLocked(s, now) ? 0 : s.failedLogins) + 1;
  if (failed >= MAX_FAILED_LOGINS) return { failedLogins: 0, lockedUntil: now + LOCK_MS };
  return { failedLogins: failed, lockedUntil: null };
}
