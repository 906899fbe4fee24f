import type { CoreDeps } from '../deps';
import type { Package, Payment, PaymentMethod, Sale, Subscription } from '../../src-shared/domain';
import { AppError } from '../errors';
import { voidRef } from '../../src-shared/payments';
import { toSubscription } from './rows';
import type { Customers } from './customers';
import type { Packages } from './packages';
import type { Subscriptions } from './subscriptions';
import type { Ledger } from './ledger';
import type { Vouchers } from './vouchers';

/** How a purchase is paid: a new completed ledger row, or a pending one (a gateway) completing now. */
export type PurchasePayment =
  | { kind: 'new'; method: PaymentMethod; gatewayRef?: string | null; note?: string; createdBy: string }
  | { kind: 'pending'; paymentId: number; trxId?: string | null };

export interface PendingPaymentInput {
  customerId: number;
  packageId: number;
  method: PaymentMethod;
  /**
   * The gateway's reference for this payment (unique); completePayment finds it by this. Null when
   * the gateway gives it only once it has our invoice number: `payments.attachReference` then
   * stores it, before the browser is sent to the gateway.
   */
  reference: string | null;
  gatewaySession?: string | null;
  createdBy: string;
  /** Send Money: the customer's TrxID (upper-case, unique) and the number they sent from. */
  trxId?: string | null;
  senderPhone?: string | null;
  /** The retry job's first look at it (online gateways); null: none. */
  nextCheckAt?: number | null;
}

/**
 * One purchase path (issue 8 item 7): a cash sale, a recharge card and a gateway payment all end
 * in `purchase()`, so "who may buy", the ledger row and the subscription queue are decided once.
 */
