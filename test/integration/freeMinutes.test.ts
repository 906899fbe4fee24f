import { describe, expect, it } from 'vitest';
import { radiusWorld } from '../helpers/radius';
import { forms, phoneBrowser } from '../helpers/phoneBrowser';
import { portalWorld } from '../helpers/portalWorld';

// "N minutes free to pay" (issue #10): the portal issues a one-time login, RADIUS accepts it once,
// for its device only, with a short Session-Timeout, a low rate and a data cap; once per MAC per
// shop day. Over real sockets: the virtual NAS, the portal over HTTP behind the virtual hotspot.
const MAC_A = '30:39:26:86:CC:EA';
const MAC_B = '30:39:26:86:CC:EB';
const PHONE = '01712345678';
const E164 = '+8801712345678';
const HOUR = 3_600_000;

type RWorld = Awaited<ReturnType<typeof radiusWorld>>;

async function freeWorld() {
  const w = await radiusWorld();
  const c = await w.ok('customers.create', { phone: '01812345678' });
  const grant = (mac: string | null) => w.engine.radius.freeMinutes.issue({ mac, customerId: c.id });
  return { ...w, customerId: c.id, grant };
}

async function login(w: RWorld, g: { username: string; password: string }, mac: string) {
  return w.nas.login({ username: g.username, password: g.password, method: 'pap', mac, ip: '10.5.50.7' });
}

async function authLog(w: RWorld, username: string) {
  w.engine.radius.flushAuthLog();
  return (await w.engine.radius.listAuthLog({ username, limit: 10 })).items;
}

describe('free minutes to pay over RADIUS', () => {
  it('is off by default: no grant is issued, and a grant made while it was on is refused once it is off', async () => {
    const w = await freeWorld();
    expect((await w.ok('settings.get')).freeMinutes).toMatchObject({ enabled: false });
    expect(w.engine.radius.freeMinutes.offer()).toBeNull();
    expect(w.grant(MAC_A)).toEqual({ ok: false, reason: 'off' });

    await w.ok('settings.update', { freeMinutes: { enabled: true } });
    const g = w.grant(MAC_A);
    if (!g.ok) throw new Error('no grant');
    await w.ok('settings.update', { freeMinutes: { enabled: false } });
    const r = await login(w, g, MAC_A);
    expect(r.accepted).toBe(false);
    expect((await authLog(w, g.username))[0]).toMatchObject({ result: 'reject', detail: 'free_minutes_off' });
    // A made-up free-minutes username is just unknown.
    expect((await login(w, { username: 'free-madeup', password: 'x' }, MAC_A)).accepted).toBe(false);
  });

  it('on: accepted once with Session-Timeout N minutes, the low rate and the data cap, marked as free minutes in the auth log', async () => {
    const w = await freeWorld();
    await w.ok('settings.update', { freeMinutes: { enabled: true, minutes: 7, rateLimit: '128k/384k', dataCapMb: 15 } });
    expect(w.engine.radius.freeMinutes.offer()).toEqual({ minutes: 7 });
    const g = w.grant(MAC_A);
    if (!g.ok) throw new Error('no grant');
    expect(g.username).toMatch(/^free-/);

    const r = await login(w, g, MAC_A);
    expect(r.accepted).toBe(true);
    expect(r.attributes['Session-Timeout']).toBe(7 * 60);
    expect(r.vsa['Mikrotik-Rate-Limit']).toBe('128k/384k');
    expect(r.vsa['Mikrotik-Total-Limit']).toBe(15_000_000);
    expect(r.classValue).toMatch(/^free-\d+$/);
    const log = await authLog(w, g.username);
    expect(log[0]).toMatchObject({ result: 'accept', detail: 'free_minutes', customerId: w.customerId, mac: MAC_A });

    // Once used it is spent, even before its N minutes are up.
    const again = await login(w, g, MAC_A);
    expect(again.accepted).toBe(false);
    expect((await authLog(w, g.username))[0]).toMatchObject({ result: 'reject', detail: 'free_minutes_used' });

  });

  it('a free session is charged to no package, even one the phone\'s customer bought while it runs', async () => {
    const w = await freeWorld();
    await w.ok('settings.update', { freeMinutes: { enabled: true } });
    // A returning customer: MAC_A is bound to them by an earlier login, and they just paid.
    const c = await w.customer('01912345678');
    expect((await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC_A, ip: '10.5.50.7' })).accepted).toBe(true);
    const g = w.engine.radius.freeMinutes.issue({ mac: MAC_A, customerId: c.customerId });
    if (!g.ok) throw new Error('no grant');
    const r = await login(w, g, MAC_A);
    expect(r.accepted).toBe(true);
    const s = await w.nas.startSession({ username: g.username, mac: MAC_A, ip: '10.5.50.7', classValue: r.classValue });
    await w.nas.interim(s, 1_000_000, 2_000_000, 60);
    const session = w.engine.radius.listSessions({ status: 'online', limit: 10 }).items.find((x) => x.username === g.username);
    expect(session?.customerId).toBeNull();
    const sub = (await w.ok('customers.get', { id: c.customerId })).subscriptions.find((x) => x.id === c.subscriptionId);
    expect(sub?.bytesUsed).toBe(0);
  });

  it('is bound to its device: the same login from another MAC is refused (and the grant stays usable by its own)', async () => {
    const w = await freeWorld();
    await w.ok('settings.update', { freeMinutes: { enabled: true } });
    const g = w.grant(MAC_A);
    if (!g.ok) throw new Error('no grant');
    expect((await login(w, g, MAC_B)).accepted).toBe(false);
    expect((await authLog(w, g.username))[0]).toMatchObject({ result: 'reject', detail: 'free_minutes_other_device' });
    expect((await login(w, { ...g, password: 'wrong-password' }, MAC_A)).accepted).toBe(false);
    expect((await login(w, g, MAC_A)).accepted).toBe(true);
  });

  it('is unusable after N minutes', async () => {
    const w = await freeWorld();
    await w.ok('settings.update', { freeMinutes: { enabled: true, minutes: 5 } });
    const g = w.grant(MAC_A);
    if (!g.ok) throw new Error('no grant');
    w.clock.advance(5 * 60_000);
    expect((await login(w, g, MAC_A)).accepted).toBe(false);
    expect((await authLog(w, g.username))[0]).toMatchObject({ result: 'reject', detail: 'free_minutes_expired' });
  });

  it('once per MAC per shop day: a second grant the same day is refused, another phone gets one, the next day (in Dhaka) allows it again', async () => {
    const w = await freeWorld();
    await w.ok('settings.update', { freeMinutes: { enabled: true } });
    // The world's clock is 12:00 in Dhaka (06:00 UTC); Dhaka's day ends at 18:00 UTC.
    expect(w.grant(MAC_A).ok).toBe(true);
    expect(w.grant(MAC_A)).toEqual({ ok: false, reason: 'used_today' });
    expect(w.grant(MAC_B).ok).toBe(true);
    expect(w.grant(null)).toEqual({ ok: false, reason: 'no_device' });
    w.clock.advance(11 * HOUR + 59 * 60_000); // 23:59 in Dhaka: still today
    expect(w.grant(MAC_A)).toEqual({ ok: false, reason: 'used_today' });
    w.clock.advance(2 * 60_000); // 00:01 the next day in Dhaka (still the same UTC day)
    const next = w.grant(MAC_A);
    expect(next.ok).toBe(true);
    if (next.ok) expect((await login(w, next, MAC_A)).accepted).toBe(true);
  });

  it('refuses a rate that is not upload/download and minutes outside 1–30, naming the field', async () => {
    const w = await freeWorld();
    for (const [patch, field] of [[{ rateLimit: 'fast' }, 'freeMinutes.rateLimit'], [{ rateLimit: '0/256k' }, 'freeMinutes.rateLimit'], [{ minutes: 31 }, 'freeMinutes.minutes'], [{ minutes: 0 }, 'freeMinutes.minutes']] as const) {
      const r = await w.engine.call('settings.update', { freeMinutes: patch });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_input');
        expect(r.error.message).toContain(field);
      }
    }
    const ok = await w.ok('settings.update', { freeMinutes: { rateLimit: '1M/512000', minutes: 30 } });
    expect(ok.freeMinutes).toMatchObject({ rateLimit: '1M/512000', minutes: 30 });
  });
});

