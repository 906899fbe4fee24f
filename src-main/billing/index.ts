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
import { createDailyReport } from './dailyReport';
import { createDashboardSales } from './dashboardSales';
import { spendable, toSubscription, type SubscriptionRow } from './rows';
import type { SpendableSubscription } from './spent';

export type { SubscriptionRow } from './rows';
export type { LoginRecord } from './loginRead';
export type { RouterDirectory } from './packages';

/** A subscription's limits in the shape of the spent rule, plus its speeds. */
export interface SubscriptionLimits extends SpendableSubscription {
  downloadBps: number;
  uploadBps: number;
}

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
  const dailyReport = createDailyReport(deps.db, shopTimeZone);
  const dashboardSales = createDashboardSales(deps.db, dailyReport, shopTimeZone);

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
    refundPayment: purchases.refundPayment,
    voidCashSale: purchases.voidCashSale,
    /** reports.daily: per shop day, sales by method and staff, voids, refunds, cash expected. */
    dailyReport,
    /** The dashboard's sales per shop day and top packages (billing/dashboardSales.ts). */
    dashboardSales,

    cancelSubscription(subscriptionId: number): Subscription {
      return toSubscription(subscriptions.cancel(subscriptionId), clock.now());
    },

    /** Up-to-date active subscription of a customer (ends/promotes as needed), or null. */
    settle(customerId: number): SubscriptionRow | null {
      return subscriptions.settle(customerId);
    },

    /** Accounting's charge: bytes and online seconds (the deltas since the session's last record). */
    chargeUsage(subscriptionId: number, bytes: number, seconds = 0): void {
      subscriptions.chargeUsage(subscriptionId, bytes, seconds);
    },

    /** A 'firstLogin' subscription's first Accept starts its validity (exactly once); its expiry. */
    startClock(subscriptionId: number): number | null {
      return subscriptions.startClock(subscriptionId, clock.now());
    },

    /** What a subscription allows now (RADIUS's CoA after a top-up), or null if it is not active. */
    activeLimits(subscriptionId: number): SubscriptionLimits | null {
      const r = subscriptions.find(subscriptionId);
      if (!r || r.status !== 'active') return null;
      return { ...spendable(r), downloadBps: r.download_bps, uploadBps: r.upload_bps };
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
