import crypto, { type KeyObject } from 'node:crypto';
import { AppError } from '../../errors';
import { callGateway, field, hostOf, joinUrl, scrub, type GatewayReply } from '../gatewayHttp';
import { paisaToTaka, takaToPaisa } from '../takaAmount';
import type { CheckoutRequest, CheckoutStarted, GatewayContext, GatewayVerdict, PaymentGateway } from '../types';
import { NAGAD_SIGNATURE_HASH, decryptWithKey, dhakaDateTime, encryptForKey, readPrivateKey, readPublicKey, signWithKey, type NagadSignatureHash } from './rsa';

export { NAGAD_SIGNATURE_HASH, type NagadSignatureHash } from './rsa';

/**
 * Nagad merchant checkout v-0.2.0 (reference §5.2): initialize → complete → the customer pays
 * on Nagad's page → the browser comes back to merchantCallbackURL (untrusted) → we verify.
 * Verify is read-only, so `complete` and `query` are the same call and safe to repeat.
 */

export const NAGAD_URLS = {
  live: 'https://api.mynagad.com/api/dfs',
  sandbox: 'http://sandbox.mynagad.com:10080/remote-payment-gateway-1.0/api/dfs',
} as const;

const HOSTS = { live: ['api.mynagad.com'], sandbox: ['sandbox.mynagad.com'] } as const;

export const NAGAD_API_VERSION = 'v-0.2.0';
/** Nagad's numeric code for BDT in the complete call. */
const CURRENCY_CODE = '050';

export interface NagadOptions {
  /** [U] which RSA hash Nagad checks; the default is NAGAD_SIGNATURE_HASH. */
  signatureHash?: NagadSignatureHash;
  /** [U] `check-out` per the reference; some integrations write `checkout`. */
  checkoutPath?: 'check-out' | 'checkout';
}

interface NagadKeys {
  merchantId: string;
  merchantNumber: string;
  privateKey: KeyObject;
  gatewayKey: KeyObject;
}

/** Why the keys are unusable, in words the owner can act on, or the keys. */
function keysFrom(ctx: GatewayContext): NagadKeys | string {
  const c = ctx.credentials;
  const merchantId = (c.merchantId ?? '').trim();
  if (!merchantId) return 'the Nagad merchant id is not set';
  if (!c.merchantPrivateKey) return 'the Nagad merchant private key is not set';
  if (!c.gatewayPublicKey) return 'the Nagad gateway public key is not set';
  const privateKey = readPrivateKey(c.merchantPrivateKey);
  if (!privateKey) return 'the Nagad merchant private key is not a valid RSA private key (paste the base64 text Nagad gave, or a PEM file)';
  const gatewayKey = readPublicKey(c.gatewayPublicKey);
  if (!gatewayKey) return 'the Nagad gateway public key is not a valid RSA public key (paste the base64 text Nagad gave, or a PEM file)';
  return { merchantId, merchantNumber: (c.merchantNumber ?? '').trim(), privateKey, gatewayKey };
}

function baseOf(ctx: Pick<GatewayContext, 'mode' | 'baseUrl'>): string {
  return ctx.baseUrl ?? NAGAD_URLS[ctx.mode];
}