export function createPurchases(
  { clock, log, events }: Pick<CoreDeps, 'clock' | 'log' | 'events'>,
  parts: { customers: Customers; packages: Packages; subscriptions: Subscriptions; ledger: Ledger; vouchers: Vouchers },
) {
  const { customers, packages, subscriptions, ledger, vouchers } = parts;

  function checkCanBuy(customerId: number): void {
    if (customers.isDisabled(customerId)) throw new AppError('CUSTOMER_DISABLED');
  }

  /**
   * Records the payment and creates the subscription (active now, or queued), or tops up the
   * active one (a 'topUp' package bought while it is active), in one transaction.
   */
  function purchase(customerId: number, pkg: Package, pay: PurchasePayment): Sale {
    return events.tx(() => {
      let paymentId: number;
      if (pay.kind === 'new') {
        checkCanBuy(customerId);
        paymentId = ledger.record({
          customerId,
          packageId: pkg.id,
          amount: pkg.price,
          method: pay.method,
          status: 'completed',
          gatewayRef: pay.gatewayRef ?? null,
          note: pay.note,
          createdBy: pay.createdBy,
        }).id;
      } else {
        // A customer disabled after paying still gets what they paid for (the money is taken);
        // RADIUS refuses a disabled customer's login anyway.
        if (!ledger.complete(pay.paymentId, pay.trxId)) throw new AppError('PAYMENT_DUPLICATE');
        paymentId = pay.paymentId;
      }
      // A top-up package bought while the same package is active adds to it (no new row); any
      // other case (another package active, none active, a queue package) is a subscription.
      const topped = pkg.onRepeat === 'topUp' ? subscriptions.topUp(customerId, pkg, paymentId) : null;
      const sub = topped ?? subscriptions.purchase(customerId, pkg, paymentId);
      return { customerId, subscriptionId: sub.id, paymentId };
    });
  }

  /** The sale a completed payment made (replays of an idempotent sale or a completion). */
  function saleOf(p: Payment): Sale {
    const subscriptionId = subscriptions.idByPayment(p.id);
    if (p.customerId === null || subscriptionId === null) throw new Error(`payment ${p.id} has no subscription`);
    return { customerId: p.customerId, subscriptionId, paymentId: p.id };
  }

  return {
    purchase,

    /**
     * A cash sale at the counter. `idempotencyKey` (one per sale form) makes a double click or a
     * retried request return the first sale instead of charging twice.
     */
    sell(input: { phone: string; packageId: number; method: 'cash'; note?: string; idempotencyKey?: string; createdBy?: string }): Sale {
      return events.tx(() => {
        const ref = input.idempotencyKey ? `cash:${input.idempotencyKey}` : null;
        const prior = ref ? ledger.findByGatewayRef(ref) : null;
        if (prior) return saleOf(prior);
        const pkg = packages.getSellable(input.packageId);
        const customerId = customers.ensure(input.phone);
        // Who sold it (the signed-in staff member's name): the daily report's "sales by staff".
        return purchase(customerId, pkg, { kind: 'new', method: 'cash', gatewayRef: ref, note: input.note, createdBy: input.createdBy ?? 'admin' });
      });
    },

    /** Redeems a recharge card for a phone: exactly once, even when two redeem at the same time. */
    redeemVoucher(code: string, phone: string): Subscription {
      return events.tx(
        () => {
          const v = vouchers.checkRedeemable(code);
          // Sold at the card's face value (the price when its batch was made), as its distributor
          // was charged, even if the package's price changed since.
          const pkg = { ...packages.get(v.package_id), price: v.face_value };
          const customerId = customers.ensure(phone);
          // The card's id, never its code: codes are bearer secrets and the ledger is shown.
          const sale = purchase(customerId, pkg, { kind: 'new', method: 'voucher', gatewayRef: `voucher:${v.id}`, createdBy: 'voucher' });
          vouchers.markRedeemed(v.id, customerId, sale.subscriptionId);
          return toSubscription(subscriptions.get(sale.subscriptionId), clock.now());
        },
        { immediate: true },
      );
    },

    /**
     * A gateway payment begins: a pending ledger row with its invoice number and the gateway's
     * reference, priced now (the customer pays what the invoice says). Nothing is activated yet.
     */
    createPendingPayment(input: PendingPaymentInput): Payment {
      return events.tx(() => {
        const pkg = packages.getSellable(input.packageId);
        checkCanBuy(input.customerId);
        return ledger.record({
          customerId: input.customerId,
          packageId: pkg.id,
          amount: pkg.price,
          method: input.method,
          status: 'pending',
          gatewayRef: input.reference,
          gatewaySession: input.gatewaySession ?? null,
          createdBy: input.createdBy,
          trxId: input.trxId ?? null,
          senderPhone: input.senderPhone ?? null,
          nextCheckAt: input.nextCheckAt ?? null,
        });
      });
    },

    /**
     * Refunds a completed payment: a NEW ledger row (status refunded) and the subscription it
     * bought cancelled (billing's cancel raises subscription.ended after commit, and RADIUS
     * disconnects the customer), in one transaction. The gateway's refund, if any, happened first.
     */
    refundPayment(paymentId: number, r: { reason: string; gatewayRefundRef: string | null; createdBy: string }): { refund: Payment; cancelledSubscriptionId: number | null } {
      return events.tx(
        () => {
          const original = ledger.get(paymentId);
          const refund = ledger.recordRefund(original, { gatewayRef: r.gatewayRefundRef, note: r.reason, createdBy: r.createdBy });
          const subscriptionId = subscriptions.idByPayment(original.id);
          if (subscriptionId !== null) subscriptions.cancel(subscriptionId);
          return { refund, cancelledSubscriptionId: subscriptionId };
        },
        { immediate: true },
      );
    },

    /**
     * Voids a mistaken cash sale: the refund mechanism's reversal row (reference voidRef(id)) and
     * the subscription cancelled, in one transaction (the cancel raises subscription.ended after
     * commit, so RADIUS disconnects the customer). Only a completed cash sale; a second void of
     * the same sale returns the first (`repeated`), never a second row.
     */
    voidCashSale(paymentId: number, r: { reason: string; createdBy: string }): { void: Payment; cancelledSubscriptionId: number | null; repeated: boolean } {
      return events.tx(
        () => {
          const original = ledger.get(paymentId);
          const prior = ledger.refundOf(original.id);
          if (prior) {
            if (prior.reversal !== 'void') throw new AppError('PAYMENT_ALREADY_REFUNDED');
            return { void: prior, cancelledSubscriptionId: subscriptions.idByPayment(original.id), repeated: true };
          }
          if (original.method !== 'cash' || original.status !== 'completed') throw new AppError('PAYMENT_NOT_VOIDABLE');
          const row = ledger.recordRefund(original, { gatewayRef: voidRef(original.id), note: r.reason, createdBy: r.createdBy });
          const subscriptionId = subscriptions.idByPayment(original.id);
          if (subscriptionId !== null) subscriptions.cancel(subscriptionId);
          log.info({ paymentId: original.id, voidId: row.id }, 'cash sale voided');
          return { void: row, cancelledSubscriptionId: subscriptionId, repeated: false };
        },
        { immediate: true },
      );
    },

    /**
     * The gateway confirmed `amount` for `reference`: completes the pending payment and activates
     * its package, exactly once. A repeat (a retried callback, a second confirmation path) returns
     * the same sale. IMMEDIATE, so two callers racing serialise on the write lock and the second
     * sees the payment completed; the ledger's status guard backs that up.
     */
    completePayment(reference: string, amount: number, opts: { trxId?: string | null } = {}): Sale {
      return events.tx(
        () => {
          const p = ledger.findByGatewayRef(reference);
          if (!p) throw new AppError('PAYMENT_NOT_FOUND');
          if (amount !== p.amount) {
            // Stays pending: the owner (or a later, correct confirmation) decides.
            log.warn({ paymentId: p.id, invoiceAmount: p.amount, confirmedAmount: amount }, 'payment amount mismatch; not activated');
            throw new AppError('PAYMENT_AMOUNT_MISMATCH');
          }
          if (p.status === 'completed') return saleOf(p);
          if (p.status === 'failed') throw new AppError('PAYMENT_FAILED');
          if (p.status === 'refunded') throw new AppError('PAYMENT_NOT_PENDING');
          if (p.customerId === null || p.packageId === null) throw new Error(`pending payment ${p.id} has no customer or package`);
          // The package even if archived since (the invoice was issued for it), at the invoiced price.
          const pkg = { ...packages.get(p.packageId), price: p.amount };
          return purchase(p.customerId, pkg, { kind: 'pending', paymentId: p.id, trxId: opts.trxId ?? null });
        },
        { immediate: true },
      );
    },
  };
}

export type Purchases = ReturnType<typeof createPurchases>;
