import { expect, test } from '@playwright/test';
import { formatVoucherCode } from '../../src-shared/voucherCodes';
import { startHeadlessServer, type HeadlessServer } from './server';
import { nav, openAdmin } from './ui';

// The recharge-card business in the admin UI, against the real headless server: a distributor
// takes a batch of digit cards, customers use some, the owner reads and prints the statement.
let server: HeadlessServer;

test.beforeAll(async () => {
  server = await startHeadlessServer();
});

test.afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

test('owner creates a distributor, assigns a batch, a card is used and the statement shows it', async ({ page }) => {
  // ৳10.10 cards at 5 %: 50.5 paisa per card, rounded half up to 51. Made before the UI opens (it loads packages once).
  const pkg = await server.api('packages.create', { name: 'Day pass', price: 1010, validitySeconds: 86400, downloadBps: 5_000_000, uploadBps: 1_000_000 });
  const consoleErrors = await openAdmin(page, server.url);

  await test.step('create a distributor; a bad commission is refused next to its field', async () => {
    await nav(page, 'Distributors');
    await expect(page.getByText('No distributors yet.')).toBeVisible();
    const form = page.getByRole('form', { name: 'New distributor' });
    await form.getByLabel('Name').fill('Rahim Telecom');
    await form.getByLabel('Mobile number').fill('01812345678');
    await form.getByLabel('Commission (%)').fill('12.345');
    await form.getByRole('button', { name: 'Add distributor' }).click();
    await expect(form.locator('.field', { has: page.getByLabel('Commission (%)') }).getByRole('alert')).toHaveText(/0 to 100/);
    await form.getByLabel('Commission (%)').fill('5');
    await form.getByRole('button', { name: 'Add distributor' }).click();
    const row = page.getByRole('table', { name: 'Distributors' }).getByRole('row', { name: /Rahim Telecom/ });
    await expect(row).toContainText('5% of face value');
    await expect(row).toContainText('৳0');
  });

  let codes: string[] = [];
  await test.step('generate digit cards with an expiry and assign the batch', async () => {
    await nav(page, 'Recharge cards');
    const form = page.getByRole('form', { name: 'Generate recharge cards' });
    await form.getByLabel('Package').selectOption(String(pkg.id));
    await form.getByLabel('Number of cards').fill('4');
    await form.getByLabel('Code type').selectOption('digits');
    await form.getByLabel('Expires after (optional)').fill('2099-12-31');
    await form.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByRole('heading', { name: /Batch #\d+ · Day pass/ })).toBeVisible();
    const shown = page.getByTestId('voucher-code');
    await expect(shown).toHaveCount(4);
    for (const c of await shown.allTextContents()) expect(c).toMatch(/^\d{4}-\d{3}-\d{3}-\d{3}$/);
    codes = (await shown.allTextContents()).map((c) => c.replace(/-/g, ''));
    await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('expires');

    const tools = page.getByRole('region', { name: 'Batch tools' });
    await tools.getByLabel('Distributor', { exact: true }).selectOption({ label: 'Rahim Telecom' });
    await tools.getByRole('button', { name: 'Assign new cards' }).click();
    await expect(tools.getByText('Assigned 4 cards to Rahim Telecom.')).toBeVisible();
    await expect(page.getByTestId('voucher-state')).toHaveCount(4);
    await expect(page.getByTestId('voucher-state').first()).toContainText('assigned · Rahim Telecom');

    // One card reported lost: typed as read out, with spaces and the grouping.
    await tools.getByLabel('Card code').fill(formatVoucherCode(codes[3]!, '', 'digits').replace(/-/g, ' '));
    await tools.getByRole('button', { name: 'Disable card' }).click();
    await expect(tools.getByText(/is disabled/)).toBeVisible();
    await expect(page.getByTestId('voucher-code')).toHaveCount(3); // unused only
    await tools.getByLabel('Card code').fill('0000 000 000 000');
    await tools.getByRole('button', { name: 'Disable card' }).click();
    await expect(tools.locator('.field', { has: page.getByLabel('Card code') }).getByRole('alert')).toHaveText(/no recharge card with that code/i);
  });

  await test.step('customers use two of the cards', async () => {
    await server.api('vouchers.redeem', { code: formatVoucherCode(codes[0]!, '', 'digits'), phone: '01711111111' });
    await server.api('vouchers.redeem', { code: codes[1]!, phone: '01711111112' });
    const r = await server.call('vouchers.redeem', { code: codes[3]!, phone: '01711111113' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VOUCHER_DISABLED' } });
  });

  await test.step('the statement shows the cards used, the commission per card and a payment', async () => {
    await nav(page, 'Distributors');
    const row = page.getByRole('table', { name: 'Distributors' }).getByRole('row', { name: /Rahim Telecom/ });
    await expect(row).toContainText('৳19.18'); // 2 × (৳10.10 − ৳0.51)
    await row.getByRole('link', { name: 'Statement' }).click();
    await expect(page.getByRole('heading', { name: 'Statement · Rahim Telecom', level: 1 })).toBeVisible();
    const totals = page.getByLabel('Totals');
    await expect(totals.getByText('Cards taken').locator('..')).toContainText('4');
    await expect(totals.getByText('Cards used').locator('..')).toContainText('2');
    await expect(totals.getByText('Face value used').locator('..')).toContainText('৳20.20');
    await expect(totals.getByText('Commission').locator('..')).toContainText('৳1.02');
    await expect(page.getByRole('table', { name: 'Cards used' }).getByRole('row')).toHaveCount(4); // head, 2 cards, total

    const pay = page.getByRole('form', { name: 'Record a payment' });
    await pay.getByLabel('Amount received (৳)').fill('10');
    await pay.getByLabel('Note (optional)').fill('cash');
    await pay.getByRole('button', { name: 'Record payment' }).click();
    await expect(totals.getByText('Paid').locator('..')).toContainText('৳10');
    await expect(totals.getByText('Balance').locator('..')).toContainText('৳9.18');
    await expect(page.getByRole('table', { name: 'Payments received' })).toContainText('cash');

    const s = await server.api('distributors.statement', { id: 1 });
    expect(s).toMatchObject({ taken: 4, used: 2, faceValueUsed: 2020, commission: 102, owed: 1918, paid: 1000, balance: 918 });

    // On paper: the statement without the sidebar, the period picker or the payment form.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print statement' })).toBeHidden();
    await expect(pay).toBeHidden();
    await expect(page.getByRole('region', { name: 'Statement' })).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
  });

  expect(consoleErrors).toEqual([]);
});
