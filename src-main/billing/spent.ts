/**
 * "Is this subscription spent at time t?" — the one place that decides it (DESIGN.md convention 9).
 * Billing ends subscriptions with it (settle, chargeUsage) and RADIUS refuses a login with it
 * before the scheduler has caught up. Pure: no clock, no database.
 *
 * Time is checked first: when both ran out, time ran out before the charge that crossed the data
 * limit was recorded, so the subscription ended by expiring. An 'onlineTime' subscription whose
 * online allowance is used up has run out of time too: 'expired' (the reason a customer and the
 * owner already know, and the RADIUS reject reason for it).
 *
 * A 'firstLogin' subscription not logged in yet has no expiry (expiresAt null) until its clock
 * starts, so it is never spent by time before then.
 */
export type SpentReason = 'expired' | 'exhausted';

export interface SpendableSubscription {
  /** The hard deadline: expiry ('purchase', started 'firstLogin') or use-within ('onlineTime'). */
  expiresAt: number | null;
  dataLimitBytes: number | null;
  bytesUsed: number;
  /** The package clock as sold; absent means 'purchase'. */
  clock?: string;
  /** For 'onlineTime': the online allowance. */
  validitySeconds?: number | null;
  /** Online seconds charged so far. */
  secondsUsed?: number;
}

export function subscriptionSpent(s: SpendableSubscription, now: number): SpentReason | null {
  if (s.expiresAt !== null && s.expiresAt <= now) return 'expired';
  if (s.clock === 'onlineTime' && s.validitySeconds != null && (s.secondsUsed ?? 0) >= s.validitySeconds) return 'expired';
  if (s.dataLimitBytes !== null && s.bytesUsed >= s.dataLimitBytes) return 'exhausted';
  return null;
}

/**
 * Seconds of access left at `now` (fractional; callers round the way they need): to the deadline,
 * and for 'onlineTime' the online time left, whichever is smaller. Null: no time limit (or a
 * 'firstLogin' clock not started yet). The Accept's Session-Timeout, the CoA after a top-up and
 * the admin's "time left" all read it from here.
 */
export function secondsLeft(s: SpendableSubscription, now: number): number | null {
  let left = s.expiresAt === null ? null : Math.max(0, (s.expiresAt - now) / 1000);
  if (s.clock === 'onlineTime' && s.validitySeconds != null) {
    const online = Math.max(0, s.validitySeconds - (s.secondsUsed ?? 0));
    left = left === null ? online : Math.min(left, online);
  }
  return left;
}
