import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { VirtualNas } from '../virtual-mikrotik/nas';
import { startHeadlessServer, type HeadlessServer } from './server';
import { nav, openAdmin } from './ui';

// A shop owner's first day in the admin UI, against the real headless server (HTTP bridge).
// Tests in this file share one server and run in order.
test.describe.configure({ mode: 'serial' });

const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'screens');
let server: HeadlessServer;

test.beforeAll(async () => {
  server = await startHeadlessServer();
  fs.mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  // SIGTERM → clean exit 0 (the server closes everything first).
  expect(await server?.stop()).toBe(0);
});

const open = (page: Page) => openAdmin(page, server.url);

test('owner creates a package, sells it, generates cards and sees the payment', async ({ page }) => {
  const consoleErrors = await open(page);

  await test.step('the token moves out of the address bar', async () => {
    expect(page.url()).not.toContain('token=');
    expect(await page.evaluate(() => sessionStorage.getItem('hotspotdesk.adminToken'))).toBe(server.token);
  });

  await test.step('create packages in taka, days, GB and Mbps', async () => {
    await nav(page, 'Packages');
    await expect(page.getByText('No packages yet.')).toBeVisible();

    await page.getByRole('button', { name: 'New package' }).click();
    const form = page.getByRole('form', { name: 'New package' });
    await form.getByLabel('Name').fill('1 Day 5 Mbps');
    await form.getByLabel('Price (৳ taka)').fill('20');
    await form.getByRole('textbox', { name: 'Validity' }).fill('1');
    await form.getByLabel('Validity unit').selectOption('days');
    await form.getByLabel('Download speed (Mbps)').fill('5');
    await form.getByLabel('Upload speed (Mbps)').fill('2');
    await form.getByRole('button', { name: 'Create package' }).click();
    await expect(form).toBeHidden();
    const row = page.getByRole('row', { name: /1 Day 5 Mbps/ });
    await expect(row).toContainText('৳20');
    await expect(row).toContainText('1 day');
    await expect(row).toContainText('Unlimited');
    await expect(row).toContainText('↓ 5 Mbps · ↑ 2 Mbps');

    await page.getByRole('button', { name: 'New package' }).click();
    await form.getByLabel('Name').fill('Weekly 5 GB');
    await form.getByLabel('Price (৳ taka)').fill('149.50');
    await form.getByRole('textbox', { name: 'Validity' }).fill('7');
    await form.getByRole('textbox', { name: 'Data limit' }).fill('5');
    await form.getByLabel('Data unit').selectOption('GB');
    await form.getByLabel('Download speed (Mbps)').fill('10');
    await form.getByLabel('Upload speed (Mbps)').fill('0.5');
    await form.getByLabel('Devices at once').fill('2');
    await form.getByRole('button', { name: 'Create package' }).click();
    await expect(page.getByRole('row', { name: /Weekly 5 GB/ })).toContainText('৳149.50');

    // The UI converted the owner's units to the API's paisa / seconds / bytes / bits per second.
    const pkgs = await server.api('packages.list');
    expect(pkgs.map(({ name, price, validitySeconds, dataLimitBytes, downloadBps, uploadBps, devices }) => ({ name, price, validitySeconds, dataLimitBytes, downloadBps, uploadBps, devices }))).toEqual(
      expect.arrayContaining([
        { name: '1 Day 5 Mbps', price: 2000, validitySeconds: 86400, dataLimitBytes: null, downloadBps: 5_000_000, uploadBps: 2_000_000, devices: 1 },
        { name: 'Weekly 5 GB', price: 14950, validitySeconds: 7 * 86400, dataLimitBytes: 5 * 1024 ** 3, downloadBps: 10_000_000, uploadBps: 500_000, devices: 2 },
      ]),
    );
    await page.screenshot({ path: path.join(SHOTS, 'packages.png'), fullPage: true });
  });

  await test.step('sell a package for cash to a phone number', async () => {
    await nav(page, 'Customers');
    await page.getByLabel('Mobile number').fill('01712345678');
    await page.getByLabel('Package').selectOption({ label: '1 Day 5 Mbps — ৳20 (1 day · ↓ 5 Mbps)' });
    await page.getByRole('button', { name: 'Sell for ৳20 cash' }).click();

    // The new customer opens, with the package active.
    await expect(page.getByRole('heading', { name: '01712345678', level: 1 })).toBeVisible();
    const subs = page.getByRole('region', { name: 'Subscriptions' });
    await expect(subs.getByRole('row', { name: /1 Day 5 Mbps/ })).toContainText('active');
    await expect(page.getByText('Username').locator('xpath=following-sibling::dd[1]')).toHaveText('01712345678');
    await page.screenshot({ path: path.join(SHOTS, 'customer.png'), fullPage: true });
  });

  await test.step('add a device in any MAC format', async () => {
    const devices = page.getByRole('region', { name: 'Devices' });
    await devices.getByLabel('MAC address').fill('aa-bb-cc-dd-ee-01');
    await devices.getByRole('button', { name: 'Add device' }).click();
    await expect(devices.getByText('AA:BB:CC:DD:EE:01')).toBeVisible();
  });

  await test.step('the customer list shows the active package', async () => {
    await nav(page, 'Customers');
    const row = page.getByRole('row', { name: /01712345678/ });
    await expect(row).toContainText('1 Day 5 Mbps');
    await expect(row).toContainText('active');
    await page.getByLabel('Search customers').fill('0171999');
    await expect(page.getByText('No customer matches.')).toBeVisible();
  });

  await test.step('generate a batch of recharge cards and open the printable grid', async () => {
    await nav(page, 'Recharge cards');
    const form = page.getByRole('form', { name: 'Generate recharge cards' });
    await form.getByLabel('Package').selectOption({ label: 'Weekly 5 GB — ৳149.50 (7 days · 5 GB · ↓ 10 Mbps)' });
    await form.getByLabel('Number of cards').fill('12');
    await form.getByLabel('Code prefix (optional)').fill('wk');
    await form.getByRole('button', { name: 'Generate' }).click();

    await expect(page.getByRole('heading', { name: /Batch #\d+ · Weekly 5 GB/ })).toBeVisible();
    const codes = page.getByTestId('voucher-code');
    await expect(codes).toHaveCount(12);
    for (const code of await codes.allTextContents()) expect(code).toMatch(/^WK/);
    await expect(page.getByRole('button', { name: 'Print 12 cards' })).toBeEnabled();
    await page.screenshot({ path: path.join(SHOTS, 'cards.png'), fullPage: true });

    // On paper: only the cards, no navigation or buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print 12 cards' })).toBeHidden();
    await expect(codes.first()).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, 'cards-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: '‹ All batches' }).click();
    const batch = page.getByRole('table', { name: 'Batches' }).getByRole('row', { name: /Weekly 5 GB/ });
    await expect(batch).toContainText('12');
    await batch.getByRole('button', { name: 'Disable' }).click();
    await batch.getByRole('button', { name: 'Disable' }).click();
    await expect(batch).toContainText('disabled');
  });

  await test.step('the payment is in the ledger and on the dashboard', async () => {
    await nav(page, 'Payments');
    const row = page.getByRole('table', { name: 'Payments' }).getByRole('row', { name: /01712345678/ });
    await expect(row).toContainText('1 Day 5 Mbps');
    await expect(row).toContainText('Cash');
    await expect(row).toContainText('৳20');
    await expect(row).toContainText('completed');
    await page.getByRole('group', { name: 'Filters' }).getByLabel('Method').selectOption('bkash');
    await expect(page.getByText('No payment matches these filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(row).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, 'payments.png'), fullPage: true });

    await nav(page, 'Dashboard');
    const stats = page.getByRole('region', { name: 'Summary' });
    await expect(stats.getByText('Sales today').locator('..')).toContainText('৳20');
    await expect(stats.getByText('Sales today').locator('..')).toContainText('1 sale');
    await expect(stats.getByText('Active subscriptions').locator('..')).toContainText('1');
    await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });
  });

  expect(consoleErrors).toEqual([]);
});

test('bad input gets a clear message next to the field and creates nothing', async ({ page }) => {
  await open(page);
  const before = {
    customers: (await server.api('customers.list')).total,
    payments: (await server.api('payments.list')).total,
    packages: (await server.api('packages.list', { includeArchived: true })).length,
  };

  await test.step('a phone number that is not Bangladeshi mobile (checked by the API)', async () => {
    await nav(page, 'Customers');
    await page.getByLabel('Mobile number').fill('0123');
    await page.getByLabel('Package').selectOption({ label: '1 Day 5 Mbps — ৳20 (1 day · ↓ 5 Mbps)' });
    await page.getByRole('button', { name: 'Sell for ৳20 cash' }).click();
    const phone = page.getByLabel('Mobile number');
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    const msg = page.locator('.field', { has: phone }).getByRole('alert');
    await expect(msg).toHaveText(/11 digits and starts with 01/);
    await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, 'bad-phone.png'), fullPage: true });
  });

  await test.step('a package with a price that is not money (checked in the form)', async () => {
    await nav(page, 'Packages');
    await page.getByRole('button', { name: 'New package' }).click();
    const form = page.getByRole('form', { name: 'New package' });
    await form.getByLabel('Name').fill('Broken');
    await form.getByLabel('Price (৳ taka)').fill('twenty');
    await form.getByRole('button', { name: 'Create package' }).click();
    await expect(form.locator('.field', { has: page.getByLabel('Price (৳ taka)') }).getByRole('alert')).toHaveText(/price in taka/);
    await expect(form.getByText('Give a validity, a data limit, or both.')).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, 'package-form-errors.png'), fullPage: true });
  });

  await test.step('a router address the API rejects lands next to its field', async () => {
    await nav(page, 'Routers');
    await page.getByRole('button', { name: 'Add router' }).click();
    const form = page.getByRole('form', { name: 'New router' });
    await form.getByLabel('Name').fill('Roof');
    await form.getByLabel('NAS IP address').fill('300.1.1.1');
    await form.getByLabel('RADIUS secret').fill('s3cret-radius');
    await form.getByRole('button', { name: 'Add router' }).click();
    await expect(form.locator('.field', { has: page.getByLabel('NAS IP address') }).getByRole('alert')).toHaveText(/IPv4 address/);
    await page.screenshot({ path: path.join(SHOTS, 'router-form-error.png'), fullPage: true });

    // Fixed, it saves.
    await form.getByLabel('NAS IP address').fill('192.168.88.1');
    await form.getByRole('button', { name: 'Add router' }).click();
    await expect(page.getByRole('table', { name: 'Routers' }).getByRole('row', { name: /Roof/ })).toContainText('192.168.88.1');
  });

  const after = {
    customers: (await server.api('customers.list')).total,
    payments: (await server.api('payments.list')).total,
    packages: (await server.api('packages.list', { includeArchived: true })).length,
  };
  expect(after).toEqual(before);
});

