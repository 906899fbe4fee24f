import { describe, expect, it } from 'vitest';
import { cardRefusalOf } from '../../src-main/portal/shopPort';
import { until } from '../helpers/radius';
import { forms, phoneBrowser } from '../helpers/phoneBrowser';
import { GiB, portalWorld } from '../helpers/portalWorld';

// The customer's flow over real HTTP: the virtual hotspot's front, the engine's own portal, its
// customer auth (OTP in the SMS outbox), billing's cards and RADIUS deciding the login.
const MAC_A = '30:39:26:86:CC:EA';
const MAC_B = '30:39:26:86:CC:EB';
const PHONE = '01712345678';
const E164 = '+8801712345678';

type World = Awaited<ReturnType<typeof portalWorld>>;

/** A phone joins and opens a website: our login.html, then the portal's first page. */
async function arrive(w: World, mac: string, acceptLanguage?: string) {
  const b = phoneBrowser(mac, { acceptLanguage });
  await b.open(`${w.hotspot.url}/generate_204`);
  await b.autoSubmit();
  return b;
}

/** New number → OTP → PIN: ends on the account page with this router's packages. */
async function register(w: World, b: ReturnType<typeof phoneBrowser>, pin = '4321') {
  await b.submit('/portal/phone', { phone: PHONE });
  expect(b.text).toContain('Enter the code');
  await b.submit('/portal/code', { code: w.lastOtp(E164) });
  expect(b.text).toContain('Choose a PIN');
  await b.submit('/portal/newpin', { pin, pin2: pin });
  expect(b.page.url).toContain('/portal/account');
}

