import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase, type Db } from '../../src-main/db';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import { createSms, customerMessages, type Sms, type SmsConfig } from '../../src-main/sms';
import type { PresetOptions } from '../../src-main/sms/providers';
import { startFakeSmsGateway, type FakeSmsGatewayOptions } from '../fakes/smsGateway';
import { tmpDir } from '../helpers/tmp';
import { testSmsConfig } from '../helpers/smsConfig';

const PHONE = '+8801712345678';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const baseConfig = testSmsConfig;

async function rig(cfg: Partial<SmsConfig>, opts: { fake?: FakeSmsGatewayOptions; presets?: PresetOptions; key?: string | null } = {}) {
  const fake = await startFakeSmsGateway(opts.fake);
  cleanups.push(() => fake.stop());
  const db: Db = openDatabase(path.join(tmpDir(), 'h.db'));
  cleanups.push(() => { db.close(); });
  let config = baseConfig({ baseUrl: fake.url, ...cfg });
  const sms: Sms = createSms({
    db, clock: manualClock(), log: silentLogger(), config: () => config,
    apiKey: () => (opts.key === undefined ? fake.apiKey : opts.key), presets: opts.presets,
  });
  await sms.start();
  cleanups.push(() => sms.stop());
  return { fake, db, sms, setConfig: (c: Partial<SmsConfig>) => { config = { ...config, ...c }; } };
}

const otp = (lang: 'en' | 'bn' = 'en', phone = PHONE) => ({ phone, kind: 'otp' as const, lang, vars: { code: '482913' } });
const attemptsOf = (db: Db, id: number) => (db.prepare('SELECT attempts, status, provider, provider_ref FROM sms_outbox WHERE id = ?').get(id) as any);