test('settings: the shop name is saved and shown', async ({ page }) => {
  await open(page);
  await nav(page, 'Settings');
  const form = page.getByRole('form', { name: 'Settings' });
  await form.getByLabel('Shop name').fill('Rahim WiFi Zone');
  await form.getByLabel('Accounting interval (s)').fill('5');
  await form.getByRole('button', { name: 'Save settings' }).click();
  // 5 s is below the API's minimum: the message sits under that field and nothing is saved.
  await expect(form.locator('.field', { has: page.getByLabel('Accounting interval (s)') }).getByRole('alert')).toBeVisible();
  expect((await server.api('settings.get')).shop.name).not.toBe('Rahim WiFi Zone');
  await form.getByLabel('Accounting interval (s)').fill('120');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Rahim WiFi Zone');
  expect(await server.api('settings.get')).toMatchObject({
    shop: { name: 'Rahim WiFi Zone' },
    network: { acctInterimInterval: 120 },
  });
  await page.screenshot({ path: path.join(SHOTS, 'settings.png'), fullPage: true });
});

test('settings: a bad time zone is refused under its field; the SMS API key is write-only', async ({ page }) => {
  await open(page);
  await nav(page, 'Settings');
  const form = page.getByRole('form', { name: 'Settings' });
  await form.getByLabel('Time zone').fill('Mars/Olympus');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.locator('.field', { has: page.getByLabel('Time zone') }).getByRole('alert')).toHaveText('Must be a time zone name such as Asia/Dhaka');
  expect((await server.api('settings.get')).shop.timezone).toBe('Asia/Dhaka');

  await form.getByLabel('Time zone').fill('Asia/Dhaka');
  const key = form.getByLabel('API key');
  await key.fill('sk-e2e-secret-123');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  // The page never holds the key again: the field is empty and says that one is set.
  await expect(key).toHaveValue('');
  await expect(key).toHaveAttribute('placeholder', /set — type to replace/);
  const saved = await server.api('settings.get');
  expect(saved.sms.hasApiKey).toBe(true);
  expect(JSON.stringify(saved)).not.toContain('sk-e2e-secret-123');

  await form.getByRole('button', { name: 'Clear' }).click();
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(async () => (await server.api('settings.get')).sms.hasApiKey).toBe(false);
  await expect(key).toHaveAttribute('placeholder', 'not set');
});

