import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createBkashGateway, paisaToTaka, parseBkashTime, takaToPaisa } from '../../src-main/gateways/bkash';
import type { CheckoutRequest, GatewayContext, PaymentGateway } from '../../src-main/gateways/types';
import { createLogger, silentLogger, type Logger } from '../../src-main/log';
import { startFakeBkash, type FakeBkash, type FakeBkashOptions } from '../fakes/bkash';
import { tmpDir } from '../helpers/tmp';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const T0 = Date.UTC(2026, 5, 1, 6, 0, 0);
let invoiceSeq = 0;

async function rig(fakeOpts: FakeBkashOptions = {}, opts: { log?: Logger; timeoutMs?: number } = {}) {
  const fake = await startFakeBkash(fakeOpts);
  cleanups.push(() => fake.stop());
  const clock = { now: T0 };
  const ctx: GatewayContext = {
    mode: 'sandbox',
    baseUrl: fake.url,
    credentials: { ...fake.credentials },
    fetch: globalThis.fetch,
    timeoutMs: opts.timeoutMs ?? 5000,
    now: () => clock.now,
  };
  const gw = createBkashGateway({ log: opts.log ?? silentLogger() });
  return { fake, ctx, gw, clock };
}

function checkout(over: Partial<CheckoutRequest> = {}): CheckoutRequest {
  const invoiceNo = `HSD-${++invoiceSeq}`;
  return {
    invoiceNo, amount: 3000, customerPhone: '+8801712345678',
    returnUrl: `http://portal.test/pay/bkash/return/${invoiceNo}`, notifyUrl: null,
    description: '1 day 5 Mbps — Rahim WiFi', ...over,
  };
}

/** What the phone's browser does on the fake's bKash page: open it, press a button, follow to the callback. */
async function payInBrowser(redirectUrl: string, outcome: 'success' | 'failure' | 'cancel'): Promise<string> {
  const pageRes = await fetch(redirectUrl);
  expect(pageRes.status).toBe(200);
  const html = await pageRes.text();
  const href = new RegExp(`id="${outcome}" href="([^"]+)"`).exec(html)?.[1]?.replace(/&amp;/g, '&');
  expect(href).toBeTruthy();
  const confirm = await fetch(new URL(href!, redirectUrl), { redirect: 'manual' });
  expect(confirm.status).toBe(302);
  return confirm.headers.get('location')!;
}

async function started(r: Awaited<ReturnType<typeof rig>>, over: Partial<CheckoutRequest> = {}) {
  const req = checkout(over);
  const s = await r.gw.start(r.ctx, req);
  return { req, ...s };
}

describe('bKash start (grant + create)', () => {
  it('creates a mode 0011 payment with the documented body and headers, and returns paymentID + bkashURL', async () => {
    const r = await rig();
    const { req, reference, redirectUrl } = await started(r, { amount: 3010 });
    const grant = r.fake.requests.find((x) => x.op === 'grant')!;
    expect(grant.headers.username).toBe(r.fake.credentials.username);
    expect(grant.headers.password).toBe(r.fake.credentials.password);
    expect(grant.body).toEqual({ app_key: r.fake.credentials.appKey, app_secret: r.fake.credentials.appSecret });
    const create = r.fake.requests.find((x) => x.op === 'create')!;
    expect(create.body).toEqual({
      mode: '0011', payerReference: '01712345678', callbackURL: req.returnUrl, amount: '30.10',
      currency: 'BDT', intent: 'sale', merchantInvoiceNumber: req.invoiceNo,
    });
    expect(create.headers['x-app-key']).toBe(r.fake.credentials.appKey);
    expect(create.headers.authorization).toMatch(/^id\./); // the raw id_token, no "Bearer"
    expect(reference).toMatch(/^TR0011/);
    expect(redirectUrl).toBe(`${r.fake.origin}/pay?paymentId=${reference}`);
    expect(r.fake.payments.get(reference)).toMatchObject({ amount: '30.10', status: 'Initiated' });
  });

  it('a refused create throws PAYMENT_FAILED in plain words; missing credentials are named', async () => {
    const r = await rig();
    r.fake.next('create', { statusCode: '2006', statusMessage: 'Invalid Amount' });
    await expect(r.gw.start(r.ctx, checkout())).rejects.toMatchObject({ code: 'PAYMENT_FAILED', message: expect.stringContaining('refused the amount') });
    const bare = { ...r.ctx, credentials: { appKey: 'k', username: 'u' } };
    await expect(r.gw.start(bare, checkout())).rejects.toMatchObject({ code: 'PAYMENT_FAILED', message: expect.stringContaining('appSecret, password') });
  });
});

