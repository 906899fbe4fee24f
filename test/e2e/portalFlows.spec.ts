import { expect, test } from '@playwright/test';
import { expectPasswordKept, openPhone, type Phone } from './portalPhone';
import { GiB, startPortalRig, until, type PortalRig } from './portalRig';
import { goesOnline, payWithCardAndGoOnline, registerNewNumber } from './portalWalk';

// Issue #9 "End to end", flows 1–4: one customer, two phones, in Chromium at 360×740 against a
// real engine (its portal, customer auth, billing, RADIUS) behind the virtual MikroTik. The flows
// build on each other (the same phone comes back, the same customer takes a second phone), so
// they run in order on one engine. Screenshots: test-results/portal/flow<n>-<step>.png.
test.describe.configure({ mode: 'serial' });

const MAC_A = '30:39:26:86:CC:EA';
const MAC_B = '30:39:26:86:CC:EB';
const NUMBER = '01712345678';
const PIN = '2468';

let rig: PortalRig;
let pkgs: Record<'data' | 'solo' | 'duo', { id: number; name: string }>;
let phoneA: Phone;

test.beforeAll(async () => {
  rig = await startPortalRig();
  pkgs = {
    data: await rig.pkg({ name: 'Data 1 GB', validitySeconds: 86_400, dataLimitBytes: GiB }),
    solo: await rig.pkg({ name: 'Solo day', devices: 1 }),
    duo: await rig.pkg({ name: 'Duo 2 days', devices: 2, validitySeconds: 2 * 86_400, price: 5000 }),
  };
});

test.afterAll(async () => {
  await phoneA?.close();
  await rig?.close();
});

test('1. a new phone: number → OTP from the outbox → PIN → recharge card → online (the router holds an accepted CHAP session)', async ({ browser }) => {
  phoneA = await openPhone(browser, rig, { flow: 'flow1-new-phone', mac: MAC_A });
  await phoneA.arrive();
  await expect(phoneA.page.getByText('Data 1 GB').first()).toBeVisible();
  await registerNewNumber(rig, phoneA, { number: NUMBER, pin: PIN });
  await expect(phoneA.page.getByText("Number: 017•••5678")).toBeVisible();
  await phoneA.step('account');
  const [code] = await rig.cards(pkgs.data.id);
  await payWithCardAndGoOnline(rig, phoneA, { code: code!, js: true, paid: 'Paid. Data 1 GB is active now.' });
  await expect(phoneA.page.getByText('Data 1 GB')).toBeVisible();
  expect((await rig.ok('sessions.list', { status: 'online' })).items.map((s) => s.mac)).toEqual([MAC_A]);
  expectPasswordKept(phoneA, await rig.hotspotPassword(NUMBER));
  expect(phoneA.foreign).toEqual([]);
});

test('2. usage past the data limit → Disconnect → the next page says the package ended → another card → online', async () => {
  const { page } = phoneA;
  const session = rig.hotspot.sessionOf(MAC_A)!;
  // The router's Interim-Update reports 1 GB down: billing charges it, the package is spent.
  await rig.nas.interim(session, 50_000_000, GiB);
  await until(() => !rig.hotspot.isOnline(MAC_A), 'the Disconnect of the spent session');
  expect(rig.nas.disconnects.length).toBeGreaterThan(0);

  await phoneA.arrive();
  await expect(page.getByRole('heading', { name: 'Welcome back!' })).toBeVisible();
  await expect(page.locator('#ended')).toHaveText('Your package has ended. Its data is used up. Buy another package below to go online.');
  phoneA.flow('flow2-package-ended');
  await phoneA.step('ended');
  const [code] = await rig.cards(pkgs.solo.id);
  await payWithCardAndGoOnline(rig, phoneA, { code: code!, js: true, paid: 'Paid. Solo day is active now.' });
  await expect(page.getByText('Solo day')).toBeVisible();
  expectPasswordKept(phoneA, await rig.hotspotPassword(NUMBER));
  expect(phoneA.foreign).toEqual([]);
});

test('3. the same phone leaves and comes back: MAC authentication lets it in without a page', async () => {
  await rig.hotspot.leave(MAC_A);
  expect(rig.hotspot.isOnline(MAC_A)).toBe(false);
  phoneA.flow('flow3-mac-auth');
  const portalRequests = phoneA.urls.length;
  await phoneA.page.goto(`${rig.hotspot.url}/generate_204`);
  // The router let it through: what the phone gets is the "internet", not a login page.
  await expect(phoneA.page.getByText('online: /generate_204')).toBeVisible();
  expect(phoneA.urls.slice(portalRequests).filter((u) => u.startsWith(rig.portalUrl))).toEqual([]);
  expect(rig.hotspot.logins.at(-1)).toMatchObject({ mac: MAC_A, method: 'mac', accepted: true });
  expect(rig.hotspot.isOnline(MAC_A)).toBe(true);
  await phoneA.step('online-without-page');
  expect(phoneA.foreign).toEqual([]);
});

test('4. the same customer on a second phone with number + PIN: refused clearly on a 1-device package, online on a 2-device one', async ({ browser }) => {
  const phoneB = await openPhone(browser, rig, { flow: 'flow4-second-phone', mac: MAC_B });
  const { page } = phoneB;
  await phoneB.arrive();
  await page.getByLabel('Mobile number').fill(NUMBER);
  await phoneB.step('number');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Enter your PIN', level: 2 })).toBeVisible();
  // A known number: no SMS for it, the PIN instead.
  expect(await rig.outboxFor('+8801712345678')).toHaveLength(1);
  await page.getByLabel(`The PIN for ${NUMBER}`).fill(PIN);
  await phoneB.step('pin');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Your package allows 1 device(s) online at once, and that many are online now. Log out on the other phone first, or buy a package for more devices.',
  );
  await phoneB.step('refused-one-device');
  expect(rig.hotspot.isOnline(MAC_B)).toBe(false);
  expect(rig.hotspot.isOnline(MAC_A)).toBe(true);

  // At the counter the owner takes Solo back (phone A is disconnected); the customer buys Duo on phone B.
  const solo = (await rig.ok('customers.get', { phone: NUMBER })).subscriptions.find((s) => s.status === 'active')!;
  await rig.ok('customers.cancelSubscription', { subscriptionId: solo.id });
  await until(() => !rig.hotspot.isOnline(MAC_A), 'the Disconnect of the cancelled package');
  const [code] = await rig.cards(pkgs.duo.id);
  await payWithCardAndGoOnline(rig, phoneB, { code: code!, js: true, paid: 'Paid. Duo 2 days is active now.' });

  // Phone A opens a page: a known MAC with an active package is logged in at once, no number, no PIN.
  phoneA.flow('flow4-first-phone-again');
  await phoneA.page.goto(`${rig.hotspot.url}/generate_204`);
  await goesOnline(rig, phoneA);
  expect(rig.hotspot.isOnline(MAC_B)).toBe(true);
  expect((await rig.ok('sessions.list', { status: 'online' })).items.map((s) => s.mac).sort()).toEqual([MAC_A, MAC_B]);
  const password = await rig.hotspotPassword(NUMBER);
  expectPasswordKept(phoneB, password);
  expectPasswordKept(phoneA, password);
  expect(phoneB.foreign).toEqual([]);
  expect(phoneA.foreign).toEqual([]);
  await phoneB.close();
});