test('settings: free minutes to pay are off by default; a bad speed is refused under its field; turned on they are saved', async ({ page }) => {
  await open(page);
  await nav(page, 'Settings');
  const form = page.getByRole('form', { name: 'Settings' });
  await expect(form.getByLabel('Free minutes to pay')).toHaveValue('false');
  await form.getByLabel('Free minutes to pay').selectOption('true');
  await form.getByLabel('Free minutes', { exact: true }).fill('10');
  await form.getByLabel('Speed (upload/download)').fill('fast');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.locator('.field', { has: page.getByLabel('Speed (upload/download)') }).getByRole('alert')).toContainText('256k/256k');
  expect((await server.api('settings.get')).freeMinutes.enabled).toBe(false);
  await form.getByLabel('Speed (upload/download)').fill('128k/512k');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  expect((await server.api('settings.get')).freeMinutes).toEqual({ enabled: true, minutes: 10, rateLimit: '128k/512k', dataCapMb: 20 });
  // Off again, so the other tests see the default.
  await form.getByLabel('Free minutes to pay').selectOption('false');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(async () => (await server.api('settings.get')).freeMinutes.enabled).toBe(false);
});

test('without the token the UI asks for it, and a wrong one is refused', async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await expect(form).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'signin.png') });
  await form.getByLabel('Admin token').fill('not-the-token');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByRole('alert')).toHaveText(/not right/);
  await form.getByLabel('Admin token').fill(server.token);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('৳20');
  await page.close();
});

