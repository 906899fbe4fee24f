import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startHeadlessServer, type HeadlessServer } from './server';
import { nav, openAdmin } from './ui';

// The owner's dashboard (issue #11, Money): money first, the two charts as inline SVG with their
// numbers for screen readers, a warning with what to do and where, the RADIUS counters on the
// Health page, and the dashboard in Bangla.
test.describe.configure({ mode: 'serial' });

const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'screens');
let server: HeadlessServer;

test.beforeAll(async () => {
  server = await startHeadlessServer();
  fs.mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

test('dashboard: charts, top packages, a warning with its fix; Health has the RADIUS counters; Bangla heading', async ({ page }) => {
  const pkg = await server.api('packages.create', { name: 'Day Pass', price: 2550, validitySeconds: 86_400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
  await server.api('customers.sellPackage', { phone: '01712345678', packageId: pkg.id, method: 'cash' });
  // Automatic backups off and none made: the owner is told, with where to fix it.
  await server.api('settings.update', { backups: { intervalHours: 0 } });
  // A 1024-wide shop screen: the charts and the three cards below them fit without scrolling sideways.
  await page.setViewportSize({ width: 1024, height: 768 });
  const consoleErrors = await openAdmin(page, server.url);

  await test.step('the charts: 30 days of sales, 24 hours of devices, each bar titled, numbers in a table', async () => {
    const sales = page.getByRole('figure', { name: 'Sales per day' });
    await expect(sales.locator('svg rect.bar')).toHaveCount(30);
    await expect(sales.locator('svg rect.bar').last().locator('title')).toHaveText(/: ৳25\.50 \(1 sale\)$/);
    // Axis ticks are dd/mm on the shop's calendar.
    await expect(sales.locator('svg text').filter({ hasText: /^\d{2}\/\d{2}$/ }).first()).toBeVisible();
    await expect(sales.getByRole('table')).toContainText('৳25.50 (1 sale)');
    await expect(sales).toContainText('Asia/Dhaka');
    const devices = page.getByRole('figure', { name: 'Devices online per hour' });
    await expect(devices.locator('svg rect.bar')).toHaveCount(24);
    await expect(devices.getByRole('table').getByRole('row')).toHaveCount(25);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  });

  await test.step('top packages, the last hour of logins, routers', async () => {
    const top = page.getByRole('region', { name: 'Top packages (30 days)' });
    await expect(top.getByRole('row', { name: /Day Pass/ })).toContainText('৳25.50');
    await expect(page.getByRole('region', { name: 'Logins in the last hour' })).toContainText('No login was refused.');
    await expect(page.getByRole('region', { name: 'Routers', exact: true })).toContainText('No router added yet.');
    await expect(page.getByRole('region', { name: 'RADIUS health' })).toHaveCount(0);
  });

  await test.step('the warning says what to do and links to the page that fixes it', async () => {
    const warnings = page.getByRole('region', { name: 'Needs your attention' });
    const w = warnings.getByRole('listitem').filter({ hasText: 'No backup of the database has been made yet.' });
    await expect(w).toContainText('turn on automatic backups');
    await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });
    await w.getByRole('link', { name: 'Backups ›' }).click();
    await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
  });

  await test.step('the Health page has the RADIUS counters', async () => {
    await nav(page, 'Health');
    const health = page.getByRole('region', { name: 'RADIUS health' });
    await expect(health).toContainText('Listening');
    await expect(health.locator('.mini-stat', { hasText: 'Login requests' })).toContainText('0');
    await expect(health.getByRole('list', { name: 'Disconnects' })).toBeVisible();
  });

  await test.step('in Bangla the dashboard speaks Bangla', async () => {
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'বাংলা' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'ড্যাশবোর্ড' }).click();
    await expect(page.getByRole('heading', { name: 'ড্যাশবোর্ড', level: 1 })).toBeVisible();
    await expect(page.getByRole('figure', { name: 'দিনে দিনে বিক্রি' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'আপনার নজর দরকার' })).toContainText('ডেটাবেসের কোনো ব্যাকআপ এখনো হয়নি।');
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-bn.png'), fullPage: true });
    // Back to English for whoever opens this browser profile next.
    await page.getByRole('button', { name: 'English' }).click();
  });

  expect(consoleErrors).toEqual([]);
});