describe('bKash complete (execute once)', () => {
  it('happy path: pay on the bKash page → callback → execute → paid with the amount, trxID and invoice from bKash', async () => {
    const r = await rig();
    const { req, reference, redirectUrl } = await started(r);
    const callback = await payInBrowser(redirectUrl, 'success');
    expect(callback).toBe(`${req.returnUrl}?paymentID=${reference}&status=success`);
    const v = await r.gw.complete(r.ctx, reference, { paymentID: reference, status: 'success' });
    const trxID = r.fake.payments.get(reference)!.trxID!;
    expect(trxID).toMatch(/^[A-Z0-9]{10}$/);
    expect(v).toEqual({ state: 'paid', amount: 3000, currency: 'BDT', invoiceNo: req.invoiceNo, trxId: trxID });
    expect(await r.gw.query(r.ctx, reference)).toEqual(v);
    expect(r.fake.count('execute')).toBe(1);
  });

  it('an execute that times out is pending/timeout (never failed), and a later query says paid', async () => {
    const r = await rig({}, { timeoutMs: 300 });
    const { req, reference } = await started(r);
    r.fake.pay(reference, 'success');
    r.fake.next('execute', 'hold'); // bKash moves the money but the answer never comes
    expect(await r.gw.complete(r.ctx, reference, { status: 'success' })).toEqual({ state: 'pending', why: 'timeout' });
    expect(r.fake.payments.get(reference)!.status).toBe('Completed');
    const v = await r.gw.query(r.ctx, reference);
    expect(v).toMatchObject({ state: 'paid', amount: 3000, invoiceNo: req.invoiceNo, trxId: r.fake.payments.get(reference)!.trxID });
    expect(r.fake.count('execute')).toBe(1); // settled by query, not by a second execute
  });

  it.each(['2062', '2117', '2068'] as const)('execute answering %s ("already completed") is settled by query → paid', async (code) => {
    const r = await rig({ repeatExecuteCode: code });
    const { reference } = await started(r);
    r.fake.pay(reference, 'success');
    const first = await r.gw.complete(r.ctx, reference, {});
    expect(first.state).toBe('paid');
    const queriesBefore = r.fake.count('query');
    // e.g. a second engine, or an execute whose reply was lost: bKash says already completed.
    expect(await r.gw.complete(r.ctx, reference, {})).toEqual(first);
    expect(r.fake.count('query')).toBe(queriesBefore + 1);
  });

  it.each([
    [undefined, '2056'],
    [{ statusCode: '2060', statusMessage: "Payment execution pre-requisite hasn't been met" }, '2060'],
  ])('a forged success callback for an unpaid payment: execute is refused (%#) → failed, never paid', async (unpaidExecute, code) => {
    const r = await rig({ unpaidExecute });
    const { reference } = await started(r);
    const forged = new URL(r.fake.forgedCallback(reference));
    expect(forged.searchParams.get('status')).toBe('success');
    const v = await r.gw.complete(r.ctx, reference, Object.fromEntries(forged.searchParams));
    expect(v).toMatchObject({ state: 'failed', why: 'failed', message: expect.stringContaining(`bKash ${code}`) });
    expect(r.fake.payments.get(reference)!.status).toBe('Initiated');
    expect(await r.gw.query(r.ctx, reference)).toEqual({ state: 'pending', why: 'processing' });
  });

  it('wallet refusals (2023 balance, 2014 PIN) are failed with plain words; a cancel is failed and query says cancelled', async () => {
    const r = await rig();
    const a = await started(r);
    r.fake.pay(a.reference, 'success');
    r.fake.next('execute', { statusCode: '2023', statusMessage: 'Insufficient Balance' }, { statusCode: '2014', statusMessage: 'Wrong PIN' });
    expect(await r.gw.complete(r.ctx, a.reference, {})).toMatchObject({ state: 'failed', message: expect.stringContaining('not have enough balance') });
    const b = await started(r);
    expect(await r.gw.complete(r.ctx, b.reference, {})).toMatchObject({ state: 'failed', message: expect.stringContaining('wrong bKash PIN') });
    const c = await started(r);
    await payInBrowser(c.redirectUrl, 'cancel');
    expect((await r.gw.complete(r.ctx, c.reference, { status: 'cancel' })).state).toBe('failed');
    expect(await r.gw.query(r.ctx, c.reference)).toMatchObject({ state: 'failed', why: 'cancelled' });
  });

  it('a 5xx, bKash system error 9999 or an unreachable bKash on execute is pending, never failed', async () => {
    const r = await rig();
    const { reference } = await started(r);
    r.fake.pay(reference, 'success');
    r.fake.next('execute', { http: 502 }, { statusCode: '9999', statusMessage: 'System Error' }, { http: 403, body: '{"message":"Forbidden"}' });
    expect(await r.gw.complete(r.ctx, reference, {})).toEqual({ state: 'pending', why: 'unreachable' });
    expect(await r.gw.complete(r.ctx, reference, {})).toEqual({ state: 'pending', why: 'unreachable' });
    expect(await r.gw.complete(r.ctx, reference, {})).toEqual({ state: 'pending', why: 'unreachable' });
    const closed = await closedPortUrl();
    expect(await r.gw.complete({ ...r.ctx, baseUrl: closed }, reference, {})).toEqual({ state: 'pending', why: 'unreachable' });
    expect(await r.gw.query({ ...r.ctx, baseUrl: closed }, reference)).toEqual({ state: 'pending', why: 'unreachable' });
  });

  it('a held token grant or create: start says "did not answer in time", complete stays pending/timeout', async () => {
    const r = await rig({}, { timeoutMs: 200 });
    r.fake.next('create', 'holdBefore');
    await expect(r.gw.start(r.ctx, checkout())).rejects.toMatchObject({ code: 'PAYMENT_FAILED', message: expect.stringContaining('did not answer in time') });
    const { reference } = await started(r);
    r.fake.pay(reference, 'success');
    r.fake.expireTokens();
    r.fake.next('grant', 'holdBefore');
    expect(await r.gw.complete(r.ctx, reference, {})).toEqual({ state: 'pending', why: 'timeout' });
    expect(r.fake.payments.get(reference)!.status).toBe('Authorized'); // execute never reached bKash
  });

  it('a different amount is reported as bKash says it (the flow holds it for review)', async () => {
    const r = await rig({ answerAmount: '20.00' });
    const { reference } = await started(r);
    r.fake.pay(reference, 'success');
    expect(await r.gw.complete(r.ctx, reference, {})).toMatchObject({ state: 'paid', amount: 2000 });
  });

  it('errorCode/errorMessage envelopes are read as failures too', async () => {
    const r = await rig({ envelope: 'errorCode' });
    const { reference } = await started(r);
    expect(await r.gw.complete(r.ctx, reference, {})).toMatchObject({ state: 'failed', message: expect.stringContaining('bKash 2056') });
    expect(await r.gw.query(r.ctx, 'TR0011nope')).toMatchObject({ state: 'failed', why: 'not_found' });
  });
});

