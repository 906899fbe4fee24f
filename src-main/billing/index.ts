import type { CoreDeps, Subsystem } from '../deps';
import type { Subscription } from '../../src-shared/domain';
import { createPackages, type RouterDirectory } from './packages';
import { createSubscriptions } from './subscriptions';
import { createLedger } from './ledger';
import { createCustomers, type BindResult } from './customers';
import { createVouchers } from './vouchers';
import { createDistributors } from './distributors';
import { createExpiryScheduler } from './scheduler';
import { createLoginRead } from './loginRead';
import { createPurchases } from './purchase';
import { createShopTimeZone } from './shopTimeZone';
import { toSubscription, type SubscriptionRow } from './rows';

export type { SubscriptionRow } from './rows';
export type { LoginRecord } from './loginRead';
export type { RouterDirectory } from './packages';

export interface BillingDeps extends CoreDeps {
  /** The router store (src-main/routers) answers which routers and zones exist. */
  routers: RouterDirectory;
}

/**
 * Billing: packages, customers and devices, subscriptions, payments ledger, recharge cards and
 * the expiry scheduler. The other subsystems (RADIUS, portal, payments) go through these
 * functions for every change of money or entitlement, so the rules live in one place.
 * This facade only composes the parts: the SQL lives in the module that owns each table.
 */
export function createBilling(deps: BillingDeps) {
  const { clock } = deps;
  const shopTimeZone = createShopTimeZone(deps.settings);
  const packages = createPackages(deps, deps.routers);
  const subscriptions = createSubscriptions(deps);
  const ledger = createLedger(deps, shopTimeZone);
  const customers = createCustomers(deps, subscriptions);
  const distributors = createDistributors(deps);
  const vouchers = createVouchers(deps, distributors);
  const scheduler = createExpiryScheduler(deps, subscriptions);
  const purchases = createPurchases(deps, { customers, packages, subscriptions, ledger, vouchers });
  const loginRead = createLoginRead(deps.db);

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
    /** The payments ledger (billing/ledger.ts); named `payments` for the admin handlers. */
    payments: ledger,
    vouchers,
    distributors,
    scheduler,
    shopTimeZone,

    purchase: purchases.purchase,
    sell: purchases.sell,
    redeemVoucher: purchases.redeemVoucher,
    createPendingPayment: purchases.createPendingPayment,
    completePayment: purchases.completePayment,

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
      return subscriptions.countActive();
    },

    bindDevice(customerId: number, mac: string): BindResult {
      return customers.bindDevice(customerId, mac);
    },

    // RADIUS's reads (radius/billingPort.ts). The login read is the hot path: handed over as the
    // functions themselves, so a login costs one call into billing and no extra layer.
    loginByPhone: loginRead.loginByPhone,
    loginByMac: loginRead.loginByMac,
    lastEndedReason: loginRead.lastEndedReason,
    subscriptionOwner: subscriptions.ownerOf,
    activeSubscriptionId: subscriptions.activeIdOf,
    customerIdByPhone: customers.findIdByPhone,
    customerIdByMac: customers.findIdByMac,
  };
}

export type Billing = ReturnType<typeof createBilling>;
