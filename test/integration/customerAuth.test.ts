import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src-main/engine';
import { manualClock } from '../../src-main/clock';
import { createLogger, silentLogger, type Logger } from '../../src-main/log';
import { DB_FILE, openDatabase } from '../../src-main/db';
import { createCustomerAuth, PROOF_TTL_MS, type CustomerAuth, type CustomerAuthDeps } from '../../src-main/portal/customerAuth';
import type { SendInput } from '../../src-main/sms';
import type { Settings } from '../../src-shared/settings';
import { testConfig } from '../helpers/engine';
import { tmpDir } from '../helpers/tmp';

const T0 = Date.UTC(2026, 5, 1, 6, 0, 0);
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const PHONE = '+8801712345678';
const MAC = 'AA:BB:CC:00:00:01';
const IP = '10.5.50.10';
const PHONE2 = '+8801812345678';
const MAC2 = 'AA:BB:CC:00:00:02';
const who = (n = 1) => ({ mac: `AA:BB:CC:00:00:${String(n).padStart(2, '0')}`, ip: `10.5.50.${n}` });

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Rig {
  engine: Engine;
  clock: ReturnType<typeof manualClock>;
  auth: CustomerAuth;
  deps: CustomerAuthDeps;
  /** Every SMS customerAuth asked for, in order (what it handed to the SMS subsystem). */
  asked: SendInput[];
  /** The last code texted to `phone`, read from the outbox as the customer's phone would. */
  lastCode(phone?: string): string;
  outboxCount(): number;
}

async function rig(opts: { log?: Logger; otp?: Partial<Settings['otp']>; smsFails?: () => boolean } = {}): Promise<Rig> {
  const clock = manualClock(T0);
  const log = opts.log ?? silentLogger();
  const engine = await createEngine(testConfig(), { clock, log });
  cleanups.push(() => engine.stop());
  await engine.start();
  if (opts.otp) engine.deps.settings.update({ otp: opts.otp });
  const asked: SendInput[] = [];
  const deps: CustomerAuthDeps = {
    db: engine.deps.db,
    clock,
    log,
    settings: engine.deps.settings,
    sms: {
      send: async (i) => {
        asked.push(i);
        if (opts.smsFails?.()) return { id: 0, status: 'failed', error: 'Could not send the SMS. Try again.', reason: 'transient' };
        return engine.sms.send(i);
      },
    },
    customers: engine.billing.customers,
    signingKey: crypto.randomBytes(32),
  };
  const auth = createCustomerAuth(deps);
  return {
    engine, clock, auth, deps, asked,
    lastCode(phone = PHONE) {
      const item = engine.sms.outbox({ limit: 100 }).items.find((i) => i.phone === phone);
      const m = /\b(\d{6})\b/.exec(item?.text ?? '');
      if (!m) throw new Error(`no code texted to ${phone}`);
      return m[1]!;
    },
    outboxCount: () => engine.sms.outbox().total,
  };
}

async function okOtp(auth: CustomerAuth, input: Parameters<CustomerAuth['requestOtp']>[0]) {
  const r = await auth.requestOtp(input);
  if (!r.ok) throw new Error(`requestOtp refused: ${r.reason}`);
  return r;
}

/** A registered customer with PIN 1234 (by the portal's own flow). */
async function registered(r: Rig, phone = PHONE, pin = '1234'): Promise<number> {
  const c = await okOtp(r.auth, { phone, purpose: 'register', lang: 'en', mac: MAC, ip: IP });
  const v = r.auth.verifyOtp({ phone, challengeId: c.challengeId, code: r.lastCode(phone), mac: MAC, ip: IP });
  if (!v.ok) throw new Error(`verify failed: ${v.reason}`);
  const s = r.auth.setPin({ proof: v.proof, pin });
  if (!s.ok) throw new Error(`setPin failed: ${s.reason}`);
  return s.customerId;
}

