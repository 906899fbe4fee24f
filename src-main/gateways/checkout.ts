import type { Logger } from '../log';
import type { Billing } from '../billing';
import type { Clock } from '../clock';
import type { PaymentFlowState } from '../billing/ledger';
import { AppError, isAppError } from '../errors';
import { normalizeTrxId, type GatewayId } from '../../src-shared/payments';
import type { PaymentOutcome, RefundResult } from '../../src-shared/api/payments';
import { GATEWAY_HTTP_TIMEOUT_MS, type GatewayConfig } from './config';
import type { GatewayContext, GatewayVerdict, PaymentGateway } from './types';
import { createKeyedLock } from './keyedLock';
import { outcomeOf } from './outcome';
import { ABANDONED_CHECK_MS, nextCheck } from './retrySchedule';

/** Who asked: the retry job moves the schedule on; anyone else only starts it. */
export type ConfirmSource = 'browser' | 'ipn' | 'job' | 'owner' | 'recover';

export interface StartCheckoutInput {
  customerId: number;
  packageId: number;
  gateway: GatewayId;
  /** The portal's return address; `payment=<id>` is added to it. */
  returnUrlBase: string;
  /** SSLCommerz IPN target when the shop has a public address; null otherwise. */
  notifyUrl?: string | null;
}

export interface CheckoutStartedView {
  paymentId: number;
  invoiceNo: string;
  amount: number;
  redirectUrl: string;
}

export interface FlowDeps {
  billing: Billing;
  clock: Clock;
  log: Logger;
  config: GatewayConfig;
  modules: Partial<Record<GatewayId, PaymentGateway>>;
  shopName: () => string;
  /** The retry job re-arms its timer when a check is (re)scheduled. */
  onScheduled: () => void;
}

/** A module call that never answers must not hold the payment's lock for ever. */
const GUARD_EXTRA_MS = 5_000;
/** By then a live process has its execute answer (or its timeout) and has settled or rescheduled. */
export const EXECUTE_ANSWER_BY_MS = GATEWAY_HTTP_TIMEOUT_MS + GUARD_EXTRA_MS;

/**
 * The online payment flow, engine side, written once for every gateway (reference §5):
 * start (pending row, reference stored before the redirect), confirm (complete at most once per
 * payment, otherwise query; amount, currency and invoice checked; then billing's one purchase
 * path), recheck, recover by transaction id, refund.
 */
