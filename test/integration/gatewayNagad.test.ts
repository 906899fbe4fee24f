import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createNagadGateway, NAGAD_SIGNATURE_HASH, type NagadOptions } from '../../src-main/gateways/nagad';
import { dhakaDateTime } from '../../src-main/gateways/nagad/rsa';
import type { CheckoutRequest, GatewayContext } from '../../src-main/gateways/types';
import { startFakeNagad, type FakeNagadOptions } from '../fakes/nagad';

const MERCHANT_ID = '683002007104225';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

// Key generation is the slow part (2 cores shared): one merchant pair and one stranger's per file.
let ours: ReturnType<typeof makeKeys> | undefined;
let stranger: ReturnType<typeof makeKeys> | undefined;
const ourKeys = () => (ours ??= makeKeys());
/** A valid key pair Nagad has never seen. */
const merchantKeys = () => (stranger ??= makeKeys());

function makeKeys() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    // As Nagad's portal hands them out: bare base64 DER.
    privateB64: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicB64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

async function rig(o: { fake?: Partial<FakeNagadOptions>; gateway?: NagadOptions; creds?: Record<string, string>; timeoutMs?: number } = {}) {
  const keys = ourKeys();
  const fake = await startFakeNagad({ merchantId: MERCHANT_ID, merchantPublicKey: keys.publicB64, ...o.fake });
  cleanups.push(() => fake.stop());
  const ctx: GatewayContext = {
    mode: 'sandbox',
    baseUrl: fake.baseUrl,
    credentials: { merchantId: MERCHANT_ID, merchantNumber: '01700000000', merchantPrivateKey: keys.privateB64, gatewayPublicKey: fake.publicKey, ...o.creds },
    fetch,
    timeoutMs: o.timeoutMs ?? 5000,
    now: () => Date.UTC(2025, 0, 31, 18, 30, 5),
  };
  return { fake, keys, ctx, gw: createNagadGateway(o.gateway) };
}

const checkout = (over: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
  invoiceNo: `INV${crypto.randomInt(1e9)}`, amount: 3050, customerPhone: '+8801712345678',
  returnUrl: 'http://10.5.50.2:8080/pay/return/42', notifyUrl: null, description: '1 day 5 Mbps — Rahim WiFi',
  customerIp: '10.5.50.77', ...over,
});

const hintsOf = (callbackUrl: string) => Object.fromEntries(new URL(callbackUrl).searchParams);

describe('Nagad start: initialize → complete', () => {
  it('sends the documented headers and sealed, signed payloads; the reference is paymentReferenceId', async () => {
    const { fake, ctx, gw } = await rig();
    const req = checkout();
    const started = await gw.start(ctx, req);
    const [init, complete] = fake.requests;
    expect(init).toMatchObject({ kind: 'initialize', method: 'POST', path: `/api/dfs/check-out/initialize/${MERCHANT_ID}/${req.invoiceNo}` });
    expect(init!.headers).toMatchObject({ 'x-km-api-version': 'v-0.2.0', 'x-km-ip-v4': '10.5.50.77', 'x-km-client-type': 'PC_WEB' });
    const initBody = JSON.parse(init!.body);
    // 18:30:05 UTC is 00:30:05 the next day in Dhaka.
    expect(initBody).toMatchObject({ accountNumber: '01700000000', dateTime: '20250201003005' });
    expect(init!.sensitive).toMatchObject({ merchantId: MERCHANT_ID, datetime: '20250201003005', orderId: req.invoiceNo });
    expect(init!.sensitive!.challenge).toMatch(/^[0-9a-f]{40}$/);
    const payment = fake.payments.get(started.reference)!;
    expect(complete).toMatchObject({ kind: 'complete', path: `/api/dfs/check-out/complete/${started.reference}` });
    expect(complete!.sensitive).toEqual({ merchantId: MERCHANT_ID, orderId: req.invoiceNo, currencyCode: '050', amount: '30.50', challenge: payment.challenge });
    expect(JSON.parse(complete!.body).merchantCallbackURL).toBe(req.returnUrl);
    expect(started).toEqual({ reference: payment.paymentRefId, redirectUrl: `${fake.url}/check-out/pay/${payment.paymentRefId}` });
  });

  it('accepts PEM keys as well as the bare base64 Nagad gives out', async () => {
    const { ctx, gw, keys } = await rig();
    ctx.credentials.merchantPrivateKey = keys.privatePem;
    await expect(gw.start(ctx, checkout())).resolves.toMatchObject({ reference: expect.any(String) });
  });

  it('a merchant key Nagad does not know is refused with Nagad\'s error, never leaking the key', async () => {
    const { ctx, gw } = await rig();
    const other = merchantKeys();
    ctx.credentials.merchantPrivateKey = other.privateB64;
    const err = (await gw.start(ctx, checkout()).catch((e: unknown) => e)) as Error & { code: string };
    expect(err).toMatchObject({ code: 'PAYMENT_FAILED', message: 'Nagad: initialize was refused: Signature verification failed' });
    expect(JSON.stringify(err) + String(err.stack)).not.toContain(other.privateB64.slice(40, 80));
  });

  it('a missing or unreadable credential is named in plain words before any call', async () => {
    const { ctx, gw, fake } = await rig({ creds: { merchantPrivateKey: 'not a key' } });
    await expect(gw.start(ctx, checkout())).rejects.toMatchObject({ code: 'PAYMENT_FAILED', message: expect.stringContaining('merchant private key is not a valid RSA private key') });
    ctx.credentials.gatewayPublicKey = '';
    ctx.credentials.merchantPrivateKey = merchantKeys().privateB64;
    await expect(gw.start(ctx, checkout())).rejects.toMatchObject({ message: 'Nagad: the Nagad gateway public key is not set' });
    expect(fake.requests).toHaveLength(0);
  });

  it('a reused order id gets Nagad\'s refusal', async () => {
    const { ctx, gw } = await rig();
    const req = checkout();
    await gw.start(ctx, req);
    await expect(gw.start(ctx, req)).rejects.toMatchObject({ message: 'Nagad: initialize was refused: Order id already exists' });
  });

  it('an unreachable gateway fails start with a plain reason', async () => {
    const { ctx, gw, fake } = await rig();
    await fake.stop();
    await expect(gw.start(ctx, checkout())).rejects.toMatchObject({ code: 'PAYMENT_FAILED', message: expect.stringContaining('could not be reached (') });
  });
});

