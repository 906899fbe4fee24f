import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { VirtualNas } from '../virtual-mikrotik/nas';
import { startHeadlessServer, type HeadlessServer } from './server';
import { nav, openAdmin } from './ui';

// RADIUS from the owner's side: a virtual MikroTik hotspot (real UDP, node-radius) logs customers
// in against the headless server; the owner sees who is online, kicks one, reads the auth log in
// plain words, the last hour's logins on the dashboard and the RADIUS counters on the Health page.
test.describe.configure({ mode: 'serial' });

const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'screens');
const SECRET = 'router-secret-1';
const MB = 1024 * 1024;
let server: HeadlessServer;
let nas: VirtualNas;

interface Customer {
  id: number;
  hotspotUsername: string;
  hotspotPassword: string;
}

test.beforeAll(async () => {
  server = await startHeadlessServer();
  fs.mkdirSync(SHOTS, { recursive: true });
  const st = await server.api('radius.status');
  nas = new VirtualNas({ nasIp: '127.0.0.1', secret: SECRET, server: { host: '127.0.0.1', authPort: st.authPort!, acctPort: st.acctPort! }, timeoutMs: 500 });
  await nas.start();
});

test.afterAll(async () => {
  await nas?.stop();
  expect(await server?.stop()).toBe(0);
});

const open = (page: Page) => openAdmin(page, server.url);

async function sell(phone: string, packageId: number): Promise<Customer> {
  const sale = await server.api('customers.sellPackage', { phone, packageId, method: 'cash' });
  return server.api('customers.get', { id: sale.customerId });
}

