/**
 * What RADIUS needs from billing (src-main/billing). A narrow interface so this subsystem can be
 * tested with the real billing or a stand-in, and so billing's wider API can change freely.
 */
export interface RadiusBilling {
  /** Ends expired/exhausted subscriptions, promotes a queued one; the active one's id or null. */
  settle(customerId: number): { id: number } | null;
  /** Adds usage; may end the subscription (exhausted), promote the next and emit bus events. */
  chargeUsage(subscriptionId: number, bytes: number): void;
  /** Binds a device MAC to the customer (idempotent). Throws when the MAC is someone else's. */
  bindDevice(customerId: number, mac: string): void;
}
