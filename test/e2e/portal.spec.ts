import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { pkg, startPortal, type PortalRig } from '../helpers/portal';
import { PHONE_HEADER, VirtualHotspot } from '../virtual-mikrotik/hotspot-http';

// A phone meets the captive portal: Chromium at 360×740 opens a website behind the virtual
// MikroTik's hotspot front, lands on our login.html (fetched from the portal like /tool/fetch),
// and is sent on to the portal, which shows this router's packages — in English and Bangla, with
// JavaScript on (auto-submitted POST) and off (meta refresh). A screenshot of each page is kept.
test.describe.configure({ mode: 'serial' });

const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'portal');
const PHONE = { width: 360, height: 740 };
let portal: PortalRig;
let hotspot: VirtualHotspot;

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  portal = await startPortal({
    packages: [
      pkg({ id: 1, name: '1 Day 5 Mbps', price: 3000 }),
      pkg({ id: 2, name: 'Week 10 GB', price: 15000, validitySeconds: 7 * 86_400, dataLimitBytes: 10 * 2 ** 30, devices: 2 }),
      pkg({ id: 3, name: 'Roof only', routerIds: [2] }),
    ],
  });
  hotspot = new VirtualHotspot({ portalUrl: portal.url, routerId: 1 });
  await hotspot.start();
});

test.afterAll(async () => {
  await hotspot?.stop();
  await portal?.close();
});

async function phonePage(browser: Browser, opts: { js: boolean; mac: string; locale?: string }): Promise<{ page: Page; foreign: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({
    viewport: PHONE, javaScriptEnabled: opts.js, locale: opts.locale ?? 'en-US', extraHTTPHeaders: { [PHONE_HEADER]: opts.mac },
  });
  const page = await context.newPage();
  // The phone is not online yet: nothing but the router and the portal may be asked for.
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(portal.url) && !r.url().startsWith(hotspot.url)) foreign.push(r.url());
  });
  return { page, foreign, close: () => context.close() };
}

for (const js of [true, false]) {
  const mode = js ? 'js' : 'nojs';
  test(`phone (JavaScript ${js ? 'on' : 'off'}) is sent from the router to the portal and sees this router's packages in English and Bangla`, async ({ browser }) => {
    const { page, foreign, close } = await phonePage(browser, { js, mac: js ? '02:00:00:00:0A:01' : '02:00:00:00:0A:02' });
    await page.goto(`${hotspot.url}/generate_204`);
    await page.waitForURL(/\/portal\?t=/);
    expect(page.url().startsWith(`${portal.url}/portal?t=`)).toBe(true);
    await expect(page.getByRole('heading', { name: 'Welcome! You are connected to our WiFi.' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Packages' })).toBeVisible();
    await expect(page.getByText('1 Day 5 Mbps')).toBeVisible();
    await expect(page.getByText('Week 10 GB')).toBeVisible();
    await expect(page.getByText('৳150')).toBeVisible();
    await expect(page.getByText('Roof only')).toHaveCount(0);
    await page.screenshot({ path: path.join(SHOTS, `portal-en-${mode}.png`), fullPage: true });

    await page.getByRole('link', { name: 'বাংলা' }).click();
    await expect(page.getByRole('heading', { name: 'প্যাকেজ' })).toBeVisible();
    await expect(page.getByText('৳১৫০')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
    await page.screenshot({ path: path.join(SHOTS, `portal-bn-${mode}.png`), fullPage: true });
    // The choice sticks without cookies: reloading keeps Bangla.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'প্যাকেজ' })).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);
    expect(foreign).toEqual([]);
    await close();
  });
}

test('a Bangla phone gets Bangla at once; the shop page and the status page fit 360 px', async ({ browser }) => {
  const { page, foreign, close } = await phonePage(browser, { js: true, mac: '02:00:00:00:0A:03', locale: 'bn-BD' });
  await page.goto(`${hotspot.url}/`);
  await page.waitForURL(/\/portal\?t=/);
  await expect(page.getByRole('heading', { name: 'প্যাকেজ' })).toBeVisible();

  await page.goto(`${portal.url}/?lang=en`);
  await expect(page.getByRole('heading', { name: 'Welcome to Rahim WiFi Zone' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call 01712-345678' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: path.join(SHOTS, 'shop-en.png'), fullPage: true });
  await page.getByRole('link', { name: 'বাংলা' }).click();
  await expect(page.getByRole('heading', { name: 'কীভাবে কিনবেন' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'shop-bn.png'), fullPage: true });

  await page.goto(`${portal.url}/status?router=1&link-logout=${encodeURIComponent(`${hotspot.url}/logout`)}&link-orig=${encodeURIComponent('http://example.com/')}`);
  await expect(page.getByRole('heading', { name: 'আপনি অনলাইনে আছেন' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: path.join(SHOTS, 'status-bn.png'), fullPage: true });
  expect(foreign).toEqual([]);
  await close();
});