type PWorld = Awaited<ReturnType<typeof portalWorld>>;

async function arriveAndRegister(w: PWorld, mac: string) {
  const b = phoneBrowser(mac);
  await b.open(`${w.hotspot.url}/generate_204`);
  await b.autoSubmit();
  await b.submit('/portal/phone', { phone: PHONE });
  await b.submit('/portal/code', { code: w.lastOtp(E164) });
  await b.submit('/portal/newpin', { pin: '4321', pin2: '4321' });
  expect(b.page.url).toContain('/portal/account');
  return b;
}

describe('free minutes to pay on the portal', () => {
  it('off: no button; on: the button logs the phone in through RADIUS (CHAP) with the free session; a second try the same day gets a plain message', async () => {
    const w = await portalWorld();
    await w.pkg({ name: '1 Day 5 Mbps' });
    const b = await arriveAndRegister(w, MAC_A);
    expect(b.page.html).not.toContain('/portal/free');
    const accountHtml = b.page.html;

    await w.ok('settings.update', { freeMinutes: { enabled: true, minutes: 5 } });
    await b.open(b.page.url); // the account page again
    expect(b.text).toContain('Get 5 free minutes to pay');
    const page = b.page;

    await b.submit('/portal/free');
    expect(b.text).toContain('You have 5 free minutes to pay');
    const go = forms(b.page.html).find((f) => f.id === 'go')!;
    expect(go.action).toBe(`${w.hotspot.url}/login`);
    expect(go.fields.username).toMatch(/^free-/);
    expect(go.fields.password).toMatch(/^[0-9a-f]{32}$/); // CHAP-hashed like the customer's login
    await b.autoSubmit();
    expect(w.hotspot.logins.at(-1)).toMatchObject({ mac: MAC_A, method: 'chap', accepted: true, username: go.fields.username });
    expect(w.hotspot.isOnline(MAC_A)).toBe(true);

    // The same phone, the same day (a reload of the account page and the button again).
    const again = phoneBrowser(MAC_A);
    Object.assign(again.page, page);
    await again.submit('/portal/free');
    expect(again.page.status).toBe(409);
    expect(again.text).toContain('This phone already had its free minutes today');

    // A form posted while the offer was off (an old page) gets the off message, not a login.
    await w.ok('settings.update', { freeMinutes: { enabled: false } });
    const old = phoneBrowser(MAC_B);
    Object.assign(old.page, { url: page.url, html: accountHtml.replace('action="/portal/card"', 'action="/portal/free"') });
    await old.submit('/portal/free');
    expect(old.page.status).toBe(400);
    expect(old.text).toContain('Free minutes to pay are not offered here just now');
    expect(forms(old.page.html).some((f) => f.id === 'go')).toBe(false);
  });
});