/** Nagad's error envelope ({reason, message}, sometimes devMessage) in plain words, secrets removed. */
function nagadError(ctx: GatewayContext, reply: GatewayReply & { ok: true }): string {
  const text = field(reply.json, 'message') || field(reply.json, 'reason') || field(reply.json, 'devMessage') || `HTTP ${reply.status}`;
  return scrub(text, [ctx.credentials.merchantPrivateKey]);
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function startFailed(message: string, reason: 'config' | 'unreachable' | 'refused'): AppError {
  return new AppError('PAYMENT_FAILED', `Nagad: ${message}`, { gateway: 'nagad', reason });
}

export function createNagadGateway(options: NagadOptions = {}): PaymentGateway {
  const hash = options.signatureHash ?? NAGAD_SIGNATURE_HASH;
  const checkoutPath = options.checkoutPath ?? 'check-out';

  function headers(ip: string): Record<string, string> {
    return {
      'content-type': 'application/json',
      accept: 'application/json',
      'X-KM-Api-Version': NAGAD_API_VERSION,
      'X-KM-IP-V4': ip,
      'X-KM-Client-Type': 'PC_WEB',
    };
  }

  /** Encrypts and signs one JSON payload as Nagad expects it. */
  function seal(keys: NagadKeys, payload: Record<string, string>) {
    const json = JSON.stringify(payload);
    return { sensitiveData: encryptForKey(keys.gatewayKey, json), signature: signWithKey(keys.privateKey, json, hash) };
  }

  async function initialize(ctx: GatewayContext, keys: NagadKeys, orderId: string, ip: string): Promise<{ paymentReferenceId: string; challenge: string }> {
    const datetime = dhakaDateTime(ctx.now());
    const body = {
      ...(keys.merchantNumber ? { accountNumber: keys.merchantNumber } : {}),
      dateTime: datetime,
      ...seal(keys, { merchantId: keys.merchantId, datetime, orderId, challenge: crypto.randomBytes(20).toString('hex') }),
    };
    const url = joinUrl(baseOf(ctx), `${checkoutPath}/initialize/${encodeURIComponent(keys.merchantId)}/${encodeURIComponent(orderId)}`);
    const reply = await callGateway(ctx, url, { method: 'POST', headers: headers(ip), body: JSON.stringify(body) });
    if (!reply.ok) throw startFailed(`the gateway could not be reached (${reply.detail})`, 'unreachable');
    const sealed = field(reply.json, 'sensitiveData');
    if (reply.status >= 400 || !sealed) throw startFailed(`initialize was refused: ${nagadError(ctx, reply)}`, 'refused');
    const plain = decryptWithKey(keys.privateKey, sealed);
    const parsed = parseJson(plain);
    const paymentReferenceId = field(parsed, 'paymentReferenceId');
    const challenge = field(parsed, 'challenge');
    if (!paymentReferenceId || !challenge) {
      // Nagad encrypts its answer with the public key it has on file for us: if we cannot read it,
      // that key and our private key are not a pair.
      throw startFailed('its answer could not be decrypted with the merchant private key; check that the key matches the one registered with Nagad', 'config');
    }
    return { paymentReferenceId, challenge };
  }

  async function verify(ctx: GatewayContext, reference: string): Promise<GatewayVerdict> {
    const url = joinUrl(baseOf(ctx), `verify/payment/${encodeURIComponent(reference)}`);
    const reply = await callGateway(ctx, url, {
      method: 'GET',
      headers: { accept: 'application/json', 'X-KM-Api-Version': NAGAD_API_VERSION, 'X-KM-Client-Type': 'PC_WEB' },
    });
    if (!reply.ok) return { state: 'pending', why: reply.why };
    if (reply.status >= 500 || reply.json === null) return { state: 'pending', why: 'unreachable' };
    const status = field(reply.json, 'status');
    if (!status) {
      // An error envelope for a reference Nagad itself gave us means it has no such payment.
      return { state: 'failed', why: 'not_found', message: `Nagad: ${nagadError(ctx, reply)}` };
    }
    switch (status.toLowerCase()) {
      case 'success': {
        const amount = takaToPaisa(reply.json && (reply.json as Record<string, unknown>).amount);
        const invoiceNo = field(reply.json, 'orderId');
        const trxId = field(reply.json, 'issuerPaymentRefNo') || field(reply.json, 'paymentRefId');
        const refOnRecord = field(reply.json, 'paymentRefId');
        // Never "paid" on an answer we cannot check; the retry job asks again and the owner sees it after.
        if (amount === null || !invoiceNo || !trxId || (refOnRecord && refOnRecord !== reference)) return { state: 'pending', why: 'processing' };
        return { state: 'paid', amount, currency: 'BDT', invoiceNo, trxId };
      }
      case 'aborted':
      case 'cancelled':
      case 'canceled':
        return { state: 'failed', why: 'cancelled', message: 'The customer cancelled the Nagad payment.' };
      case 'failed':
        return { state: 'failed', why: 'failed', message: `Nagad says the payment failed${field(reply.json, 'statusCode') ? ` (code ${field(reply.json, 'statusCode')})` : ''}.` };
      case 'expired':
        return { state: 'failed', why: 'expired', message: 'The Nagad payment expired before it was paid.' };
      default:
        // Initiated, Ready, InProgress …: the customer may still be on Nagad's page.
        return { state: 'pending', why: 'processing' };
    }
  }

  return {
    id: 'nagad',

    hosts(ctx) {
      if (ctx.baseUrl) {
        const host = hostOf(ctx.baseUrl);
        return host ? [host] : [];
      }
      return [...HOSTS[ctx.mode]];
    },

    async start(ctx: GatewayContext, req: CheckoutRequest): Promise<CheckoutStarted> {
      const keys = keysFrom(ctx);
      if (typeof keys === 'string') throw startFailed(keys, 'config');
      const ip = req.customerIp ?? '127.0.0.1';
      const { paymentReferenceId, challenge } = await initialize(ctx, keys, req.invoiceNo, ip);
      const body = {
        ...seal(keys, { merchantId: keys.merchantId, orderId: req.invoiceNo, currencyCode: CURRENCY_CODE, amount: paisaToTaka(req.amount), challenge }),
        merchantCallbackURL: req.returnUrl,
        additionalMerchantInfo: { description: req.description },
      };
      const url = joinUrl(baseOf(ctx), `${checkoutPath}/complete/${encodeURIComponent(paymentReferenceId)}`);
      const reply = await callGateway(ctx, url, { method: 'POST', headers: headers(ip), body: JSON.stringify(body) });
      if (!reply.ok) throw startFailed(`the gateway could not be reached (${reply.detail})`, 'unreachable');
      const callBackUrl = field(reply.json, 'callBackUrl');
      if (reply.status >= 400 || field(reply.json, 'status').toLowerCase() !== 'success' || !callBackUrl) {
        throw startFailed(`complete was refused: ${nagadError(ctx, reply)}`, 'refused');
      }
      return { reference: paymentReferenceId, redirectUrl: callBackUrl };
    },

    // The callback's status and payment_ref_id are hints only: the reference we stored decides.
    complete: (ctx, reference) => verify(ctx, reference),
    query: (ctx, reference) => verify(ctx, reference),

    async test(ctx) {
      const keys = keysFrom(ctx);
      if (typeof keys === 'string') return { ok: false, message: `Nagad: ${keys}.` };
      // Nagad has no read-only credential check. An initialize proves all three at once (merchant
      // id, our signature, and that we can read Nagad's encrypted answer) and moves no money: the
      // order is never completed.
      try {
        await initialize(ctx, keys, `TEST${ctx.now()}`, '127.0.0.1');
        return { ok: true, message: 'Nagad accepted the merchant id and keys.' };
      } catch (err) {
        return { ok: false, message: (err as Error).message };
      }
    },
  };
}
