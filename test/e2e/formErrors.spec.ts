import { expect, test, type Locator, type Page } from '@playwright/test';
import { startHeadlessServer, type HeadlessServer } from './server';
import { nav, openAdmin } from './ui';

// Issue #11: a form with several bad fields shows every problem next to its field in one round,
// checked in the page with the method's own schema (the server's wording) before anything is
// sent; fixing them saves. Tests share one server.
test.describe.configure({ mode: 'serial' });

let server: HeadlessServer;

test.beforeAll(async () => {
  server = await startHeadlessServer();
});

test.afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

/** The error under the input labelled `label` in `form`. */
const errorOf = (form: Locator, page: Page, label: string) => form.locator('.field', { has: page.getByLabel(label, { exact: true }) }).getByRole('alert');

/** Counts the page's calls to one admin method (the pre-send check means none for bad input). */
function countCalls(page: Page, method: string): { count: number } {
  const seen = { count: 0 };
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === `/api/${method}`) seen.count++;
  });
  return seen;
}

test('packages: three bad fields, three messages at once, then it saves', async ({ page }) => {
  const consoleErrors = await openAdmin(page, server.url);
  const creates = countCalls(page, 'packages.create');
  await nav(page, 'Packages');
  await page.getByRole('button', { name: 'New package' }).click();
  const form = page.getByRole('form', { name: 'New package' });
  await form.getByLabel('Name').fill('Day pass');
  // Each passes the form's own checks (numbers in the right units) but is over the API's limit.
  await form.getByLabel('Price (৳ taka)').fill('999999999');
  await form.getByRole('textbox', { name: 'Validity' }).fill('1');
  await form.getByLabel('Download speed (Mbps)').fill('200000');
  await form.getByLabel('Upload speed (Mbps)').fill('2');
  await form.getByLabel('Devices at once').fill('500');
  await form.getByRole('button', { name: 'Create package' }).click();

  await expect(errorOf(form, page, 'Price (৳ taka)')).toHaveText('Too big: expected number to be <=10000000000');
  await expect(errorOf(form, page, 'Download speed (Mbps)')).toHaveText('Too big: expected number to be <=100000000000');
  await expect(errorOf(form, page, 'Devices at once')).toHaveText('Too big: expected number to be <=100');
  await expect(form.getByRole('alert')).toHaveCount(3);
  expect(creates.count).toBe(0);
  expect(await server.api('packages.list', { includeArchived: true })).toEqual([]);

  await form.getByLabel('Price (৳ taka)').fill('20');
  await form.getByLabel('Download speed (Mbps)').fill('5');
  await form.getByLabel('Devices at once').fill('2');
  await form.getByRole('button', { name: 'Create package' }).click();
  await expect(form).toBeHidden();
  expect((await server.api('packages.list')).map(({ name, price, devices }) => ({ name, price, devices }))).toEqual([{ name: 'Day pass', price: 2000, devices: 2 }]);
  expect(creates.count).toBe(1);
  expect(consoleErrors).toEqual([]);
});

test('routers: a bad address and two over-long fields, all marked at once, then it saves', async ({ page }) => {
  const consoleErrors = await openAdmin(page, server.url);
  const creates = countCalls(page, 'routers.create');
  await nav(page, 'Routers');
  await page.getByRole('button', { name: 'Add router' }).click();
  const form = page.getByRole('form', { name: 'New router' });
  await form.getByLabel('Name', { exact: true }).fill('R'.repeat(101));
  await form.getByLabel('NAS IP address').fill('10.0.0');
  await form.getByLabel('RADIUS secret').fill('radius-secret-XYZ');
  await form.getByLabel('Hotspot interface').fill('b'.repeat(101));
  await form.getByRole('button', { name: 'Add router' }).click();

  await expect(errorOf(form, page, 'Name')).toHaveText('Too big: expected string to have <=100 characters');
  await expect(errorOf(form, page, 'NAS IP address')).toHaveText('Must be an IPv4 address such as 192.168.88.1');
  await expect(errorOf(form, page, 'Hotspot interface')).toHaveText('Too big: expected string to have <=100 characters');
  await expect(form.getByRole('alert')).toHaveCount(3);
  expect(creates.count).toBe(0);
  expect(await server.api('routers.list')).toEqual([]);

  await form.getByLabel('Name', { exact: true }).fill('Roof AP');
  await form.getByLabel('NAS IP address').fill('10.0.0.5');
  await form.getByLabel('Hotspot interface').fill('bridge');
  await form.getByRole('button', { name: 'Add router' }).click();
  await expect(form).toBeHidden();
  expect((await server.api('routers.list')).map(({ name, nasIp, hotspotInterface }) => ({ name, nasIp, hotspotInterface }))).toEqual([
    { name: 'Roof AP', nasIp: '10.0.0.5', hotspotInterface: 'bridge' },
  ]);
  expect(consoleErrors).toEqual([]);
});

test('settings: three bad values in three sections, every message in one round, then it saves', async ({ page }) => {
  const consoleErrors = await openAdmin(page, server.url);
  const updates = countCalls(page, 'settings.update');
  const before = await server.api('settings.get');
  await nav(page, 'Settings');
  const form = page.getByRole('form', { name: 'Settings' });
  await form.getByLabel('Time zone').fill('Mars/Olympus');
  await form.getByLabel('Accounting interval (s)').fill('5');
  await form.getByLabel('PIN tries before locking').fill('50');
  await form.getByRole('button', { name: 'Save settings' }).click();

  await expect(errorOf(form, page, 'Time zone')).toHaveText('Must be a time zone name such as Asia/Dhaka');
  await expect(errorOf(form, page, 'Accounting interval (s)')).toHaveText('Must be between 30 and 3600 seconds');
  await expect(errorOf(form, page, 'PIN tries before locking')).toHaveText('Must be between 1 and 20 tries');
  await expect(form.getByRole('alert')).toHaveCount(3);
  expect(updates.count).toBe(0);
  expect(await server.api('settings.get')).toEqual(before);

  await form.getByLabel('Time zone').fill('Asia/Dhaka');
  await form.getByLabel('Accounting interval (s)').fill('120');
  await form.getByLabel('PIN tries before locking').fill('7');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(form.getByRole('alert')).toHaveCount(0);
  expect(await server.api('settings.get')).toMatchObject({ shop: { timezone: 'Asia/Dhaka' }, network: { acctInterimInterval: 120 }, otp: { pinMaxAttempts: 7 } });
  expect(consoleErrors).toEqual([]);
});