test('times, days and "today" follow the shop time zone, not the browser', async ({ browser }) => {
  // The engine's clock cannot be set from here, so the sale happens now and the browser gets a
  // zone whose calendar day differs from Dhaka's at that instant (Dhaka is UTC+6: before 16:00
  // there Honolulu, UTC-10, is still on the day before; from 16:00 Kiritimati, UTC+14, is on
  // the next). The shop keeps its default zone, Asia/Dhaka.
  const SHOP_TZ = 'Asia/Dhaka';
  const pkg = await server.api('packages.create', { name: 'Monthly 1 lakh', price: 10_000_000, validitySeconds: 30 * 86400, downloadBps: 0, uploadBps: 0 });
  const sale = await server.api('customers.sellPackage', { phone: '01812345678', packageId: pkg.id, method: 'cash' });
  const payments = await server.api('payments.list', { customerId: sale.customerId });
  const soldAt = payments.items[0]!.createdAt;

  const hourIn = (tz: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' }).format(soldAt));
  const browserTz = hourIn(SHOP_TZ) < 16 ? 'Pacific/Honolulu' : 'Pacific/Kiritimati';
  const ymd = (tz: string) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(soldAt);
  // Dates are shown dd/mm/yyyy (en-GB's numeric form).
  const shown = (tz: string, ms = soldAt) => new Intl.DateTimeFormat('en-GB', { timeZone: tz, day: '2-digit', month: '2-digit', year: 'numeric' }).format(ms);
  // The check is only worth something if the two calendars disagree about the sale's day.
  expect(ymd(browserTz)).not.toBe(ymd(SHOP_TZ));

  const context = await browser.newContext({ timezoneId: browserTz });
  const page = await context.newPage();
  try {
    const consoleErrors = await openAdmin(page, server.url);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(browserTz);

    await test.step('the dashboard\'s "today" is the shop\'s day', async () => {
      await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 }).locator('..')).toContainText(`Today at a glance · ${shown(SHOP_TZ, Date.now())}`);
    });

    await test.step('the sale shows on the shop\'s day, with the taka grouped in lakhs', async () => {
      await nav(page, 'Payments');
      const row = page.getByRole('table', { name: 'Payments' }).getByRole('row', { name: /01812345678/ });
      await expect(row).toContainText(shown(SHOP_TZ));
      await expect(row).not.toContainText(shown(browserTz));
      await expect(row).toContainText('৳1,00,000');
    });

    await test.step('the date filter selects the shop\'s days', async () => {
      const filters = page.getByRole('group', { name: 'Filters' });
      const row = page.getByRole('table', { name: 'Payments' }).getByRole('row', { name: /01812345678/ });
      await filters.getByLabel('From').fill(ymd(browserTz));
      await filters.getByLabel('To').fill(ymd(browserTz));
      await expect(page.getByText('No payment matches these filters.')).toBeVisible();
      await filters.getByLabel('From').fill(ymd(SHOP_TZ));
      await filters.getByLabel('To').fill(ymd(SHOP_TZ));
      await expect(row).toBeVisible();
      await filters.getByRole('button', { name: 'Clear filters' }).click();
      // "Today" picks the shop's today, the day of a sale made a moment ago.
      await filters.getByRole('button', { name: 'Today', exact: true }).click();
      await expect(filters.getByLabel('From')).toHaveValue(ymd(SHOP_TZ));
      await expect(row).toBeVisible();
    });
    expect(consoleErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

/** The page fits the window: nothing wider than the viewport (a too-wide table or text scrolls sideways). */
async function shotsWithoutOverflow(page: Page, name: string): Promise<void> {
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 820 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 820 });
}

