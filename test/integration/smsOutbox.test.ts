import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../src-main/db';
import { manualClock } from '../../src-main/clock';
import { createLogger, silentLogger, type Logger } from '../../src-main/log';
import { isAppError } from '../../src-main/errors';
import { createSms, type Sms, type SmsConfig } from '../../src-main/sms';
import type { PresetOptions } from '../../src-main/sms/providers';
import { smsHandlers } from '../../src-main/admin/handlers/sms';
import { smsApi } from '../../src-shared/api/sms';
import { startFakeSmsGateway } from '../fakes/smsGateway';
import { tmpDir } from '../helpers/tmp';
import { testSmsConfig } from '../helpers/smsConfig';

const PHONE = '+8801712345678';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const config = (over: Partial<SmsConfig> = {}): SmsConfig => testSmsConfig({ senderId: 'Rahim', ...over });

function build(opts: { cfg?: () => SmsConfig; key?: () => string | null; log?: Logger; db?: Db; presets?: PresetOptions } = {}) {
  const db = opts.db ?? openDatabase(path.join(tmpDir(), 'h.db'));
  if (!opts.db) cleanups.push(() => { db.close(); });
  const clock = manualClock(Date.UTC(2026, 5, 1, 6));
  const sms: Sms = createSms({ db, clock, log: opts.log ?? silentLogger(), config: opts.cfg ?? (() => config()), apiKey: opts.key ?? (() => null), presets: opts.presets });
  cleanups.push(() => sms.stop());
  return { db, clock, sms };
}

