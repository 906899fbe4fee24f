import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHeadlessServer, type HeadlessServer } from './server';
import { nav, openAdmin } from './ui';

// The owner's money: a counter sale with its receipt, a void that the daily report shows, and
// recharge cards on A4 and thermal paper, each printed without the app's sidebar.
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

/** On paper: no navigation, and no dark sidebar background behind the first column. */
async function expectNoSidebarInPrint(page: Page): Promise<void> {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const backgrounds = await page.evaluate(() =>
    [...document.querySelectorAll('.shell, body, #root')].map((e) => {
      const s = getComputedStyle(e);
      return `${s.backgroundImage} ${s.backgroundColor}`;
    }),
  );
  for (const b of backgrounds) expect(b).not.toMatch(/gradient|rgb\(23, 33, 43\)/);
}

/** The page size of a PDF's first page in millimetres (Chromium writes an uncompressed MediaBox). */
function pdfPageMm(pdf: Buffer): { width: number; height: number } {
  const m = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  if (!m) throw new Error('no MediaBox in the PDF');
  return { width: (Number(m[1]) / 72) * 25.4, height: (Number(m[2]) / 72) * 25.4 };
}

test('sell at the counter, print the receipt, void the sale and see the daily report change', async ({ page }) => {
  // Before the UI opens: its package list is loaded once.
  await server.api('packages.create', { name: 'Day Pass', price: 2550, validitySeconds: 86_400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
  const consoleErrors = await openAdmin(page, server.url);

  await test.step('a cash sale opens a printable receipt', async () => {
    await nav(page, 'Customers');
    await page.getByLabel('Mobile number').fill('01712345678');
    const option = await page.getByLabel('Package').locator('option', { hasText: 'Day Pass' }).getAttribute('value');
    await page.getByLabel('Package').selectOption(option!);
    await page.getByRole('button', { name: 'Sell for ৳25.50 cash' }).click();
    // Selling opens the customer; the offer of a receipt stays.
    await expect(page.getByRole('heading', { name: '01712345678', level: 1 })).toBeVisible();
    await page.getByRole('region', { name: 'Last sale' }).getByRole('button', { name: 'Print receipt' }).click();
    const sheet = page.getByRole('dialog', { name: /Receipt HD-/ });
    await expect(sheet.getByTestId('receipt')).toContainText('Day Pass');
    await expect(sheet.getByTestId('receipt')).toContainText('৳25.50');
    await expect(sheet.getByTestId('receipt')).toContainText('01712345678');
    await sheet.getByLabel('Paper').selectOption('thermal58');
    await page.emulateMedia({ media: 'print' });
    await expectNoSidebarInPrint(page);
    await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeHidden();
    await expect(sheet.getByTestId('receipt')).toBeVisible();
    await expect(sheet.getByRole('button', { name: 'Print' })).toBeHidden();
    // The preview's grey backdrop and the paper's shadow stay on screen.
    expect(await sheet.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    await page.screenshot({ path: path.join(SHOTS, 'receipt-58mm-print.png'), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const size = pdfPageMm(pdf);
    expect(Math.round(size.width)).toBe(58);
    // One roll-length page, as long as the receipt (not an A4 page).
    expect(size.height).toBeLessThan(200);
    await page.emulateMedia({ media: 'screen' });
    await sheet.getByRole('button', { name: 'Close' }).click();
    await expect(sheet).toBeHidden();
    await expect(page.getByRole('region', { name: 'Last sale' })).toBeHidden();
  });

  await test.step('the daily report counts the sale in the drawer', async () => {
    await nav(page, 'Daily report');
    await expect(page.getByTestId('cash-expected')).toHaveText('৳25.50');
  });

  await test.step('the owner voids the sale with a reason', async () => {
    await nav(page, 'Payments');
    const sale = (await server.api('payments.list', { method: 'cash' })).items[0]!;
    const row = page.getByRole('table', { name: 'Payments' }).getByRole('row', { name: new RegExp(sale.invoiceNo) });
    await row.getByRole('button', { name: 'Void' }).click();
    await row.getByRole('button', { name: 'Void sale' }).click();
    await expect(row.locator('.field-error')).toContainText('Say why');
    await row.getByLabel('Reason for the void').fill('Typed the wrong number');
    await row.getByRole('button', { name: 'Void sale' }).click();
    await expect(row).toContainText('completed · voided');
    const reversal = (await server.api('payments.list', { status: 'refunded' })).items;
    expect(reversal).toMatchObject([{ reversal: 'void', refundOf: sale.id, amount: 2550, note: 'Typed the wrong number', createdBy: 'token' }]);
    const voidRow = page.getByRole('table', { name: 'Payments' }).getByRole('row', { name: new RegExp(reversal[0]!.invoiceNo) });
    await expect(voidRow).toContainText('void');
    await expect(voidRow).toContainText('৳25.50');
    await expect(row.getByRole('button', { name: 'Void' })).toHaveCount(0);
    const customer = await server.api('customers.get', { phone: '01712345678' });
    expect(customer.subscriptions[0]!.status).toBe('cancelled');
  });

  await test.step('the daily report nets the void out of the drawer', async () => {
    await nav(page, 'Daily report');
    await expect(page.getByTestId('cash-expected')).toHaveText('৳0');
    const day = page.getByRole('table', { name: 'Days' }).getByRole('row').nth(1);
    await expect(day).toContainText('৳25.50 (1)');
    await page.screenshot({ path: path.join(SHOTS, 'daily-report.png'), fullPage: true });
  });
  expect(consoleErrors).toEqual([]);
});

test('print a card sheet on A4 and a strip on 80 mm thermal paper, without the sidebar', async ({ page }) => {
  // Before the UI opens: it reads the settings once.
  await server.api('settings.update', { shop: { name: 'Rahim Net' }, network: { portalUrl: 'http://10.5.50.1:8080' } });
  const consoleErrors = await openAdmin(page, server.url);
  const [pkg] = await server.api('packages.list');
  const { batchId, codes } = await server.api('vouchers.generate', { packageId: pkg!.id, count: 4 });
  await page.goto(`${server.origin}/#/cards/${batchId}`);
  await expect(page.getByRole('heading', { name: new RegExp(`Batch #${batchId}`) })).toBeVisible();
  const cards = page.getByLabel('Cards', { exact: true });
  await expect(page.getByTestId('voucher-code')).toHaveCount(4);
  await expect(cards.first()).toContainText('Rahim Net');
  await expect(cards.first()).toContainText('http://10.5.50.1:8080');

  await page.emulateMedia({ media: 'print' });
  await expectNoSidebarInPrint(page);
  await expect(page.getByRole('button', { name: 'Print 4 cards' })).toBeHidden();
  await page.screenshot({ path: path.join(SHOTS, 'cards-a4-print.png'), fullPage: true });
  const a4 = pdfPageMm(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect([Math.round(a4.width), Math.round(a4.height)]).toEqual([210, 297]);
  await page.emulateMedia({ media: 'screen' });

  await page.getByLabel('Paper').selectOption('thermal80');
  await page.emulateMedia({ media: 'print' });
  await expectNoSidebarInPrint(page);
  await page.screenshot({ path: path.join(SHOTS, 'cards-80mm-print.png'), fullPage: true });
  const roll = pdfPageMm(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(Math.round(roll.width)).toBe(80);
  const text = await page.getByTestId('voucher-code').allTextContents();
  expect(text.map((t) => t.replace(/\W/g, ''))).toEqual(codes);
  await page.emulateMedia({ media: 'screen' });
  expect(consoleErrors).toEqual([]);
});
