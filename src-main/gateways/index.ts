import type express from 'express';
import type { CoreDeps, Subsystem } from '../deps';
import type { Billing } from '../billing';
import { AppError } from '../errors';
import type { GatewayId } from '../../src-shared/payments';
import type { GatewayConfigureInput, GatewayTestResult, GatewayView } from '../../src-shared/api/gateways';
import type { PaymentOutcome, RefundResult } from '../../src-shared/api/payments';
import { createGatewayConfig } from './config';
import { createCheckoutFlow, type CheckoutStartedView, type ConfirmSource, type StartCheckoutInput } from './checkout';
import { createRetryJob, type OneShotTimer } from './retryJob';
import { createSendMoney, isSendMoney, type SmsInResult, type StartSendMoneyInput } from './sendMoney';
import { createSmsInStore } from './smsIn/store';
import { createSmsInRouter } from './smsIn/webhook';
import type { PaymentGateway } from './types';

export type { PaymentGateway, GatewayContext, GatewayVerdict, CheckoutRequest, CheckoutStarted } from './types';
export type { StartCheckoutInput, CheckoutStartedView, ConfirmSource } from './checkout';
export type { StartSendMoneyInput, SmsInResult } from './sendMoney';
export type { OneShotTimer } from './retryJob';
export { SMS_IN_PATH } from './smsIn/webhook';

export interface GatewaysDeps extends CoreDeps {
  billing: Billing;
  /**
   * The gateway modules (src-main/gateways/bkash, nagad, sslcommerz), by id. A gateway without
   * a module cannot be used for new payments; its pending ones stay pending and are asked about
   * again once it is back.
   */
  modules?: Partial<Record<GatewayId, PaymentGateway>>;
  /** The retry job's timer (tests fire it by hand on a manual clock). */
  timer?: OneShotTimer;
  /** HTTP for the modules (tests may point it elsewhere). */
  fetch?: typeof fetch;
}

export interface GatewaysStatus {
  running: boolean;
  enabled: GatewayId[];
  nextCheckAt: number | null;
  lastRunAt: number | null;
}

/**
 * Online payments: the gateways' settings, the checkout flow (exactly once), the retry job,
 * recovery by transaction id, refunds, and Send Money with its SMS webhook. The portal's pages
 * and the admin handlers call these; only billing writes the ledger.
 */
export function createGateways(deps: GatewaysDeps) {
  const { billing, clock, log, settings, db } = deps;
  const modules = deps.modules ?? {};
  const config = createGatewayConfig({ settings, modules, fetch: deps.fetch ?? fetch, now: () => clock.now() });
  // eslint-disable-next-line prefer-const -- bound right below; the flow re-arms the job it feeds
  let job: ReturnType<typeof createRetryJob>;
  const flow = createCheckoutFlow({
    billing,
    clock,
    log,
    config,
    modules,
    shopName: () => settings.get().shop.name,
    onScheduled: () => job?.reschedule(),
  });
  job = createRetryJob({
    clock,
    log,
    ledger: billing.payments,
    timer: deps.timer,
    check: (id) => flow.confirm({ paymentId: id }, {}, 'job'),
    postpone: (id) => {
      const s = billing.payments.flowState(id);
      billing.payments.scheduleCheck(id, { at: clock.now() + 60_000, step: s.checkStep, checkingSince: s.checkingSince });
    },
  });
  const smsIn = createSmsInStore(db);
  const sendMoney = createSendMoney({ billing, clock, log, settings, smsIn, lock: flow.lock });

  const subsystem: Subsystem<GatewaysStatus> = {
    async start() {
      job.start();
    },
    stop: () => job.stop(),
    status: () => ({ ...job.status(), enabled: config.enabledIds() }),
  };

  return {
    ...subsystem,

    // --- settings (gateways.get / configure / test) and the walled garden ---
    get(gateway?: GatewayId): GatewayView[] {
      return gateway ? [config.view(gateway)] : config.all();
    },
    configure(input: GatewayConfigureInput): GatewayView {
      return config.configure(input);
    },
    async test(gateway: GatewayId): Promise<GatewayTestResult> {
      const m = modules[gateway];
      if (!m) return { gateway, ok: false, message: `${gateway} is not available in this HotspotDesk build.` };
      try {
        return { gateway, ...(await m.test(config.context(gateway))) };
      } catch (err) {
        return { gateway, ok: false, message: `The test could not reach ${gateway}: ${(err as Error).message}` };
      }
    },
    /** Enabled gateways with a module: the methods the portal offers. */
    enabledIds: (): GatewayId[] => config.enabledIds(),
    /** The walled-garden hosts of a gateway now (none when it is off). */
    hosts: (gateway: GatewayId): string[] => config.hosts(gateway),
    /** Which Send Money wallets the shop takes, with its numbers (the portal shows them). */
    sendMoneyNumbers() {
      const s = settings.get().sendMoney;
      return { bkash: s.bkashNumber || null, nagad: s.nagadNumber || null, rocket: s.rocketNumber || null };
    },

    // --- the checkout flow (the portal) ---
    startCheckout: (input: StartCheckoutInput): Promise<CheckoutStartedView> => flow.startCheckout(input),
    /** A browser return / IPN / anyone asking: untrusted hints only say which payment to ask about. */
    confirm: (ref: { paymentId?: number; reference?: string }, hints: Record<string, string> = {}, source: ConfirmSource = 'browser'): Promise<PaymentOutcome> =>
      flow.confirm(ref, hints, source),
    /** The portal's "I paid but have no internet" and payments.recover. */
    recover: (gateway: GatewayId, trxId: string): Promise<PaymentOutcome> => flow.recover(gateway, trxId),

    // --- the owner (admin handlers) ---
    recheck(id: number): Promise<PaymentOutcome> {
      const p = billing.payments.get(id);
      if (p.method === 'cash' || p.method === 'voucher') throw new AppError('PAYMENT_NOT_PENDING', 'Cash and card payments have nothing to recheck.');
      // No gateway to ask for Send Money: look again for its SMS among those already forwarded.
      if (isSendMoney(p)) return sendMoney.recheck(id);
      return flow.confirm({ paymentId: id }, {}, 'owner');
    },
    refund: (id: number, reason: string): Promise<RefundResult> => flow.refund(id, reason),
    confirmByOwner: (id: number): Promise<PaymentOutcome> => sendMoney.confirmByOwner(id),
    reject: (id: number, reason?: string): Promise<PaymentOutcome> => sendMoney.rejectByOwner(id, reason),
    incomingSms: smsIn.list,

    // --- Send Money ---
    startSendMoney: (input: StartSendMoneyInput) => sendMoney.start(input),
    receiveSms: (sms: { sender: string | null; text: string }): Promise<SmsInResult> => sendMoney.receiveSms(sms),
    /** `POST /hooks/sms-in`, for the portal's door. */
    smsInRouter(): express.Router {
      return createSmsInRouter({ log, token: () => settings.secret('sendMoney', 'smsWebhookToken'), receive: (sms) => sendMoney.receiveSms(sms) });
    },

    /** The retry job (tests run it by hand). */
    retryJob: job,
  };
}

export type Gateways = ReturnType<typeof createGateways>;
