import type { Db } from '../../db';

/**
 * Wrong PINs, counted per customer (a thief who knows the number cannot rotate MACs or addresses
 * for more guesses). The SQL of portal_pin_failures (owned by the portal).
 */
export interface PinLockState {
  failures: number;
  /** Epoch ms; a lock is in force while this is in the future. */
  lockedUntil: number | null;
}

export function createPinFailures(db: Db) {
  const get = db.prepare<[number], { failures: number; locked_until: number | null }>(
    'SELECT failures, locked_until FROM portal_pin_failures WHERE customer_id = ?',
  );
  const bump = db.prepare<[number, number]>(
    `INSERT INTO portal_pin_failures (customer_id, failures, updated_at) VALUES (?, 1, ?)
     ON CONFLICT (customer_id) DO UPDATE SET failures = failures + 1, updated_at = excluded.updated_at`,
  );
  // The count restarts with the lock: once it has run out the customer gets the full tries again.
  const lock = db.prepare<[number, number, number]>('UPDATE portal_pin_failures SET failures = 0, locked_until = ?, updated_at = ? WHERE customer_id = ?');
  const clear = db.prepare<[number]>('DELETE FROM portal_pin_failures WHERE customer_id = ?');

  return {
    state(customerId: number): PinLockState {
      const r = get.get(customerId);
      return { failures: r?.failures ?? 0, lockedUntil: r?.locked_until ?? null };
    },

    /** Counts a wrong PIN; at `maxAttempts` the customer is locked until `now + lockMs`. */
    recordFailure(customerId: number, now: number, maxAttempts: number, lockMs: number): { attemptsLeft: number; lockedUntil: number | null } {
      return db
        .transaction(() => {
          bump.run(customerId, now);
          const failures = get.get(customerId)!.failures;
          if (failures < maxAttempts) return { attemptsLeft: maxAttempts - failures, lockedUntil: null };
          lock.run(now + lockMs, now, customerId);
          return { attemptsLeft: 0, lockedUntil: now + lockMs };
        })
        .immediate();
    },

    /** A correct PIN, or the number proved by an OTP (PIN reset): the count and any lock go. */
    clear(customerId: number): void {
      clear.run(customerId);
    },
  };
}

export type PinFailures = ReturnType<typeof createPinFailures>;
