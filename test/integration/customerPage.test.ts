import { afterEach, describe, expect, it } from 'vitest';
import { radiusWorld } from '../helpers/radius';
import { testConfig, testEngine } from '../helpers/engine';
import { okFor } from '../helpers/api';
import { createEngine, type Engine } from '../../src-main/engine';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import { dashboardHandlers } from '../../src-main/admin/handlers/dashboard';
import type { CustomerAuth, OtpRequestResult } from '../../src-main/portal/customerAuth/types';
import type { Lang } from '../../src-main/portal/i18n';
import type { SmsStatusInfo } from '../../src-main/sms';

const MAC = '30:39:26:86:CC:EA';
const IP = '10.5.50.10';

const engines: Engine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.stop();
});

/** An engine whose customer auth is a stand-in that records each reset and answers `answer`. */
async function engineWithCustomerAuth(answer: (customerId: number) => OtpRequestResult) {
  const calls: Array<{ customerId: number; lang: Lang }> = [];
  const customerAuth: Pick<CustomerAuth, 'startPinReset'> = {
    startPinReset: async (customerId, lang) => {
      calls.push({ customerId, lang });
      return answer(customerId);
    },
  };
  const clock = manualClock(Date.UTC(2026, 5, 1, 6, 0, 0));
  const engine = await createEngine(testConfig(), { clock, log: silentLogger(), customerAuth });
  engines.push(engine);
  await engine.start();
  return { engine, clock, calls, ok: okFor((m, i) => engine.call(m, i)) };
}

describe('customers.get lastLogin (read from RADIUS sessions)', () => {
  it('is null before any login, then names the router and says password or MAC for the newest session', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01712345678');
    expect((await w.ok('customers.get', { id: c.customerId })).lastLogin).toBeNull();

    const r = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    expect(r.accepted).toBe(true);
    const s1 = await w.nas.startSession({ username: c.username, mac: MAC, ip: IP, classValue: r.classValue });
    const firstAt = w.clock.now();
    expect((await w.ok('customers.get', { id: c.customerId })).lastLogin).toEqual({
      at: firstAt, routerId: w.routerId, routerName: 'router-127.0.0.1', by: 'password',
    });
    await w.nas.stopSession(s1, 'User-Request');

    // Next time the router knows the phone: MAC auth, username is the MAC (here in dash layout).
    w.clock.advance(3_600_000);
    const macUser = MAC.replace(/:/g, '-').toLowerCase();
    const m = await w.nas.login({ username: macUser, password: '', method: 'mac', mac: MAC, ip: IP });
    expect(m.accepted).toBe(true);
    await w.nas.startSession({ username: macUser, mac: MAC, ip: IP, classValue: m.classValue });
    const byPhone = await w.ok('customers.get', { phone: '01712345678' });
    expect(byPhone.lastLogin).toEqual({ at: firstAt + 3_600_000, routerId: w.routerId, routerName: 'router-127.0.0.1', by: 'mac' });
  });

  it('another customer\'s sessions are not theirs', async () => {
    const w = await radiusWorld();
    const a = await w.customer('01712345678');
    const b = await w.customer('01812345678');
    const r = await w.nas.login({ username: a.username, password: a.password, method: 'pap', mac: MAC, ip: IP });
    await w.nas.startSession({ username: a.username, mac: MAC, ip: IP, classValue: r.classValue });
    expect((await w.ok('customers.get', { id: a.customerId })).lastLogin).not.toBeNull();
    expect((await w.ok('customers.get', { id: b.customerId })).lastLogin).toBeNull();
  });
});

describe('customers.resetPin', () => {
  it('asks the portal\'s customer auth to text a code, in the portal\'s default language', async () => {
    const { ok, calls, engine } = await engineWithCustomerAuth(() => ({ ok: true, challengeId: 7, expiresAt: 0, resendAt: 0 }));
    const c = await ok('customers.create', { phone: '01712345678', pin: '4821' });
    await ok('settings.update', { portal: { defaultLanguage: 'bn' } });
    expect(await ok('customers.resetPin', { id: c.id })).toEqual({ sent: true, status: 'sent', localPhone: '01712345678' });
    expect(calls).toEqual([{ customerId: c.id, lang: 'bn' }]);
    // It changes something (texts the customer): audited like every command.
    const audit = engine.db.prepare("SELECT action FROM audit_log WHERE action = 'customers.resetPin'").all();
    expect(audit).toHaveLength(1);
  });

  it('a refusal is not an error: sent false, the reason code and plain words with the wait', async () => {
    const { ok, clock } = await engineWithCustomerAuth(() => ({ ok: false, reason: 'limit_number_hour', retryAt: clock.now() + 25 * 60_000 }));
    const c = await ok('customers.create', { phone: '01712345678' });
    const r = await ok('customers.resetPin', { id: c.id });
    expect(r).toMatchObject({ sent: false, status: 'limit_number_hour', localPhone: '01712345678', retryAt: clock.now() + 25 * 60_000 });
    expect(r.error).toMatch(/in an hour\. Try again in 25 minutes\./);
  });

  it('answers sms_failed with where to look', async () => {
    const { ok } = await engineWithCustomerAuth(() => ({ ok: false, reason: 'sms_failed' }));
    const c = await ok('customers.create', { phone: '01712345678' });
    const r = await ok('customers.resetPin', { id: c.id });
    expect(r).toMatchObject({ sent: false, status: 'sms_failed' });
    expect(r.error).toMatch(/SMS outbox/);
    expect(r).not.toHaveProperty('retryAt');
  });

  it('unknown id is not_found, a bad id invalid_input naming the field; neither reaches customer auth', async () => {
    const { engine, calls } = await engineWithCustomerAuth(() => ({ ok: true, challengeId: 1, expiresAt: 0, resendAt: 0 }));
    const missing = await engine.call('customers.resetPin', { id: 999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bad = await engine.call('customers.resetPin', { id: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
    expect(calls).toEqual([]);
  });
});

describe('dashboard.summary SMS balance', () => {
  it('has no warning with the outbox provider', async () => {
    const { ok } = await testEngine({ start: true });
    const d = await ok('dashboard.summary');
    expect(d.sms).toMatchObject({ provider: 'outbox', balance: null, lowBalance: false });
    expect(d.warnings).toEqual([]);
  });

  it('warns, with the balance in taka, when the SMS subsystem says it is low', async () => {
    const { engine, clock } = await testEngine({ start: true });
    const status: SmsStatusInfo = { ...engine.sms.status(), provider: 'bulksmsbd', balance: 4250, balanceAt: clock.now(), lowBalance: true };
    const h = dashboardHandlers({ ...engine, settings: engine.deps.settings, clock, sms: { status: () => status } });
    const d = await h['dashboard.summary']();
    expect(d.sms).toEqual({ provider: 'bulksmsbd', balance: 4250, balanceAt: clock.now(), lowBalance: true });
    expect(d.warnings).toEqual([expect.objectContaining({ code: 'sms_balance_low', message: expect.stringMatching(/balance is low \(৳42\.50 left\)/), href: '#/settings' })]);
    // A gateway that refused for lack of balance but reports none: still warned, no amount.
    status.balance = null;
    expect((await h['dashboard.summary']()).warnings[0]!.message).toMatch(/balance is low\. Top it up/);
  });
});