test('SMS: "Send test" shows the result and the outbox lists the message', async ({ page }) => {
  const consoleErrors = await open(page);
  await nav(page, 'Settings');
  const card = page.getByRole('region', { name: 'Send a test SMS' });
  const form = card.getByRole('form', { name: 'Send test' });
  // With the default outbox provider there is no balance to show, and it says why.
  await expect(card).toContainText('No gateway: texts wait in the SMS outbox.');

  await test.step('a bad number is refused under the field and nothing is recorded', async () => {
    await form.getByLabel('Mobile number').fill('12345');
    await form.getByRole('button', { name: 'Send test' }).click();
    await expect(form.locator('.field', { has: page.getByLabel('Mobile number') }).getByRole('alert')).toContainText(/Bangladeshi mobile number/i);
    expect((await server.api('sms.outbox', {})).total).toBe(0);
  });

  await test.step('a good number: sent, and said so', async () => {
    await form.getByLabel('Mobile number').fill('01712345678');
    await form.getByRole('button', { name: 'Send test' }).click();
    await expect(card.getByRole('status')).toContainText('Sent to 01712345678. It is in the SMS outbox');
    await shotsWithoutOverflow(page, 'settings-sms-test');
  });

  await test.step('the outbox lists it: local phone, kind, text, status, shop time', async () => {
    await nav(page, 'SMS outbox');
    const [msg] = (await server.api('sms.outbox', {})).items;
    expect(msg).toMatchObject({ phone: '+8801712345678', kind: 'test', status: 'sent' });
    const row = page.getByRole('table', { name: 'SMS outbox' }).getByRole('row', { name: /01712345678/ });
    await expect(row).toContainText('Test');
    await expect(row).toContainText('Sent');
    await expect(row).toContainText(msg!.text);
    const shopTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Dhaka', day: '2-digit', month: '2-digit', year: 'numeric' }).format(msg!.at);
    await expect(row).toContainText(shopTime);
    await shotsWithoutOverflow(page, 'sms-outbox');
    // Filtering by status asks the engine again: no failed texts.
    await page.getByRole('group', { name: 'Filters' }).getByLabel('Status').selectOption('failed');
    await expect(page.getByText('No text with this status.')).toBeVisible();
  });
  expect(consoleErrors).toEqual([]);
});

