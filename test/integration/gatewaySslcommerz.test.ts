import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkIpnSignature, createSslcommerzGateway, parseIpn, RETURN_MARKER } from '../../src-main/gateways/sslcommerz';
import type { CheckoutRequest, GatewayContext } from '../../src-main/gateways/types';
import { startFakeSslcommerz, type FakeSslcommerzOptions } from '../fakes/sslcommerz';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Our side of the IPN: records each one, checks its hash, and answers 200 as SSLCommerz expects. */
async function ipnReceiver(storePassword: string) {
  const got: Array<{ fields: Record<string, string>; signed: boolean }> = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const parsed = parseIpn(raw);
      got.push({ fields: Object.fromEntries(new URLSearchParams(raw)), signed: parsed.ok && checkIpnSignature(parsed.ipn.fields, storePassword) });
      res.end('OK');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/sslcommerz-ipn`, got };
}

async function rig(o: { fake?: FakeSslcommerzOptions; timeoutMs?: number } = {}) {
  const fake = await startFakeSslcommerz(o.fake);
  cleanups.push(() => fake.stop());
  const ctx: GatewayContext = {
    mode: 'sandbox', baseUrl: fake.url, credentials: { storeId: fake.storeId, storePassword: fake.storePassword },
    fetch, timeoutMs: o.timeoutMs ?? 5000, now: () => 1738300000000,
  };
  return { fake, ctx, gw: createSslcommerzGateway() };
}

const checkout = (over: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
  invoiceNo: `INV${crypto.randomInt(1e9)}`, amount: 3000, customerPhone: '+8801712345678',
  returnUrl: 'http://10.5.50.2:8080/pay/return/42?lang=bn', notifyUrl: null, description: '1 day 5 Mbps — Rahim WiFi', ...over,
});

describe('SSLCommerz start', () => {
  it('posts the documented session form; the reference is tran_id and the browser goes to GatewayPageURL', async () => {
    const { fake, ctx, gw } = await rig();
    const req = checkout({ notifyUrl: 'https://wifi.example.com/hooks/sslcommerz-ipn' });
    const started = await gw.start(ctx, req);
    const [r] = fake.requests;
    expect(r).toMatchObject({ kind: 'session', method: 'POST' });
    expect(r!.fields).toMatchObject({
      store_id: fake.storeId, store_passwd: fake.storePassword, total_amount: '30.00', currency: 'BDT', tran_id: req.invoiceNo,
      success_url: `http://10.5.50.2:8080/pay/return/42?lang=bn&${RETURN_MARKER}=success`,
      fail_url: `http://10.5.50.2:8080/pay/return/42?lang=bn&${RETURN_MARKER}=fail`,
      cancel_url: `http://10.5.50.2:8080/pay/return/42?lang=bn&${RETURN_MARKER}=cancel`,
      ipn_url: req.notifyUrl, cus_phone: '01712345678', product_profile: 'non-physical-goods', shipping_method: 'NO',
      product_name: req.description,
    });
    const s = fake.sessions.get(req.invoiceNo)!;
    expect(started).toEqual({ reference: req.invoiceNo, redirectUrl: `${fake.url}/gwprocess/v4/gw.php?Q=pay&SESSIONKEY=${s.sessionkey}` });
  });

  it('sends no ipn_url without a public URL', async () => {
    const { fake, ctx, gw } = await rig();
    await gw.start(ctx, checkout());
    expect(fake.requests[0]!.fields).not.toHaveProperty('ipn_url');
  });

  it('wrong credentials get SSLCommerz\'s failedreason; a missing one is named before any call', async () => {
    const { fake, ctx, gw } = await rig();
    ctx.credentials.storePassword = 'wrong-password-123';
    await expect(gw.start(ctx, checkout())).rejects.toMatchObject({ code: 'PAYMENT_FAILED', message: 'SSLCommerz: the session was refused: Store Credential Error Or Store is De-active' });
    ctx.credentials.storeId = '';
    await expect(gw.start(ctx, checkout())).rejects.toMatchObject({ message: 'SSLCommerz: the SSLCommerz store id is not set' });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('SSLCommerz complete: the validation API decides', () => {
  it('success with val_id → validator says VALID → paid; again → VALIDATED → still paid, same trx', async () => {
    const { fake, ctx, gw } = await rig();
    const req = checkout();
    await gw.start(ctx, req);
    const back = await fake.pay(req.invoiceNo, 'success');
    expect(back.url).toContain(`${RETURN_MARKER}=success`);
    const hints = { val_id: back.fields.val_id!, status: back.fields.status! };
    const s = fake.sessions.get(req.invoiceNo)!;
    const first = await gw.complete(ctx, req.invoiceNo, hints);
    expect(first).toEqual({ state: 'paid', amount: 3000, currency: 'BDT', invoiceNo: req.invoiceNo, trxId: s.bankTranId });
    expect(fake.requests.at(-1)).toMatchObject({ kind: 'validate', query: { val_id: hints.val_id, store_id: fake.storeId, v: '1', format: 'json' } });
    await expect(gw.complete(ctx, req.invoiceNo, hints)).resolves.toEqual(first);
    expect(s.validations).toBe(2);
  });

  it('without val_id (no IPN, a bare return) it validates by tran_id', async () => {
    const { fake, ctx, gw } = await rig();
    const req = checkout();
    await gw.start(ctx, req);
    await fake.pay(req.invoiceNo, 'success');
    await expect(gw.complete(ctx, req.invoiceNo, {})).resolves.toMatchObject({ state: 'paid', amount: 3000, invoiceNo: req.invoiceNo });
    expect(fake.requests.at(-1)).toMatchObject({ kind: 'query', query: { tran_id: req.invoiceNo } });
    await expect(gw.query(ctx, req.invoiceNo)).resolves.toMatchObject({ state: 'paid' });
  });

  it('fail and cancel are failed whatever the browser posts', async () => {
    const { fake, ctx, gw } = await rig();
    const a = checkout();
    const b = checkout();
    await gw.start(ctx, a);
    await gw.start(ctx, b);
    await fake.pay(a.invoiceNo, 'fail');
    await fake.pay(b.invoiceNo, 'cancel');
    await expect(gw.complete(ctx, a.invoiceNo, { status: 'VALID' })).resolves.toMatchObject({ state: 'failed', why: 'failed' });
    await expect(gw.complete(ctx, b.invoiceNo, { status: 'VALID' })).resolves.toMatchObject({ state: 'failed', why: 'cancelled' });
  });

  it('a forged callback (unknown val_id) for an unpaid payment: INVALID_TRANSACTION, then tran_id says not paid', async () => {
    const { fake, ctx, gw } = await rig();
    const req = checkout();
    await gw.start(ctx, req);
    await expect(gw.complete(ctx, req.invoiceNo, { val_id: '2501311234567abcdef', status: 'VALID' })).resolves.toEqual({ state: 'pending', why: 'processing' });
    expect(fake.requests.slice(-2).map((r) => r.kind)).toEqual(['validate', 'query']);
  });

  it('a replayed val_id of another paid payment does not pay ours', async () => {
    const { fake, ctx, gw } = await rig();
    const paid = checkout();
    const ours = checkout();
    await gw.start(ctx, paid);
    await gw.start(ctx, ours);
    const back = await fake.pay(paid.invoiceNo, 'success');
    await expect(gw.complete(ctx, ours.invoiceNo, { val_id: back.fields.val_id! })).resolves.toEqual({ state: 'pending', why: 'processing' });
  });

  it('reports a different amount as SSLCommerz has it, and flags risk_level 1 as risky but paid', async () => {
    const { fake, ctx, gw } = await rig();
    const a = checkout();
    const b = checkout();
    await gw.start(ctx, a);
    await gw.start(ctx, b);
    const backA = await fake.pay(a.invoiceNo, 'success', { amount: '20.00' });
    const backB = await fake.pay(b.invoiceNo, 'success', { risky: true });
    await expect(gw.complete(ctx, a.invoiceNo, { val_id: backA.fields.val_id! })).resolves.toMatchObject({ state: 'paid', amount: 2000 });
    const risky = await gw.complete(ctx, b.invoiceNo, { val_id: backB.fields.val_id! });
    expect(risky).toMatchObject({ state: 'paid', amount: 3000, risky: true });
  });

  it('a validator that times out is pending/timeout; the query later settles it', async () => {
    const { fake, ctx, gw } = await rig({ timeoutMs: 300 });
    const req = checkout();
    await gw.start(ctx, req);
    const back = await fake.pay(req.invoiceNo, 'success');
    fake.hold('validate');
    await expect(gw.complete(ctx, req.invoiceNo, { val_id: back.fields.val_id! })).resolves.toEqual({ state: 'pending', why: 'timeout' });
    expect(fake.held).toBe(1);
    await expect(gw.query(ctx, req.invoiceNo)).resolves.toMatchObject({ state: 'paid' });
  });

  it('unreachable, or credentials refused at confirmation, are pending, never failed', async () => {
    const { fake, ctx, gw } = await rig();
    const req = checkout();
    await gw.start(ctx, req);
    await fake.pay(req.invoiceNo, 'success');
    await expect(gw.query({ ...ctx, credentials: { storeId: fake.storeId, storePassword: 'changed' } }, req.invoiceNo)).resolves.toEqual({ state: 'pending', why: 'unreachable' });
    await fake.stop();
    await expect(gw.query(ctx, req.invoiceNo)).resolves.toEqual({ state: 'pending', why: 'unreachable' });
  });
});

describe('SSLCommerz IPN', () => {
  it('arrives before the browser, signed; duplicates are identical and each validates the same', async () => {
    const { fake, ctx, gw } = await rig({ fake: { ipn: 'before', ipnCopies: 2 } });
    const hook = await ipnReceiver(fake.storePassword);
    const req = checkout({ notifyUrl: hook.url });
    await gw.start(ctx, req);
    await fake.pay(req.invoiceNo, 'success');
    expect(hook.got).toHaveLength(2);
    expect(hook.got.every((g) => g.signed)).toBe(true);
    const parsed = parseIpn(hook.got[0]!.fields);
    expect(parsed).toMatchObject({ ok: true, ipn: { tranId: req.invoiceNo, status: 'VALID', amount: 3000, currency: 'BDT' } });
    if (!parsed.ok) throw new Error('unreachable');
    const v1 = await gw.complete(ctx, parsed.ipn.tranId, parsed.ipn.hints);
    const v2 = await gw.complete(ctx, parsed.ipn.tranId, parsed.ipn.hints);
    expect(v1).toMatchObject({ state: 'paid', amount: 3000 });
    expect(v2).toEqual(v1);
  });

  it('can arrive after the browser instead', async () => {
    const { fake, ctx, gw } = await rig({ fake: { ipn: 'after' } });
    const hook = await ipnReceiver(fake.storePassword);
    const req = checkout({ notifyUrl: hook.url });
    await gw.start(ctx, req);
    const back = await fake.pay(req.invoiceNo, 'success');
    expect(hook.got).toHaveLength(0);
    await back.afterBrowser();
    expect(hook.got).toHaveLength(1);
  });

  it('the hash check follows SSLCommerz\'s rule: a wrong password, a changed field or a missing sign fail', async () => {
    const { fake, ctx, gw } = await rig();
    const req = checkout();
    await gw.start(ctx, req);
    await fake.pay(req.invoiceNo, 'success');
    const good = fake.signedFields(req.invoiceNo);
    expect(checkIpnSignature(good, fake.storePassword)).toBe(true);
    expect(checkIpnSignature(good, 'another-password')).toBe(false);
    expect(checkIpnSignature({ ...good, amount: '3000.00' }, fake.storePassword)).toBe(false);
    expect(checkIpnSignature(fake.signedFields(req.invoiceNo, {}, 'forger-guess'), fake.storePassword)).toBe(false);
    const { verify_sign: _omit, ...unsigned } = good;
    expect(checkIpnSignature(unsigned, fake.storePassword)).toBe(false);
    // Fields not named in verify_key do not count (SSLCommerz adds some after signing).
    expect(checkIpnSignature({ ...good, extra_field: 'x' }, fake.storePassword)).toBe(true);
  });

  it('matches the rule computed by hand', () => {
    const md5 = (s: string) => crypto.createHash('md5').update(s).digest('hex');
    const fields = { tran_id: 'INV1', val_id: 'V1', amount: '30.00', status: 'VALID' };
    const text = `amount=30.00&status=VALID&store_passwd=${md5('pw')}&tran_id=INV1&val_id=V1`;
    expect(checkIpnSignature({ ...fields, verify_key: 'tran_id,val_id,amount,status', verify_sign: md5(text) }, 'pw')).toBe(true);
  });

  it('parseIpn names the bad field', () => {
    expect(parseIpn('status=VALID')).toEqual({ ok: false, field: 'tran_id', message: expect.stringContaining('tran_id is missing') });
    expect(parseIpn({ tran_id: 'INV1', status: 'PAID' })).toMatchObject({ ok: false, field: 'status' });
    expect(parseIpn({ tran_id: 'INV1', status: 'VALID' })).toMatchObject({ ok: false, field: 'val_id' });
    expect(parseIpn('tran_id=INV1&status=FAILED')).toMatchObject({ ok: true, ipn: { tranId: 'INV1', hints: { status: 'FAILED' } } });
  });
});

describe('SSLCommerz refund, test, hosts', () => {
  it('refunds by bank_tran_id and amount, and reports SSLCommerz\'s refusal', async () => {
    const { fake, ctx, gw } = await rig();
    const req = checkout();
    await gw.start(ctx, req);
    await fake.pay(req.invoiceNo, 'success');
    const trxId = fake.sessions.get(req.invoiceNo)!.bankTranId!;
    const r = await gw.refund!(ctx, { reference: req.invoiceNo, trxId, amount: 3000, reason: 'customer asked' });
    expect(r).toEqual({ ok: true, refundRef: expect.stringMatching(/^RF/) });
    expect(fake.requests.at(-1)).toMatchObject({ kind: 'refund', query: { bank_tran_id: trxId, refund_amount: '30.00', refund_remarks: 'customer asked' } });
    await expect(gw.refund!(ctx, { reference: req.invoiceNo, trxId, amount: 5000, reason: 'x' })).resolves.toEqual({ ok: false, message: 'SSLCommerz refused the refund: Refund amount exceeds the transaction amount' });
  });

  it('test() asks the validator about a bogus id: proves the credentials, creates nothing', async () => {
    const { fake, ctx, gw } = await rig();
    await expect(gw.test(ctx)).resolves.toEqual({ ok: true, message: 'SSLCommerz accepted the store id and password.' });
    expect(fake.requests.map((r) => r.kind)).toEqual(['validate']);
    expect(fake.sessions.size).toBe(0);
    const bad = await gw.test({ ...ctx, credentials: { storeId: fake.storeId, storePassword: 'wrong-secret-pw' } });
    expect(bad).toEqual({ ok: false, message: 'SSLCommerz refused the store id or store password.' });
    await fake.stop();
    await expect(gw.test(ctx)).resolves.toEqual({ ok: false, message: expect.stringMatching(/^SSLCommerz could not be reached \(\w+\)\.$/) });
  });

  it('no message carries the store password', async () => {
    const { fake, ctx, gw } = await rig({ timeoutMs: 300 });
    const req = checkout();
    const msgs: string[] = [];
    const wrong = { ...ctx, credentials: { storeId: fake.storeId, storePassword: 'wrong-secret-pw' } };
    await gw.start(wrong, req).catch((e: Error) => msgs.push(e.message, String(e.stack)));
    msgs.push((await gw.test(wrong)).message);
    fake.hold('validate');
    msgs.push(JSON.stringify(await gw.complete(ctx, req.invoiceNo, { val_id: 'x' })));
    await fake.stop();
    await gw.start(ctx, req).catch((e: Error) => msgs.push(e.message));
    expect(msgs.length).toBeGreaterThanOrEqual(4);
    for (const m of msgs) {
      expect(m).not.toContain('wrong-secret-pw');
      expect(m).not.toContain(fake.storePassword);
    }
  });

  it('declares the mode\'s host, or the baseUrl host', () => {
    const gw = createSslcommerzGateway();
    expect(gw.hosts({ mode: 'live', baseUrl: null })).toEqual(['securepay.sslcommerz.com']);
    expect(gw.hosts({ mode: 'sandbox', baseUrl: null })).toEqual(['sandbox.sslcommerz.com']);
    expect(gw.hosts({ mode: 'sandbox', baseUrl: 'http://127.0.0.1:9/x' })).toEqual(['127.0.0.1']);
  });
});
