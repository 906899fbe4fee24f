import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { payWorld, type PayWorld } from '../helpers/payWorld';
import { PHONE_HEADER } from '../virtual-mikrotik/hotspot-http';

// Paying online as a phone meets it: Chromium at 360×740 behind the virtual MikroTik's hotspot
// front, the engine's own portal, its real gateway modules against the fake gateways. Issue 10's
// end-to-end list; a screenshot of each page under test-results/portal-pay/.
test.describe.configure({ mode: 'serial' });

const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'portal-pay');
const VIEW = { width: 360, height: 740 };
let w: PayWorld;
let macSeq = 0x40;

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));
test.afterEach(async () => {
  await w?.stop();
});

async function phone(browser: Browser, o: { locale?: string; number: string }): Promise<{ page: Page; mac: string }> {
  const mac = `02:00:00:00:0B:${(macSeq++).toString(16).toUpperCase()}`;
  const context = await browser.newContext({ viewport: VIEW, locale: o.locale ?? 'en-US', extraHTTPHeaders: { [PHONE_HEADER]: mac } });
  const page = await context.newPage();
  await page.goto(`${w.hotspot.url}/generate_204`);
  await page.waitForURL(/\/portal\?t=/);
  await page.fill('#phone', o.number);
  await page.locator('button[type=submit]').first().click();
  await page.fill('#code', w.lastOtp(`+88${o.number}`));
  await page.locator('button[type=submit]').first().click();
  await page.fill('#pin', '4321');
  await page.fill('#pin2', '4321');
  await page.locator('button[type=submit]').first().click();
  await page.waitForURL(/\/portal\/account/);
  return { page, mac };
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const payWith = (page: Page, packageId: number, method: string) => page.locator(`#pay-${packageId} button[value="${method}"]`).click();

test('1. bKash happy path → online', async ({ browser }) => {
  w = await payWorld();
  const day = await w.pkg({ name: '1 Day 5 Mbps' });
  const { page, mac } = await phone(browser, { number: '01712345678' });
  await expect(page.locator(`#pay-${day.id} button`)).toHaveText(['bKash', 'Nagad', 'Card / other (SSLCommerz)', 'bKash Send Money', 'Nagad Send Money']);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEW.width);
  await shot(page, 'pay-with-en');
  await payWith(page, day.id, 'bkash');
  await page.waitForURL(/\/pay\?paymentId=/);
  await page.click('#success');
  await page.waitForURL(/\/login|\/status/);
  await expect.poll(() => w.hotspot.isOnline(mac)).toBe(true);
  await shot(page, 'bkash-online');
});

test('2. duplicate callback and a forged one → one activation, one payment', async ({ browser }) => {
  w = await payWorld({ bkash: { duplicateCallbacks: true } });
  const day = await w.pkg();
  const { page, mac } = await phone(browser, { number: '01712345678' });
  const account = page.url();
  await payWith(page, day.id, 'bkash');
  await page.waitForURL(/\/pay\?paymentId=/);
  const unpaid = [...w.bkash.payments.values()][0]!;
  await page.goto(w.bkash.forgedCallback(unpaid.paymentID));
  await expect(page.getByText('is active now')).toHaveCount(0);
  await shot(page, 'bkash-forged');
  await page.goto(account);
  await payWith(page, day.id, 'bkash');
  await page.waitForURL(/\/pay\?paymentId=/);
  await page.click('#success'); // the fake's page brings the callback twice (iframe + refresh)
  await expect.poll(() => w.hotspot.isOnline(mac)).toBe(true);
  expect(w.subscriptions()).toBe(1);
  expect((await w.payments()).filter((p) => p.status === 'completed')).toHaveLength(1);
});

test('3. amount mismatch → not activated, visible to the owner', async ({ browser }) => {
  w = await payWorld({ bkash: { answerAmount: '5.00' } });
  const day = await w.pkg();
  const { page, mac } = await phone(browser, { number: '01712345678', locale: 'bn-BD' });
  await payWith(page, day.id, 'bkash');
  await page.click('#success');
  await expect(page.getByRole('heading', { name: 'টাকার পরিমাণ মেলেনি' })).toBeVisible();
  await shot(page, 'mismatch-bn');
  expect(w.hotspot.isOnline(mac)).toBe(false);
  expect((await w.ok('payments.list', { status: 'needs_review' })).items).toMatchObject([{ problem: 'PAYMENT_AMOUNT_MISMATCH' }]);
});

