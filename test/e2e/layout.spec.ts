import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { VirtualNas } from '../virtual-mikrotik/nas';
import { startHeadlessServer, type HeadlessServer } from './server';
import { nav, openAdmin } from './ui';

// The shop's PC is often a 1280×800 laptop or a 1024-wide screen: the Online table (with its
// Kick button) and the Auth log filters must fit without scrolling sideways.
const SECRET = 'router-secret-layout';
const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'screens');
let server: HeadlessServer;
let nas: VirtualNas;

test.beforeAll(async () => {
  server = await startHeadlessServer();
  fs.mkdirSync(SHOTS, { recursive: true });
  const st = await server.api('radius.status');
  nas = new VirtualNas({ nasIp: '127.0.0.1', secret: SECRET, server: { host: '127.0.0.1', authPort: st.authPort!, acctPort: st.acctPort! }, timeoutMs: 500 });
  await nas.start();
  // A long router name and a long-running session: the widest row the table usually gets.
  await server.api('routers.create', { name: 'Market road rooftop access point', nasIp: '127.0.0.1', secret: SECRET, coaPort: nas.coaPort() });
  const pkg = await server.api('packages.create', { name: '7 days 10 Mbps', price: 15000, validitySeconds: 7 * 86_400, downloadBps: 10_000_000, uploadBps: 5_000_000 });
  const sale = await server.api('customers.sellPackage', { phone: '01712345678', packageId: pkg.id, method: 'cash' });
  const c = await server.api('customers.get', { id: sale.customerId });
  const r = await nas.login({ username: c.hotspotUsername, password: c.hotspotPassword, method: 'pap', mac: 'AA:BB:CC:00:00:01', ip: '10.5.150.211' });
  const s = await nas.startSession({ username: c.hotspotUsername, mac: 'AA:BB:CC:00:00:01', ip: '10.5.150.211', classValue: r.classValue });
  await nas.interim(s, 1234 * 1024 * 1024, 45_678 * 1024 * 1024, 3 * 86_400 + 7_200);
});

test.afterAll(async () => {
  await nas?.stop();
  expect(await server?.stop()).toBe(0);
});

/** Pixels the element (or the page) would need to scroll sideways; 0 when it fits. */
const overflowOf = (page: Page, selector: string | null) =>
  page.evaluate((sel) => {
    const el = sel ? document.querySelector(sel) : document.documentElement;
    return el ? el.scrollWidth - el.clientWidth : -1;
  }, selector);

for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 768 }]) {
  test(`Online table and Auth log filters fit at ${size.width} px`, async ({ page }) => {
    await page.setViewportSize(size);
    await openAdmin(page, server.url);

    await nav(page, 'Online');
    const table = page.getByRole('table', { name: 'Sessions' });
    await expect(table.getByRole('row', { name: /01712345678/ })).toBeVisible();
    expect(await overflowOf(page, null)).toBe(0);
    expect(await overflowOf(page, '.card.flush')).toBe(0);
    const kick = table.getByRole('button', { name: 'Kick' });
    const box = await kick.boundingBox();
    const card = await page.locator('.card.flush').boundingBox();
    expect(box && card).toBeTruthy();
    // The whole Kick button is on screen and inside the card.
    expect(box!.x + box!.width).toBeLessThanOrEqual(Math.min(size.width, card!.x + card!.width));
    await page.screenshot({ path: path.join(SHOTS, `online-${size.width}.png`) });

    await nav(page, 'Auth log');
    await expect(page.getByRole('table').getByRole('row', { name: /01712345678/ })).toBeVisible();
    expect(await overflowOf(page, null)).toBe(0);
    expect(await overflowOf(page, '.card.flush')).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, `auth-log-${size.width}.png`) });
    const controls = page.getByRole('search', { name: 'Filter the auth log' }).locator(':scope > *');
    const tops = new Set<number>();
    for (const b of await controls.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)))) tops.add(b);
    const rows = [...tops].sort((a, b) => a - b);
    // One row at 1280; at most two tidy rows at 1024 (no lone control left on a line of its own).
    expect(rows.length).toBeLessThanOrEqual(size.width >= 1280 ? 1 : 2);
    if (rows.length === 2) {
      const perRow = await controls.evaluateAll((els, firstTop) => els.filter((e) => Math.round(e.getBoundingClientRect().top) === firstTop).length, rows[1]!);
      expect(perRow).toBeGreaterThan(1);
    }
  });
}