describe('the customer flow on the portal, behind the virtual hotspot, with a real engine', () => {
  it('an online-time package says "online time left" on the status page (issue #12 clocks)', async () => {
    const w = await portalWorld();
    const online = await w.pkg({ name: 'Two hours online', clock: 'onlineTime', validitySeconds: 7_800 });
    const b = await arrive(w, MAC_A);
    await register(w, b);
    await b.submit('/portal/card', { code: (await w.cards(online.id, 1)).codes[0]! });
    await b.autoSubmit(); // the login to the router
    await b.click('Continue'); // alogin.html → the status page
    expect(b.text).toContain('2 h 10 m online time left');
  });

  it('new phone: Bangla-digit number → OTP → PIN → card (typed loosely) → CHAP login → online; the status page shows the package', async () => {
    const w = await portalWorld();
    const day = await w.pkg({ name: '1 Day 5 Mbps' });
    const { codes } = await w.cards(day.id);
    const b = await arrive(w, MAC_A);
    expect(b.text).toContain('Your mobile number');
    expect(b.text).toContain('1 Day 5 Mbps');

    await b.submit('/portal/phone', { phone: '০১৭১২-৩৪৫৬৭৮' });
    expect(b.text).toContain(`We sent a 6-digit code by SMS to ${PHONE}`);
    expect(b.page.html).toContain('id="cd"'); // the countdown (JS) and the plain resend link
    expect(b.page.html).toContain('/portal/resend?');
    await b.submit('/portal/code', { code: w.lastOtp(E164) });
    await b.submit('/portal/newpin', { pin: '৪৩২১', pin2: '4321' });
    expect(b.text).toContain('1 Day 5 Mbps');
    const cardForm = b.page.html;

    const loose = codes[0]!.toLowerCase().replace(/(....)/g, '$1 - ');
    await b.submit('/portal/card', { code: loose });
    expect(b.text).toContain('Paid. 1 Day 5 Mbps is active now.');
    const login = forms(b.page.html).find((f) => f.id === 'go')!;
    expect(login.action).toBe(`${w.hotspot.url}/login`);
    expect(login.fields.username).toBe(PHONE);
    expect(login.fields.password).toMatch(/^[0-9a-f]{32}$/); // CHAP-hashed, never the password itself
    const c = await w.ok('customers.get', { phone: PHONE });
    expect(b.page.html).not.toContain(c.hotspotPassword);
    expect(b.page.url).not.toContain(c.hotspotPassword);
    await b.autoSubmit();
    expect(w.hotspot.logins.at(-1)).toMatchObject({ mac: MAC_A, method: 'chap', accepted: true, username: PHONE });
    expect(w.hotspot.isOnline(MAC_A)).toBe(true);

    // alogin.html sends the phone to the status page: its package, time left, devices, log out.
    await b.click('Continue');
    expect(b.page.url).toContain('/status?');
    expect(b.text).toContain('You are online');
    expect(b.text).toContain('1 Day 5 Mbps');
    expect(b.text).toMatch(/Time left 23 h 59 min|Time left 1 d/);
    expect(b.page.html).toContain(`${w.hotspot.url}/logout`);

    // A double submit of the same card (the form posted again) redeems once and shows success.
    const again = phoneBrowser(MAC_A);
    (again.page as { html: string }).html = cardForm;
    Object.assign(again.page, { url: `${w.portalUrl}/portal/account` });
    await again.submit('/portal/card', { code: codes[0]! });
    expect(again.text).toContain('Paid. 1 Day 5 Mbps is active now.');
    expect((await w.ok('customers.get', { phone: PHONE })).subscriptions).toHaveLength(1);
  });

  it('a bad number, wrong codes and the send limits answer in plain words (English and Bangla); the outbox never exceeds the limit', async () => {
    const w = await portalWorld();
    const b = await arrive(w, MAC_A);
    await b.submit('/portal/phone', { phone: '0121234' });
    expect(b.page.status).toBe(400);
    expect(b.text).toContain('That is not a Bangladeshi mobile number');
    const bn = await arrive(w, MAC_B, 'bn');
    await bn.submit('/portal/phone', { phone: '12345' });
    expect(bn.text).toContain('এটি বাংলাদেশের মোবাইল নম্বর নয়');

    await b.submit('/portal/phone', { phone: PHONE });
    for (let i = 4; i >= 1; i--) {
      await b.submit('/portal/code', { code: '000000' });
      expect(b.text).toContain(`That code is not right. ${i} tries left.`);
    }
    await b.submit('/portal/code', { code: '000000' });
    expect(b.text).toMatch(/Too many wrong codes|this code is locked/);
    // Resend: too soon first, then (after 60 s) a second and a third code; the fourth in the hour is refused.
    await b.click('Send a new code');
    expect(b.text).toContain('A code was sent just now. You can ask for a new one in 1 min');
    for (let i = 0; i < 2; i++) {
      w.clock.advance(61_000);
      const back = await arrive(w, MAC_A);
      await back.submit('/portal/phone', { phone: PHONE });
      expect(back.text).toContain('Enter the code');
    }
    w.clock.advance(61_000);
    const fourth = await arrive(w, MAC_A);
    await fourth.submit('/portal/phone', { phone: PHONE });
    expect(fourth.page.status).toBe(429);
    expect(fourth.text).toMatch(/Too many codes were sent to this number\. Try again in \d+ min \(at 1 Jun, \d\d:\d\d\)/);
    expect(w.outboxFor(E164)).toHaveLength(3);
  });

  it('card errors: used by someone else, unknown, disabled — each in plain words; billing codes map (VOUCHER_UNKNOWN, VOUCHER_EXPIRED too)', async () => {
    const w = await portalWorld();
    const p = await w.pkg();
    const { codes, batchId } = await w.cards(p.id, 2);
    await w.ok('vouchers.redeem', { code: codes[0]!, phone: '01812345678' });
    const b = await arrive(w, MAC_A);
    await register(w, b);
    await b.submit('/portal/card', { code: codes[0]! });
    expect(b.text).toContain('This card has already been used.');
    await b.submit('/portal/card', { code: 'ABCD-EFGH-JKMN' });
    expect(b.text).toContain('No card has this code.');
    await w.ok('vouchers.disableBatch', { batchId });
    await b.submit('/portal/card', { code: codes[1]! });
    expect(b.text).toContain('This card was disabled by the shop.');
    expect((await w.ok('customers.get', { phone: PHONE })).subscriptions).toHaveLength(0);
    expect(['VOUCHER_UNKNOWN', 'VOUCHER_INVALID', 'VOUCHER_EXPIRED', 'VOUCHER_USED', 'VOUCHER_DISABLED'].map(cardRefusalOf)).toEqual(['unknown', 'unknown', 'expired', 'used', 'disabled']);
  });

  it('wrong card codes: 5 per customer and per phone in 15 minutes, then "try again at HH:MM" (even for a real card) until the window has passed', async () => {
    const w = await portalWorld();
    const p = await w.pkg({ name: 'Day pass' });
    const { codes } = await w.cards(p.id, 2);
    const b = await arrive(w, MAC_A);
    await register(w, b);
    for (let i = 0; i < 4; i++) {
      await b.submit('/portal/card', { code: `WXYZ-WXYZ-WX${'ABCD'[i]}${'ABCD'[i]}` });
      expect(b.page.status).toBe(400);
      expect(b.text).toContain('No card has this code.');
    }
    w.clock.advance(60_000); // the window slides from the first wrong code
    await b.submit('/portal/card', { code: 'WXYZ-WXYZ-WXEE' });
    expect(b.page.status).toBe(429);
    expect(b.text).toMatch(/Too many wrong card numbers\. Try again in 14 min \(at 1 Jun, \d\d:\d\d\)/);
    // While blocked even a real card is not tried (a lucky guess would be): nothing was sold.
    await b.submit('/portal/card', { code: codes[0]! });
    expect(b.page.status).toBe(429);
    expect(b.text).toContain('Too many wrong card numbers');
    expect((await w.ok('customers.get', { phone: PHONE })).subscriptions).toHaveLength(0);

    // Per phone too: another number registered on the same device is blocked as well.
    const other = await arrive(w, MAC_A);
    await other.submit('/portal/phone', { phone: '01812345678' });
    await other.submit('/portal/code', { code: w.lastOtp('+8801812345678') });
    await other.submit('/portal/newpin', { pin: '9876', pin2: '9876' });
    await other.submit('/portal/card', { code: codes[0]! });
    expect(other.page.status).toBe(429);
    // A fresh device for a fresh customer is not (the limit is theirs, not the shop's).
    const fresh = await arrive(w, MAC_B);
    await fresh.submit('/portal/phone', { phone: '01912345678' });
    await fresh.submit('/portal/code', { code: w.lastOtp('+8801912345678') });
    await fresh.submit('/portal/newpin', { pin: '9876', pin2: '9876' });
    await fresh.submit('/portal/card', { code: 'WXYZ-WXYZ-WXFF' });
    expect(fresh.text).toContain('No card has this code.');

    // Once the oldest wrong code is 15 minutes old, the customer may try again and the card works.
    w.clock.advance(14 * 60_000);
    await b.submit('/portal/card', { code: codes[0]! });
    expect(b.text).toContain('Paid. Day pass is active now.');
  });

  it('buying while a package is active queues it and says when it starts (shop time zone)', async () => {
    const w = await portalWorld();
    const day = await w.pkg({ name: 'Day pack' });
    const week = await w.pkg({ name: 'Week pack', validitySeconds: 7 * 86_400 });
    const b = await arrive(w, MAC_A);
    await register(w, b);
    await b.submit('/portal/card', { code: (await w.cards(day.id, 1)).codes[0]! });
    await b.autoSubmit();
    expect(w.hotspot.isOnline(MAC_A)).toBe(true);
    // From the status page: buy more.
    await b.click('Continue');
    await b.click('Buy more');
    await b.submit('/portal/card', { code: (await w.cards(week.id, 1)).codes[0]! });
    // Bought at 06:00 UTC = 12:00 in Dhaka; the day pack ends tomorrow at 12:00 Dhaka time.
    expect(b.text).toContain('Paid. Week pack is queued: it starts at 2 Jun, 12:00.');
    expect(b.text).toContain('Next packages');
  });

  it('usage past the data limit → Disconnect → the next page says the package ended → another card → online', async () => {
    const w = await portalWorld();
    const small = await w.pkg({ name: 'Data 1 GB', validitySeconds: null, dataLimitBytes: GiB });
    const { codes } = await w.cards(small.id, 2);
    const b = await arrive(w, MAC_A);
    await register(w, b);
    await b.submit('/portal/card', { code: codes[0]! });
    await b.autoSubmit();
    const session = w.hotspot.sessionOf(MAC_A)!;
    await w.nas.interim(session, 100_000_000, GiB);
    await until(() => !w.hotspot.isOnline(MAC_A), 'the Disconnect of the spent session');

    const back = await arrive(w, MAC_A);
    expect(back.text).toContain('Welcome back!');
    expect(back.text).toContain('Your package has ended. Its data is used up.');
    await back.submit('/portal/card', { code: codes[1]! });
    await back.autoSubmit();
    expect(w.hotspot.isOnline(MAC_A)).toBe(true);
  });

  it('a known MAC with an active package goes straight in; MAC auth lets a returning phone in without a page', async () => {
    const w = await portalWorld({ loginBy: ['http-chap', 'http-pap'] });
    const p = await w.pkg({ name: 'Straight in' });
    const b = await arrive(w, MAC_A);
    await register(w, b);
    await b.submit('/portal/card', { code: (await w.cards(p.id, 1)).codes[0]! });
    await b.autoSubmit();
    await w.hotspot.leave(MAC_A); // session lost; this router has no MAC login
    const again = phoneBrowser(MAC_A);
    await again.open(`${w.hotspot.url}/generate_204`);
    await again.autoSubmit(); // login.html → portal → the login form at once (no number, no PIN)
    expect(w.hotspot.isOnline(MAC_A)).toBe(true);
    expect(w.hotspot.logins.filter((l) => l.accepted)).toHaveLength(2);

    const mac = await portalWorld();
    const p2 = await mac.pkg();
    const c = await arrive(mac, MAC_B);
    await register(mac, c);
    await c.submit('/portal/card', { code: (await mac.cards(p2.id, 1)).codes[0]! });
    await c.autoSubmit();
    await mac.hotspot.leave(MAC_B);
    const res = await fetch(`${mac.hotspot.url}/anything`, { redirect: 'manual', headers: { 'x-virtual-phone': MAC_B } });
    expect(res.status).toBe(200); // online through MAC authentication, no page at all
    expect(mac.hotspot.logins.at(-1)).toMatchObject({ method: 'mac', accepted: true });
  });

  it('the same customer on a second phone with number + PIN: wrong PIN counted, 1-device package refused clearly, 2-device package online', async () => {
    const w = await portalWorld();
    const one = await w.pkg({ name: 'Solo', devices: 1 });
    const two = await w.pkg({ name: 'Duo', devices: 2, validitySeconds: 2 * 86_400 });
    const a = await arrive(w, MAC_A);
    await register(w, a, '2468');
    await a.submit('/portal/card', { code: (await w.cards(one.id, 1)).codes[0]! });
    await a.autoSubmit();
    expect(w.hotspot.isOnline(MAC_A)).toBe(true);

    const b = await arrive(w, MAC_B);
    await b.submit('/portal/phone', { phone: PHONE });
    expect(b.text).toContain(`The PIN for ${PHONE}`);
    await b.submit('/portal/pin', { pin: '1111' });
    expect(b.text).toContain('That PIN is not right. 4 tries left.');
    await b.submit('/portal/pin', { pin: '2468' });
    expect(b.page.status).toBe(409);
    expect(b.text).toContain('Your package allows 1 device(s) online at once');
    expect(w.hotspot.isOnline(MAC_B)).toBe(false);

    // The owner cancels Solo; the customer buys Duo on the second phone: two devices at once.
    const sub = (await w.ok('customers.get', { phone: PHONE })).subscriptions[0]!;
    await w.ok('customers.cancelSubscription', { subscriptionId: sub.id });
    await b.submit('/portal/card', { code: (await w.cards(two.id, 1)).codes[0]! });
    await b.autoSubmit();
    expect(w.hotspot.isOnline(MAC_B)).toBe(true);
  });

  it('/api/captive tells a known client its time and data left (RFC 8908)', async () => {
    const w = await portalWorld();
    const p = await w.pkg({ name: 'Both', validitySeconds: 3600, dataLimitBytes: GiB });
    const b = await arrive(w, MAC_A);
    await register(w, b);
    const t = new URL(b.page.url).searchParams.get('t')!;
    await b.submit('/portal/card', { code: (await w.cards(p.id, 1)).codes[0]! });
    await b.autoSubmit();
    const res = await fetch(`${w.portalUrl}/api/captive?t=${encodeURIComponent(t)}`);
    expect(res.headers.get('content-type')).toBe('application/captive+json');
    expect(await res.json()).toMatchObject({ captive: false, 'seconds-remaining': 3600, 'bytes-remaining': GiB, 'can-extend-session': true });
  });
});