test('customer page: registration date, PIN, last login over RADIUS, Reset PIN', async ({ page }) => {
  // 01712345678 bought "1 Day 5 Mbps" in the first test; it logs in through a virtual router.
  const st = await server.api('radius.status');
  const nas = new VirtualNas({ nasIp: '127.0.0.1', secret: 'router-secret-e2e', server: { host: '127.0.0.1', authPort: st.authPort!, acctPort: st.acctPort! }, timeoutMs: 500 });
  await nas.start();
  try {
    await server.api('routers.create', { name: 'Shop roof', nasIp: '127.0.0.1', secret: 'router-secret-e2e', coaPort: nas.coaPort() });
    const c = await server.api('customers.get', { phone: '01712345678' });
    const r = await nas.login({ username: c.hotspotUsername, password: c.hotspotPassword, method: 'pap', mac: 'AA:BB:CC:00:00:01', ip: '10.5.50.11' });
    expect(r.accepted).toBe(true);
    await nas.startSession({ username: c.hotspotUsername, mac: 'AA:BB:CC:00:00:01', ip: '10.5.50.11', classValue: r.classValue });
    const last = (await server.api('customers.get', { id: c.id })).lastLogin;
    expect(last).toMatchObject({ routerName: 'Shop roof', by: 'password' });

    const consoleErrors = await open(page);
    await nav(page, 'Customers');
    await page.getByRole('row', { name: /01712345678/ }).click();
    const card = page.getByRole('region', { name: 'Portal account' });
    const day = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Dhaka', day: '2-digit', month: '2-digit', year: 'numeric' }).format(ms);
    await expect(card.getByTestId('registered')).toContainText(day(c.createdAt));
    await expect(card.getByTestId('last-login')).toContainText(`${day(last!.at)}`);
    await expect(card.getByTestId('last-login')).toContainText('on Shop roof, with the phone number and password');
    await expect(card).toContainText(c.hasPin ? 'Has a PIN' : 'No PIN yet');
    await shotsWithoutOverflow(page, 'customer-portal-account');

    await card.getByRole('button', { name: 'Reset PIN' }).click();
    await card.getByRole('button', { name: 'Send code' }).click();
    // The engine's portal texts the code through the SMS outbox.
    await expect(card.locator('.banner')).toContainText('A code was sent to 01712345678');
    const outbox = await server.api('sms.outbox', {});
    expect(outbox.items[0]).toMatchObject({ kind: 'pinReset', status: 'sent' });
    expect(consoleErrors).toEqual([]);
  } finally {
    await nas.stop();
  }
});
