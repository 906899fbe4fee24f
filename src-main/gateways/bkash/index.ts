/**
 * bKash Tokenized Checkout, URL based, mode "0011" (reference §5.1). Speaks bKash's API only:
 * the payment flow (ledger, locks, retry job) is in src-main/gateways/index.ts.
 *
 *   start    grant (cached) → create → { paymentID, bkashURL }
 *   complete execute, once; a timeout is `pending` and 2062/2068/2117 are answered by query
 *   query    /payment/status (read-only, safe to repeat)
 *   findByTrxId /general/searchTransaction
 *   refund   /payment/refund (the v1 envelope; the v2 refund API is [U])
 *
 * Money moves only at execute, so nothing here ever reports `failed` for a call whose outcome is
 * unknown (timeout, 5xx, bKash's system error, our own token trouble): those are `pending`, and
 * `query` settles them later. Tokens, app secret and password never reach a log line or a
 * message: gateway text is scrubbed of them before it is used.
 */
import { AppError } from '../../errors';
import { silentLogger, type Logger } from '../../log';
import { toLocalPhone } from '../../../src-shared/phone';
import type { CheckoutRequest, CheckoutStarted, GatewayContext, GatewayVerdict, PaymentGateway } from '../types';
import { paisaToTaka, takaToPaisa } from './amount';
import { bkashHosts } from './hosts';
import { bkashPost, fieldText, type BkashReply } from './http';
import { ALREADY_COMPLETED_CODES, SYSTEM_ERROR_CODES, UNKNOWN_PAYMENT_CODES, plainBkashMessage } from './messages';
import { createTokenCache, readCredentials, type BkashCredentials, type TokenResult } from './tokens';

export { paisaToTaka, takaToPaisa, parseBkashTime } from './amount';
export { bkashHosts, BKASH_BASE_URLS } from './hosts';
export { TOKEN_CACHE_MS } from './tokens';

export interface BkashGatewayDeps {
  log?: Logger;
}

type PaidVerdict = GatewayVerdict & { state: 'paid' };
type AuthedReply = BkashReply | { kind: 'noToken'; token: TokenResult & { ok: false } };

/** `sku` is required by the refund API and shown in bKash's merchant portal. */
const REFUND_SKU = 'wifi-package';
const REFUND_REASON_MAX = 255;

