import type { CoreDeps, Subsystem } from '../deps';
import type { Sale, Subscription } from '../../src-shared/domain';
import { AppError } from '../errors';
import { createPackages } from './packages';
import { createSubscriptions } from './subscriptions';
import { createPayments } from './payments';
import { createCustomers, type BindResult } from './customers';
import { createVouchers } from './vouchers';
import { createExpiryScheduler } from './scheduler';
import { toSubscription, type SubscriptionRow } from './rows';

export type { SubscriptionRow } from './rows';

/**
 * Billing: packages, customers and devices, subscriptions, payments ledger, recharge cards and
 * the expiry scheduler. The other subsystems (RADIUS, portal, payments) go through these
 * functions for every change of money or entitlement, so the rules live in one place.
 */
export function createBilling(deps: CoreDeps) {
  const { db, clock } = deps;
  const packages = createPackages(deps);
  const subscriptions = createSubscriptions(deps);
  const payments = createPayments(deps);
  const customers = createCustomers(deps, subscriptions);
  const vouchers = createVouchers(deps);
  const scheduler = createExpiryScheduler(deps, subscriptions);

  function checkCanBuy(customerId: number): void {
    if (customers.isDisabled(customerId)) throw new AppError('CUSTOMER_DISABLED');
  }

  const subsystem: Subsystem<ReturnType<typeof scheduler.status>> = {
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
    status: () => scheduler.status(),
  };

  return {
    ...subsystem,
    packages,
    customers,
    subscriptions,
    payments,
    vouchers,
    scheduler,

    /**
     * A cash sale at the counter. `idempotencyKey` (one per sale form) makes a double click or a
     * retried request return the first sale instead of charging twice.
     */
    sell(input: { phone: string; packageId: number; method: 'cash'; note?: string; idempotencyKey?: string }): Sale {
      return db.transaction(() => {
        const ref = input.idempotencyKey ? `cash:${input.idempotencyKey}` : null;
        if (ref) {
          const prior = payments.findByGatewayRef(ref);
          if (prior) {
            const sub = db.prepare<[number], { id: number }>('SELECT id FROM subscriptions WHERE payment_id = ?').get(prior.id)!;
            return { customerId: prior.customerId!, subscriptionId: sub.id, paymentId: prior.id };
          }
        }
        const pkg = packages.getSellable(input.packageId);
        const customerId = customers.ensure(input.phone);
        checkCanBuy(customerId);
        const payment = payments.record({
          customerId,
          packageId: pkg.id,
          amount: pkg.price,
          method: 'cash',
          status: 'completed',
          gatewayRef: ref,
          note: input.note,
          createdBy: 'admin',
        });
        const sub = subscriptions.purchase(customerId, pkg, payment.id);
        return { customerId, subscriptionId: sub.id, paymentId: payment.id };
      })();
    },

    /** Redeems a recharge card for a phone: exactly once, even when two redeem at the same time. */
    redeemVoucher(code: string, phone: string): Subscription {
      return db
        .transaction(() => {
          const v = vouchers.checkRedeemable(code);
          const pkg = packages.get(v.package_id);
          const customerId = customers.ensure(phone);
          checkCanBuy(customerId);
          const payment = payments.record({
            customerId,
            packageId: pkg.id,
            amount: pkg.price,
            method: 'voucher',
            status: 'completed',
            // The card's id, never its code: codes are bearer secrets and the ledger is shown.
            gatewayRef: `voucher:${v.id}`,
            createdBy: 'voucher',
          });
          const sub = subscriptions.purchase(customerId, pkg, payment.id);
          vouchers.markRedeemed(v.id, customerId, sub.id);
          return toSubscription(subscriptions.get(sub.id), clock.now());
        })
        .immediate();
    },

    cancelSubscription(subscriptionId: number): Subscription {
      return toSubscription(subscriptions.cancel(subscriptionId), clock.now());
    },

    /** Up-to-date active subscription of a customer (ends/promotes as needed), or null. */
    settle(customerId: number): SubscriptionRow | null {
      return subscriptions.settle(customerId);
    },

    chargeUsage(subscriptionId: number, bytes: number): void {
      subscriptions.chargeUsage(subscriptionId, bytes);
    },

    countActiveSubscriptions(): number {
      return (db.prepare("SELECT COUNT(*) AS n FROM subscriptions WHERE status = 'active'").get() as { n: number }).n;
    },

    bindDevice(customerId: number, mac: string): BindResult {
      return customers.bindDevice(customerId, mac);
    },
  };
}

export type Billing = ReturnType<typeof createBilling>;