describe('BulkSMSBD preset over HTTP', () => {
  it('POSTs the reference form fields (8801… number) and records the message id', async () => {
    const { fake, sms, db } = await rig({ provider: 'bulksmsbd', senderId: 'RahimWiFi' });
    const r = await sms.send(otp());
    expect(r).toEqual({ id: r.id, status: 'sent' });
    const [req] = fake.sends();
    expect(req).toMatchObject({ api: 'bulksmsbd', method: 'POST' });
    expect(req!.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(req!.fields).toEqual({
      api_key: fake.apiKey, type: 'text', number: '8801712345678', senderid: 'RahimWiFi',
      message: 'Your Rahim WiFi code is 482913. It expires in 5 minutes.',
    });
    expect(attemptsOf(db, r.id)).toEqual({ attempts: 1, status: 'sent', provider: 'bulksmsbd', provider_ref: '1000' });
  });

  it('can send by GET with the fields in the query (the other form the reference allows)', async () => {
    const { fake, sms } = await rig({ provider: 'bulksmsbd' }, { presets: { bulksmsbd: { method: 'GET' } } });
    expect((await sms.send(otp())).status).toBe('sent');
    const [req] = fake.sends();
    expect(req!.method).toBe('GET');
    expect(req!.query).toMatchObject({ number: '8801712345678', type: 'text', api_key: fake.apiKey });
  });

  it('sends Bangla as type=unicode by default, arriving intact where the gateway needs that', async () => {
    const { fake, sms } = await rig({ provider: 'bulksmsbd' }, { fake: { bulkSmsBdUnicode: 'needs-type-unicode' } });
    expect((await sms.send(otp('bn'))).status).toBe('sent');
    const [req] = fake.sends();
    expect(req!.fields.type).toBe('unicode');
    expect(req!.delivered).toBe('Rahim WiFi কোড 482913। ৫ মিনিটের মধ্যে ব্যবহার করুন।');
  });

  it('[U] the other plausible gateway: type=text for Bangla is set by one constant and arrives intact if it auto-detects', async () => {
    const { fake, sms } = await rig({ provider: 'bulksmsbd' }, { fake: { bulkSmsBdUnicode: 'auto' }, presets: { bulksmsbd: { unicodeType: 'text' } } });
    await sms.send(otp('bn'));
    expect(fake.sends()[0]!.fields.type).toBe('text');
    expect(fake.sends()[0]!.delivered).toContain('কোড 482913');
  });

  it('a permanent error (bad key) is not retried, tells the customer plainly, and the owner sees the code', async () => {
    const { fake, sms } = await rig({ provider: 'bulksmsbd' }, { key: 'wrong-key-777' });
    const r = await sms.send(otp());
    expect(r).toEqual({ id: r.id, status: 'failed', error: customerMessages.en.config, reason: 'config' });
    expect(fake.sends()).toHaveLength(1);
    const item = sms.outbox().items[0]!;
    expect(item.error).toMatch(/^BulkSMSBD 1011 user not found/);
    expect(item.error).not.toContain('wrong-key-777');
  });

  it('insufficient balance (1007) is permanent and raises lowBalance', async () => {
    const { fake, sms } = await rig({ provider: 'bulksmsbd' }, { fake: { balance: 0 } });
    const r = await sms.send(otp());
    expect(r.status).toBe('failed');
    expect(fake.sends()).toHaveLength(1);
    expect(sms.status().lowBalance).toBe(true);
    fake.setBalance(50);
    expect((await sms.send(otp())).status).toBe('sent');
    expect(sms.status().lowBalance).toBe(false);
  });

  it('reports the balance in paisa and warns under lowBalanceWarnAt', async () => {
    const { fake, sms, setConfig } = await rig({ provider: 'bulksmsbd', lowBalanceWarnAt: 5000 }, { fake: { balance: 42.5 } });
    expect(await sms.balance()).toBe(4250);
    expect(sms.status()).toMatchObject({ balance: 4250, lowBalance: true });
    fake.setBalance(120);
    await sms.balance();
    expect(sms.status()).toMatchObject({ balance: 12000, lowBalance: false });
    setConfig({ provider: 'outbox' });
    expect(await sms.balance()).toBeNull();
    expect(sms.status()).toMatchObject({ balance: null, lowBalance: false });
  });

  it('a 1005 internal error is transient: one retry, then sent', async () => {
    const { fake, sms, db } = await rig({ provider: 'bulksmsbd' });
    fake.script({ code: '1005', message: 'Internal error' });
    const r = await sms.send(otp());
    expect(r.status).toBe('sent');
    expect(fake.sends()).toHaveLength(2);
    expect(attemptsOf(db, r.id)).toMatchObject({ attempts: 2, status: 'sent' });
  });

  it('a bad number (1001) is not retried and says so to the customer', async () => {
    const { fake, sms } = await rig({ provider: 'bulksmsbd' });
    fake.script({ code: '1001', message: 'Invalid Number' });
    const r = await sms.send(otp());
    expect(r).toMatchObject({ status: 'failed', error: customerMessages.en.number, reason: 'number' });
    expect(fake.sends()).toHaveLength(1);
    fake.script({ code: '1001', message: 'Invalid Number' });
    expect(await sms.send(otp('bn'))).toMatchObject({ status: 'failed', error: 'এই নম্বরে এসএমএস পাঠানো যাচ্ছে না। নম্বরটি দেখে আবার চেষ্টা করুন।' });
  });
});

describe('SSL Wireless preset over HTTP', () => {
  it('POSTs the reference JSON with a csms_id, and keeps the gateway reference', async () => {
    const { fake, sms, db } = await rig({ provider: 'sslwireless', senderId: 'RAHIMWIFI' });
    const r = await sms.send(otp());
    expect(r.status).toBe('sent');
    const [req] = fake.sends();
    expect(req).toMatchObject({ api: 'sslwireless', method: 'POST', path: '/api/v3/send-sms' });
    expect(req!.headers['content-type']).toContain('application/json');
    expect(req!.fields).toEqual({
      api_token: fake.apiKey, sid: 'RAHIMWIFI', msisdn: '8801712345678',
      sms: 'Your Rahim WiFi code is 482913. It expires in 5 minutes.', csms_id: expect.stringMatching(/^hsd\d+t[0-9a-z]+$/),
    });
    expect(attemptsOf(db, r.id).provider_ref).toMatch(/^ssl-\d+$/);
  });

  it('retries a 5xx once with the same csms_id (the gateway can refuse a duplicate)', async () => {
    const { fake, sms } = await rig({ provider: 'sslwireless' });
    fake.script('5xx');
    expect((await sms.send(otp())).status).toBe('sent');
    const [a, b] = fake.sends();
    expect(b!.fields.csms_id).toBe(a!.fields.csms_id);
  });

  it('sends Bangla as UTF-8 text by default', async () => {
    const { fake, sms } = await rig({ provider: 'sslwireless' });
    await sms.send(otp('bn'));
    expect(fake.sends()[0]!.fields.sms).toBe('Rahim WiFi কোড 482913। ৫ মিনিটের মধ্যে ব্যবহার করুন।');
  });

  it('[U] the other plausible form: Bangla as UCS-2 hex, decoded intact by such a gateway; English stays plain', async () => {
    const { fake, sms } = await rig({ provider: 'sslwireless' }, { fake: { sslWirelessUnicode: 'ucs2hex' }, presets: { sslwireless: { unicode: 'ucs2hex' } } });
    await sms.send(otp('bn'));
    await sms.send(otp('en'));
    const [bn, en] = fake.sends();
    expect(bn!.fields.sms).toMatch(/^[0-9A-F]+$/);
    expect(bn!.delivered).toBe('Rahim WiFi কোড 482913। ৫ মিনিটের মধ্যে ব্যবহার করুন।');
    expect(en!.fields.sms).toBe('Your Rahim WiFi code is 482913. It expires in 5 minutes.');
  });

  it('4003 IP blacklisted is permanent and tells the owner what to do', async () => {
    const { fake, sms } = await rig({ provider: 'sslwireless' });
    fake.script({ code: '4003', message: 'IP Blacklisted' });
    const r = await sms.send(otp());
    expect(r).toMatchObject({ status: 'failed', error: customerMessages.en.config });
    expect(fake.sends()).toHaveLength(1);
    expect(sms.outbox().items[0]!.error).toContain('whitelist');
  });

  it('has no balance API: balance() is null and never warns', async () => {
    const { sms } = await rig({ provider: 'sslwireless', lowBalanceWarnAt: 1000 });
    expect(await sms.balance()).toBeNull();
    expect(sms.status().lowBalance).toBe(false);
  });
});

describe('transient failures and timeouts', () => {
  it('two transients → failed with a plain message, after exactly two attempts', async () => {
    const { fake, sms, db } = await rig({ provider: 'bulksmsbd' });
    fake.script('5xx', '5xx');
    const r = await sms.send(otp());
    expect(r).toEqual({ id: r.id, status: 'failed', error: customerMessages.en.transient, reason: 'transient' });
    expect(fake.sends()).toHaveLength(2);
    expect(attemptsOf(db, r.id)).toMatchObject({ attempts: 2, status: 'failed' });
    expect(sms.outbox().items[0]!.error).toBe('BulkSMSBD answered HTTP 503');
  });

  it('a request the gateway holds times out, is retried once, and the retry succeeds', async () => {
    const { fake, sms } = await rig({ provider: 'sslwireless', timeoutMs: 150 });
    fake.script('hold');
    const r = await sms.send(otp());
    expect(r.status).toBe('sent');
    expect(fake.held).toBe(1);
    expect(fake.sends()).toHaveLength(2);
  });

  it('two held requests → failed, the owner reads "did not answer"', async () => {
    const { fake, sms } = await rig({ provider: 'bulksmsbd', timeoutMs: 100 });
    fake.script('hold', 'hold');
    const r = await sms.send(otp());
    expect(r).toMatchObject({ status: 'failed', error: customerMessages.en.transient });
    expect(fake.held).toBe(2);
    expect(sms.outbox().items[0]!.error).toMatch(/did not answer within 0\.1 s/);
  });

  it('a gateway that cannot be reached is transient too (two attempts, then failed)', async () => {
    const { fake, sms, setConfig } = await rig({ provider: 'bulksmsbd' });
    await fake.stop();
    setConfig({ baseUrl: fake.url });
    const r = await sms.send(otp());
    expect(r).toMatchObject({ status: 'failed', error: customerMessages.en.transient });
    expect(sms.outbox().items[0]).toMatchObject({ attempts: 2, error: expect.stringMatching(/could not be reached \(ECONNREFUSED\)/) });
  });

  it('stop() ends a held request at once instead of waiting for the timeout', async () => {
    const { fake, sms } = await rig({ provider: 'bulksmsbd', timeoutMs: 60_000 });
    fake.script('hold');
    const pending = sms.send(otp());
    await fake.whenHeld(1);
    await sms.stop();
    const r = await pending;
    expect(r.status).toBe('failed');
    expect(fake.sends()).toHaveLength(1);
    expect(sms.outbox().items[0]!.error).toMatch(/stopping/);
  });
});

describe('generic HTTP gateway', () => {
  it('GET: URL-encodes values into the URL template, local number format, success by "contains"', async () => {
    const { fake, sms, setConfig } = await rig({ provider: 'http' }, { fake: { genericReply: 'OK: 1 queued' }, key: 'k&y=1 2' });
    setConfig({ http: {
      method: 'GET', url: `${fake.url}/send?key={apiKey}&to={to}&msg={text}&from={senderId}&u={unicode}`,
      bodyTemplate: '', contentType: 'form', numberFormat: 'local', successContains: 'OK',
    } });
    const r = await sms.send({ phone: PHONE, kind: 'otp', lang: 'bn', vars: { code: '111222', shop: 'A&B' } });
    expect(r.status).toBe('sent');
    const [req] = fake.sends();
    expect(req!.path).toBe('/send');
    expect(req!.query).toEqual({ key: 'k&y=1 2', to: '01712345678', msg: 'A&B WiFi কোড 111222। ৫ মিনিটের মধ্যে ব্যবহার করুন।', from: '8809617000000', u: '1' });
  });

  it('POST JSON: values are JSON-escaped in the body template, E.164 numbers', async () => {
    const { fake, sms, setConfig } = await rig({ provider: 'http' });
    setConfig({ templates: { test: { en: 'Say "hi" \\ {shop}\nbye' } }, http: {
      method: 'POST', url: `${fake.url}/v1/messages`, contentType: 'json', numberFormat: 'e164', successContains: '',
      bodyTemplate: '{"to":"{to}","body":"{text}","auth":"{apiKey}"}',
    } });
    const r = await sms.test(PHONE);
    expect(r).toEqual({ id: r.id, status: 'sent', provider: 'http', error: null });
    const [req] = fake.sends();
    expect(req!.headers['content-type']).toContain('application/json');
    expect(JSON.parse(req!.raw)).toEqual({ to: '+8801712345678', body: 'Say "hi" \\ Rahim\nbye', auth: fake.apiKey });
  });

  it('POST form: URL-encoded body; a 2xx without the success text is a permanent failure', async () => {
    const { fake, sms, setConfig } = await rig({ provider: 'http' }, { fake: { genericReply: 'ERR: bad sender' } });
    setConfig({ http: {
      method: 'POST', url: `${fake.url}/sms`, contentType: 'form', numberFormat: '880', successContains: 'ACCEPTED',
      bodyTemplate: 'user=shop&to={to}&text={text}',
    } });
    const r = await sms.send(otp());
    expect(r).toMatchObject({ status: 'failed', error: customerMessages.en.config });
    expect(fake.sends()).toHaveLength(1);
    expect(fake.sends()[0]!.fields).toEqual({ user: 'shop', to: '8801712345678', text: 'Your Rahim WiFi code is 482913. It expires in 5 minutes.' });
    expect(sms.outbox().items[0]!.error).toBe('the gateway\'s reply did not contain "ACCEPTED"');
  });

  it('a 4xx is permanent, a 5xx transient', async () => {
    const { fake, sms, setConfig } = await rig({ provider: 'http' });
    setConfig({ http: { method: 'GET', url: `${fake.url}/s?to={to}`, bodyTemplate: '', contentType: 'form', numberFormat: '880', successContains: '' } });
    fake.script({ code: '401' });
    expect((await sms.send(otp())).status).toBe('failed');
    expect(fake.sends()).toHaveLength(1);
    fake.script({ code: '502' });
    expect((await sms.send(otp())).status).toBe('sent');
    expect(fake.sends()).toHaveLength(3);
  });
});
