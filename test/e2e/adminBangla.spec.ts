import { expect, test, type Page } from '@playwright/test';
import { startHeadlessServer, type HeadlessServer } from './server';

// The admin UI in Bangla, as a shop owner who reads it would use it: the first-run wizard, then
// Settings, Staff and Backups, then the sign-in screen. Each step checks Bangla headings and
// buttons and that the action still does what it does in English (the API sees the result).
// One server for the file, in order: the wizard's language choice carries into the later tests.
test.describe.configure({ mode: 'serial' });

let server: HeadlessServer;
const OWNER_PASSWORD = 'green-mango-42';

test.beforeAll(async () => {
  server = await startHeadlessServer({ firstRun: true });
});
test.afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function navBn(page: Page, name: string): Promise<void> {
  await mainNav(page).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('the wizard switches to Bangla from the sidebar and saves the shop in Bangla', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Set up HotspotDesk', level: 1 })).toBeVisible();
  await mainNav(page).getByRole('button', { name: 'বাংলা' }).click();
  await expect(page.getByRole('heading', { name: 'HotspotDesk সেটআপ', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  await expect(page.getByText('ধাপ ১/৬: দোকান')).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'সেটিংস' })).toBeVisible();

  const form = page.getByRole('form', { name: 'দোকান' });
  await expect(form.getByRole('heading', { name: 'আপনার দোকান' })).toBeVisible();
  // A client-side check, in Bangla.
  await form.getByLabel('দোকানের নাম').fill('');
  await form.getByRole('button', { name: 'সেভ করে এগিয়ে যান' }).click();
  await expect(form.getByRole('alert')).toHaveText('দোকানের নাম লিখুন: গ্রাহকেরা এটি পোর্টালে আর ছাপা কার্ডে দেখেন।');
  await form.getByLabel('দোকানের নাম').fill('রহিম নেট');
  await form.getByLabel('ভাষা').selectOption('bn');
  await form.getByRole('button', { name: 'সেভ করে এগিয়ে যান' }).click();
  await expect(page.getByRole('heading', { name: 'রাউটারের জন্য এই পিসির ঠিকানা' })).toBeVisible();
  const s = await server.api('settings.get', {});
  expect(s.shop.name).toBe('রহিম নেট');
  expect(s.display.language).toBe('bn');

  await page.getByRole('form', { name: 'এই পিসি' }).getByRole('button', { name: 'পেছনে' }).click();
  await expect(page.getByRole('form', { name: 'দোকান' })).toBeVisible();
  await page.getByRole('button', { name: 'সেটআপ বাদ দিন' }).click();
  await expect(page).toHaveURL(/#\/dashboard$/);
  expect((await server.api('settings.get', {})).setup.done).toBe(true);
  expect(errors).toEqual([]);
});

test('a browser that chose nothing follows the owner’s setting: Settings opens in Bangla and saves', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(server.url);
  await navBn(page, 'সেটিংস');
  const form = page.getByRole('form', { name: 'সেটিংস' });
  await expect(form.getByRole('heading', { name: 'দোকান' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'আবার সেটআপ চালান' })).toBeVisible();

  // Every field's problem in Bangla, in one round.
  await form.getByLabel('দোকানের নাম').fill('');
  await form.getByLabel('হিসাব পাঠানোর বিরতি (সেকেন্ড)').fill('abc');
  await form.getByRole('button', { name: 'সেটিংস সেভ করুন' }).click();
  await expect(form.getByText('গ্রাহকদের দেখানোর জন্য দোকানের নাম লিখুন।')).toBeVisible();
  await expect(form.getByText('সেকেন্ড-এর একটি পূর্ণ সংখ্যা লিখুন।')).toBeVisible();

  await form.getByLabel('দোকানের নাম').fill('রহিম ওয়াইফাই');
  await form.getByLabel('হিসাব পাঠানোর বিরতি (সেকেন্ড)').fill('300');
  await form.getByLabel('সময় দেখানোর ধরন').selectOption('12h');
  await form.getByRole('button', { name: 'সেটিংস সেভ করুন' }).click();
  await expect(page.getByText('সেটিংস সেভ হয়েছে।')).toBeVisible();
  const s = await server.api('settings.get', {});
  expect(s.shop.name).toBe('রহিম ওয়াইফাই');
  expect(s.network.acctInterimInterval).toBe(300);
  expect(s.display.clock).toBe('12h');

  // This browser's own choice beats the setting, and survives a reload.
  await mainNav(page).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Settings' }).getByLabel('Shop name')).toHaveValue('রহিম ওয়াইফাই');
  await mainNav(page).getByRole('button', { name: 'বাংলা' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'সেটিংস', level: 1 })).toBeVisible();
  await expect(mainNav(page).getByRole('button', { name: 'বাংলা' })).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

test('Staff in Bangla: add a cashier and disable them', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(server.url);
  await navBn(page, 'কর্মী');
  const form = page.getByRole('form', { name: 'নতুন কর্মীর অ্যাকাউন্ট' });
  await form.getByRole('button', { name: 'অ্যাকাউন্ট তৈরি করুন' }).click();
  await expect(form.getByText('কর্মীর নাম লিখুন।')).toBeVisible();
  await expect(form.getByText('অন্তত ৮টি অক্ষর দিন।')).toBeVisible();
  await form.getByLabel('নাম').fill('Rina');
  await form.getByLabel('পদ').selectOption('cashier');
  await form.getByLabel('পাসওয়ার্ড').fill('rina-pass-123');
  await form.getByRole('button', { name: 'অ্যাকাউন্ট তৈরি করুন' }).click();
  await expect(form.getByRole('status')).toContainText('Rina এখন ক্যাশিয়ার হিসেবে সাইন ইন করতে পারবেন।');
  const row = page.getByRole('table', { name: 'কর্মীদের অ্যাকাউন্ট' }).getByRole('row', { name: /Rina/ });
  await expect(row).toContainText('ক্যাশিয়ার');
  await expect(row).toContainText('চালু');
  await expect(row).toContainText('কখনো না');
  await row.getByRole('button', { name: 'বন্ধ করুন' }).click();
  await expect(row).toContainText('Rina-কে বন্ধ করবেন?');
  await row.getByRole('button', { name: 'হ্যাঁ' }).click();
  await expect(row.getByRole('cell').nth(2)).toHaveText('বন্ধ');
  expect((await server.api('users.list', {})).find((u) => u.name === 'Rina')?.status).toBe('disabled');
  expect(errors).toEqual([]);
});

