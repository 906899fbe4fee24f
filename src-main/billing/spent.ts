/**
 * "Is this subscription spent at time t?" — the one place that decides it (DESIGN.md convention 9).
 * Billing ends subscriptions with it (settle, chargeUsage) and RADIUS refuses a login with it
 * before the scheduler has caught up. Pure: no clock, no database.
 *
 * Time is checked first: when both ran out, time ran out before the charge that crossed the data
 * limit was recorded, so the subscription ended by expiring.
 */
export type SpentReason = 'expired' | 'exhausted';

export interface SpendableSubscription {
  expiresAt: number | null;
  dataLimitBytes: number | null;
  bytesUsed: number;
}

export function subscriptionSpent(s: SpendableSubscription, now: number): SpentReason | null {
  if (s.expiresAt !== null && s.expiresAt <= now) return 'expired';
  if (s.dataLimitBytes !== null && s.bytesUsed >= s.dataLimitBytes) return 'exhausted';
  return null;
}
