import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine';
import { createBilling } from '../../src-main/billing';
import { createRouterStore } from '../../src-main/routers';
import { createEvents } from '../../src-main/afterCommit';
import { openDataDirDatabase } from '../../src-main/db';
import { AppError } from '../../src-main/errors';
import { createShopTimeZone } from '../../src-main/billing/shopTimeZone';
import { formatInvoiceNo } from '../../src-main/billing/ledger';
import type { SettingsStore } from '../../src-main/deps';
import type { Engine } from '../../src-main/engine';

// The one place these tests write the shop's time zone setting.
const setTimeZone = (engine: Engine, timezone: string) => engine.deps.settings.update({ shop: { timezone } });

const pkgInput = { name: '1 day', price: 3000, validitySeconds: 86400, downloadBps: 5_000_000, uploadBps: 2_000_000 };

async function rig() {
  const t = await testEngine();
  const { engine } = t;
  const completed: number[] = [];
  const activated: number[] = [];
  engine.deps.bus.on('payment.completed', (e) => completed.push(e.paymentId));
  engine.deps.bus.on('subscription.activated', (e) => activated.push(e.subscriptionId));
  const p = await t.ok('packages.create', pkgInput);
  const customerId = engine.billing.customers.ensure('+8801712345678');
  const pending = engine.billing.createPendingPayment({ customerId, packageId: p.id, method: 'bkash', reference: 'TRX-1', createdBy: 'portal' });
  return { ...t, completed, activated, packageId: p.id as number, customerId, pending };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return 'no error';
}

const subscriptionCount = (db: { prepare(sql: string): { get(): unknown } }) => (db.prepare('SELECT COUNT(*) AS n FROM subscriptions').get() as { n: number }).n;

describe('gateway payments: pending, then completed exactly once', () => {
  it('a pending payment has its invoice and reference and activates nothing', async () => {
    const { engine, completed, activated, pending } = await rig();
    expect(pending).toMatchObject({ status: 'pending', amount: 3000, method: 'bkash', gatewayRef: 'TRX-1', completedAt: null });
    expect(pending.invoiceNo).toMatch(/^HD-\d{6}-000001$/);
    expect(subscriptionCount(engine.db)).toBe(0);
    expect(completed).toEqual([]);
    expect(activated).toEqual([]);
    // The reference is unique: a second pending payment with it is refused.
    expect(codeOf(() => engine.billing.createPendingPayment({ customerId: pending.customerId!, packageId: pending.packageId!, method: 'bkash', reference: 'TRX-1', createdBy: 'portal' }))).toBe('PAYMENT_DUPLICATE');
  });

  it('completes once: the package is active, the payment completed, each event raised once', async () => {
    const { engine, completed, activated, pending, customerId } = await rig();
    const sale = engine.billing.completePayment('TRX-1', 3000);
    expect(sale).toMatchObject({ customerId, paymentId: pending.id });
    expect(engine.billing.payments.get(pending.id)).toMatchObject({ status: 'completed', completedAt: engine.deps.clock.now() });
    expect(engine.billing.settle(customerId)?.id).toBe(sale.subscriptionId);
    expect(completed).toEqual([pending.id]);
    expect(activated).toEqual([sale.subscriptionId]);

    // A retried callback: the same sale, no second subscription, no second event.
    expect(engine.billing.completePayment('TRX-1', 3000)).toEqual(sale);
    expect(subscriptionCount(engine.db)).toBe(1);
    expect(completed).toHaveLength(1);
    expect(activated).toHaveLength(1);
    // The ledger's status guard: a completed payment cannot be completed again.
    expect(engine.billing.payments.complete(pending.id)).toBe(false);
  });

  it('refuses an amount that differs from the invoice; the payment stays pending', async () => {
    const { engine, completed, activated, pending } = await rig();
    expect(codeOf(() => engine.billing.completePayment('TRX-1', 2999))).toBe('PAYMENT_AMOUNT_MISMATCH');
    expect(codeOf(() => engine.billing.completePayment('TRX-1', 30))).toBe('PAYMENT_AMOUNT_MISMATCH');
    expect(engine.billing.payments.get(pending.id).status).toBe('pending');
    expect(subscriptionCount(engine.db)).toBe(0);
    expect(completed).toEqual([]);
    expect(activated).toEqual([]);
    // The right amount still completes it afterwards.
    expect(engine.billing.completePayment('TRX-1', 3000).paymentId).toBe(pending.id);
  });

  it('an unknown reference is PAYMENT_NOT_FOUND and changes nothing', async () => {
    const { engine } = await rig();
    expect(codeOf(() => engine.billing.completePayment('TRX-404', 3000))).toBe('PAYMENT_NOT_FOUND');
    expect(subscriptionCount(engine.db)).toBe(0);
  });

  it('a second connection completing first (a racing process) leaves one subscription', async () => {
    const { engine, pending } = await rig();
    const db2 = openDataDirDatabase(engine.config.dataDir);
    try {
      const deps2 = { ...engine.deps, db: db2, events: createEvents(db2, engine.deps.bus) };
      const other = createBilling({ ...deps2, routers: createRouterStore(deps2) });
      const first = other.completePayment('TRX-1', 3000);
      expect(engine.billing.completePayment('TRX-1', 3000)).toEqual(first);
      expect(subscriptionCount(engine.db)).toBe(1);
      expect(engine.billing.payments.get(pending.id).status).toBe('completed');
    } finally {
      db2.close();
    }
  });

  it('honours the invoice after the package was archived or repriced, at the invoiced price', async () => {
    const { engine, ok, packageId, customerId } = await rig();
    await ok('packages.update', { id: packageId, price: 9000 });
    await ok('packages.archive', { id: packageId });
    const sale = engine.billing.completePayment('TRX-1', 3000);
    expect(engine.billing.subscriptions.get(sale.subscriptionId)).toMatchObject({ price: 3000, status: 'active', customer_id: customerId });
    // New pending payments for an archived package are refused, as sales are.
    expect(codeOf(() => engine.billing.createPendingPayment({ customerId, packageId, method: 'nagad', reference: 'TRX-2', createdBy: 'portal' }))).toBe('PACKAGE_INACTIVE');
  });

  it('a disabled customer cannot start a payment', async () => {
    const { engine, ok, packageId, customerId } = await rig();
    await ok('customers.update', { id: customerId, status: 'disabled' });
    expect(codeOf(() => engine.billing.createPendingPayment({ customerId, packageId, method: 'bkash', reference: 'TRX-3', createdBy: 'portal' }))).toBe('CUSTOMER_DISABLED');
  });
});