describe('SMS outbox', () => {
  it('the default outbox provider keeps the message as sent, newest first, with paging and a status filter', async () => {
    const { sms } = build();
    await sms.start();
    const a = await sms.send({ phone: PHONE, kind: 'otp', lang: 'en', vars: { code: '111111' } });
    const b = await sms.send({ phone: '+8801812345678', kind: 'otp', lang: 'bn', vars: { code: '222222' } });
    const c = await sms.send({ phone: PHONE, kind: 'receipt', lang: 'en', vars: { package: '1 day', until: '2 Jun 12:00', amount: '৳30' } });
    expect([a.status, b.status, c.status]).toEqual(['sent', 'sent', 'sent']);
    const page = sms.outbox();
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.id)).toEqual([c.id, b.id, a.id]);
    expect(page.items[1]).toEqual({
      id: b.id, phone: '+8801812345678', text: 'Rahim WiFi কোড 222222। ৫ মিনিটের মধ্যে ব্যবহার করুন।', status: 'sent',
      at: Date.UTC(2026, 5, 1, 6), kind: 'otp', lang: 'bn', error: null, attempts: 1, provider: 'outbox', sentAt: Date.UTC(2026, 5, 1, 6),
    });
    expect(page.items[0]!.text).toBe('Rahim: 1 day is active until 2 Jun 12:00. Paid ৳30. Thank you!');
    expect(sms.outbox({ limit: 1, offset: 1 }).items.map((i) => i.id)).toEqual([b.id]);
    expect(sms.outbox({ status: 'failed' })).toEqual({ items: [], total: 0 });
    expect(sms.status()).toMatchObject({ running: true, provider: 'outbox', sent: 3, failed: 0, lowBalance: false });
  });

  it('uses the owner\'s template for that kind and language', async () => {
    const { sms } = build({ cfg: () => config({ templates: { otp: { en: '{code} is your code at {shop}' } } }) });
    await sms.start();
    await sms.send({ phone: PHONE, kind: 'otp', lang: 'en', vars: { code: '123456' } });
    await sms.send({ phone: PHONE, kind: 'otp', lang: 'bn', vars: { code: '123456' } });
    const [bn, en] = sms.outbox().items;
    expect(en!.text).toBe('123456 is your code at Rahim');
    expect(bn!.text).toContain('কোড 123456');
  });

  it('refuses a phone that is not E.164, or an OTP without its code, with invalid_input naming the field', async () => {
    const { sms } = build();
    await sms.start();
    const err = await sms.send({ phone: '01712345678', kind: 'otp', lang: 'en', vars: { code: '1' } }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code === 'invalid_input' && err.detail?.field === 'phone').toBe(true);
    const noCode = await sms.send({ phone: PHONE, kind: 'otp', lang: 'en' }).catch((e: unknown) => e);
    expect(isAppError(noCode) && noCode.detail?.field === 'vars.code').toBe(true);
    expect(sms.outbox().total).toBe(0);
  });

  it('shows a message as sending while the gateway holds it', async () => {
    const fake = await startFakeSmsGateway();
    cleanups.push(() => fake.stop());
    const { sms } = build({ cfg: () => config({ provider: 'bulksmsbd', baseUrl: fake.url, timeoutMs: 60_000 }), key: () => fake.apiKey });
    await sms.start();
    fake.script('hold');
    const pending = sms.send({ phone: PHONE, kind: 'otp', lang: 'en', vars: { code: '1' } });
    await fake.whenHeld(1);
    expect(sms.outbox().items[0]).toMatchObject({ status: 'sending', attempts: 1, provider: 'bulksmsbd' });
    await sms.stop();
    expect((await pending).status).toBe('failed');
  });

  it('stop() during the pause before the retry ends it at once: failed, not retried', async () => {
    const fake = await startFakeSmsGateway();
    cleanups.push(() => fake.stop());
    let answered!: () => void;
    const firstAnswer = new Promise<void>((r) => { answered = r; });
    // Real fetch, telling the test when the gateway's 503 is in hand (the pause starts right after).
    const spyFetch: typeof fetch = async (...args) => {
      const res = await fetch(...args);
      if (!String(args[0]).includes('/api/smsapi')) return res;
      const body = await res.text();
      answered();
      return new Response(body, { status: res.status, headers: res.headers });
    };
    const db = openDatabase(path.join(tmpDir(), 'h.db'));
    cleanups.push(() => { db.close(); });
    const sms = createSms({
      db, clock: manualClock(), log: silentLogger(), fetch: spyFetch, apiKey: () => fake.apiKey,
      config: () => config({ provider: 'bulksmsbd', baseUrl: fake.url, retryDelayMs: 10 * 60_000 }),
    });
    cleanups.push(() => sms.stop());
    await sms.start();
    fake.script('5xx');
    const pending = sms.send({ phone: PHONE, kind: 'otp', lang: 'en', vars: { code: '1' } });
    await firstAnswer;
    // One event-loop turn: the reply is handled and the pause has begun.
    await new Promise((r) => setImmediate(r));
    expect(sms.outbox().items[0]!.status).toBe('queued');
    await sms.stop();
    expect(await pending).toMatchObject({ status: 'failed', reason: 'transient' });
    expect(fake.sends()).toHaveLength(1);
    expect(sms.outbox().items[0]).toMatchObject({ status: 'failed', attempts: 1, error: 'BulkSMSBD answered HTTP 503' });
  });

  it('a gateway key that cannot be unsealed fails the send with a reason instead of throwing', async () => {
    const { sms } = build({ cfg: () => config({ provider: 'bulksmsbd' }), key: () => { throw new Error('secret box locked'); } });
    await sms.start();
    expect(await sms.send({ phone: PHONE, kind: 'otp', lang: 'en', vars: { code: '1' } })).toMatchObject({ status: 'failed', reason: 'config' });
    expect(sms.outbox().items[0]).toMatchObject({ status: 'failed', error: 'The SMS provider settings could not be used' });
  });

  it('before start a message is queued; start sends fresh ones and fails stale or interrupted ones', async () => {
    const { sms, clock, db } = build();
    const old = await sms.send({ phone: PHONE, kind: 'otp', lang: 'en', vars: { code: '1' } });
    clock.advance(4 * 60_000);
    const fresh = await sms.send({ phone: PHONE, kind: 'otp', lang: 'en', vars: { code: '2' } });
    expect([old.status, fresh.status]).toEqual(['queued', 'queued']);
    // A row a crashed run left mid-send.
    const crashed = Number(db.prepare("INSERT INTO sms_outbox (phone, body, kind, status, attempts, created_at) VALUES (?, 'x', 'otp', 'sending', 1, ?)")
      .run(PHONE, clock.now()).lastInsertRowid);
    clock.advance(2 * 60_000);
    await sms.start();
    await sms.stop(); // waits for the recovery sends
    const byId = new Map(sms.outbox().items.map((i) => [i.id, i]));
    expect(byId.get(fresh.id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(byId.get(old.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/too old/) });
    expect(byId.get(crashed)).toMatchObject({ status: 'failed', error: expect.stringMatching(/stopped while sending/) });
  });

  it('the gateway key never reaches a log line, outbox(), status() or the stored replies; the OTP never reaches a log line', async () => {
    const key = 'SEKRIT-key/with+chars&=';
    const fake = await startFakeSmsGateway({ apiKey: key, balance: 10 });
    cleanups.push(() => fake.stop());
    const file = path.join(tmpDir(), 'sms.log');
    const log = createLogger({ destination: file, level: 'debug' });
    let cfg = config({ provider: 'bulksmsbd', baseUrl: fake.url, timeoutMs: 100, lowBalanceWarnAt: 100000 });
    let currentKey = key;
    // GET puts the key in the URL, the worst case for leaking it through an error.
    const { sms, db } = build({ cfg: () => cfg, key: () => currentKey, log, presets: { bulksmsbd: { method: 'GET' } } });
    const send = () => sms.send({ phone: PHONE, kind: 'otp', lang: 'en', vars: { code: '482913' } });
    await sms.start();
    expect((await send()).status).toBe('sent');
    fake.script('5xx', '5xx');
    expect((await send()).status).toBe('failed');
    fake.script('hold', 'hold');
    expect((await send()).status).toBe('failed');
    // The fake echoes an unknown key in its error, as some gateways do.
    currentKey = 'WRONG-key-9876';
    expect((await send()).status).toBe('failed');
    cfg = { ...cfg, provider: 'sslwireless' };
    expect((await send()).status).toBe('failed');
    currentKey = key;
    cfg = { ...cfg, provider: 'bulksmsbd' };
    await sms.balance();
    await fake.stop();
    expect((await send()).status).toBe('failed');
    await sms.stop();
    log.flush();

    const logText = fs.readFileSync(file, 'utf8');
    expect(logText).toContain('sms failed'); // the log was written at all
    expect(fake.received.some((r) => JSON.stringify(r.raw + r.path + JSON.stringify(r.query)).includes('WRONG-key-9876'))).toBe(true);
    const seen = [logText, JSON.stringify(sms.outbox()), JSON.stringify(sms.status()),
      JSON.stringify(db.prepare('SELECT last_error, provider_response FROM sms_outbox').all())].join('\n');
    for (const secret of [key, encodeURIComponent(key), 'WRONG-key-9876']) expect(seen).not.toContain(secret);
    expect(logText).not.toContain('482913');
    expect(sms.outbox().items.some((i) => i.error?.includes('[redacted]'))).toBe(true);
  });
});