describe('bKash token cache', () => {
  it('one grant serves many calls; near 55 minutes it refreshes; a 401 triggers exactly one re-grant', async () => {
    const r = await rig();
    const { reference } = await started(r);
    await Promise.all([r.gw.query(r.ctx, reference), r.gw.query(r.ctx, reference), r.gw.complete(r.ctx, reference, {})]);
    expect(r.fake.count('grant')).toBe(1);

    r.clock.now += 54 * 60_000;
    await r.gw.query(r.ctx, reference);
    expect([r.fake.count('grant'), r.fake.count('refresh')]).toEqual([1, 0]);
    r.clock.now += 2 * 60_000; // 56 minutes after the grant
    await r.gw.query(r.ctx, reference);
    expect([r.fake.count('grant'), r.fake.count('refresh')]).toEqual([1, 1]);

    r.fake.expireTokens(); // bKash revokes it early: 401 from its API gateway
    expect((await r.gw.query(r.ctx, reference)).state).toBe('pending');
    expect(r.fake.count('grant')).toBe(2);
    const statusCalls = r.fake.count('query');

    r.fake.next('create', { http: 401 }, { http: 401 }); // 401 again after the re-grant: give up
    await expect(r.gw.start(r.ctx, checkout())).rejects.toMatchObject({ code: 'PAYMENT_FAILED' });
    expect(r.fake.count('grant')).toBe(3);
    expect(r.fake.count('create')).toBe(3);
    expect(r.fake.count('query')).toBe(statusCalls);
  });

  it('calls that arrive together with no token share one grant', async () => {
    const r = await rig();
    const reference = 'TR0011none';
    await Promise.all([r.gw.query(r.ctx, reference), r.gw.query(r.ctx, reference), r.gw.start(r.ctx, checkout())]);
    expect(r.fake.count('grant')).toBe(1);
    expect(r.fake.count('query')).toBe(2);
  });

  it('an expired refresh token falls back to a grant; new credentials never reuse the old token', async () => {
    const r = await rig();
    await started(r);
    r.fake.expireRefreshTokens();
    r.clock.now += 60 * 60_000;
    await started(r);
    expect([r.fake.count('grant'), r.fake.count('refresh')]).toEqual([2, 1]);
    const other = { ...r.ctx, credentials: { ...r.ctx.credentials, password: 'changed' } };
    await expect(r.gw.start(other, checkout())).rejects.toMatchObject({ message: expect.stringContaining('refused the username, password') });
    expect(r.fake.count('grant')).toBe(3);
  });
});

