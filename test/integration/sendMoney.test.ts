import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine';
import { SecretText } from '../../src-shared/settings';

const TOKEN = 'hook-token-123';
const BKASH_SMS = (amount: string, trx: string) => `You have received Tk ${amount} from 01533817247. Fee Tk 0.00. Balance Tk 1,117.78. TrxID ${trx} at 30/10/2025 21:02`;

async function rig() {
  const t = await testEngine({ start: true });
  const { engine, ok } = t;
  engine.deps.settings.update({ sendMoney: { bkashNumber: '01811111111', smsWebhookToken: new SecretText(TOKEN) } });
  const pkg = await ok('packages.create', { name: '1 day', price: 50000, validitySeconds: 86400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
  const customerId = engine.billing.customers.ensure('+8801712345678');
  const send = (trxId: string) => engine.gateways.startSendMoney({ customerId, packageId: pkg.id, wallet: 'bkash', trxId, senderPhone: '+8801533817247' });
  const hook = (body: string, headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${engine.portal!.port()}/hooks/sms-in`, { method: 'POST', body, headers });
  const subs = () => (engine.db.prepare('SELECT COUNT(*) AS n FROM subscriptions').get() as { n: number }).n;
  return { ...t, customerId, packageId: pkg.id as number, send, hook, subs };
}

describe('Send Money with TrxID', () => {
  it('the owner confirms or rejects; a TrxID is used once; a wallet without a number is refused', async () => {
    const r = await rig();
    const a = await r.send(' cju0pzq3u6 ');
    expect(a.payment).toMatchObject({ status: 'pending', method: 'bkash_send_money', trxId: 'CJU0PZQ3U6', senderPhone: '+8801533817247' });
    expect(a.shopNumber).toBe('+8801811111111');
    expect((await r.ok('payments.list', { trxId: 'cju0pzq3u6' })).items.map((p) => p.id)).toEqual([a.payment.id]);
    await expect(r.send('CJU0PZQ3U6')).rejects.toMatchObject({ code: 'TRX_ID_USED' });
    expect(await r.ok('payments.confirm', { id: a.payment.id })).toMatchObject({ state: 'completed' });
    expect(r.subs()).toBe(1);
    const b = await r.send('REJ1234567');
    expect(await r.ok('payments.reject', { id: b.payment.id, reason: 'no such SMS' })).toMatchObject({ state: 'failed' });
    expect(r.subs()).toBe(1);
    await expect(r.engine.gateways.startSendMoney({ customerId: r.customerId, packageId: r.packageId, wallet: 'nagad', trxId: 'ABC12345', senderPhone: '+8801533817247' })).rejects.toMatchObject({ code: 'SEND_MONEY_OFF' });
  });

  it('a forwarded SMS (JSON or form, token in a header or a field) pays its pending TrxID once, over HTTP', async () => {
    const r = await rig();
    const a = await r.send('CJU0PZQ3U6');
    // No token, wrong token: refused, nothing paid.
    expect((await r.hook(JSON.stringify({ from: 'bKash', message: BKASH_SMS('500.00', 'CJU0PZQ3U6') }), { 'content-type': 'application/json' })).status).toBe(401);
    expect((await r.hook(JSON.stringify({ from: 'bKash', message: BKASH_SMS('500.00', 'CJU0PZQ3U6'), token: 'wrong' }), { 'content-type': 'application/json' })).status).toBe(401);
    expect(r.subs()).toBe(0);
    const res = await r.hook(JSON.stringify({ from: 'bKash', message: BKASH_SMS('500.00', 'cju0pzq3u6') }), { 'content-type': 'application/json', 'x-webhook-token': TOKEN });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { outcome: 'matched', paymentId: a.payment.id } });
    expect(r.engine.billing.payments.get(a.payment.id).status).toBe('completed');
    // The forwarder retries (form body, token as a field): a duplicate, still one subscription.
    const form = new URLSearchParams({ sender: 'bKash', text: BKASH_SMS('500.00', 'CJU0PZQ3U6'), token: TOKEN }).toString();
    const dup = await r.hook(form, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(await dup.json()).toMatchObject({ ok: true, value: { outcome: 'duplicate' } });
    expect(r.subs()).toBe(1);
    // Missing text: invalid_input naming the field.
    const bad = await r.hook(JSON.stringify({ from: 'bKash' }), { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'message' } });
  });

  it('a wrong amount goes to review; an SMS before its TrxID is matched later; unknown formats are kept for the owner', async () => {
    const r = await rig();
    const h = { 'content-type': 'application/json', 'x-webhook-token': TOKEN };
    const a = await r.send('AMT1234567');
    const res = await r.hook(JSON.stringify({ number: 'bKash', body: BKASH_SMS('50.00', 'AMT1234567') }), h);
    expect(await res.json()).toMatchObject({ value: { outcome: 'mismatch' } });
    expect(r.engine.billing.payments.get(a.payment.id)).toMatchObject({ status: 'needs_review', problem: 'PAYMENT_AMOUNT_MISMATCH' });
    // The SMS first, the customer's TrxID after.
    await r.hook(JSON.stringify({ from: 'bKash', content: BKASH_SMS('500.00', 'EARLY12345') }), h);
    const b = await r.send('early12345');
    expect(b.outcome).toMatchObject({ state: 'completed' });
    await r.hook(JSON.stringify({ from: 'Nagad', message: 'Your Nagad PIN was changed' }), h);
    const unparsed = await r.ok('payments.incomingSms', { outcome: 'unparsed' });
    expect(unparsed.items.map((s) => s.text)).toEqual(['Your Nagad PIN was changed']);
    const all = await r.ok('payments.incomingSms', {});
    expect(all.items.map((s) => s.outcome)).toEqual(['unparsed', 'matched', 'mismatch']);
    expect(r.subs()).toBe(1);
  });
});

describe('gateways.configure / get and the walled garden', () => {
  it('keeps omitted credentials, clears with null, never returns a secret; hosts follow enabled and mode', async () => {
    const { ok, engine } = await testEngine();
    expect((await ok('gateways.get', {})).map((g) => [g.gateway, g.enabled, g.walledGardenHosts])).toEqual([['bkash', false, []], ['nagad', false, []], ['sslcommerz', false, []]]);
    const v = await ok('gateways.configure', { gateway: 'bkash', enabled: true, appKey: 'key-1', username: 'shop', appSecret: 'sec-1', password: 'pw-1' });
    expect(v).toMatchObject({ gateway: 'bkash', enabled: true, mode: 'sandbox', appKey: 'key-1', hasAppSecret: true, hasPassword: true, baseUrl: null });
    expect(JSON.stringify(v)).not.toMatch(/sec-1|pw-1/);
    expect(v.walledGardenHosts).toEqual(['tokenized.sandbox.bka.sh', 'sandbox.payment.bkash.com']);
    const live = await ok('gateways.configure', { gateway: 'bkash', mode: 'live', baseUrl: 'https://bkash-new.example/v2' });
    expect(live).toMatchObject({ appKey: 'key-1', hasAppSecret: true });
    expect(live.walledGardenHosts).toEqual(['tokenized.pay.bka.sh', 'payment.bkash.com', 'bkash-new.example']);
    expect(engine.deps.settings.secret('bkash', 'appSecret')).toBe('sec-1');
    const other = await engine.call('gateways.configure', { gateway: 'bkash', storeId: 'x' });
    expect(other).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'storeId' } });
    // Clearing a secret of an enabled gateway is refused by the settings' own rule; off first.
    await ok('gateways.configure', { gateway: 'bkash', enabled: false });
    expect(await ok('gateways.configure', { gateway: 'bkash', appSecret: null })).toMatchObject({ hasAppSecret: false, walledGardenHosts: [] });
    // The routers' walled garden lists only enabled gateways' hosts.
    await ok('gateways.configure', { gateway: 'sslcommerz', enabled: true, storeId: 's1', storePassword: 'p' });
    const router = await ok('routers.create', { name: 'r1', nasIp: '10.0.0.1', secret: 'radius-secret-1' });
    const wg = await ok('routers.walledGarden', { id: router.id });
    expect(wg.enabledGateways).toEqual(['sslcommerz']);
    expect(wg.entries.filter((e) => e.source === 'gateway').map((e) => e.host)).toEqual(['sandbox.sslcommerz.com']);
  });
});