test('Backups in Bangla: back up now, then restore it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(server.url);
  await navBn(page, 'ব্যাকআপ');
  await expect(page.getByText('এখনো কোনো ব্যাকআপ নেই।', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'এখনই ব্যাকআপ নিন' }).click();
  await expect(page.getByRole('status')).toContainText('ব্যাকআপ নেওয়া হয়েছে।');
  const [made] = (await server.api('backups.list', {})).backups;
  expect(made).toBeDefined();
  const table = page.getByRole('table', { name: 'ব্যাকআপ' });
  await expect(table.getByRole('columnheader', { name: 'ফিরিয়ে আনা যাবে' })).toBeVisible();
  const row = table.getByRole('row', { name: new RegExp(made!.file.replace(/[.+]/g, '\\$&')) });
  await expect(row).toContainText('হ্যাঁ');
  // Dates and sizes in Bangla digits, as the portal writes them.
  await expect(row.getByRole('cell').first()).toHaveText(/^[০-৯]{2}\/[০-৯]{2}\/[০-৯]{4}, /);
  await row.getByRole('button', { name: 'ফিরিয়ে আনুন…' }).click();
  await expect(row).toContainText('এখনকার তথ্য আলাদা করে রাখা হবে।');
  await row.getByRole('button', { name: 'ফিরিয়ে আনুন', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`${made!.file} থেকে ফিরিয়ে আনা হয়েছে।`);
  expect(errors).toEqual([]);
});

test('sign-in in Bangla: chosen in the sidebar, kept after signing out, and it still signs in', async ({ page }) => {
  const errors = collectErrors(page);
  await server.api('auth.setup', { password: OWNER_PASSWORD });
  await page.goto(server.url);
  // Choose Bangla in this browser (the owner's setting is Bangla too; the choice is what stays).
  await mainNav(page).getByRole('button', { name: 'English' }).click();
  await mainNav(page).getByRole('button', { name: 'বাংলা' }).click();
  await mainNav(page).getByRole('button', { name: 'সাইন আউট' }).click();

  const form = page.getByRole('form', { name: 'সাইন ইন', exact: true });
  await expect(form.getByRole('heading', { name: 'সাইন ইন', level: 1 })).toBeVisible();
  await expect(form.getByText('কর্মী: আপনার নাম। মালিক এটি খালি রাখতে পারেন।')).toBeVisible();
  await form.getByRole('button', { name: 'সাইন ইন' }).click();
  await expect(form.getByRole('alert')).toHaveText('আপনার পাসওয়ার্ড লিখুন।');
  await expect(form.getByRole('button', { name: 'এর বদলে অ্যাডমিন টোকেন ব্যবহার করুন' })).toBeVisible();

  // The sign-in screen has its own switch (no sidebar before signing in).
  await page.getByRole('group', { name: 'ভাষা' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('form', { name: 'Sign in', exact: true }).getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'বাংলা' }).click();

  await form.getByLabel('পাসওয়ার্ড').fill(OWNER_PASSWORD);
  await form.getByRole('button', { name: 'সাইন ইন' }).click();
  await expect(mainNav(page).getByRole('button', { name: 'সাইন আউট' })).toBeVisible();
  await navBn(page, 'আমার অ্যাকাউন্ট');
  await expect(page.getByRole('heading', { name: 'আমার পাসওয়ার্ড বদলান' })).toBeVisible();
  expect(errors).toEqual([]);
});