describe('one purchase path', () => {
  it('cash sale, card and gateway payment each leave one completed ledger row and one subscription', async () => {
    const { engine, ok, packageId, customerId } = await rig();
    const cash = engine.billing.sell({ phone: '+8801712345678', packageId, method: 'cash' });
    const { codes } = await ok('vouchers.generate', { packageId, count: 1 });
    const card = engine.billing.redeemVoucher(codes[0]!, '+8801712345678');
    const gateway = engine.billing.completePayment('TRX-1', 3000);
    const pays = engine.billing.payments.list({ customerId });
    expect(pays.items.map((p) => [p.method, p.status]).sort()).toEqual([['bkash', 'completed'], ['cash', 'completed'], ['voucher', 'completed']]);
    const subs = engine.billing.subscriptions.listForCustomer(customerId);
    expect(subs.map((s) => s.payment_id).sort()).toEqual(pays.items.map((p) => p.id).sort());
    expect(new Set([cash.subscriptionId, card.id, gateway.subscriptionId]).size).toBe(3);
  });
});

describe('invoice numbers', () => {
  it('date the invoice in the shop time zone setting', async () => {
    const { engine, clock, packageId } = await rig(); // invoice 1 was the pending payment
    clock.set(Date.UTC(2026, 5, 1, 18, 30)); // 00:30 on 2 June in Dhaka, still 1 June in UTC
    const sell = (phone: string) => engine.billing.payments.get(engine.billing.sell({ phone, packageId, method: 'cash' }).paymentId).invoiceNo;
    expect(sell('+8801812345678')).toBe('HD-260602-000002');
    setTimeZone(engine, 'UTC');
    expect(sell('+8801912345678')).toBe('HD-260601-000003');
    setTimeZone(engine, 'America/New_York');
    expect(sell('+8801612345678')).toBe('HD-260601-000004');
  });

  it('a time zone the runtime does not know falls back to the default instead of failing sales', () => {
    let timezone = 'Mars/Olympus'; // settings validation refuses it now; older databases may hold one
    const tz = createShopTimeZone({ get: () => ({ shop: { timezone } }) } as unknown as SettingsStore);
    expect(tz()).toBe('Asia/Dhaka');
    timezone = 'UTC';
    expect(tz()).toBe('UTC');
    expect(formatInvoiceNo(Date.UTC(2026, 5, 1, 18, 30), 'Asia/Dhaka', 42)).toBe('HD-260602-000042');
  });
});
