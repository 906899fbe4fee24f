import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHeadlessServer, type HeadlessServer } from './server';
import { nav, openAdmin } from './ui';

// The admin UI in Bangla, part 2: the counter sale and its receipt, recharge cards, and the
// Online, Packages, Distributors, Daily report and SMS outbox pages, each in Bangla and still
// working; and the Vouchers page showing times on the owner's 12-hour clock.
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

/** Switches the sidebar to Bangla (this browser's choice) and waits for the navigation to follow. */
async function toBangla(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'বাংলা' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'ড্যাশবোর্ড' })).toBeVisible();
}

test('in Bangla: sell at the counter, print the receipt, make a card batch', async ({ page }) => {
  await server.api('packages.create', { name: 'Day Pass', price: 2550, validitySeconds: 86_400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
  await server.api('settings.update', { shop: { name: 'Rahim Net' }, network: { portalUrl: 'http://10.5.50.1:8080' } });
  const consoleErrors = await openAdmin(page, server.url);
  await toBangla(page);

  await test.step('a cash sale in Bangla opens a Bangla receipt', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'গ্রাহক' }).click();
    await expect(page.getByRole('heading', { name: 'গ্রাহক', level: 1 })).toBeVisible();
    await page.getByLabel('মোবাইল নম্বর').fill('01712345678');
    const option = await page.getByLabel('প্যাকেজ').locator('option', { hasText: 'Day Pass' }).getAttribute('value');
    await page.getByLabel('প্যাকেজ').selectOption(option!);
    // Money in Bangla digits, the button in Bangla.
    await page.getByRole('button', { name: '৳২৫.৫০ নগদে বিক্রি করুন' }).click();
    await expect(page.getByRole('heading', { name: '01712345678', level: 1 })).toBeVisible();
    const toast = page.getByRole('region', { name: 'শেষ বিক্রি' });
    await expect(toast).toContainText('বিক্রি হয়েছে');
    await toast.getByRole('button', { name: 'রসিদ প্রিন্ট করুন' }).click();
    const sheet = page.getByRole('dialog', { name: /রসিদ HD-/ });
    const receipt = sheet.getByTestId('receipt');
    await expect(receipt).toContainText('রসিদ');
    await expect(receipt).toContainText('মোট');
    await expect(receipt).toContainText('৳২৫.৫০');
    await expect(receipt).toContainText('০১৭১২৩৪৫৬৭৮');
    await expect(receipt).toContainText('ধন্যবাদ!');
    await expect(receipt).not.toContainText('Thank you');
    await expect(sheet.getByRole('button', { name: 'প্রিন্ট' })).toBeVisible();
    await sheet.getByLabel('কাগজ').selectOption('thermal80');
    await expect(sheet.getByLabel('কাগজ').locator('option:checked')).toHaveText('৮০ মিমি থার্মাল');
    await page.emulateMedia({ media: 'print' });
    await expect(receipt).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, 'receipt-80mm-bangla.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await sheet.getByRole('button', { name: 'বন্ধ করুন' }).click();
    await expect(sheet).toBeHidden();
    // It was a real sale.
    const customer = await server.api('customers.get', { phone: '01712345678' });
    expect(customer.subscriptions[0]!.status).toBe('active');
  });

  await test.step('the sale on the Payments page: money and time in Bangla digits', async () => {
    await nav(page, 'পেমেন্ট');
    const row = page.locator('main table tbody tr', { hasText: '০১৭১২৩৪৫৬৭৮' }).first();
    await expect(row).toContainText('৳২৫.৫০');
    await expect(row).toContainText(/[০-৯]{2}\/[০-৯]{2}\/[০-৯]{4}/);
    await expect(row).not.toContainText('25.50');
  });

  await test.step('a card batch made in Bangla prints Bangla cards', async () => {
    await nav(page, 'রিচার্জ কার্ড');
    const form = page.getByRole('form', { name: 'রিচার্জ কার্ড তৈরি করুন' });
    await form.getByLabel('কার্ডের সংখ্যা').fill('0');
    await form.getByRole('button', { name: 'তৈরি করুন' }).click();
    // Client-side errors in Bangla too.
    await expect(form).toContainText('কোন প্যাকেজ বিক্রি করবে');
    await expect(form).toContainText('১ থেকে ১০০০০');
    const option = await form.getByLabel('প্যাকেজ').locator('option', { hasText: 'Day Pass' }).getAttribute('value');
    await form.getByLabel('প্যাকেজ').selectOption(option!);
    await form.getByLabel('কার্ডের সংখ্যা').fill('3');
    await form.getByRole('button', { name: 'তৈরি করুন' }).click();
    await expect(page.getByRole('heading', { name: /ব্যাচ #১/, level: 1 })).toBeVisible();
    await expect(page.getByTestId('voucher-code')).toHaveCount(3);
    const cards = page.getByLabel('কার্ড', { exact: true });
    await expect(cards).toContainText('৳২৫.৫০');
    await expect(cards).toContainText('১ দিন');
    await expect(cards).toContainText('“রিচার্জ কার্ড” বেছে নিয়ে');
    await expect(page.getByRole('button', { name: '৩টি কার্ড প্রিন্ট করুন' })).toBeVisible();
    const { batches } = await server.api('vouchers.list', {});
    expect(batches.map((b) => b.count)).toEqual([3]);
    await page.screenshot({ path: path.join(SHOTS, 'cards-bangla.png'), fullPage: true });
  });
  expect(consoleErrors).toEqual([]);
});

test('in Bangla: the Online, Packages, Distributors, Daily report and SMS outbox pages', async ({ page }) => {
  const consoleErrors = await openAdmin(page, server.url);
  await toBangla(page);

  await test.step('Online', async () => {
    await nav(page, 'অনলাইন');
    await expect(page.getByRole('button', { name: 'রিফ্রেশ' })).toBeVisible();
    await expect(page.getByLabel('সেশনের অবস্থা')).toBeVisible();
    await expect(page.getByText('এখন কেউ অনলাইনে নেই।')).toBeVisible();
    await page.getByLabel('সেশনের অবস্থা').selectOption('all');
    await expect(page.getByText('কোনো সেশন মেলেনি।')).toBeVisible();
  });

  await test.step('Packages: the table and the form in Bangla, and a package made from it', async () => {
    await nav(page, 'প্যাকেজ');
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'দাম' })).toBeVisible();
    await expect(table.getByRole('row', { name: /Day Pass/ })).toContainText('৳২৫.৫০');
    await expect(table.getByRole('row', { name: /Day Pass/ })).toContainText('চালু');
    await page.getByRole('button', { name: 'নতুন প্যাকেজ' }).click();
    const form = page.getByRole('form', { name: 'নতুন প্যাকেজ' });
    await form.getByRole('button', { name: 'প্যাকেজ তৈরি করুন' }).click();
    await expect(form).toContainText('প্যাকেজের এমন একটি নাম দিন');
    await form.getByLabel('নাম', { exact: true }).fill('Week');
    await form.getByLabel('দাম (৳ টাকা)').fill('100');
    await form.getByLabel('মেয়াদ', { exact: true }).fill('7');
    await form.getByRole('button', { name: 'প্যাকেজ তৈরি করুন' }).click();
    await expect(table.getByRole('row', { name: /Week/ })).toContainText('৭ দিন');
    expect((await server.api('packages.list')).map((p) => p.name)).toContain('Week');
  });

  await test.step('Distributors: add one and open the statement', async () => {
    await nav(page, 'বিক্রেতা');
    const form = page.getByRole('form', { name: 'নতুন বিক্রেতা' });
    await form.getByRole('button', { name: 'বিক্রেতা যোগ করুন' }).click();
    await expect(form).toContainText('দোকান বা এজেন্টের নাম লিখুন।');
    await form.getByLabel('নাম').fill('Karim Store');
    await form.getByLabel('মোবাইল নম্বর').fill('01812345678');
    await form.getByLabel('কমিশন (%)').fill('10');
    await form.getByRole('button', { name: 'বিক্রেতা যোগ করুন' }).click();
    await expect(form).toContainText('Karim Store যোগ করা হয়েছে।');
    const row = page.getByRole('table', { name: 'বিক্রেতা' }).getByRole('row', { name: /Karim Store/ });
    await expect(row).toContainText('কার্ডের দামের ১০%');
    await row.getByRole('link', { name: 'হিসাব বিবরণী' }).click();
    await expect(page.getByRole('heading', { name: 'হিসাব বিবরণী · Karim Store', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'বিবরণী প্রিন্ট করুন' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'হিসাব বিবরণী' })).toContainText('নেওয়া কার্ড');
  });

  await test.step('Daily report: the morning sale in the drawer, in Bangla digits', async () => {
    await nav(page, 'দৈনিক হিসাব');
    await expect(page.getByRole('columnheader', { name: 'ড্রয়ারে থাকার কথা' })).toBeVisible();
    await expect(page.getByTestId('cash-expected')).toHaveText('৳২৫.৫০');
    await expect(page.getByRole('button', { name: 'প্রিন্ট' })).toBeVisible();
  });

  await test.step('SMS outbox', async () => {
    await nav(page, 'এসএমএস আউটবক্স');
    await expect(page.getByRole('button', { name: 'রিফ্রেশ' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'ফিল্টার' })).toContainText('অবস্থা');
    await expect(page.getByText('এখনো কোনো এসএমএস নেই।')).toBeVisible();
  });

  await test.step('back to English: the same pages say exactly what they said before', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'English' }).click();
    await nav(page, 'Packages');
    await expect(page.getByRole('button', { name: 'New package' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Day Pass/ })).toContainText('৳25.50');
  });
  expect(consoleErrors).toEqual([]);
});

