import type { LoginRecord } from '../billing/loginRead';
import type { SubscriptionLimits } from '../billing';

export type { LoginRecord } from '../billing/loginRead';

/**
 * What RADIUS needs from billing (src-main/billing). A narrow interface so this subsystem can be
 * tested with the real billing or a stand-in, and so billing's wider API can change freely.
 * Billing owns customers, devices and subscriptions: RADIUS reads them only through here.
 */
export interface RadiusBilling {
  /** Ends expired/exhausted subscriptions, promotes a queued one; the active one's id or null. */
  settle(customerId: number): { id: number } | null;
  /**
   * Adds usage (bytes, and online seconds for 'onlineTime' packages); may end the subscription
   * (exhausted, or online time used up), promote the next and emit bus events.
   */
  chargeUsage(subscriptionId: number, bytes: number, seconds?: number): void;
  /** An Accept is going out: a 'firstLogin' subscription starts its validity (once). Its expiry. */
  startClock(subscriptionId: number): number | null;
  /** The active subscription's limits now (for a CoA after a top-up), or null. */
  activeLimits(subscriptionId: number): SubscriptionLimits | null;
  /** Binds a device MAC to the customer (idempotent). Throws when the MAC is someone else's. */
  bindDevice(customerId: number, mac: string): void;

  // The login read (every Access-Request): `mac` is the Calling-Station-Id (or null).
  loginByPhone(mac: string | null, e164: string): LoginRecord | undefined;
  loginByMac(mac: string | null, userMac: string): LoginRecord | undefined;
  /** Why the customer's last subscription ran out ('expired' | 'exhausted'), or null. */
  lastEndedReason(customerId: number): 'expired' | 'exhausted' | null;

  // Accounting: whom a session belongs to and what it charges.
  /** Customer a subscription belongs to, or null when there is no such subscription. */
  subscriptionOwner(subscriptionId: number): number | null;
  /** The customer's active subscription id (not settled), or null. */
  activeSubscriptionId(customerId: number): number | null;
  customerIdByPhone(e164: string): number | null;
  customerIdByMac(mac: string): number | null;
}
