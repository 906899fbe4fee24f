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
let customerId: number;
let routerId: number;

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
  customerId = sale.customerId;
  routerId = (await server.api('routers.list'))[0]!.id;

  // Something in every page's tables: a second customer with a long name, cards handed to a
  // distributor, a staff member, an SMS in the outbox, a backup.
  const other = await server.api('customers.sellPackage', { phone: '01898765432', packageId: pkg.id, method: 'cash' });
  await server.api('customers.update', { id: other.customerId, name: 'Mohammad Abdur Rahman Chowdhury (tea stall)' });
  const dist = await server.api('distributors.create', { name: 'Rahim Telecom and Mobile Servicing Centre', phone: '01555555555', commissionPercent: 10 });
  const batch = await server.api('vouchers.generate', { packageId: pkg.id, count: 3 });
  await server.api('vouchers.assign', { batchId: batch.batchId, distributorId: dist.id });
  await server.api('users.create', { name: 'Cashier Nasrin Akter', role: 'cashier', password: 'counter-pass-1234' });
  await server.api('sms.test', { phone: '01712345678' });
  await server.api('backups.create');
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

/**
 * Every page of the navigation, plus a customer's and a router's own page and the setup wizard.
 * `rows`: the page lists seeded data in a table, so the check waits for a filled row (a page
 * measured while still empty would pass by accident).
 */
const NO_TABLE = new Set(['settings', 'account', 'dashboard', 'health']);
/** The navigation's page paths, read from its source (importing it would load the whole React UI). */
function navPaths(): string[] {
  const src = fs.readFileSync(path.resolve(__dirname, '..', '..', 'src-renderer', 'pages', 'index.ts'), 'utf8');
  const list = src.slice(src.indexOf('export const pages'));
  return [...list.matchAll(/\{ path: '([a-z-]+)'/g)].map((m) => m[1]!);
}
function routes(): Array<{ name: string; hash: string; rows: boolean }> {
  const paths = navPaths();
  expect(paths.length).toBeGreaterThanOrEqual(15);
  return [
    ...paths.map((p) => ({ name: p, hash: `#/${p}`, rows: !NO_TABLE.has(p) })),
    { name: 'customer detail', hash: `#/customers/${customerId}`, rows: true },
    { name: 'router detail', hash: `#/routers/${routerId}`, rows: false },
    { name: 'setup wizard', hash: '#/setup', rows: false },
  ];
}

/**
 * What sticks out sideways: the page's own scroll width, any scroll container in the main area
 * that scrolls sideways (a table cut off inside its card), and any element reaching past the
 * main area's edges. Empty when the page fits.
 */
const sidewaysProblems = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`document scrolls ${doc.scrollWidth - doc.clientWidth}px sideways`);
    const main = document.querySelector('main');
    if (!main) return ['no <main>'];
    const edge = main.getBoundingClientRect();
    const name = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
    };
    // Only the outermost culprit: a wide table is one problem, not one per row and cell.
    const reported = new Set<Element>();
    const report = (el: Element, what: string) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (reported.has(p)) return;
      reported.add(el);
      out.push(`${name(el)} ${what}`);
    };
    for (const el of [main, ...main.querySelectorAll('*')]) {
      const st = getComputedStyle(el);
      if (st.display === 'none' || st.visibility === 'hidden' || st.position === 'fixed') continue;
      if (el.closest('select, svg, .print-only')) continue;
      if (/(auto|scroll)/.test(st.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        report(el, `scrolls ${el.scrollWidth - el.clientWidth}px sideways`);
      }
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Screen-reader-only text is a clipped 1px box: not something the owner sees.
      if (r.width <= 1 && r.height <= 1) continue;
      if (el !== main && (r.right > edge.right + 1 || r.left < edge.left - 1)) {
        report(el, `spans ${Math.round(r.left)}–${Math.round(r.right)}, main is ${Math.round(edge.left)}–${Math.round(edge.right)}`);
      }
    }
    return out;
  });

async function chooseLanguage(page: Page, lang: 'en' | 'bn') {
  const button = page.getByRole('navigation', { name: 'Main' }).locator(`.nav-lang button[lang="${lang}"]`);
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

for (const lang of ['en', 'bn'] as const) {
  for (const size of [{ width: 1024, height: 768 }, { width: 1280, height: 800 }]) {
    test(`every page fits at ${size.width}×${size.height} in ${lang === 'en' ? 'English' : 'Bangla'}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      const errors = await openAdmin(page, server.url);
      await chooseLanguage(page, lang);
      const problems: string[] = [];
      for (const r of routes()) {
        await page.evaluate((h) => (location.hash = h), r.hash);
        await expect(page.locator('main h1').first(), r.name).toBeVisible();
        if (r.rows) await expect(page.locator('main table tbody tr').first(), `${r.name}: a filled table row`).toBeVisible();
        // Nothing still loading (its text would be replaced by a wider table a moment later).
        await expect(page.locator('main [aria-busy="true"]'), r.name).toHaveCount(0);
        await expect(page.locator('main').getByText(/^(Loading…|লোড হচ্ছে…)$/), r.name).toHaveCount(0);
        for (const p of await sidewaysProblems(page)) problems.push(`${r.name}: ${p}`);
        await page.screenshot({ path: path.join(SHOTS, `layout-${lang}-${size.width}-${r.name.replace(/\W+/g, '-')}.png`), fullPage: true });
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
}
