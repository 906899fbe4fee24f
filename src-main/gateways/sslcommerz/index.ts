import { AppError } from '../../errors';
import { callGateway, field, hostOf, joinUrl, scrub, type GatewayReply } from '../gatewayHttp';
import { paisaToTaka, takaToPaisa } from '../takaAmount';
import type { CheckoutRequest, CheckoutStarted, GatewayContext, GatewayVerdict, PaymentGateway } from '../types';

export { checkIpnSignature, parseIpn, IPN_STATUSES, type IpnParseResult, type SslcommerzIpn } from './ipn';

/**
 * SSLCommerz v4 (reference §5.3): open a session → the customer pays on GatewayPageURL → the
 * browser POSTs back to success/fail/cancel (untrusted) and, where the owner has a public URL,
 * an IPN arrives → the validation API decides. The reference is our tran_id (= invoice).
 */

export const SSLCOMMERZ_URLS = {
  live: 'https://securepay.sslcommerz.com',
  sandbox: 'https://sandbox.sslcommerz.com',
} as const;

/** The query parameter added to returnUrl for SSLCommerz's three return URLs. */
export const RETURN_MARKER = 'result';
export type ReturnResult = 'success' | 'fail' | 'cancel';

const SESSION_PATH = 'gwprocess/v4/api.php';
const VALIDATOR_PATH = 'validator/api/validationserverAPI.php';
const TRAN_QUERY_PATH = 'validator/api/merchantTransIDvalidationAPI.php';

const PAID = new Set(['VALID', 'VALIDATED']);
const NOT_YET = new Set(['PENDING', 'UNATTEMPTED', 'PROCESSING', 'INITIATED']);

interface Store {
  storeId: string;
  storePassword: string;
}

function storeFrom(ctx: GatewayContext): Store | string {
  const storeId = (ctx.credentials.storeId ?? '').trim();
  const storePassword = ctx.credentials.storePassword ?? '';
  if (!storeId) return 'the SSLCommerz store id is not set';
  if (!storePassword) return 'the SSLCommerz store password is not set';
  return { storeId, storePassword };
}

function baseOf(ctx: Pick<GatewayContext, 'mode' | 'baseUrl'>): string {
  return ctx.baseUrl ?? SSLCOMMERZ_URLS[ctx.mode];
}

function withResult(returnUrl: string, result: ReturnResult): string {
  const u = new URL(returnUrl);
  u.searchParams.set(RETURN_MARKER, result);
  return u.toString();
}

function startFailed(message: string, reason: 'config' | 'unreachable' | 'refused'): AppError {
  return new AppError('PAYMENT_FAILED', `SSLCommerz: ${message}`, { gateway: 'sslcommerz', reason });
}

/**
 * APIConnect is how the validator says whether it accepted the call itself: DONE, or
 * INVALID_REQUEST / FAILED (authentication) / INACTIVE (store). Null when it is DONE or absent.
 */
function apiConnectProblem(json: unknown): string | null {
  const c = field(json, 'APIConnect').toUpperCase();
  if (!c || c === 'DONE') return null;
  if (c === 'FAILED') return 'SSLCommerz refused the store id or store password';
  if (c === 'INACTIVE') return 'SSLCommerz says this store is inactive';
  if (c === 'INVALID_REQUEST') return 'SSLCommerz rejected the request as invalid';
  return `SSLCommerz answered ${c}`;
}

/** A validator record (by val_id, or one element of the tran_id answer) as a verdict. */
function verdictOf(rec: unknown, reference: string): GatewayVerdict | null {
  // A record of another tran_id says nothing about ours (a forged or replayed val_id).
  if (field(rec, 'tran_id') !== reference) return null;
  const status = field(rec, 'status').toUpperCase();
  if (PAID.has(status)) {
    // currency_type / currency_amount are what we asked for (BDT here); amount is after any
    // conversion. Prefer the former, as SSLCommerz's own samples compare them.
    const amount = takaToPaisa(field(rec, 'currency_amount') || field(rec, 'amount'));
    const currency = field(rec, 'currency_type') || field(rec, 'currency');
    const trxId = field(rec, 'bank_tran_id') || field(rec, 'val_id');
    if (amount === null || !currency || !trxId) return { state: 'pending', why: 'processing' };
    // risk_level 1: SSLCommerz lets it through but suggests a look. We treat it as paid (a day of
    // WiFi is a small loss next to a paying customer left offline for a day) and flag it so the
    // owner sees it in the payments list.
    const risky = field(rec, 'risk_level') === '1';
    return { state: 'paid', amount, currency, invoiceNo: reference, trxId, ...(risky ? { risky } : {}) };
  }
  if (status === 'FAILED') return { state: 'failed', why: 'failed', message: `SSLCommerz says the payment failed${field(rec, 'error') ? `: ${field(rec, 'error')}` : ''}.` };
  if (status === 'CANCELLED') return { state: 'failed', why: 'cancelled', message: 'The customer cancelled the SSLCommerz payment.' };
  if (status === 'EXPIRED') return { state: 'failed', why: 'expired', message: 'The SSLCommerz payment session expired before it was paid.' };
  if (NOT_YET.has(status)) return { state: 'pending', why: 'processing' };
  return null;
}