test('4. execute times out → pending → the retry job activates it → the next load shows online', async ({ browser }) => {
  w = await payWorld({ gatewayTimeoutMs: 600 });
  const day = await w.pkg({ name: 'Slow day' });
  const { page, mac } = await phone(browser, { number: '01712345678' });
  await payWith(page, day.id, 'bkash');
  w.bkash.next('execute', 'hold');
  await page.click('#success');
  await expect(page.getByRole('heading', { name: 'We are checking your payment' })).toBeVisible();
  await shot(page, 'checking-en');
  await w.fireRetryJob();
  // The page refreshes itself (meta refresh): no tap needed.
  await expect.poll(() => w.hotspot.isOnline(mac), { timeout: 15_000 }).toBe(true);
  expect(w.bkash.count('execute')).toBe(1);
});

test('6. Send Money confirmed by a forwarded SMS, and by the owner', async ({ browser }) => {
  w = await payWorld();
  const day = await w.pkg({ name: 'Send day', price: 5000 });
  const a = await phone(browser, { number: '01712345678', locale: 'bn-BD' });
  await payWith(a.page, day.id, 'send_bkash');
  await expect(a.page.getByText('০১৮১১১১১১১১').first()).toBeVisible();
  await shot(a.page, 'send-money-bn');
  await a.page.fill('#trxId', 'DEF456GHI7');
  await a.page.fill('#sender', '01533817247');
  await a.page.locator('form[action="/portal/pay/send"] button').click();
  await expect(a.page.getByRole('heading', { name: 'দোকানের অপেক্ষায়' })).toBeVisible();
  await shot(a.page, 'waiting-shop-bn');
  expect((await w.smsIn('You have received Tk 50.00 from 01533817247. Fee Tk 0.00. Balance Tk 1,117.78. TrxID DEF456GHI7 at 30/10/2025 21:02')).status).toBe(200);
  await expect.poll(() => w.hotspot.isOnline(a.mac), { timeout: 15_000 }).toBe(true);

  const b = await phone(browser, { number: '01898765432' });
  await payWith(b.page, day.id, 'send_nagad');
  await b.page.fill('#trxId', 'NAG1234567');
  await b.page.fill('#sender', '01533817248');
  await b.page.locator('form[action="/portal/pay/send"] button').click();
  await expect(b.page.getByRole('heading', { name: 'Waiting for the shop' })).toBeVisible();
  const pending = (await w.ok('payments.list', { status: 'pending' })).items;
  await w.ok('payments.confirm', { id: pending[0]!.id });
  await expect.poll(() => w.hotspot.isOnline(b.mac), { timeout: 15_000 }).toBe(true);
});

test('5. "I paid but have no internet" form', async ({ browser }) => {
  w = await payWorld();
  await w.pkg();
  const { page } = await phone(browser, { number: '01712345678' });
  await page.click('#recover');
  await page.fill('#trxId', 'NOSUCH1234');
  await page.locator('form[action="/portal/pay/recover"] button').click();
  await expect(page.getByText('The payment company has no paid transaction with that ID')).toBeVisible();
  await shot(page, 'recover-en');
});

test('7. Nagad and SSLCommerz (IPN before the browser) happy paths', async ({ browser }) => {
  w = await payWorld({ ssl: { ipn: 'before' } });
  const day = await w.pkg({ name: 'Card day' });
  const a = await phone(browser, { number: '01712345678' });
  await payWith(a.page, day.id, 'nagad');
  await a.page.waitForURL(/\/check-out\/pay\//);
  await a.page.goto(w.nagad.pay([...w.nagad.payments.keys()][0]!, 'success'));
  await expect.poll(() => w.hotspot.isOnline(a.mac)).toBe(true);

  const b = await phone(browser, { number: '01898765432' });
  await payWith(b.page, day.id, 'sslcommerz');
  await b.page.click('#success'); // the fake posts the browser back by script
  await expect.poll(() => w.hotspot.isOnline(b.mac)).toBe(true);
  expect(w.ssl.ipnsSent.map((i) => i.status)).toEqual([200]);
  await shot(b.page, 'sslcommerz-online');
});