describe('customer auth: OTP codes', () => {
  it('registers a new number: code by SMS, verify, PIN (Bangla digits), and the proof works once', async () => {
    const r = await rig();
    expect(r.auth.lookup(PHONE)).toEqual({ known: false });
    const c = await okOtp(r.auth, { phone: '01712-345678', purpose: 'register', lang: 'bn', mac: 'aa:bb:cc:00:00:01', ip: IP });
    expect(c).toEqual({ ok: true, challengeId: expect.any(Number), expiresAt: T0 + 5 * MIN, resendAt: T0 + 60 * SEC });
    expect(r.asked).toEqual([{ phone: PHONE, kind: 'otp', lang: 'bn', vars: { code: expect.stringMatching(/^\d{6}$/), shop: 'HotspotDesk WiFi' } }]);
    const code = r.lastCode();

    const wrong = code === '000000' ? '111111' : '000000';
    expect(r.auth.verifyOtp({ phone: PHONE, challengeId: c.challengeId, code: wrong, mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'wrong_code', attemptsLeft: 4 });
    // Another number cannot use this challenge, even with its code.
    expect(r.auth.verifyOtp({ phone: '+8801812345678', challengeId: c.challengeId, code, mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'unknown' });
    const v = r.auth.verifyOtp({ phone: PHONE, challengeId: c.challengeId, code, mac: MAC, ip: IP });
    expect(v).toEqual({ ok: true, proof: expect.any(String) });
    if (!v.ok) return;
    // A code verifies once.
    expect(r.auth.verifyOtp({ phone: PHONE, challengeId: c.challengeId, code, mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'unknown' });

    expect(r.auth.setPin({ proof: v.proof, pin: '১২' })).toEqual({ ok: false, reason: 'bad_pin' });
    expect(r.auth.setPin({ proof: v.proof, pin: '1234567' })).toEqual({ ok: false, reason: 'bad_pin' });
    const s = r.auth.setPin({ proof: v.proof, pin: '৪৮২৯' });
    expect(s).toEqual({ ok: true, customerId: expect.any(Number) });
    if (!s.ok) return;
    expect(r.engine.billing.customers.checkPin(s.customerId, '4829')).toBe(true);
    expect(r.auth.lookup(PHONE)).toEqual({ known: true, customerId: s.customerId, hasPin: true, disabled: false });
    // Single use, and a forged or altered proof is refused.
    expect(r.auth.setPin({ proof: v.proof, pin: '1111' })).toEqual({ ok: false, reason: 'invalid_proof' });
    expect(r.auth.setPin({ proof: `${c.challengeId}.${'A'.repeat(43)}`, pin: '1111' })).toEqual({ ok: false, reason: 'invalid_proof' });
    expect(r.auth.setPin({ proof: 'nonsense', pin: '1111' })).toEqual({ ok: false, reason: 'invalid_proof' });
    expect(r.engine.billing.customers.checkPin(s.customerId, '4829')).toBe(true);
  });

  it('stores the code hashed, and the code dies after otp.ttlSeconds', async () => {
    const r = await rig();
    const c = await okOtp(r.auth, { phone: PHONE, purpose: 'register', lang: 'en', mac: MAC, ip: IP });
    const code = r.lastCode();
    const row = r.engine.deps.db.prepare('SELECT * FROM otp_challenges WHERE id = ?').get(c.challengeId) as Record<string, unknown>;
    expect(row).toMatchObject({ phone: PHONE, purpose: 'register', mac: MAC, ip: IP, lang: 'en', sms_status: 'sent', attempts: 0 });
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row.code_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);

    r.clock.set(T0 + 5 * MIN - 1);
    const early = await okOtp(r.auth, { phone: '+8801812345678', purpose: 'register', lang: 'en', mac: null, ip: '10.5.50.99' });
    r.clock.set(T0 + 5 * MIN);
    expect(r.auth.verifyOtp({ phone: PHONE, challengeId: c.challengeId, code, mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'expired' });
    // One millisecond before its own expiry the other code still works.
    r.clock.set(early.expiresAt - 1);
    expect(r.auth.verifyOtp({ phone: '+8801812345678', challengeId: early.challengeId, code: r.lastCode('+8801812345678'), mac: null, ip: '10.5.50.99' }).ok).toBe(true);
  });

  it('five wrong tries kill the code, even for the right code afterwards', async () => {
    const r = await rig();
    const c = await okOtp(r.auth, { phone: PHONE, purpose: 'register', lang: 'en', mac: MAC, ip: IP });
    const code = r.lastCode();
    const wrong = code === '999999' ? '888888' : '999999';
    const answers = [1, 2, 3, 4, 5].map(() => r.auth.verifyOtp({ phone: PHONE, challengeId: c.challengeId, code: wrong, mac: MAC, ip: IP }));
    expect(answers).toEqual([
      { ok: false, reason: 'wrong_code', attemptsLeft: 4 },
      { ok: false, reason: 'wrong_code', attemptsLeft: 3 },
      { ok: false, reason: 'wrong_code', attemptsLeft: 2 },
      { ok: false, reason: 'wrong_code', attemptsLeft: 1 },
      { ok: false, reason: 'too_many_attempts', attemptsLeft: 0 },
    ]);
    expect(r.auth.verifyOtp({ phone: PHONE, challengeId: c.challengeId, code, mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'too_many_attempts', attemptsLeft: 0 });
  });

  it('follows otp.maxAttempts and otp.ttlSeconds from settings', async () => {
    const r = await rig({ otp: { maxAttempts: 2, ttlSeconds: 120 } });
    const c = await okOtp(r.auth, { phone: PHONE, purpose: 'register', lang: 'en', mac: MAC, ip: IP });
    expect(c.expiresAt).toBe(T0 + 120 * SEC);
    const wrong = r.lastCode() === '123123' ? '321321' : '123123';
    expect(r.auth.verifyOtp({ phone: PHONE, challengeId: c.challengeId, code: wrong, mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'wrong_code', attemptsLeft: 1 });
    expect(r.auth.verifyOtp({ phone: PHONE, challengeId: c.challengeId, code: wrong, mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'too_many_attempts', attemptsLeft: 0 });
  });

  it('resends only after 60 s, and a new code supersedes the old one', async () => {
    const r = await rig();
    const first = await okOtp(r.auth, { phone: PHONE, purpose: 'register', lang: 'en', mac: MAC, ip: IP });
    const firstCode = r.lastCode();
    r.clock.set(T0 + 59_999);
    expect(await r.auth.requestOtp({ phone: PHONE, purpose: 'register', lang: 'en', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'resend_too_soon', retryAt: T0 + 60 * SEC });
    expect(r.outboxCount()).toBe(1);
    r.clock.set(T0 + 60 * SEC);
    const second = await okOtp(r.auth, { phone: PHONE, purpose: 'register', lang: 'en', mac: MAC, ip: IP });
    expect(second.challengeId).not.toBe(first.challengeId);
    expect(r.auth.verifyOtp({ phone: PHONE, challengeId: first.challengeId, code: firstCode, mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'expired' });
    expect(r.auth.verifyOtp({ phone: PHONE, challengeId: second.challengeId, code: r.lastCode(), mac: MAC, ip: IP }).ok).toBe(true);
  });

  it('register for a number with a PIN and pinReset for an unknown number are the wrong purpose; a disabled customer is refused', async () => {
    const r = await rig();
    expect(await r.auth.requestOtp({ phone: PHONE, purpose: 'pinReset', lang: 'en', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'wrong_purpose' });
    const id = await registered(r);
    r.clock.advance(61 * SEC);
    expect(await r.auth.requestOtp({ phone: PHONE, purpose: 'register', lang: 'en', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'wrong_purpose' });
    // A customer the counter created (no PIN yet) registers by OTP.
    const counter = r.engine.billing.customers.ensure('+8801912345678');
    expect(r.auth.lookup('+8801912345678')).toEqual({ known: true, customerId: counter, hasPin: false, disabled: false });
    expect((await r.auth.requestOtp({ phone: '+8801912345678', purpose: 'register', lang: 'en', mac: MAC, ip: IP })).ok).toBe(true);
    expect(r.auth.loginWithPin({ phone: '+8801912345678', pin: '1234', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'no_pin' });

    r.engine.billing.customers.update(id, { status: 'disabled' });
    expect(await r.auth.requestOtp({ phone: PHONE, purpose: 'pinReset', lang: 'en', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'disabled' });
    expect(await r.auth.startPinReset(id, 'en')).toEqual({ ok: false, reason: 'disabled' });
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '1234', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'disabled' });
    expect(r.auth.lookup(PHONE)).toMatchObject({ known: true, disabled: true });
    expect(r.auth.loginWithPin({ phone: '+8801612345678', pin: '1234', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'unknown_number' });
  });

  it('bad input is invalid_input naming the field', async () => {
    const r = await rig();
    const bad = (p: Promise<unknown> | (() => unknown)) => (typeof p === 'function' ? Promise.resolve().then(p) : p).then(() => null, (e: { code: string; detail?: { field?: string }; message: string }) => [e.code, e.detail?.field, e.message]);
    expect(await bad(r.auth.requestOtp({ phone: '0171234', purpose: 'register', lang: 'en', mac: MAC, ip: IP }))).toEqual(['invalid_input', 'phone', expect.stringMatching(/^phone: .*11 digits/)]);
    expect(await bad(r.auth.requestOtp({ phone: PHONE, purpose: 'register', lang: 'fr' as 'en', mac: MAC, ip: IP }))).toEqual(['invalid_input', 'lang', expect.any(String)]);
    expect(await bad(r.auth.requestOtp({ phone: PHONE, purpose: 'register', lang: 'en', mac: 'not-a-mac', ip: IP }))).toEqual(['invalid_input', 'mac', expect.any(String)]);
    expect(await bad(() => r.auth.loginWithPin({ phone: 'abc', pin: '1234', mac: MAC, ip: IP }))).toEqual(['invalid_input', 'phone', expect.any(String)]);
    // A phone cannot pass itself off as the owner's reset to escape the per-address limit.
    expect(await bad(r.auth.requestOtp({ phone: PHONE, purpose: 'register', lang: 'en', mac: MAC, ip: 'admin' }))).toEqual(['invalid_input', 'ip', expect.any(String)]);
    expect(r.outboxCount()).toBe(0);
  });
});

describe('customer auth: send limits', () => {
  it('3 codes per number an hour: the fourth is refused until the oldest leaves the window, and sends nothing', async () => {
    const r = await rig();
    for (let i = 0; i < 3; i++) {
      r.clock.set(T0 + i * 61 * SEC);
      await okOtp(r.auth, { phone: PHONE, purpose: 'register', lang: 'en', ...who(i + 1) });
    }
    r.clock.set(T0 + 3 * 61 * SEC);
    expect(await r.auth.requestOtp({ phone: PHONE, purpose: 'register', lang: 'en', ...who(9) })).toEqual({ ok: false, reason: 'limit_number_hour', retryAt: T0 + HOUR });
    expect(r.outboxCount()).toBe(3);
    expect(r.asked).toHaveLength(3);
    r.clock.set(T0 + HOUR - 1);
    expect(await r.auth.requestOtp({ phone: PHONE, purpose: 'register', lang: 'en', ...who(9) })).toMatchObject({ ok: false, reason: 'limit_number_hour' });
    r.clock.set(T0 + HOUR);
    expect((await r.auth.requestOtp({ phone: PHONE, purpose: 'register', lang: 'en', ...who(9) })).ok).toBe(true);
    expect(r.outboxCount()).toBe(4);
  });

  it('10 codes per number a day, counted across purposes', async () => {
    const r = await rig();
    const customerId = r.engine.billing.customers.ensure(PHONE);
    const sentAt: number[] = [];
    let refused: Awaited<ReturnType<CustomerAuth['requestOtp']>> | null = null;
    for (let hour = 0; hour < 5 && !refused; hour++) {
      for (let i = 0; i < 3; i++) {
        r.clock.set(T0 + hour * HOUR + i * 61 * SEC);
        const res = await r.auth.requestOtp({ phone: PHONE, purpose: hour % 2 ? 'pinReset' : 'register', lang: 'en', ...who(hour * 3 + i + 1) });
        if (!res.ok) {
          refused = res;
          break;
        }
        sentAt.push(r.clock.now());
      }
    }
    expect(sentAt).toHaveLength(10);
    expect(refused).toEqual({ ok: false, reason: 'limit_number_day', retryAt: T0 + 24 * HOUR });
    expect(r.outboxCount()).toBe(10);
    // The owner's reset is held to the same per-number limits.
    expect(await r.auth.startPinReset(customerId, 'en')).toEqual({ ok: false, reason: 'limit_number_day', retryAt: T0 + 24 * HOUR });
    expect(r.outboxCount()).toBe(10);
  });

  it('per MAC and per IP an hour, across numbers', async () => {
    const r = await rig({ otp: { perMacPerHour: 2, perIpPerHour: 3 } });
    const phone = (n: number) => `+88017000000${String(n).padStart(2, '0')}`;
    await okOtp(r.auth, { phone: phone(1), purpose: 'register', lang: 'en', mac: MAC, ip: IP });
    r.clock.set(T0 + MIN);
    await okOtp(r.auth, { phone: phone(2), purpose: 'register', lang: 'en', mac: MAC, ip: IP });
    r.clock.set(T0 + 2 * MIN);
    expect(await r.auth.requestOtp({ phone: phone(3), purpose: 'register', lang: 'en', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'limit_mac', retryAt: T0 + HOUR });
    // The same MAC in another form is the same device.
    expect(await r.auth.requestOtp({ phone: phone(3), purpose: 'register', lang: 'en', mac: 'aa-bb-cc-00-00-01', ip: IP })).toMatchObject({ reason: 'limit_mac' });
    await okOtp(r.auth, { phone: phone(3), purpose: 'register', lang: 'en', mac: 'AA:BB:CC:00:00:02', ip: IP });
    expect(await r.auth.requestOtp({ phone: phone(4), purpose: 'register', lang: 'en', mac: 'AA:BB:CC:00:00:03', ip: IP })).toEqual({ ok: false, reason: 'limit_ip', retryAt: T0 + HOUR });
    expect(r.outboxCount()).toBe(3);
    await okOtp(r.auth, { phone: phone(4), purpose: 'register', lang: 'en', mac: 'AA:BB:CC:00:00:03', ip: '10.5.50.77' });
    expect(r.outboxCount()).toBe(4);
  });

  it('when several limits refuse, the answer is the one that lasts longest', async () => {
    const r = await rig();
    for (let i = 0; i < 3; i++) {
      r.clock.set(T0 + i * 61 * SEC);
      await okOtp(r.auth, { phone: PHONE, purpose: 'register', lang: 'en', ...who(i + 1) });
    }
    // 10 s after the third: the resend wait (50 s) and the hour limit both refuse; the hour wins.
    r.clock.set(T0 + 2 * 61 * SEC + 10 * SEC);
    expect(await r.auth.requestOtp({ phone: PHONE, purpose: 'register', lang: 'en', ...who(9) })).toEqual({ ok: false, reason: 'limit_number_hour', retryAt: T0 + HOUR });
  });

  it('a failed SMS counts toward the limits but does not hold back a retry; the customer is told', async () => {
    let fail = true;
    const r = await rig({ smsFails: () => fail });
    for (let i = 0; i < 3; i++) {
      expect(await r.auth.requestOtp({ phone: PHONE, purpose: 'register', lang: 'en', ...who(i + 1) })).toEqual({ ok: false, reason: 'sms_failed' });
    }
    fail = false;
    expect(await r.auth.requestOtp({ phone: PHONE, purpose: 'register', lang: 'en', ...who(9) })).toEqual({ ok: false, reason: 'limit_number_hour', retryAt: T0 + HOUR });
    expect(r.asked).toHaveLength(3);
  });

  it('a code whose SMS failed cannot be verified, and the previous code keeps working', async () => {
    let fail = false;
    const r = await rig({ smsFails: () => fail });
    const first = await okOtp(r.auth, { phone: PHONE, purpose: 'register', lang: 'en', mac: MAC, ip: IP });
    const code = r.lastCode();
    r.clock.advance(61 * SEC);
    fail = true;
    expect(await r.auth.requestOtp({ phone: PHONE, purpose: 'register', lang: 'en', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'sms_failed' });
    const failedId = (r.engine.deps.db.prepare('SELECT MAX(id) AS id FROM otp_challenges').get() as { id: number }).id;
    expect(r.auth.verifyOtp({ phone: PHONE, challengeId: failedId, code, mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'unknown' });
    expect(r.auth.verifyOtp({ phone: PHONE, challengeId: first.challengeId, code, mac: MAC, ip: IP }).ok).toBe(true);
  });

  it('two requests racing for the last allowed send: only one SMS', async () => {
    const r = await rig({ otp: { perIpPerHour: 3 } });
    for (let i = 0; i < 2; i++) await okOtp(r.auth, { phone: `+88017000000${i}0`, purpose: 'register', lang: 'en', mac: null, ip: IP });
    const results = await Promise.all([
      r.auth.requestOtp({ phone: '+8801811111111', purpose: 'register', lang: 'en', mac: null, ip: IP }),
      r.auth.requestOtp({ phone: '+8801822222222', purpose: 'register', lang: 'en', mac: null, ip: IP }),
    ]);
    expect(results.map((x) => (x.ok ? 'sent' : x.reason)).sort()).toEqual(['limit_ip', 'sent']);
    expect(r.outboxCount()).toBe(3);
  });

  it('counts what the database holds: a second engine process on the same file sees the sends', async () => {
    const r = await rig();
    for (let i = 0; i < 3; i++) {
      r.clock.set(T0 + i * 61 * SEC);
      await okOtp(r.auth, { phone: PHONE, purpose: 'register', lang: 'en', ...who(i + 1) });
    }
    const other = openDatabase(path.join(r.engine.deps.config.dataDir, DB_FILE));
    cleanups.push(() => { other.close(); });
    const sent: SendInput[] = [];
    const auth2 = createCustomerAuth({ ...r.deps, db: other, sms: { send: async (i) => { sent.push(i); return { id: 0, status: 'sent' }; } } });
    expect(await auth2.requestOtp({ phone: PHONE, purpose: 'register', lang: 'en', ...who(9) })).toMatchObject({ ok: false, reason: 'limit_number_hour' });
    expect(sent).toHaveLength(0);
  });
});

describe('customer auth: PIN', () => {
  it('logs in with the PIN (Bangla digits too); 5 wrong lock for 15 minutes, counted per customer across devices', async () => {
    const r = await rig();
    const id = await registered(r, PHONE, '2468');
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '২৪৬৮', ...who(1) })).toEqual({ ok: true, customerId: id });
    const tries = [1, 2, 3, 4, 5].map((n) => r.auth.loginWithPin({ phone: PHONE, pin: '1111', ...who(n) }));
    expect(tries).toEqual([
      { ok: false, reason: 'wrong_pin', attemptsLeft: 4 },
      { ok: false, reason: 'wrong_pin', attemptsLeft: 3 },
      { ok: false, reason: 'wrong_pin', attemptsLeft: 2 },
      { ok: false, reason: 'wrong_pin', attemptsLeft: 1 },
      { ok: false, reason: 'locked', attemptsLeft: 0, lockedUntil: T0 + 15 * MIN },
    ]);
    // The right PIN during the lock, from a fresh device, is not even checked.
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '2468', ...who(7) })).toEqual({ ok: false, reason: 'locked', attemptsLeft: 0, lockedUntil: T0 + 15 * MIN });
    r.clock.set(T0 + 15 * MIN - 1);
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '2468', ...who(7) })).toMatchObject({ reason: 'locked' });
    r.clock.set(T0 + 15 * MIN);
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '2468', ...who(7) })).toEqual({ ok: true, customerId: id });
  });

  it('a correct PIN resets the count; input that cannot be a PIN costs no try', async () => {
    const r = await rig({ otp: { pinMaxAttempts: 3, pinLockMinutes: 5 } });
    await registered(r, PHONE, '2468');
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '1111', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'wrong_pin', attemptsLeft: 2 });
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '1111', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'wrong_pin', attemptsLeft: 1 });
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '12', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'wrong_pin', attemptsLeft: 1 });
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '2468', mac: MAC, ip: IP }).ok).toBe(true);
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '1111', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'wrong_pin', attemptsLeft: 2 });
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '1111', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'wrong_pin', attemptsLeft: 1 });
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '1111', mac: MAC, ip: IP })).toEqual({ ok: false, reason: 'locked', attemptsLeft: 0, lockedUntil: T0 + 5 * MIN });
  });

  it('forgot PIN: an OTP-verified pinReset unlocks, and the new PIN replaces the old', async () => {
    const r = await rig();
    await registered(r, PHONE, '2468');
    for (let i = 0; i < 5; i++) r.auth.loginWithPin({ phone: PHONE, pin: '1111', mac: MAC, ip: IP });
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '2468', mac: MAC, ip: IP })).toMatchObject({ reason: 'locked' });
    r.clock.advance(61 * SEC);
    const c = await okOtp(r.auth, { phone: PHONE, purpose: 'pinReset', lang: 'en', mac: MAC, ip: IP });
    expect(r.asked.at(-1)).toMatchObject({ kind: 'pinReset', phone: PHONE });
    const v = r.auth.verifyOtp({ phone: PHONE, challengeId: c.challengeId, code: r.lastCode(), mac: MAC, ip: IP });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    // Unlocked by the verified code alone (before a new PIN is chosen).
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '2468', mac: MAC, ip: IP }).ok).toBe(true);
    expect(r.auth.setPin({ proof: v.proof, pin: '13579' }).ok).toBe(true);
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '2468', mac: MAC, ip: IP })).toMatchObject({ reason: 'wrong_pin' });
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '13579', mac: MAC, ip: IP }).ok).toBe(true);
  });

  it('the proof lasts 10 minutes from the verified code, even past the code expiry', async () => {
    const r = await rig();
    const c = await okOtp(r.auth, { phone: PHONE, purpose: 'register', lang: 'en', mac: MAC, ip: IP });
    r.clock.set(c.expiresAt - 10 * SEC); // typed with 10 s of the code's life left
    const v = r.auth.verifyOtp({ phone: PHONE, challengeId: c.challengeId, code: r.lastCode(), mac: MAC, ip: IP });
    if (!v.ok) throw new Error('verify failed');
    r.clock.advance(PROOF_TTL_MS);
    expect(r.auth.setPin({ proof: v.proof, pin: '1234' })).toEqual({ ok: false, reason: 'invalid_proof' });
    expect(r.engine.billing.customers.findIdByPhone(PHONE)).toBeNull();
    // A second customer who picks the PIN a minute after the code expired is fine.
    const c2 = await okOtp(r.auth, { phone: PHONE2, purpose: 'register', lang: 'en', mac: MAC2, ip: IP });
    r.clock.set(c2.expiresAt - 10 * SEC);
    const v2 = r.auth.verifyOtp({ phone: PHONE2, challengeId: c2.challengeId, code: r.lastCode(PHONE2), mac: MAC2, ip: IP });
    if (!v2.ok) throw new Error(`verify failed: ${JSON.stringify(v2)}`);
    r.clock.advance(60 * SEC);
    expect(r.auth.setPin({ proof: v2.proof, pin: '1234' }).ok).toBe(true);
  });

  it('(kept) a proof from a superseded or unverified challenge is refused', async () => {
    const r = await rig();
    const c = await okOtp(r.auth, { phone: PHONE, purpose: 'register', lang: 'en', mac: MAC, ip: IP });
    r.clock.set(c.expiresAt);
    expect(r.auth.setPin({ proof: `${c.challengeId}.${'A'.repeat(43)}`, pin: '1234' })).toEqual({ ok: false, reason: 'invalid_proof' });
    expect(r.engine.billing.customers.findIdByPhone(PHONE)).toBeNull();
  });

  it("the owner's reset texts a pinReset code to the customer's number and leaves the PIN alone", async () => {
    const r = await rig();
    const id = await registered(r, PHONE, '2468');
    r.clock.advance(61 * SEC);
    const c = await r.auth.startPinReset(id, 'bn');
    expect(c).toMatchObject({ ok: true });
    expect(r.asked.at(-1)).toEqual({ phone: PHONE, kind: 'pinReset', lang: 'bn', vars: { code: expect.stringMatching(/^\d{6}$/), shop: 'HotspotDesk WiFi' } });
    const row = r.engine.deps.db.prepare('SELECT mac, ip, purpose FROM otp_challenges ORDER BY id DESC LIMIT 1').get();
    expect(row).toEqual({ mac: null, ip: 'admin', purpose: 'pinReset' });
    expect(r.auth.loginWithPin({ phone: PHONE, pin: '2468', mac: MAC, ip: IP }).ok).toBe(true);
    // Per-number limits hold for the owner too: 2 sends so far this hour, one more, then refused.
    r.clock.advance(61 * SEC);
    expect((await r.auth.startPinReset(id, 'en')).ok).toBe(true);
    r.clock.advance(61 * SEC);
    expect(await r.auth.startPinReset(id, 'en')).toEqual({ ok: false, reason: 'limit_number_hour', retryAt: T0 + HOUR });
  });
});

