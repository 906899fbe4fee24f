import crypto, { type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHeldRequests, stopFakeServer } from './heldRequests';

/**
 * A local Nagad merchant-checkout v-0.2.0 (hotspot-protocols.md §5.2), under /api/dfs like the
 * real one:
 *
 *   POST /api/dfs/check-out/initialize/{merchantId}/{orderId}   {accountNumber?, dateTime, sensitiveData, signature}
 *        → {sensitiveData: enc(merchant key, {paymentReferenceId, challenge, acceptDateTime}), signature}
 *   POST /api/dfs/check-out/complete/{paymentReferenceId}       {sensitiveData, signature, merchantCallbackURL}
 *        → {status: "Success", callBackUrl}  (the payment page on this fake)
 *   GET  /api/dfs/verify/payment/{paymentRefId}                 → {status, amount, orderId, issuerPaymentRefNo …}
 *   GET  /check-out/pay/{paymentRefId}[?outcome=success|fail|cancel]  the customer's page: with an
 *        outcome it settles the payment and 302s to merchantCallbackURL?merchant=&order_id=&payment_ref_id=&status=…
 *
 * It has its own RSA key pair (`publicKey` is what Nagad would give the merchant, bare base64 SPKI)
 * and knows the merchant's public key: it decrypts our sensitiveData and checks our signature with
 * the configured hash ([U] SHA256 or SHA1), refusing a bad one with a Nagad-like error envelope
 * {reason, message} [U exact texts]. It can hold requests (time outs), report another amount,
 * and hands out callback URLs (duplicated or forged) for the tests to deliver.
 */
export type NagadKind = 'initialize' | 'complete' | 'verify';
export type NagadOutcome = 'success' | 'fail' | 'cancel';

export interface FakeNagadOptions {
  merchantId: string;
  /** The merchant's public key as registered with Nagad (PEM, base64 DER or a KeyObject). */
  merchantPublicKey: string | KeyObject;
  signatureHash?: 'sha256' | 'sha1';
  checkoutPath?: 'check-out' | 'checkout';
  /** [U] whether Nagad refuses an orderId it has seen; the default refuses. */
  reuseOrderId?: 'reject' | 'allow';
}

export interface FakeNagadPayment {
  paymentRefId: string;
  merchantId: string;
  orderId: string;
  challenge: string;
  amount: string | null;
  callbackUrl: string | null;
  status: 'Initiated' | 'Success' | 'Aborted' | 'Failed';
  issuerPaymentRefNo: string | null;
  /** What verify reports as the amount (a different amount when a test sets it). */
  reportedAmount: string | null;
}

export interface FakeNagadRequest {
  kind: NagadKind | 'page' | 'other';
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The decrypted sensitiveData, when it could be read. */
  sensitive?: Record<string, string>;
}

const API_PREFIX = '/api/dfs';

function readKey(k: string | KeyObject): KeyObject {
  if (typeof k !== 'string') return k;
  return k.includes('-----BEGIN') ? crypto.createPublicKey(k) : crypto.createPublicKey({ key: Buffer.from(k, 'base64'), format: 'der', type: 'spki' });
}

/** PKCS#1 v1.5 decryption by hand: Node 20 refuses the padding in privateDecrypt (CVE-2023-46809). */
function pkcs1Decrypt(privateKey: KeyObject, base64: string): string | null {
  try {
    const block = crypto.privateDecrypt({ key: privateKey, padding: crypto.constants.RSA_NO_PADDING }, Buffer.from(base64, 'base64'));
    const sep = block.indexOf(0, 2);
    if (block[0] !== 0 || block[1] !== 2 || sep < 10) return null;
    return block.subarray(sep + 1).toString('utf8');
  } catch {
    return null;
  }
}