describe('sms admin handlers', () => {
  it('sms.test sends a test SMS to a normalised number and reports the owner\'s reason on failure; sms.outbox lists', async () => {
    let cfg = config();
    const { sms } = build({ cfg: () => cfg });
    await sms.start();
    const h = smsHandlers({ sms });
    const input = smsApi['sms.test'].input.parse({ phone: '017 1234-5678', lang: 'bn' });
    const ok = await h['sms.test'](input);
    expect(ok).toEqual({ id: ok.id, status: 'sent', provider: 'outbox', error: null });
    cfg = config({ provider: 'bulksmsbd' }); // no key set
    const bad = await h['sms.test'](smsApi['sms.test'].input.parse({ phone: '01712345678' }));
    expect(bad).toMatchObject({ status: 'failed', provider: 'bulksmsbd', error: 'No BulkSMSBD API key is set in the SMS settings' });
    const page = await h['sms.outbox'](smsApi['sms.outbox'].input.parse({ limit: 10 }));
    expect(page.items.map((i) => [i.phone, i.kind, i.lang, i.status])).toEqual([[PHONE, 'test', 'en', 'failed'], [PHONE, 'test', 'bn', 'sent']]);
    const refused = smsApi['sms.test'].input.safeParse({ phone: '0123' });
    expect(refused.success ? null : refused.error.issues[0]!.path).toEqual(['phone']);
    expect(smsApi['sms.outbox'].input.safeParse({ limit: 5, colour: 'red' }).success).toBe(false);
  });
});