describe('customer auth: secrets stay out of logs and replies', () => {
  it('neither the OTP nor the PIN reaches a debug log line or a reply', async () => {
    const file = path.join(tmpDir(), 'debug.log');
    const r = await rig({ log: createLogger({ level: 'debug', destination: file }) });
    const replies: unknown[] = [];
    const c = await okOtp(r.auth, { phone: PHONE, purpose: 'register', lang: 'en', mac: MAC, ip: IP });
    replies.push(c);
    const code = r.lastCode();
    const wrong = code === '000000' ? '111111' : '000000';
    replies.push(r.auth.verifyOtp({ phone: PHONE, challengeId: c.challengeId, code: wrong, mac: MAC, ip: IP }));
    const v = r.auth.verifyOtp({ phone: PHONE, challengeId: c.challengeId, code, mac: MAC, ip: IP });
    replies.push(v);
    if (!v.ok) throw new Error('verify failed');
    const pin = '8642';
    replies.push(r.auth.setPin({ proof: v.proof, pin }));
    replies.push(r.auth.loginWithPin({ phone: PHONE, pin, mac: MAC, ip: IP }));
    replies.push(r.auth.loginWithPin({ phone: PHONE, pin: '97531', mac: MAC, ip: IP }));
    r.clock.advance(61 * SEC);
    replies.push(await r.auth.startPinReset(r.engine.billing.customers.findIdByPhone(PHONE)!, 'en'));
    const resetCode = r.lastCode();

    const logged = fs.readFileSync(file, 'utf8');
    // The log saw the flow (so the grep below looks at real lines)…
    expect(logged).toContain('otp requested');
    expect(logged).toContain('pin login refused');
    // …but none of its secrets.
    // As a number of its own: a 6-digit code may occur by chance inside a 13-digit timestamp.
    const alone = (s: string) => new RegExp(`(?<![0-9])${s}(?![0-9])`);
    for (const secret of [code, wrong, resetCode, pin, '97531']) {
      expect(logged).not.toMatch(alone(secret));
      expect(JSON.stringify(replies)).not.toMatch(alone(secret));
    }
    // The proof is for the next step only: never logged.
    expect(logged).not.toContain(v.proof.split('.')[1]);
  });
});