export function createCheckoutFlow(deps: FlowDeps) {
  const { billing, clock, log, config, modules } = deps;
  const ledger = billing.payments;
  const lock = createKeyedLock();
  const subscriptionOf = (id: number) => billing.subscriptions.idByPayment(id);

  function moduleFor(g: GatewayId): PaymentGateway {
    const m = modules[g];
    if (!m) throw new AppError('GATEWAY_UNAVAILABLE', `${g} is not available in this HotspotDesk build.`);
    return m;
  }

  async function guarded(call: () => Promise<GatewayVerdict>, what: string, paymentId: number): Promise<GatewayVerdict> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<GatewayVerdict>((resolve) => {
      timer = setTimeout(() => resolve({ state: 'pending', why: 'timeout' }), GATEWAY_HTTP_TIMEOUT_MS + GUARD_EXTRA_MS);
      timer.unref();
    });
    try {
      return await Promise.race([call(), timeout]);
    } catch (err) {
      // A thrown call is "did not answer": the payment stays pending and is asked about again.
      log.warn({ paymentId, call: what, err: (err as Error).message }, 'payment gateway call failed');
      return { state: 'pending', why: 'unreachable' };
    } finally {
      clearTimeout(timer);
    }
  }

  async function startCheckout(input: StartCheckoutInput): Promise<CheckoutStartedView> {
    if (!config.enabled(input.gateway)) throw new AppError('GATEWAY_NOT_ENABLED');
    const module = moduleFor(input.gateway);
    const customer = billing.customers.get(input.customerId);
    const pending = billing.createPendingPayment({
      customerId: input.customerId,
      packageId: input.packageId,
      method: input.gateway,
      reference: null,
      createdBy: 'portal',
      // A browser that never comes back (phone lost the WiFi) is still settled: the job asks.
      nextCheckAt: clock.now() + ABANDONED_CHECK_MS,
    });
    const sep = input.returnUrlBase.includes('?') ? '&' : '?';
    let started;
    try {
      started = await module.start(config.context(input.gateway), {
        invoiceNo: pending.invoiceNo,
        amount: pending.amount,
        customerPhone: customer.phone,
        returnUrl: `${input.returnUrlBase}${sep}payment=${pending.id}`,
        notifyUrl: input.notifyUrl ?? null,
        description: `${pending.packageName ?? 'WiFi package'} — ${deps.shopName()}`,
      });
    } catch (err) {
      // Nothing was paid: the gateway never gave the customer a page to pay on.
      ledger.markFailed(pending.id, 'The payment gateway could not start the payment.');
      log.warn({ paymentId: pending.id, gateway: input.gateway, err: (err as Error).message }, 'checkout could not start');
      throw new AppError('GATEWAY_UNAVAILABLE');
    }
    // Stored (committed) before the browser is sent away: a callback always finds its payment.
    ledger.attachReference(pending.id, started.reference);
    // The job's timer must know of the abandoned-checkout look, or this process never makes it
    // (only a restart, or another payment's schedule, would arm the timer for it).
    deps.onScheduled();
    log.info({ paymentId: pending.id, gateway: input.gateway, invoiceNo: pending.invoiceNo }, 'checkout started');
    return { paymentId: pending.id, invoiceNo: pending.invoiceNo, amount: pending.amount, redirectUrl: started.redirectUrl };
  }

  function findPayment(ref: { paymentId?: number; reference?: string }): number {
    if (ref.paymentId !== undefined) return ledger.get(ref.paymentId).id;
    const p = ref.reference ? ledger.findByGatewayRef(ref.reference) : null;
    if (!p) throw new AppError('PAYMENT_NOT_FOUND');
    return p.id;
  }

  /** What the gateway's verdict means for the ledger, applied once (the caller holds the lock). */
  function settle(s: PaymentFlowState, verdict: GatewayVerdict, source: ConfirmSource): PaymentOutcome {
    const p = s.payment;
    if (verdict.state === 'paid') {
      const trxId = verdict.trxId ? normalizeTrxId(verdict.trxId) : null;
      if (verdict.amount !== p.amount || verdict.currency.toUpperCase() !== 'BDT') {
        // Money moved, but not what was invoiced: the owner decides; nothing is activated.
        log.warn({ paymentId: p.id, invoiceAmount: p.amount, confirmedAmount: verdict.amount, currency: verdict.currency }, 'payment amount mismatch');
        ledger.markNeedsReview(p.id, 'PAYMENT_AMOUNT_MISMATCH', { trxId, reason: `The gateway confirmed ${verdict.amount} paisa (${verdict.currency}); the invoice is ${p.amount}.` });
      } else if (verdict.invoiceNo !== p.invoiceNo) {
        log.warn({ paymentId: p.id, invoiceNo: p.invoiceNo, gatewayInvoice: verdict.invoiceNo }, 'payment invoice mismatch');
        ledger.markNeedsReview(p.id, 'PAYMENT_INVOICE_MISMATCH', { trxId });
      } else {
        try {
          billing.completePayment(p.gatewayRef!, verdict.amount, { trxId });
        } catch (e) {
          if (!isAppError(e) || e.code !== 'TRX_ID_USED') throw e;
          // The gateway names a transaction another payment already used: never pay twice with it.
          ledger.markNeedsReview(p.id, 'TRX_ID_USED', { reason: `The gateway's transaction ${trxId} already paid another payment.` });
        }
      }
      return outcomeOf(ledger.get(p.id), subscriptionOf);
    }
    if (verdict.state === 'failed') {
      ledger.markFailed(p.id, verdict.message || verdict.why);
      return outcomeOf(ledger.get(p.id), subscriptionOf);
    }
    schedule(s, source);
    return outcomeOf(ledger.get(p.id), subscriptionOf);
  }

  /** Still pending: the job's own check moves the timetable on; any other asker only starts it. */
  function schedule(s: PaymentFlowState, source: ConfirmSource): void {
    const now = clock.now();
    const id = s.payment.id;
    if (s.payment.status !== 'pending') return;
    if (source !== 'job') {
      if (s.checkingSince === null) ledger.scheduleCheck(id, { at: now, step: 0, checkingSince: now });
      deps.onScheduled();
      return;
    }
    const since = s.checkingSince ?? now;
    const next = nextCheck(s.checkingSince === null ? 0 : s.checkStep, since, now);
    if (next) ledger.scheduleCheck(id, { at: next.at, step: next.step, checkingSince: since });
    else {
      log.warn({ paymentId: id }, 'payment not confirmed within 24 hours; left for the owner');
      ledger.markNeedsReview(id, 'PAYMENT_UNCONFIRMED');
    }
    deps.onScheduled();
  }

  /**
   * Confirms one payment with its gateway. Under the payment's lock: the first confirmation
   * records its attempt (committed) and calls complete() (bKash execute, the one call that may
   * move money); every later one, and any after a timeout, only queries. Exactly once whatever
   * arrives twice or together: a callback and an IPN, a reload, two tabs.
   */
  async function confirm(ref: { paymentId?: number; reference?: string }, hints: Record<string, string> = {}, source: ConfirmSource = 'browser'): Promise<PaymentOutcome> {
    const id = findPayment(ref);
    return lock.run(id, async () => {
      const s = ledger.flowState(id);
      const p = s.payment;
      const reviewRecheck = source === 'owner' && p.status === 'needs_review' && p.problem === 'PAYMENT_UNCONFIRMED';
      if (p.status !== 'pending' && !reviewRecheck) return outcomeOf(p, subscriptionOf);
      const gateway = p.method as GatewayId;
      const module = modules[gateway];
      if (!module || !p.gatewayRef) {
        // No module (or a start that never got its reference): nothing to ask; keep checking.
        schedule(s, source);
        return outcomeOf(ledger.get(id), subscriptionOf);
      }
      const ctx = config.context(gateway);
      const reference = p.gatewayRef;
      const executing = !reviewRecheck && s.executeAttemptedAt === null;
      // If the process dies while execute is out (the money may have moved), nobody settles this
      // payment but the retry job, and its next look was the abandoned-checkout one (10 min after
      // the start). So before the claim, the job is booked for when this call would have
      // answered anyway; settle() then moves it on as before. Booked first and claimed second:
      // a crash between the two only makes the job execute once itself, never twice.
      if (executing) {
        const answerBy = clock.now() + EXECUTE_ANSWER_BY_MS;
        ledger.scheduleCheck(id, { at: Math.min(s.nextCheckAt ?? answerBy, answerBy), step: s.checkStep, checkingSince: s.checkingSince });
        deps.onScheduled();
      }
      const verdict = executing && ledger.claimExecute(id)
        ? await guarded(() => module.complete(ctx, reference, hints), 'complete', id)
        : await guarded(() => module.query(ctx, reference), 'query', id);
      return settle(ledger.flowState(id), verdict, source);
    });
  }

  /** "I paid but have no internet": the gateway looks the transaction up; activate if paid and unused. */
  /** Our pending (or unconfirmed) payment of `gateway` and `amount` that the gateway says `trxId` paid. */
  async function openPaymentPaidBy(module: PaymentGateway, ctx: GatewayContext, gateway: GatewayId, trxId: string, amount: number) {
    const open = [
      ...ledger.list({ method: gateway, status: 'pending', limit: 200 }).items,
      ...ledger.list({ method: gateway, status: 'needs_review', limit: 200 }).items,
    ].filter((x) => x.amount === amount && x.gatewayRef);
    for (const candidate of open) {
      const v = await module.query(ctx, candidate.gatewayRef!).catch(() => null);
      if (v?.state === 'paid' && normalizeTrxId(v.trxId) === trxId) return { payment: candidate, verdict: v };
    }
    return null;
  }

  async function recover(gateway: GatewayId, trxIdIn: string): Promise<PaymentOutcome> {
    const trxId = normalizeTrxId(trxIdIn);
    const used = ledger.findByTrxId(trxId);
    if (used?.status === 'completed' || used?.status === 'refunded') throw new AppError('TRX_ID_USED');
    const module = moduleFor(gateway);
    if (!module.findByTrxId) throw new AppError('TRX_NOT_FOUND', `${gateway} cannot look payments up by transaction ID; ask the shop to check it.`);
    const ctx = config.context(gateway);
    let found;
    try {
      found = await module.findByTrxId(ctx, trxId);
    } catch (err) {
      log.warn({ gateway, err: (err as Error).message }, 'transaction lookup failed');
      throw new AppError('GATEWAY_UNAVAILABLE');
    }
    if (!found || found.state !== 'paid') throw new AppError('TRX_NOT_FOUND');
    // Ours only if it paid one of our invoices with this gateway. bKash's search names no invoice
    // (nor paymentID): then ask the gateway about each of our open payments of that amount and
    // take the one it says this transaction paid.
    let paid: GatewayVerdict & { state: 'paid' } = found;
    let p = found.invoiceNo ? ledger.findByInvoice(found.invoiceNo) : null;
    if (!found.invoiceNo) {
      const match = await openPaymentPaidBy(module, ctx, gateway, trxId, found.amount);
      // The gateway's own answer for that payment (with its invoice) is what settles it.
      if (match) ({ payment: p, verdict: paid } = match);
    }
    if (!p || p.method !== gateway) throw new AppError('TRX_NOT_FOUND');
    return lock.run(p.id, async () => {
      const s = ledger.flowState(p.id);
      if (s.payment.status !== 'pending' && s.payment.status !== 'needs_review') return outcomeOf(s.payment, subscriptionOf);
      if (s.payment.status === 'needs_review' && s.payment.problem !== 'PAYMENT_UNCONFIRMED') return outcomeOf(s.payment, subscriptionOf);
      return settle(s, { ...paid, trxId: paid.trxId || trxId }, 'recover');
    });
  }

  /** The gateway's refund where it has one (else a manual refund), then billing's refund row and cancel. */
  function refund(paymentId: number, reason: string): Promise<RefundResult> {
    return lock.run(paymentId, async () => {
      const p = ledger.get(paymentId);
      if (p.status !== 'completed') throw new AppError('PAYMENT_NOT_REFUNDABLE');
      if (ledger.refundOf(p.id)) throw new AppError('PAYMENT_ALREADY_REFUNDED');
      const module = (modules as Partial<Record<string, PaymentGateway>>)[p.method];
      let refundRef: string | null = null;
      let manual = true;
      if (module?.refund && p.gatewayRef && p.trxId) {
        const r = await module.refund(config.context(module.id), { reference: p.gatewayRef, trxId: p.trxId, amount: p.amount, reason });
        // The money did not go back: record nothing, tell the owner why.
        if (!r.ok) throw new AppError('GATEWAY_UNAVAILABLE', `The gateway refused the refund: ${r.message}`);
        refundRef = `refund:${r.refundRef}`;
        manual = false;
      }
      const done = billing.refundPayment(p.id, { reason: manual ? `manual refund: ${reason}` : reason, gatewayRefundRef: refundRef, createdBy: 'admin' });
      log.info({ paymentId: p.id, refundId: done.refund.id, manual }, 'payment refunded');
      return { refund: done.refund, manual, cancelledSubscriptionId: done.cancelledSubscriptionId };
    });
  }

  return { startCheckout, confirm, recover, refund, lock };
}

export type CheckoutFlow = ReturnType<typeof createCheckoutFlow>;