function pendingFor(reply: GatewayReply): GatewayVerdict | null {
  if (!reply.ok) return { state: 'pending', why: reply.why };
  if (reply.status >= 500 || reply.json === null) return { state: 'pending', why: 'unreachable' };
  // A refused credential at confirmation time is not the payment failing: ask again once fixed.
  if (apiConnectProblem(reply.json)) return { state: 'pending', why: 'unreachable' };
  return null;
}

export function createSslcommerzGateway(): PaymentGateway {
  function getUrl(ctx: GatewayContext, path: string, store: Store, params: Record<string, string>): string {
    const q = new URLSearchParams({ ...params, store_id: store.storeId, store_passwd: store.storePassword, v: '1', format: 'json' });
    return `${joinUrl(baseOf(ctx), path)}?${q.toString()}`;
  }

  async function byValId(ctx: GatewayContext, store: Store, valId: string) {
    return callGateway(ctx, getUrl(ctx, VALIDATOR_PATH, store, { val_id: valId }), { method: 'GET', headers: { accept: 'application/json' } });
  }

  async function query(ctx: GatewayContext, reference: string): Promise<GatewayVerdict> {
    const store = storeFrom(ctx);
    if (typeof store === 'string') return { state: 'pending', why: 'unreachable' };
    const reply = await callGateway(ctx, getUrl(ctx, TRAN_QUERY_PATH, store, { tran_id: reference }), { method: 'GET', headers: { accept: 'application/json' } });
    const early = pendingFor(reply);
    if (early || !reply.ok) return early ?? { state: 'pending', why: 'unreachable' };
    const raw = (reply.json as Record<string, unknown>).element;
    const elements = Array.isArray(raw) ? raw.filter((e) => field(e, 'tran_id') === reference) : [];
    const verdicts = elements.map((e) => verdictOf(e, reference)).filter((v): v is GatewayVerdict => v !== null);
    // One tran_id may carry several attempts (a card declined, then bKash paid): any paid one wins,
    // then any still open; only when every attempt ended is it failed (the latest one's reason).
    const paid = verdicts.find((v) => v.state === 'paid');
    if (paid) return paid;
    if (verdicts.some((v) => v.state === 'pending')) return { state: 'pending', why: 'processing' };
    const last = verdicts.at(-1);
    // No attempt at all yet: the customer may still be on the gateway page, so not "failed" (a
    // payment marked failed while they pay would take money without activating anything).
    return last ?? { state: 'pending', why: 'processing' };
  }

  return {
    id: 'sslcommerz',

    hosts(ctx) {
      if (ctx.baseUrl) {
        const host = hostOf(ctx.baseUrl);
        return host ? [host] : [];
      }
      return [new URL(SSLCOMMERZ_URLS[ctx.mode]).hostname];
    },

    async start(ctx: GatewayContext, req: CheckoutRequest): Promise<CheckoutStarted> {
      const store = storeFrom(ctx);
      if (typeof store === 'string') throw startFailed(store, 'config');
      const local = req.customerPhone.replace(/^\+?880/, '0');
      const form = new URLSearchParams({
        store_id: store.storeId,
        store_passwd: store.storePassword,
        total_amount: paisaToTaka(req.amount),
        currency: 'BDT',
        tran_id: req.invoiceNo,
        success_url: withResult(req.returnUrl, 'success'),
        fail_url: withResult(req.returnUrl, 'fail'),
        cancel_url: withResult(req.returnUrl, 'cancel'),
        ...(req.notifyUrl ? { ipn_url: req.notifyUrl } : {}),
        // SSLCommerz requires a customer's name, e-mail and address; a hotspot only knows the
        // phone, so the rest are placeholders (.invalid can never be someone's real mailbox).
        cus_name: `Customer ${local}`,
        cus_email: `${local}@customer.invalid`,
        cus_add1: 'N/A',
        cus_city: 'Dhaka',
        cus_postcode: '1000',
        cus_country: 'Bangladesh',
        cus_phone: local,
        shipping_method: 'NO',
        num_of_item: '1',
        product_name: req.description.slice(0, 255),
        product_category: 'Internet',
        product_profile: 'non-physical-goods',
        value_a: req.invoiceNo,
      });
      const reply = await callGateway(ctx, joinUrl(baseOf(ctx), SESSION_PATH), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
      });
      if (!reply.ok) throw startFailed(`the gateway could not be reached (${reply.detail})`, 'unreachable');
      const page = field(reply.json, 'GatewayPageURL');
      if (field(reply.json, 'status').toUpperCase() !== 'SUCCESS' || !page) {
        const why = field(reply.json, 'failedreason') || `HTTP ${reply.status}`;
        throw startFailed(`the session was refused: ${scrub(why, [store.storePassword])}`, 'refused');
      }
      return { reference: req.invoiceNo, redirectUrl: page };
    },

    async complete(ctx, reference, hints) {
      const store = storeFrom(ctx);
      if (typeof store === 'string') return { state: 'pending', why: 'unreachable' };
      const valId = (hints.val_id ?? '').trim();
      if (valId) {
        const reply = await byValId(ctx, store, valId);
        const early = pendingFor(reply);
        if (early) return early;
        // A val_id SSLCommerz does not know (INVALID_TRANSACTION), or one of another tran_id (a
        // forged or replayed callback), is ignored: our own tran_id then decides.
        const v = reply.ok ? verdictOf(reply.json, reference) : null;
        if (v) return v;
      }
      return query(ctx, reference);
    },

    query,

    async refund(ctx, payment) {
      const store = storeFrom(ctx);
      if (typeof store === 'string') return { ok: false, message: `SSLCommerz: ${store}.` };
      const reply = await callGateway(ctx, getUrl(ctx, TRAN_QUERY_PATH, store, {
        bank_tran_id: payment.trxId,
        refund_amount: paisaToTaka(payment.amount),
        refund_remarks: payment.reason.slice(0, 255) || 'Refund',
        refe_id: payment.reference,
      }), { method: 'GET', headers: { accept: 'application/json' } });
      if (!reply.ok) return { ok: false, message: `SSLCommerz could not be reached (${reply.detail}); the refund was not requested.` };
      const problem = apiConnectProblem(reply.json);
      if (problem) return { ok: false, message: `${problem}; the refund was not requested.` };
      const status = field(reply.json, 'status').toLowerCase();
      const refundRef = field(reply.json, 'refund_ref_id');
      // "processing" is accepted: SSLCommerz queues refunds and settles them within days.
      if ((status === 'success' || status === 'processing') && refundRef) return { ok: true, refundRef };
      const why = field(reply.json, 'errorReason') || status || `HTTP ${reply.status}`;
      return { ok: false, message: `SSLCommerz refused the refund: ${scrub(why, [store.storePassword])}` };
    },

    async test(ctx) {
      const store = storeFrom(ctx);
      if (typeof store === 'string') return { ok: false, message: `SSLCommerz: ${store}.` };
      // The validator with an id that cannot exist proves the store id and password (APIConnect
      // says DONE or FAILED) and, unlike opening a session, creates nothing at SSLCommerz.
      const reply = await byValId(ctx, store, `HOTSPOTDESK-TEST-${ctx.now()}`);
      if (!reply.ok) return { ok: false, message: `SSLCommerz could not be reached (${reply.detail}).` };
      if (reply.json === null) return { ok: false, message: `SSLCommerz gave an unreadable answer (HTTP ${reply.status}); check the base URL.` };
      const problem = apiConnectProblem(reply.json);
      if (problem) return { ok: false, message: `${problem}.` };
      return { ok: true, message: 'SSLCommerz accepted the store id and password.' };
    },
  };
}