describe.each(['sha256', 'sha1'] as const)('Nagad signature hash %s [U]', (hash) => {
  it('works against a gateway checking that hash, and is refused by one checking the other', async () => {
    const { ctx, gw } = await rig({ fake: { signatureHash: hash }, gateway: { signatureHash: hash } });
    await expect(gw.start(ctx, checkout())).resolves.toMatchObject({ reference: expect.any(String) });
    const wrong = createNagadGateway({ signatureHash: hash === 'sha256' ? 'sha1' : 'sha256' });
    await expect(wrong.start(ctx, checkout())).rejects.toMatchObject({ message: expect.stringContaining('Signature verification failed') });
  });
});

describe('Nagad path spelling [U]', () => {
  it('follows the configured checkout path segment', async () => {
    const { ctx, fake } = await rig({ fake: { checkoutPath: 'checkout' } });
    await expect(createNagadGateway().start(ctx, checkout())).rejects.toMatchObject({ message: expect.stringContaining('No such endpoint') });
    await expect(createNagadGateway({ checkoutPath: 'checkout' }).start(ctx, checkout())).resolves.toMatchObject({ reference: expect.any(String) });
    expect(fake.requests.at(-1)!.path).toMatch(/^\/api\/dfs\/checkout\/complete\//);
  });
  it('defaults to SHA256 and check-out', () => {
    expect(NAGAD_SIGNATURE_HASH).toBe('sha256');
  });
});

describe('Nagad complete / query: verify decides, the callback is a hint', () => {
  it('the customer pays on the page → the browser is sent to our callback → verify says paid', async () => {
    const { fake, ctx, gw } = await rig();
    const req = checkout();
    const { reference, redirectUrl } = await gw.start(ctx, req);
    const page = await fetch(`${redirectUrl}?outcome=success`, { redirect: 'manual' });
    expect(page.status).toBe(302);
    const callback = page.headers.get('location')!;
    expect(callback.startsWith(req.returnUrl)).toBe(true);
    const hints = hintsOf(callback);
    expect(hints).toMatchObject({ merchant: MERCHANT_ID, order_id: req.invoiceNo, payment_ref_id: reference, status: 'Success' });
    const verdict = await gw.complete(ctx, reference, hints);
    const trx = fake.payments.get(reference)!.issuerPaymentRefNo!;
    expect(verdict).toEqual({ state: 'paid', amount: 3050, currency: 'BDT', invoiceNo: req.invoiceNo, trxId: trx });
    expect(fake.requests.at(-1)).toMatchObject({ kind: 'verify', method: 'GET', path: `/api/dfs/verify/payment/${reference}` });
    await expect(gw.query(ctx, reference)).resolves.toEqual(verdict);
  });

  it('failed and cancelled payments are failed, whatever the callback claims', async () => {
    const { fake, ctx, gw } = await rig();
    const a = await gw.start(ctx, checkout());
    const b = await gw.start(ctx, checkout());
    fake.pay(a.reference, 'fail');
    fake.pay(b.reference, 'cancel');
    await expect(gw.complete(ctx, a.reference, { status: 'Success' })).resolves.toMatchObject({ state: 'failed', why: 'failed' });
    await expect(gw.complete(ctx, b.reference, { status: 'Success' })).resolves.toMatchObject({ state: 'failed', why: 'cancelled' });
  });

  it('a forged "Success" callback for an unpaid payment activates nothing: verify still says unpaid', async () => {
    const { fake, ctx, gw } = await rig();
    const { reference } = await gw.start(ctx, checkout());
    const forged = hintsOf(fake.callbackUrl(reference, 'Success'));
    await expect(gw.complete(ctx, reference, forged)).resolves.toEqual({ state: 'pending', why: 'processing' });
  });

  it('a callback naming another (paid) payment does not make ours paid', async () => {
    const { fake, ctx, gw } = await rig();
    const paid = await gw.start(ctx, checkout());
    const ours = await gw.start(ctx, checkout());
    const hints = hintsOf(fake.pay(paid.reference, 'success'));
    await expect(gw.complete(ctx, ours.reference, hints)).resolves.toMatchObject({ state: 'pending' });
  });

  it('a reference Nagad does not know gets its error as failed/not_found', async () => {
    const { ctx, gw } = await rig();
    await expect(gw.query(ctx, 'NOPE123')).resolves.toEqual({ state: 'failed', why: 'not_found', message: 'Nagad: Payment reference not found' });
  });

  it('reports the amount Nagad reports, so the flow can catch a different amount', async () => {
    const { fake, ctx, gw } = await rig();
    const { reference } = await gw.start(ctx, checkout({ amount: 3000 }));
    fake.pay(reference, 'success', { amount: '20.00' });
    await expect(gw.complete(ctx, reference, {})).resolves.toMatchObject({ state: 'paid', amount: 2000 });
  });

  it('duplicate callbacks reach our return URL twice and verify answers the same each time', async () => {
    const { fake, ctx, gw } = await rig();
    const seen: string[] = [];
    const portal = http.createServer((req, res) => {
      seen.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((r) => portal.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => portal.close(() => r())));
    const returnUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}/pay/return/7`;
    const { reference } = await gw.start(ctx, checkout({ returnUrl }));
    fake.pay(reference, 'success');
    expect(await fake.deliverCallback(reference, 2)).toEqual([200, 200]);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    const [v1, v2] = [await gw.complete(ctx, reference, hintsOf(`http://x${seen[0]}`)), await gw.complete(ctx, reference, {})];
    expect(v1).toMatchObject({ state: 'paid' });
    expect(v2).toEqual(v1);
  });

  it('a verify that times out is pending/timeout, and a later query settles it', async () => {
    const { fake, ctx, gw } = await rig({ timeoutMs: 300 });
    const { reference } = await gw.start(ctx, checkout());
    fake.pay(reference, 'success');
    fake.hold('verify');
    await expect(gw.complete(ctx, reference, {})).resolves.toEqual({ state: 'pending', why: 'timeout' });
    expect(fake.held).toBe(1);
    await expect(gw.query(ctx, reference)).resolves.toMatchObject({ state: 'paid', amount: 3050 });
  });

  it('an unreachable gateway is pending/unreachable, never failed', async () => {
    const { fake, ctx, gw } = await rig();
    const { reference } = await gw.start(ctx, checkout());
    await fake.stop();
    await expect(gw.query(ctx, reference)).resolves.toEqual({ state: 'pending', why: 'unreachable' });
  });
});

describe('Nagad hosts and test', () => {
  it('declares the mode\'s host, or the baseUrl host', () => {
    const gw = createNagadGateway();
    expect(gw.hosts({ mode: 'live', baseUrl: null })).toEqual(['api.mynagad.com']);
    expect(gw.hosts({ mode: 'sandbox', baseUrl: null })).toEqual(['sandbox.mynagad.com']);
    expect(gw.hosts({ mode: 'live', baseUrl: 'https://api2.mynagad.com:8443/api/dfs' })).toEqual(['api2.mynagad.com']);
  });

  it('test() proves merchant id and keys with an initialize, and says what is wrong otherwise', async () => {
    const { ctx, gw, fake } = await rig();
    await expect(gw.test(ctx)).resolves.toEqual({ ok: true, message: 'Nagad accepted the merchant id and keys.' });
    expect(fake.requests.map((r) => r.kind)).toEqual(['initialize']);
    const bad = { ...ctx, credentials: { ...ctx.credentials, merchantId: '999' } };
    await expect(gw.test(bad)).resolves.toEqual({ ok: false, message: 'Nagad: initialize was refused: Merchant not found' });
    const other = merchantKeys();
    const wrongKey = { ...ctx, credentials: { ...ctx.credentials, merchantPrivateKey: other.privateB64 } };
    const r = await gw.test(wrongKey);
    expect(r).toEqual({ ok: false, message: 'Nagad: initialize was refused: Signature verification failed' });
    expect(r.message).not.toContain(other.privateB64.slice(100, 140));
  });

  it('dateTime is the Dhaka wall clock', () => {
    expect(dhakaDateTime(0)).toBe('19700101060000');
    expect(dhakaDateTime(Date.UTC(2024, 11, 31, 17, 59, 59))).toBe('20241231235959');
    expect(dhakaDateTime(Date.UTC(2024, 11, 31, 18, 0, 0))).toBe('20250101000000');
  });
});