describe('bKash search, refund, hosts, test', () => {
  it('findByTrxId: searchTransaction → paid (no invoice in that API: empty invoiceNo); unknown → null', async () => {
    for (const envelope of ['statusCode', 'errorCode'] as const) {
      const r = await rig({ envelope });
      const { reference } = await started(r);
      r.fake.pay(reference, 'success');
      await r.gw.complete(r.ctx, reference, {});
      const trx = r.fake.payments.get(reference)!.trxID!;
      expect(await r.gw.findByTrxId!(r.ctx, ` ${trx.toLowerCase()} `)).toEqual({ state: 'paid', amount: 3000, currency: 'BDT', invoiceNo: '', trxId: trx });
      expect(await r.gw.findByTrxId!(r.ctx, 'ZZZZZZZZZZ')).toBeNull();
    }
  });

  it('refund sends paymentID, trxID, amount, reason, sku and returns the refund trxID; too much is refused', async () => {
    const r = await rig();
    const { reference } = await started(r);
    r.fake.pay(reference, 'success');
    const paid = await r.gw.complete(r.ctx, reference, {});
    if (paid.state !== 'paid') throw new Error('not paid');
    const ok = await r.gw.refund!(r.ctx, { reference, trxId: paid.trxId, amount: 1000, reason: 'customer asked' });
    expect(ok).toMatchObject({ ok: true, refundRef: expect.stringMatching(/^[A-Z0-9]{10}$/) });
    expect(r.fake.requests.find((x) => x.op === 'refund')!.body).toEqual({ paymentID: reference, trxID: paid.trxId, amount: '10.00', reason: 'customer asked', sku: 'wifi-package' });
    const tooMuch = await r.gw.refund!(r.ctx, { reference, trxId: paid.trxId, amount: 2500, reason: 'again' });
    expect(tooMuch).toMatchObject({ ok: false, message: expect.stringContaining('bKash 2026') });
  });

  it('hosts: the mode\'s API and payment page hosts, or the baseUrl host', () => {
    const gw: PaymentGateway = createBkashGateway();
    expect(gw.hosts({ mode: 'live', baseUrl: null })).toEqual(['tokenized.pay.bka.sh', 'payment.bkash.com']);
    expect(gw.hosts({ mode: 'sandbox', baseUrl: '' })).toEqual(['tokenized.sandbox.bka.sh', 'sandbox.payment.bkash.com']);
    expect(gw.hosts({ mode: 'live', baseUrl: 'https://new.bka.sh:8443/v1.2.0-beta' })).toEqual(['new.bka.sh', 'payment.bkash.com']);
  });

  it.each(['http401', 'envelope'] as const)('test(): grants against the configured URL; wrong password (%s) and no bKash are plain words', async (grantFailure) => {
    const r = await rig({ grantFailure });
    expect(await r.gw.test(r.ctx)).toEqual({ ok: true, message: `bKash accepted the credentials (sandbox, 127.0.0.1).` });
    expect(await r.gw.test(r.ctx)).toMatchObject({ ok: true });
    expect(r.fake.count('grant')).toBe(2); // Test always asks bKash
    const wrong = await r.gw.test({ ...r.ctx, credentials: { ...r.ctx.credentials, password: 'wrong-pass-1' } });
    expect(wrong).toMatchObject({ ok: false, message: expect.stringMatching(/refused the (username|credentials)/) });
    expect(wrong.message).not.toContain('wrong-pass-1');
    const down = await r.gw.test({ ...r.ctx, baseUrl: await closedPortUrl() });
    expect(down).toMatchObject({ ok: false, message: expect.stringContaining('could not be reached (ECONNREFUSED)') });
  });
});