export async function startFakeNagad(opts: FakeNagadOptions) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const merchantKey = readKey(opts.merchantPublicKey);
  const hash = opts.signatureHash ?? 'sha256';
  const checkoutPath = opts.checkoutPath ?? 'check-out';
  const payments = new Map<string, FakeNagadPayment>();
  const ordersSeen = new Set<string>();
  const requests: FakeNagadRequest[] = [];
  const holds: Record<NagadKind, number> = { initialize: 0, complete: 0, verify: 0 };
  const held = createHeldRequests();
  let seq = 1;
  let url = '';

  const json = (res: http.ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const nagadError = (res: http.ServerResponse, status: number, reason: string, message: string) => json(res, status, { reason, message });

  /** Our answers are sealed the way Nagad's are: encrypted for the merchant, signed with our key. */
  function sealReply(payload: Record<string, string>) {
    const text = JSON.stringify(payload);
    return {
      sensitiveData: crypto.publicEncrypt({ key: merchantKey, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.from(text)).toString('base64'),
      signature: crypto.sign(hash, Buffer.from(text), privateKey).toString('base64'),
    };
  }

  /** Reads and checks one sealed request body; answers the error itself and returns null when it is bad. */
  function unseal(res: http.ServerResponse, body: Record<string, unknown>, rec: FakeNagadRequest): Record<string, string> | null {
    const sealed = typeof body.sensitiveData === 'string' ? body.sensitiveData : '';
    const signature = typeof body.signature === 'string' ? body.signature : '';
    if (!sealed || !signature) {
      nagadError(res, 400, 'InvalidRequest', 'sensitiveData and signature are required');
      return null;
    }
    const plain = pkcs1Decrypt(privateKey, sealed);
    let data: Record<string, string> | null;
    try {
      data = plain === null ? null : (JSON.parse(plain) as Record<string, string>);
    } catch {
      data = null;
    }
    if (!data || plain === null) {
      nagadError(res, 400, 'DecryptionFailed', 'Sensitive data could not be decrypted');
      return null;
    }
    rec.sensitive = data;
    let good: boolean;
    try {
      good = crypto.verify(hash, Buffer.from(plain), merchantKey, Buffer.from(signature, 'base64'));
    } catch {
      good = false;
    }
    if (!good) {
      nagadError(res, 400, 'InvalidSignature', 'Signature verification failed');
      return null;
    }
    return data;
  }

  function headersOk(res: http.ServerResponse, h: http.IncomingHttpHeaders): boolean {
    if (h['x-km-api-version'] !== 'v-0.2.0') return (nagadError(res, 400, 'InvalidRequest', 'Invalid or missing X-KM-Api-Version'), false);
    if (h['x-km-client-type'] !== 'PC_WEB') return (nagadError(res, 400, 'InvalidRequest', 'Invalid or missing X-KM-Client-Type'), false);
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(String(h['x-km-ip-v4'] ?? ''))) return (nagadError(res, 400, 'InvalidRequest', 'Invalid or missing X-KM-IP-V4'), false);
    return true;
  }

  function callbackFor(p: FakeNagadPayment, status: string): string {
    const u = new URL(p.callbackUrl ?? 'http://invalid/');
    const codes: Record<string, [string, string]> = {
      Success: ['00_0000_000', 'Successful Transaction'],
      Aborted: ['00_1111_001', 'Transaction Aborted by Customer'],
      Failed: ['00_1111_002', 'Transaction Failed'],
    };
    const [code, message] = codes[status] ?? ['00_1111_999', status];
    u.searchParams.set('merchant', p.merchantId);
    u.searchParams.set('order_id', p.orderId);
    u.searchParams.set('payment_ref_id', p.paymentRefId);
    u.searchParams.set('status', status);
    u.searchParams.set('status_code', code);
    u.searchParams.set('message', message);
    if (p.issuerPaymentRefNo) u.searchParams.set('issuer_payment_ref', p.issuerPaymentRefNo);
    return u.toString();
  }

  function pay(ref: string, outcome: NagadOutcome, o: { amount?: string } = {}): string {
    const p = payments.get(ref);
    if (!p || !p.callbackUrl) throw new Error(`fake nagad: no completed checkout ${ref}`);
    p.status = outcome === 'success' ? 'Success' : outcome === 'cancel' ? 'Aborted' : 'Failed';
    if (outcome === 'success') {
      p.issuerPaymentRefNo ??= `7${String(100000 + seq++).padStart(7, '0')}`;
      p.reportedAmount = o.amount ?? p.amount;
    }
    return callbackFor(p, p.status);
  }

  function route(req: http.IncomingMessage, res: http.ServerResponse, rec: FakeNagadRequest) {
    const u = new URL(req.url ?? '/', 'http://fake');
    const parts = u.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    let body: Record<string, unknown>;
    try {
      body = rec.body ? (JSON.parse(rec.body) as Record<string, unknown>) : {};
    } catch {
      return nagadError(res, 400, 'InvalidRequest', 'Malformed JSON');
    }
    const api = u.pathname.startsWith(`${API_PREFIX}/`) ? parts.slice(2) : null;

    if (api && req.method === 'POST' && api[0] === checkoutPath && api[1] === 'initialize' && api.length === 4) {
      if (!headersOk(res, req.headers)) return;
      const [, , merchantId, orderId] = api as [string, string, string, string];
      if (merchantId !== opts.merchantId) return nagadError(res, 400, 'InvalidMerchant', 'Merchant not found');
      if (typeof body.dateTime !== 'string' || !/^\d{14}$/.test(body.dateTime)) return nagadError(res, 400, 'InvalidRequest', 'Invalid dateTime');
      const data = unseal(res, body, rec);
      if (!data) return;
      if (data.merchantId !== merchantId || data.orderId !== orderId || data.datetime !== body.dateTime || !data.challenge) {
        return nagadError(res, 400, 'InvalidRequest', 'Sensitive data does not match the request');
      }
      if (ordersSeen.has(orderId) && opts.reuseOrderId !== 'allow') return nagadError(res, 400, 'DuplicateOrderId', 'Order id already exists');
      ordersSeen.add(orderId);
      const paymentRefId = `MDYyODA${String(seq++).padStart(6, '0')}${crypto.randomBytes(6).toString('hex').toUpperCase()}`;
      const challenge = crypto.randomBytes(20).toString('hex');
      payments.set(paymentRefId, {
        paymentRefId, merchantId, orderId, challenge, amount: null, callbackUrl: null,
        status: 'Initiated', issuerPaymentRefNo: null, reportedAmount: null,
      });
      return json(res, 200, sealReply({ paymentReferenceId: paymentRefId, challenge, acceptDateTime: String(body.dateTime) }));
    }

    if (api && req.method === 'POST' && api[0] === checkoutPath && api[1] === 'complete' && api.length === 3) {
      if (!headersOk(res, req.headers)) return;
      const p = payments.get(api[2] as string);
      if (!p) return nagadError(res, 400, 'InvalidPaymentReference', 'Invalid payment reference id');
      const data = unseal(res, body, rec);
      if (!data) return;
      if (data.challenge !== p.challenge) return nagadError(res, 400, 'InvalidChallenge', 'Challenge does not match');
      if (data.merchantId !== p.merchantId || data.orderId !== p.orderId) return nagadError(res, 400, 'InvalidRequest', 'Order does not match the payment reference');
      if (data.currencyCode !== '050') return nagadError(res, 400, 'InvalidRequest', 'Invalid currency code');
      if (!/^\d+(\.\d{1,2})?$/.test(data.amount ?? '') || Number(data.amount) <= 0) return nagadError(res, 400, 'InvalidAmount', 'Invalid amount');
      if (typeof body.merchantCallbackURL !== 'string' || !/^https?:\/\//.test(body.merchantCallbackURL)) return nagadError(res, 400, 'InvalidRequest', 'Invalid merchantCallbackURL');
      p.amount = data.amount ?? null;
      p.callbackUrl = body.merchantCallbackURL;
      return json(res, 200, { status: 'Success', callBackUrl: `${url}/check-out/pay/${encodeURIComponent(p.paymentRefId)}` });
    }

    if (api && req.method === 'GET' && api[0] === 'verify' && api[1] === 'payment' && api.length === 3) {
      const p = payments.get(api[2] as string);
      if (!p) return nagadError(res, 400, 'InvalidPaymentReference', 'Payment reference not found');
      const paid = p.status === 'Success';
      return json(res, 200, {
        merchantId: p.merchantId, orderId: p.orderId, paymentRefId: p.paymentRefId,
        amount: paid ? p.reportedAmount : p.amount, clientMobileNo: paid ? '017****5678' : null,
        merchantMobileNo: '01700000000', orderDateTime: null,
        issuerPaymentDateTime: paid ? '2025-01-01 12:00:00' : null,
        issuerPaymentRefNo: p.issuerPaymentRefNo, additionalMerchantInfo: null,
        status: p.status, statusCode: paid ? '000' : p.status === 'Initiated' ? '001' : '002',
        cancelIssuerDateTime: null, cancelIssuerRefNo: null,
      });
    }

    if (req.method === 'GET' && parts[0] === 'check-out' && parts[1] === 'pay' && parts.length === 3) {
      const ref = parts[2] as string;
      const p = payments.get(ref);
      if (!p || !p.callbackUrl) return res.writeHead(404, { 'content-type': 'text/plain' }).end('Invalid payment');
      const outcome = u.searchParams.get('outcome');
      if (outcome === 'success' || outcome === 'fail' || outcome === 'cancel') {
        return res.writeHead(302, { location: pay(ref, outcome) }).end();
      }
      const link = (o: string, label: string) => `<p><a id="${o}" href="?outcome=${o}">${label}</a></p>`;
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><title>Nagad</title><h1>Pay ৳${p.amount}</h1>${link('success', 'Pay')}${link('fail', 'Fail')}${link('cancel', 'Cancel')}`);
    }
    return nagadError(res, 404, 'NotFound', 'No such endpoint');
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const kind: FakeNagadRequest['kind'] = path.includes('/initialize/') ? 'initialize'
        : path.includes('/complete/') ? 'complete'
          : path.includes('/verify/payment/') ? 'verify'
            : path.startsWith('/check-out/pay/') ? 'page' : 'other';
      const rec: FakeNagadRequest = { kind, method: req.method ?? '', path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(rec);
      if ((kind === 'initialize' || kind === 'complete' || kind === 'verify') && holds[kind] > 0) {
        holds[kind]--;
        held.add();
        return; // never answered: the client's timeout fires
      }
      try {
        route(req, res, rec);
      } catch (err) {
        nagadError(res, 500, 'InternalError', (err as Error).message);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    /** What the merchant sets as baseUrl: the fake's origin plus Nagad's /api/dfs prefix. */
    baseUrl: `${url}${API_PREFIX}`,
    /** The gateway public key as Nagad hands it out (bare base64 SPKI DER). */
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    requests,
    payments,
    /** The customer pays (or fails, or cancels) on Nagad's page; returns the callback URL the browser is sent to. */
    pay,
    /** The callback URL as the browser would bring it, for a status of our choosing (a forged one for an unpaid payment). */
    callbackUrl(ref: string, status = 'Success'): string {
      const p = payments.get(ref);
      if (!p) throw new Error(`fake nagad: no payment ${ref}`);
      return callbackFor(p, status);
    },
    /** Delivers the callback as a browser would, `times` times (a reload, the back button). */
    async deliverCallback(ref: string, times = 1): Promise<number[]> {
      const p = payments.get(ref);
      if (!p) throw new Error(`fake nagad: no payment ${ref}`);
      const statuses: number[] = [];
      for (let i = 0; i < times; i++) statuses.push((await fetch(callbackFor(p, p.status), { redirect: 'manual' })).status);
      return statuses;
    },
    /** The next `times` requests of this kind are held, never answered. */
    hold(kind: NagadKind, times = 1) {
      holds[kind] += times;
    },
    get held() {
      return held.count;
    },
    whenHeld: (n: number) => held.whenHeld(n),
    stop: () => stopFakeServer(server),
  };
}
export type FakeNagad = Awaited<ReturnType<typeof startFakeNagad>>;
