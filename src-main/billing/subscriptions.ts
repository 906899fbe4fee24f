import type { CoreDeps } from '../deps';
import type { Package } from '../../src-shared/domain';
import { notFound } from '../errors';
import { spendable, type SubscriptionRow } from './rows';
import { subscriptionSpent } from './spent';

type EndReason = 'expired' | 'exhausted' | 'cancelled';

/**
 * The subscription state machine (DESIGN.md billing rules):
 *   queued → active → expired | exhausted | cancelled; at most one active per customer.
 * A purchase with none active starts now; otherwise it queues and starts when the current one
 * ends. Whichever of time or data runs out first ends a subscription.
 *
 * Events are raised only for changes that committed (src-main/afterCommit.ts): inside a caller's
 * transaction (RADIUS accounting batches) they wait for it to end and are dropped if it rolled
 * back, so a rolled-back batch never disconnects anyone.
 */
export function createSubscriptions({ db, clock, events }: Pick<CoreDeps, 'db' | 'clock' | 'events'>) {
  const byId = db.prepare<[number], SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?');
  const activeOf = db.prepare<[number], SubscriptionRow>("SELECT * FROM subscriptions WHERE customer_id = ? AND status = 'active'");
  const firstQueued = db.prepare<[number], SubscriptionRow>(
    "SELECT * FROM subscriptions WHERE customer_id = ? AND status = 'queued' ORDER BY id LIMIT 1",
  );
  const endStmt = db.prepare('UPDATE subscriptions SET status = ?, ended_at = ? WHERE id = ? AND status = ?');
  // The clock decides what activation starts: 'purchase' its validity; 'onlineTime' only the
  // use-within deadline (online time is charged by accounting); 'firstLogin' nothing yet (the
  // first Access-Accept starts it: startClock).
  const activateStmt = db.prepare<{ now: number; id: number }>(
    `UPDATE subscriptions SET status = 'active', starts_at = @now,
        clock_started_at = CASE WHEN clock = 'firstLogin' THEN NULL ELSE @now END,
        expires_at = CASE
          WHEN clock = 'purchase' AND validity_seconds IS NOT NULL THEN @now + validity_seconds * 1000
          WHEN clock = 'onlineTime' AND use_within_seconds IS NOT NULL THEN @now + use_within_seconds * 1000
          ELSE NULL END
      WHERE id = @id`,
  );
  // Exactly once: only the first Accept finds clock_started_at null (retransmits are answered from
  // the duplicate cache; concurrent logins serialise on the write and the later ones change nothing).
  const startClockStmt = db.prepare<{ now: number; id: number }>(
    `UPDATE subscriptions SET clock_started_at = @now, expires_at = @now + validity_seconds * 1000
      WHERE id = @id AND status = 'active' AND clock = 'firstLogin' AND clock_started_at IS NULL AND validity_seconds IS NOT NULL`,
  );
  const expiresOf = db.prepare<[number], { expires_at: number | null }>('SELECT expires_at FROM subscriptions WHERE id = ?');
  const addUsage = db.prepare('UPDATE subscriptions SET bytes_used = bytes_used + ?, seconds_used = seconds_used + ? WHERE id = ?');
  // A top-up adds validity and data to what is left. Time: to the running expiry ('purchase',
  // a started 'firstLogin'), else to the allowance (online time, a 'firstLogin' not started).
  // 'onlineTime' keeps its use-within deadline: the owner sold more online time, not a longer window.
  const topUpStmt = db.prepare<{ id: number; seconds: number | null; bytes: number | null }>(
    `UPDATE subscriptions SET
        validity_seconds = CASE WHEN validity_seconds IS NULL OR @seconds IS NULL THEN validity_seconds ELSE validity_seconds + @seconds END,
        expires_at = CASE WHEN clock = 'onlineTime' OR expires_at IS NULL OR @seconds IS NULL THEN expires_at ELSE expires_at + @seconds * 1000 END,
        data_limit_bytes = CASE WHEN data_limit_bytes IS NULL OR @bytes IS NULL THEN data_limit_bytes ELSE data_limit_bytes + @bytes END
      WHERE id = @id`,
  );
  const insertTopUp = db.prepare('INSERT INTO subscription_topups (subscription_id, payment_id, seconds, bytes, created_at) VALUES (?, ?, ?, ?, ?)');
  const topUpByPayment = db.prepare<[number], { subscription_id: number }>('SELECT subscription_id FROM subscription_topups WHERE payment_id = ?');
  const dueCustomers = db.prepare<[number], { customer_id: number }>(
    "SELECT DISTINCT customer_id FROM subscriptions WHERE status = 'active' AND expires_at <= ?",
  );
  const byPayment = db.prepare<[number], { id: number }>('SELECT id FROM subscriptions WHERE payment_id = ?');
  const ownerStmt = db.prepare<[number], { customer_id: number }>('SELECT customer_id FROM subscriptions WHERE id = ?');
  const activeIdStmt = db.prepare<[number], { id: number }>(`SELECT id FROM subscriptions WHERE customer_id = ? AND status = 'active'`);
  const countActiveStmt = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM subscriptions WHERE status = 'active'");
  const nextExpiry = db.prepare<[], { t: number | null }>("SELECT MIN(expires_at) AS t FROM subscriptions WHERE status = 'active'");

  function endOne(row: SubscriptionRow, reason: EndReason, at: number): void {
    if (endStmt.run(reason, at, row.id, row.status).changes !== 1) return;
    if (row.status === 'active') {
      events.afterCommit('subscription.ended', { subscriptionId: row.id, customerId: row.customer_id, reason });
    }
  }

  function activate(row: SubscriptionRow, now: number): void {
    activateStmt.run({ now, id: row.id });
    events.afterCommit('subscription.activated', { subscriptionId: row.id, customerId: row.customer_id });
  }

  function spent(row: SubscriptionRow, now: number) {
    return subscriptionSpent(spendable(row), now);
  }

  /**
   * Brings one customer's subscriptions up to date and returns the active one (or null).
   * A queued subscription starts when it is promoted, not at the previous one's expiry instant:
   * if the shop PC was off, the customer could not use the time, so they do not lose it.
   */
  function settle(customerId: number): SubscriptionRow | null {
    return events.tx(() => {
      const now = clock.now();
      for (;;) {
        const active = activeOf.get(customerId);
        if (active) {
          const reason = spent(active, now);
          if (reason === null) return active;
          // An expired one ended at its expiry instant, not when we noticed (online time used up
          // ends when the charge that used it up was recorded: now).
          const deadlinePassed = active.expires_at !== null && active.expires_at <= now;
          endOne(active, reason, reason === 'expired' && deadlinePassed ? active.expires_at! : now);
        }
        const next = firstQueued.get(customerId);
        if (!next) return null;
        activate(next, now);
        // loop: the promoted one could itself be over its data limit (never with fresh rows, but cheap)
      }
    });
  }

  return {
    get(id: number): SubscriptionRow {
      const r = byId.get(id);
      if (!r) throw notFound(`subscription ${id}`);
      return r;
    },

    /** The row, or undefined (no throw: RADIUS asks about ids from the wire). */
    find(id: number): SubscriptionRow | undefined {
      return byId.get(id);
    },

    settle,

    /** Creates the subscription for a purchase: active now if none is active, else queued. */
    purchase(customerId: number, pkg: Package, paymentId: number | null): SubscriptionRow {
      return events.tx(() => {
        const active = settle(customerId);
        const now = clock.now();
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO subscriptions (customer_id, package_id, payment_id, package_name, price, validity_seconds, data_limit_bytes,
               download_bps, upload_bps, devices, router_ids, zone_ids, clock, use_within_seconds, status, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)`,
          )
          .run(customerId, pkg.id, paymentId, pkg.name, pkg.price, pkg.validitySeconds, pkg.dataLimitBytes, pkg.downloadBps,
            pkg.uploadBps, pkg.devices, JSON.stringify(pkg.routerIds), JSON.stringify(pkg.zoneIds), pkg.clock,
            pkg.clock === 'onlineTime' ? pkg.useWithinSeconds : null, now);
        const row = byId.get(Number(lastInsertRowid))!;
        if (!active) activate(row, now);
        return byId.get(row.id)!;
      });
    },

    /**
     * Charges bytes to a subscription (RADIUS accounting deltas). When it is spent (data limit
     * reached, or its time already up) settle ends it and starts the next queued one. Bytes are
     * recorded even on an ended subscription (a session can overrun between interim updates) but
     * never end it twice.
     */
    chargeUsage(subscriptionId: number, bytes: number, seconds = 0): void {
      if (bytes <= 0 && seconds <= 0) return;
      events.tx(() => {
        addUsage.run(Math.max(0, bytes), Math.max(0, seconds), subscriptionId);
        const row = byId.get(subscriptionId);
        if (row && row.status === 'active' && spent(row, clock.now()) !== null) settle(row.customer_id);
      });
    },

    /**
     * The customer's active subscription, when it is of `packageId`, gets the package's validity
     * and data added (a top-up purchase). Returns the updated row, or null when the active one is
     * another package (or none is active): the caller queues a new subscription instead.
     * Announces 'subscription.toppedUp' after commit, so RADIUS sends the new limits (CoA).
     */
    topUp(customerId: number, pkg: Package, paymentId: number | null): SubscriptionRow | null {
      return events.tx(() => {
        const active = settle(customerId);
        if (!active || active.package_id !== pkg.id) return null;
        topUpStmt.run({ id: active.id, seconds: pkg.validitySeconds, bytes: pkg.dataLimitBytes });
        insertTopUp.run(active.id, paymentId, pkg.validitySeconds, pkg.dataLimitBytes, clock.now());
        events.afterCommit('subscription.toppedUp', { subscriptionId: active.id, customerId });
        return byId.get(active.id)!;
      });
    },

    /**
     * An Access-Accept is going out for this subscription: a 'firstLogin' one starts its validity
     * now, exactly once. Returns the expiry to tell the router (unchanged for every other case).
     */
    startClock(subscriptionId: number, now: number): number | null {
      if (startClockStmt.run({ now, id: subscriptionId }).changes === 1) {
        // The scheduler re-arms for the new expiry.
        const row = byId.get(subscriptionId)!;
        events.afterCommit('subscription.clockStarted', { subscriptionId, customerId: row.customer_id });
        return row.expires_at;
      }
      return expiresOf.get(subscriptionId)?.expires_at ?? null;
    },

    /** Owner cancels a subscription (active or queued); an active one is replaced by the next. */
    cancel(subscriptionId: number): SubscriptionRow {
      return events.tx(() => {
        const row = byId.get(subscriptionId);
        if (!row) throw notFound(`subscription ${subscriptionId}`);
        if (row.status === 'active' || row.status === 'queued') {
          endOne(row, 'cancelled', clock.now());
          settle(row.customer_id);
        }
        return byId.get(subscriptionId)!;
      });
    },

    /** Ends every subscription whose time is up (the scheduler calls this). Returns how many customers changed. */
    expireDue(): number {
      const customers = dueCustomers.all(clock.now());
      for (const c of customers) settle(c.customer_id);
      return customers.length;
    },

    /** The subscription bought with a payment (the idempotent-sale and completePayment replays). */
    idByPayment(paymentId: number): number | null {
      return byPayment.get(paymentId)?.id ?? topUpByPayment.get(paymentId)?.subscription_id ?? null;
    },

    /** Customer a subscription belongs to (RADIUS accounting: the Class we put in the Accept). */
    ownerOf(subscriptionId: number): number | null {
      return ownerStmt.get(subscriptionId)?.customer_id ?? null;
    },

    /** Id of a customer's active subscription, without settling (RADIUS accounting). */
    activeIdOf(customerId: number): number | null {
      return activeIdStmt.get(customerId)?.id ?? null;
    },

    countActive(): number {
      return countActiveStmt.get()!.n;
    },

    nextExpiryAt(): number | null {
      return nextExpiry.get()?.t ?? null;
    },

    listForCustomer(customerId: number): SubscriptionRow[] {
      return db
        .prepare<[number], SubscriptionRow>(
          "SELECT * FROM subscriptions WHERE customer_id = ? ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'queued' THEN 1 ELSE 2 END, id DESC",
        )
        .all(customerId);
    },
  };
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;