describe('bKash secrets', () => {
  it('no app secret, password or token in the log file or in a message, even when bKash echoes them', async () => {
    const file = path.join(tmpDir(), 'engine.log');
    const log = createLogger({ destination: file, level: 'debug' });
    const r = await rig({}, { log, timeoutMs: 300 });
    const { reference } = await started(r);
    r.fake.pay(reference, 'success');
    r.fake.next('execute', 'hold');
    await r.gw.complete(r.ctx, reference, {});
    await r.gw.query(r.ctx, reference);
    r.fake.expireTokens();
    await r.gw.query(r.ctx, reference);
    r.clock.now += 56 * 60_000;
    const echoed = `Invalid secret ${r.fake.credentials.appSecret} for ${r.fake.credentials.password}`;
    r.fake.next('create', { statusCode: '2099', statusMessage: echoed }); // a code without our own words: bKash's text is used
    const err = await r.gw.start(r.ctx, checkout()).catch((e: Error) => e);
    await r.gw.test({ ...r.ctx, credentials: { ...r.ctx.credentials, appSecret: 'wrong-secret-xyz' } });
    log.flush();
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('bKash reply');
    const tokens = r.fake.requests.flatMap((x) => [String(x.headers.authorization ?? ''), String(x.body.refresh_token ?? '')]).filter(Boolean);
    expect(tokens.length).toBeGreaterThan(3);
    for (const secret of [r.fake.credentials.appSecret, r.fake.credentials.password, 'wrong-secret-xyz', ...tokens]) {
      expect(text).not.toContain(secret);
      expect(String((err as Error).message)).not.toContain(secret);
    }
    expect((err as Error).message).toContain('bKash said: Invalid secret *** for ***');
  });
});

describe('bKash amounts and times', () => {
  it('paisa ↔ taka strings exactly', () => {
    expect([paisaToTaka(3000), paisaToTaka(3010), paisaToTaka(1999), paisaToTaka(5), paisaToTaka(0)]).toEqual(['30.00', '30.10', '19.99', '0.05', '0.00']);
    expect(() => paisaToTaka(10.5)).toThrow(RangeError);
    expect([takaToPaisa('30'), takaToPaisa('30.1'), takaToPaisa('30.10'), takaToPaisa('0.29'), takaToPaisa('30.000'), takaToPaisa(30.5)]).toEqual([3000, 3010, 3010, 29, 3000, 3050]);
    expect([takaToPaisa('30.001'), takaToPaisa('abc'), takaToPaisa('-5'), takaToPaisa(undefined)]).toEqual([null, null, null, null]);
  });

  it('parses bKash timestamps (not ISO 8601)', () => {
    expect(parseBkashTime('2019-08-07T11:12:34:978 GMT+0600')).toBe(Date.UTC(2019, 7, 7, 5, 12, 34, 978));
    expect(parseBkashTime('2019-08-07 11:12')).toBeNull();
  });
});

describe('the fake bKash itself', () => {
  it('duplicate callbacks: the payment page sends the browser to the callback twice; "?" joining is an option', async () => {
    const fake: FakeBkash = await startFakeBkash({ duplicateCallbacks: true, callbackJoin: 'question' });
    cleanups.push(() => fake.stop());
    const gw = createBkashGateway();
    const ctx: GatewayContext = { mode: 'sandbox', baseUrl: fake.url, credentials: { ...fake.credentials }, fetch, timeoutMs: 5000, now: () => T0 };
    const s = await gw.start(ctx, checkout({ returnUrl: 'http://portal.test/r?p=1' }));
    const res = await fetch(`${fake.origin}/pay/confirm?paymentId=${s.reference}&outcome=success`, { redirect: 'manual' });
    const html = await res.text();
    const cb = `http://portal.test/r?p=1?paymentID=${s.reference}&amp;status=success`;
    expect(html.split(cb).length - 1).toBe(2);
  });
});

/** A URL on a port nothing listens on (bound, then closed). */
async function closedPortUrl(): Promise<string> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1.2.0-beta`;
}