export function createBkashGateway(deps: BkashGatewayDeps = {}): PaymentGateway {
  const log = (deps.log ?? silentLogger()).child({ gateway: 'bkash' });
  const tokens = createTokenCache(log);

  const secretsFor = (c: BkashCredentials) => [c.appSecret, c.password, c.appKey, ...tokens.secrets()];

  function credentials(ctx: GatewayContext): BkashCredentials | { missing: string[] } {
    const r = readCredentials(ctx);
    return r.ok ? r.creds : { missing: r.missing };
  }

  /** One API call with the cached token; a 401 (expired or revoked token) gets one re-grant and one retry. */
  async function authed(ctx: GatewayContext, c: BkashCredentials, path: string, body: Record<string, unknown>): Promise<AuthedReply> {
    let t = await tokens.get(ctx, c);
    if (!t.ok) return { kind: 'noToken', token: t };
    const send = (idToken: string) => bkashPost(ctx, path, { authorization: idToken, 'x-app-key': c.appKey }, body, secretsFor(c));
    let reply = await send(t.idToken);
    // The API gateway answers 401 before bKash sees the request, so repeating it (even execute) is safe.
    if (reply.kind === 'denied' && reply.status === 401) {
      log.info({ op: path }, 'bKash refused the token; granting a new one');
      t = await tokens.regrant(ctx, c, t.idToken);
      if (!t.ok) return { kind: 'noToken', token: t };
      reply = await send(t.idToken);
    }
    return reply;
  }

  function logReply(op: string, reference: string, reply: AuthedReply) {
    log.info({ op, reference, outcome: reply.kind, bkashCode: reply.kind === 'error' ? reply.code : undefined,
      transactionStatus: reply.kind === 'ok' ? fieldText(reply.body.transactionStatus) || undefined : undefined }, 'bKash reply');
  }

  /** A reply describing a payment (execute, query) whose transactionStatus is Completed. */
  function paidFrom(body: Record<string, unknown>): PaidVerdict | null {
    const trxId = fieldText(body.trxID);
    if (!trxId) return null;
    return {
      state: 'paid',
      // -1 = an amount we cannot read: it can never equal an invoice, so the flow holds it for review.
      amount: takaToPaisa(body.amount) ?? -1,
      currency: fieldText(body.currency) || 'BDT',
      invoiceNo: fieldText(body.merchantInvoiceNumber),
      trxId,
    };
  }

  /** Completed → paid; Initiated/Pending… → pending; anything else is a final "not paid". */
  function verdictFromStatus(body: Record<string, unknown>): GatewayVerdict {
    const status = fieldText(body.transactionStatus);
    const s = status.toLowerCase();
    if (s === 'completed') return paidFrom(body) ?? { state: 'pending', why: 'processing' };
    if (s === 'initiated' || s.startsWith('pending') || s === 'authorized') return { state: 'pending', why: 'processing' };
    if (s === 'cancelled' || s === 'canceled') return { state: 'failed', why: 'cancelled', message: 'The payment was cancelled on bKash.' };
    if (s === 'expired') return { state: 'failed', why: 'expired', message: 'The bKash payment expired before it was completed.' };
    return { state: 'failed', why: 'failed', message: `bKash says the payment is ${status ? `"${status}"` : 'not completed'}.` };
  }

  /** A call that did not get a bKash answer about the payment: unknown, so pending. */
  function unknownOutcome(reply: AuthedReply): GatewayVerdict | null {
    switch (reply.kind) {
      case 'timeout': return { state: 'pending', why: 'timeout' };
      case 'unreachable': return { state: 'pending', why: 'unreachable' };
      case 'noToken': return { state: 'pending', why: reply.token.kind === 'timeout' ? 'timeout' : 'unreachable' };
      // 403: X-APP-Key mismatch, our configuration; the customer's money is not the question.
      case 'denied': return { state: 'pending', why: 'unreachable' };
      case 'error': return SYSTEM_ERROR_CODES.has(reply.code) ? { state: 'pending', why: 'unreachable' } : null;
      default: return null;
    }
  }

  function startError(reply: AuthedReply): AppError {
    const detail = (why: string) => ({ gateway: 'bkash', why });
    switch (reply.kind) {
      case 'noToken': return new AppError('PAYMENT_FAILED', `bKash could not be used: ${reply.token.message}`, detail(reply.token.kind));
      case 'timeout': return new AppError('PAYMENT_FAILED', 'bKash did not answer in time. Try again in a minute.', detail('timeout'));
      case 'unreachable': return new AppError('PAYMENT_FAILED', `${reply.message}. Try again in a minute.`, detail('unreachable'));
      case 'denied': return new AppError('PAYMENT_FAILED', `bKash refused the app key (HTTP ${reply.status}). Check it in Settings → Payments.`, detail('refused'));
      case 'error': return new AppError('PAYMENT_FAILED', `bKash did not start the payment: ${plainBkashMessage(reply.code, reply.message)}`, detail('refused'));
      default: return new AppError('PAYMENT_FAILED', 'bKash did not start the payment.', detail('failed'));
    }
  }

  const notConfigured = (missing: string[]) => `bKash is not set up: fill in ${missing.join(', ')} in Settings → Payments.`;

  async function query(ctx: GatewayContext, reference: string): Promise<GatewayVerdict> {
    const c = credentials(ctx);
    if ('missing' in c) return { state: 'pending', why: 'unreachable' };
    const reply = await authed(ctx, c, 'payment/status', { paymentID: reference });
    logReply('query', reference, reply);
    if (reply.kind === 'ok') return verdictFromStatus(reply.body);
    const unknown = unknownOutcome(reply);
    if (unknown) return unknown;
    if (reply.kind === 'error' && UNKNOWN_PAYMENT_CODES.has(reply.code)) {
      return { state: 'failed', why: 'not_found', message: plainBkashMessage(reply.code, reply.message) };
    }
    // Any other refusal of a read-only question says nothing about the money: ask again later.
    return { state: 'pending', why: 'unreachable' };
  }

  return {
    id: 'bkash',

    hosts: (ctx) => bkashHosts(ctx),

    async start(ctx: GatewayContext, req: CheckoutRequest): Promise<CheckoutStarted> {
      const c = credentials(ctx);
      if ('missing' in c) throw new AppError('PAYMENT_FAILED', notConfigured(c.missing), { gateway: 'bkash', why: 'not_configured' });
      const reply = await authed(ctx, c, 'create', {
        mode: '0011',
        payerReference: toLocalPhone(req.customerPhone),
        callbackURL: req.returnUrl,
        amount: paisaToTaka(req.amount),
        currency: 'BDT',
        intent: 'sale',
        merchantInvoiceNumber: req.invoiceNo,
      });
      logReply('create', req.invoiceNo, reply);
      if (reply.kind === 'ok') {
        const reference = fieldText(reply.body.paymentID);
        const redirectUrl = fieldText(reply.body.bkashURL);
        if (reference && redirectUrl) return { reference, redirectUrl };
        throw new AppError('PAYMENT_FAILED', 'bKash accepted the payment but sent no payment page. Try again.', { gateway: 'bkash', why: 'failed' });
      }
      throw startError(reply);
    },

    async complete(ctx: GatewayContext, reference: string, hints: Record<string, string>): Promise<GatewayVerdict> {
      // The callback's status is only a hint: execute asks bKash itself, and a forged "success"
      // for an unpaid payment gets bKash's refusal.
      const c = credentials(ctx);
      if ('missing' in c) return { state: 'pending', why: 'unreachable' };
      const reply = await authed(ctx, c, 'execute', { paymentID: reference });
      logReply('execute', reference, reply);
      log.info({ op: 'execute', reference, callbackStatus: hints.status }, 'bKash execute done');
      if (reply.kind === 'ok') return verdictFromStatus(reply.body);
      const unknown = unknownOutcome(reply);
      if (unknown) return unknown;
      if (reply.kind === 'error' && ALREADY_COMPLETED_CODES.has(reply.code)) return query(ctx, reference);
      if (reply.kind === 'error') return { state: 'failed', why: 'failed', message: plainBkashMessage(reply.code, reply.message) };
      return { state: 'pending', why: 'unreachable' };
    },

    query,

    async findByTrxId(ctx: GatewayContext, trxId: string): Promise<PaidVerdict | null> {
      const c = credentials(ctx);
      if ('missing' in c) throw new AppError('PAYMENT_FAILED', notConfigured(c.missing), { gateway: 'bkash', why: 'not_configured' });
      const id = trxId.trim().toUpperCase();
      const reply = await authed(ctx, c, 'general/searchTransaction', { trxID: id });
      logReply('search', id, reply);
      if (reply.kind === 'ok') {
        if (fieldText(reply.body.transactionStatus).toLowerCase() !== 'completed') return null;
        // searchTransaction returns trxID, amount, currency, customerMsisdn, times — no paymentID and
        // no merchantInvoiceNumber: invoiceNo is empty and the flow matches by trxId and amount.
        return {
          state: 'paid',
          amount: takaToPaisa(reply.body.amount) ?? -1,
          currency: fieldText(reply.body.currency) || 'BDT',
          invoiceNo: '',
          trxId: fieldText(reply.body.trxID) || id,
        };
      }
      if (reply.kind === 'error' && !SYSTEM_ERROR_CODES.has(reply.code)) return null;
      throw startError(reply.kind === 'error' ? { kind: 'unreachable', message: plainBkashMessage(reply.code, reply.message) } : reply);
    },

    async refund(ctx, payment) {
      const c = credentials(ctx);
      if ('missing' in c) return { ok: false, message: notConfigured(c.missing) };
      const reply = await authed(ctx, c, 'payment/refund', {
        paymentID: payment.reference,
        trxID: payment.trxId,
        amount: paisaToTaka(payment.amount),
        reason: payment.reason.slice(0, REFUND_REASON_MAX) || 'refund',
        sku: REFUND_SKU,
      });
      logReply('refund', payment.reference, reply);
      if (reply.kind === 'ok') {
        const refundRef = fieldText(reply.body.refundTrxID);
        if (refundRef && fieldText(reply.body.transactionStatus).toLowerCase() === 'completed') return { ok: true, refundRef };
        return { ok: false, message: `bKash did not confirm the refund (status "${fieldText(reply.body.transactionStatus)}"). Check the bKash merchant portal.` };
      }
      if (reply.kind === 'error') return { ok: false, message: `bKash refused the refund: ${plainBkashMessage(reply.code, reply.message)}` };
      if (reply.kind === 'timeout' || reply.kind === 'unreachable') {
        return { ok: false, message: 'bKash did not answer: the refund may still have been made. Check the bKash merchant portal before trying again.' };
      }
      return { ok: false, message: startError(reply).message };
    },

    async test(ctx) {
      const c = credentials(ctx);
      if ('missing' in c) return { ok: false, message: notConfigured(c.missing) };
      const t = await tokens.grantNow(ctx, c);
      const where = bkashHosts(ctx)[0] ?? 'bKash';
      if (t.ok) return { ok: true, message: `bKash accepted the credentials (${ctx.mode}, ${where}).` };
      return { ok: false, message: t.message };
    },
  };
}