test('the owner’s 12-hour clock shows am/pm times on the Recharge cards page', async ({ page }) => {
  await server.api('settings.update', { display: { clock: '12h' } });
  const consoleErrors = await openAdmin(page, server.url);
  await nav(page, 'Recharge cards');
  const made = page.getByRole('table', { name: 'Batches' }).getByRole('row').nth(1).getByRole('cell').nth(6);
  await expect(made).toHaveText(/^\d\d\/\d\d\/\d{4}, \d{1,2}:\d\d (am|pm)$/);
  await page.getByRole('link', { name: 'View & print' }).first().click();
  await expect(page.getByRole('heading', { name: /Batch #/, level: 1 }).locator('xpath=..')).toContainText(/made \d\d\/\d\d\/\d{4}, \d{1,2}:\d\d (am|pm)/);
  // In Bangla, the same clock with Bangla words and digits.
  await toBangla(page);
  await expect(page.getByRole('heading', { name: /ব্যাচ #/, level: 1 }).locator('xpath=..')).toContainText(/তৈরি [০-৯]{2}\/[০-৯]{2}\/[০-৯]{4}, [০-৯]{1,2}:[০-৯]{2} (এএম|পিএম)/);
  await server.api('settings.update', { display: { clock: '24h' } });
  expect(consoleErrors).toEqual([]);
});