test('owner watches who is online, kicks a device and reads the auth log', async ({ page }) => {
  // The shop's setup, made through the API (the admin spec covers these forms).
  await server.api('routers.create', { name: 'Shop roof', nasIp: '127.0.0.1', secret: SECRET, coaPort: nas.coaPort() });
  const pkg = await server.api('packages.create', { name: '1 Day 5 Mbps', price: 2000, validitySeconds: 86_400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
  const rahim = await sell('01712345678', pkg.id);
  const karim = await sell('01812345678', pkg.id);
  const jamal = await server.api('customers.create', { phone: '01912345678' }); // registered, never bought

  // Phones log in through the virtual hotspot.
  const r1 = await nas.login({ username: rahim.hotspotUsername, password: rahim.hotspotPassword, method: 'pap', mac: 'AA:BB:CC:00:00:01', ip: '10.5.50.11' });
  expect(r1.accepted).toBe(true);
  const s1 = await nas.startSession({ username: rahim.hotspotUsername, mac: 'AA:BB:CC:00:00:01', ip: '10.5.50.11', classValue: r1.classValue });
  await nas.interim(s1, 2 * MB, 30 * MB, 600);
  const r2 = await nas.login({ username: karim.hotspotUsername, password: karim.hotspotPassword, method: 'pap', mac: 'AA:BB:CC:00:00:02', ip: '10.5.50.12' });
  const s2 = await nas.startSession({ username: karim.hotspotUsername, mac: 'AA:BB:CC:00:00:02', ip: '10.5.50.12', classValue: r2.classValue });
  await nas.interim(s2, 1 * MB, 4 * MB, 120);
  // Refusals the owner must understand.
  expect((await nas.login({ username: karim.hotspotUsername, password: 'wrong', method: 'pap', mac: 'AA:BB:CC:00:00:03', ip: '10.5.50.13' })).accepted).toBe(false);
  expect((await nas.login({ username: jamal.hotspotUsername, password: jamal.hotspotPassword, method: 'pap', mac: 'AA:BB:CC:00:00:04', ip: '10.5.50.14' })).accepted).toBe(false);
  expect((await nas.login({ username: '01599999999', password: 'x', method: 'pap', mac: 'AA:BB:CC:00:00:05', ip: '10.5.50.15' })).accepted).toBe(false);

  const consoleErrors = await open(page);

  await test.step('dashboard: online count and the last hour of logins; Health: RADIUS counters', async () => {
    const stats = page.getByRole('region', { name: 'Summary' });
    await expect(stats.locator('.stat', { hasText: 'Online now' })).toContainText('2');
    // The dashboard gives the last hour's logins and why they were refused, in plain words.
    const logins = page.getByRole('region', { name: 'Logins in the last hour' });
    await expect(logins.locator('.mini-stat', { hasText: 'Accepted' })).toContainText('2');
    await expect(logins.locator('.mini-stat', { hasText: 'Refused' })).toContainText('3');
    await expect(logins.getByRole('list', { name: 'Why logins were refused' })).toContainText('Wrong password');
    await expect(logins.getByRole('list', { name: 'Why logins were refused' })).toContainText('Unknown user');
    // The counters moved to the owner's Health page.
    await expect(page.getByRole('region', { name: 'RADIUS health' })).toHaveCount(0);
    await nav(page, 'Health');
    const health = page.getByRole('region', { name: 'RADIUS health' });
    await expect(health).toContainText('Listening');
    await expect(health.locator('.mini-stat', { hasText: 'Login requests' })).toContainText('5');
    await expect(health.locator('.mini-stat', { hasText: 'Accepted' })).toContainText('2');
    await expect(health.locator('.mini-stat', { hasText: 'Refused' })).toContainText('3');
    await expect(health).toContainText('Wrong password');
    await expect(health).toContainText('Unknown user');
    await page.screenshot({ path: path.join(SHOTS, 'health-radius.png'), fullPage: true });
    await health.screenshot({ path: path.join(SHOTS, 'radius-health.png') });
  });

  await test.step('online page: sessions with data used, uptime and router; filter', async () => {
    await nav(page, 'Online');
    const table = page.getByRole('table', { name: 'Sessions' });
    const row = table.getByRole('row', { name: /01712345678/ });
    await expect(row).toContainText('AA:BB:CC:00:00:01');
    await expect(row).toContainText('10.5.50.11');
    await expect(row).toContainText('Shop roof');
    await expect(row).toContainText('10m'); // 600 s online
    await expect(row).toContainText('30 MB'); // downloaded
    await expect(row).toContainText('2 MB'); // uploaded
    await expect(table.getByRole('row')).toHaveCount(3);
    await page.screenshot({ path: path.join(SHOTS, 'online.png'), fullPage: true });

    await page.getByRole('searchbox', { name: 'Search sessions' }).fill('AA:BB:CC:00:00:02');
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('01812345678');
    await page.getByRole('searchbox', { name: 'Search sessions' }).fill('');
    await expect(table.getByRole('row')).toHaveCount(3);
  });

  await test.step('kick: two clicks, the router confirms, the session ends', async () => {
    const table = page.getByRole('table', { name: 'Sessions' });
    const row = table.getByRole('row', { name: /01712345678/ });
    const disconnect = nas.nextDisconnect();
    await row.getByRole('button', { name: 'Kick' }).click();
    await expect(row.getByText('Disconnect 01712345678?')).toBeVisible();
    expect(nas.disconnects).toHaveLength(0);
    await row.getByRole('button', { name: 'Disconnect' }).click();
    expect((await disconnect).answered).toBe('ack');
    await expect(page.getByText('Disconnected: the router confirmed.')).toBeVisible();
    await expect(row).toBeHidden();
    await expect(table.getByRole('row')).toHaveCount(2);

    await page.getByRole('combobox', { name: 'Session status' }).selectOption('stopped');
    const ended = table.getByRole('row', { name: /01712345678/ });
    await expect(ended).toContainText('Ended');
    await expect(ended).toContainText('disconnected by the shop');
    await expect(ended.getByRole('button', { name: 'Kick' })).toHaveCount(0);
  });

  await test.step('auth log: reasons in plain words, filters', async () => {
    await nav(page, 'Auth log');
    const table = page.getByRole('table', { name: 'Auth log' });
    await expect(table.getByRole('row')).toHaveCount(6);
    await expect(table.getByRole('row', { name: /01912345678/ })).toContainText('No active package');
    await expect(table.getByRole('row', { name: /01599999999/ })).toContainText('Unknown user');
    await expect(table.getByRole('row', { name: /AA:BB:CC:00:00:03/ })).toContainText('Wrong password');
    await expect(table.getByRole('row', { name: /AA:BB:CC:00:00:01/ })).toContainText('Accepted');
    await expect(table).not.toContainText('no_active_package');
    await page.screenshot({ path: path.join(SHOTS, 'auth-log.png'), fullPage: true });

    const filters = page.getByRole('search', { name: 'Filter the auth log' });
    await filters.getByLabel('Result').selectOption('reject');
    await expect(table.getByRole('row')).toHaveCount(4);
    await filters.getByLabel('Reason').selectOption({ label: 'No active package' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('01912345678');
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect(table.getByRole('row')).toHaveCount(6);

    await filters.getByLabel('Mobile / user name').fill('01812345678');
    await expect(table.getByRole('row')).toHaveCount(3); // Karim: accepted once, wrong password once
    await filters.getByLabel('Mobile / user name').fill('');
    await filters.getByLabel('Device MAC').fill('aa-bb-cc-00-00-04');
    await expect(table.getByRole('row')).toHaveCount(2);
    await filters.getByLabel('Router').selectOption({ label: 'Shop roof' });
    await expect(table.getByRole('row')).toHaveCount(2);

    await filters.getByLabel('Device MAC').fill('not-a-mac');
    await expect(filters.getByText('Enter a MAC address such as AA:BB:CC:DD:EE:FF.')).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, 'auth-log-filter-error.png'), fullPage: true });
  });

  await test.step('Health counts the disconnect; the dashboard the one left online', async () => {
    await nav(page, 'Health');
    const health = page.getByRole('region', { name: 'RADIUS health' });
    const d = health.getByRole('list', { name: 'Disconnects' });
    await expect(d.getByRole('listitem').filter({ hasText: 'Sent' })).toContainText('1');
    await expect(d.getByRole('listitem').filter({ hasText: 'Confirmed by router' })).toContainText('1');
    await nav(page, 'Dashboard');
    await expect(page.getByRole('region', { name: 'Summary' }).locator('.stat', { hasText: 'Online now' })).toContainText('1');
  });

  expect(consoleErrors).toEqual([]);
});
