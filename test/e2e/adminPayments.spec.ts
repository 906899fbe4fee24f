import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { defaultConfig } from '../../src-main/config';
import { createEngine, type Engine } from '../../src-main/engine';
import { createAdminHttpApp } from '../../src-main/admin/http';
import { loadOrCreateAdminToken } from '../../src-main/admin/token';
import { createHttpDoor, type HttpDoor } from '../../src-main/httpDoor';
import { createBkashGateway } from '../../src-main/gateways/bkash';
import { silentLogger } from '../../src-main/log';
import { startFakeBkash, type FakeBkash } from '../fakes/bkash';
import { httpCall, okFor, type Ok } from '../helpers/api';
import { nav, openAdmin } from './ui';

// The owner's side of online payments in the admin UI: an engine in this process (so the test
// can make payments the way the portal does, through the engine's gateways facade) with the real
// bKash module pointed at the fake bKash, behind the admin HTTP door serving the built UI.
test.describe.configure({ mode: 'serial' });

const root = path.resolve(__dirname, '..', '..');
const RENDERER = path.join(root, 'build', 'renderer');
const SHOTS = path.join(root, 'test-results', 'admin-payments');

let bkash: FakeBkash;
let engine: Engine;
let door: HttpDoor;
let dataDir: string;
let url: string;
let api: Ok;
let packageId: number;

test.beforeAll(async () => {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('build/renderer is missing: run `npm run build` before the e2e tests.');
  fs.mkdirSync(SHOTS, { recursive: true });
  bkash = await startFakeBkash();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotspotdesk-e2e-pay-'));
  engine = await createEngine(
    { ...defaultConfig(), dataDir, bind: '127.0.0.1', adminBind: '127.0.0.1', adminPort: 0, portalPort: 0, radiusAuthPort: 0, radiusAcctPort: 0, logLevel: 'silent' },
    { log: silentLogger(), gateways: { modules: { bkash: createBkashGateway() } } },
  );
  await engine.start();
  const token = loadOrCreateAdminToken(dataDir);
  door = createHttpDoor({
    name: 'admin',
    app: createAdminHttpApp({ call: (m, i, c) => engine.call(m, i, c), token, session: (t) => engine.accounts.session(t), rendererDir: RENDERER }),
    host: '127.0.0.1',
    port: 0,
    flag: '--admin-port',
    log: engine.log,
  });
  await door.start();
  const origin = door.url()!.replace(/\/$/, '');
  url = `${origin}/#token=${encodeURIComponent(token)}`;
  api = okFor(httpCall(origin, token));
  packageId = (await api('packages.create', { name: '1 Day 5 Mbps', price: 3000, validitySeconds: 86400, downloadBps: 5_000_000, uploadBps: 2_000_000 })).id;
  // Past the first-run wizard (a fresh data dir shows it), as the headless e2e server does.
  await api('settings.update', { setup: { done: true }, sendMoney: { bkashNumber: '01811111111' } });
});

test.afterAll(async () => {
  await door?.stop();
  await engine?.stop();
  await bkash?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Screenshots at both widths, and no horizontal scrolling at either. */
async function shots(page: Page, name: string) {
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 820 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 820 });
}

const customer = (phone: string) => engine.billing.customers.ensure(phone);

test('owner configures bKash, confirms and rejects Send Money, rechecks a pending payment and refunds it', async ({ page }) => {
  const consoleErrors = await openAdmin(page, url);

  await test.step('Settings → Payments: bKash in sandbox against the fake, secrets write-only, Test passes', async () => {
    await nav(page, 'Settings');
    const card = page.getByRole('region', { name: 'bKash settings' });
    await card.getByLabel('Offer bKash on the portal').check();
    await card.getByLabel('Mode').selectOption('sandbox');
    await card.getByLabel('Base URL (optional, for testing)').fill(bkash.url);
    await card.getByLabel('App key').fill(bkash.credentials.appKey);
    await card.getByLabel('Username').fill(bkash.credentials.username);
    await card.getByLabel('App secret').fill(bkash.credentials.appSecret);
    await card.getByLabel('Password').fill(bkash.credentials.password);
    await card.getByRole('button', { name: 'Save bKash' }).click();
    await expect(card.getByText('bKash saved.')).toBeVisible();
    await expect(card.getByText('on · sandbox')).toBeVisible();
    // Saved secrets are never sent back: the boxes say "set", and are empty.
    await expect(card.getByLabel('App secret')).toHaveValue('');
    await expect(card.getByLabel('App secret')).toHaveAttribute('placeholder', '•••• set — type to replace');
    const [view] = await api('gateways.get', { gateway: 'bkash' });
    expect(view).toMatchObject({ enabled: true, mode: 'sandbox', baseUrl: bkash.url, hasAppSecret: true, hasPassword: true });
    expect(JSON.stringify(view)).not.toContain(bkash.credentials.appSecret);

    const grants = bkash.count('grant');
    await card.getByRole('button', { name: 'Test' }).click();
    await expect(card.getByRole('status').filter({ hasText: 'Test passed.' })).toContainText('bKash accepted the credentials');
    expect(bkash.count('grant')).toBe(grants + 1);

    const sm = page.getByRole('region', { name: 'Send Money settings' });
    await expect(sm.getByLabel('bKash number')).toHaveValue('01811111111');
    await sm.getByLabel('SMS webhook token').fill('forwarder-token-1');
    await sm.getByRole('button', { name: 'Save Send Money' }).click();
    await expect(sm.getByText('Send Money saved.')).toBeVisible();
    await expect(sm.getByLabel('SMS webhook token')).toHaveAttribute('placeholder', '•••• set — type to replace');
    await expect(sm).toContainText('/hooks/sms-in');
    expect(engine.deps.settings.secret('sendMoney', 'smsWebhookToken')).toBe('forwarder-token-1');
    await shots(page, 'settings-payments');
  });

  // Made the way the portal makes them: two Send Money TrxIDs and one bKash checkout the customer paid.
  const a = await engine.gateways.startSendMoney({ customerId: customer('+8801712000001'), packageId, wallet: 'bkash', trxId: 'CJU0PZQ3U6', senderPhone: '+8801533817247' });
  const b = await engine.gateways.startSendMoney({ customerId: customer('+8801712000002'), packageId, wallet: 'bkash', trxId: 'REJ1234567', senderPhone: '+8801533817248' });
  const online = await engine.gateways.startCheckout({ customerId: customer('+8801712000003'), packageId, gateway: 'bkash', returnUrlBase: 'http://portal.lan/pay/return' });
  const ref = engine.billing.payments.get(online.paymentId).gatewayRef!;
  bkash.pay(ref, 'success'); // paid on bKash's page; the browser never came back

  await test.step('To confirm: Confirm one Send Money payment, Reject the other with a reason', async () => {
    await nav(page, 'Payments');
    const list = page.getByRole('table', { name: 'Send Money to confirm' });
    await expect(list.getByRole('row')).toHaveCount(3);
    await list.getByRole('row', { name: /CJU0PZQ3U6/ }).getByRole('button', { name: 'Confirm' }).click();
    const box = page.getByRole('region', { name: 'To confirm' });
    await expect(box.getByRole('status')).toContainText(`${a.payment.invoiceNo} (TrxID CJU0PZQ3U6): confirmed. Paid: the package is active.`);
    await list.getByRole('row', { name: /REJ1234567/ }).getByRole('button', { name: 'Reject' }).click();
    await list.getByLabel('Reason (optional)').fill('no such SMS on the shop phone');
    await list.getByRole('button', { name: 'Reject payment' }).click();
    await expect(box.getByRole('alert')).toContainText('rejected. Not paid: rejected by the owner: no such SMS on the shop phone');
    await expect(box.getByText('Nothing to confirm.')).toBeVisible();
    expect(engine.billing.payments.get(a.payment.id).status).toBe('completed');
    expect(engine.billing.payments.get(b.payment.id)).toMatchObject({ status: 'failed', failureReason: 'rejected by the owner: no such SMS on the shop phone' });
    const ledger = page.getByRole('table', { name: 'Payments' });
    await expect(ledger.locator(`[data-payment="${b.payment.id}"]`)).toContainText('failed');
  });

  await test.step('a pending bKash payment: Recheck asks bKash, which says paid', async () => {
    const row = page.getByRole('table', { name: 'Payments' }).locator(`[data-payment="${online.paymentId}"]`);
    await expect(row).toContainText('pending');
    await expect(row).toContainText(ref);
    await row.getByRole('button', { name: 'Recheck' }).click();
    await expect(page.getByRole('status').filter({ hasText: online.invoiceNo })).toContainText('Paid: the package is active.');
    await expect(row).toContainText('completed');
    await expect(row.getByRole('button', { name: 'Recheck' })).toHaveCount(0);
    expect(bkash.count('execute')).toBe(1);
  });

  await test.step('Recover by transaction id: bKash has no such paid transaction, said in plain words', async () => {
    const card = page.getByRole('region', { name: 'Recover a payment' });
    await card.getByRole('button', { name: 'Recover' }).click();
    await expect(card.getByRole('alert')).toHaveText('Enter the transaction ID from the customer’s payment SMS.');
    await card.getByLabel('Transaction ID').fill('NOPE123456');
    await card.getByRole('button', { name: 'Recover' }).click();
    await expect(card.getByRole('alert')).toContainText('no paid transaction with that ID');
    expect(bkash.count('search')).toBeGreaterThan(0);
  });

  await test.step('filters: by transaction id, by status', async () => {
    const find = page.getByRole('search', { name: 'Find a payment' });
    await find.getByLabel('Transaction ID').fill('cju0pzq3u6');
    await find.getByRole('button', { name: 'Search' }).click();
    const ledger = page.getByRole('table', { name: 'Payments' });
    await expect(ledger.locator('tbody tr')).toHaveCount(1);
    await expect(ledger.locator('tbody tr')).toContainText('TrxID CJU0PZQ3U6');
    await page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Clear filters' }).click();
    await expect(find.getByLabel('Transaction ID')).toHaveValue('');
    await page.getByRole('group', { name: 'Filters' }).getByLabel('Status').selectOption('failed');
    await expect(ledger.locator('tbody tr')).toHaveCount(1);
    await page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Clear filters' }).click();
    await expect(ledger.locator('tbody tr')).toHaveCount(3);
  });

  await test.step('a forwarded SMS with the wrong amount: the problem in plain words, then the owner confirms', async () => {
    const c = await engine.gateways.startSendMoney({ customerId: customer('+8801712000004'), packageId, wallet: 'bkash', trxId: 'AMT1234567', senderPhone: '+8801533817249' });
    const sms = await engine.gateways.receiveSms({ sender: 'bKash', text: 'You have received Tk 20.00 from 01533817249. Fee Tk 0.00. Balance Tk 1,117.78. TrxID AMT1234567 at 30/10/2025 21:02' });
    expect(sms.outcome).toBe('mismatch');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Payments', level: 1 })).toBeVisible();
    const row = page.getByRole('table', { name: 'Payments' }).locator(`[data-payment="${c.payment.id}"]`);
    await expect(row).toContainText('needs review');
    await expect(row).toContainText('Amount did not match the invoice — check before confirming');
    await row.getByRole('button', { name: 'Confirm' }).click();
    expect(engine.billing.payments.get(c.payment.id).status).toBe('needs_review'); // asks first
    await row.getByRole('button', { name: 'Yes, confirm' }).click();
    await expect(page.getByRole('status').filter({ hasText: c.payment.invoiceNo })).toContainText('confirmed. Paid: the package is active.');
    await expect(row).toContainText('completed');
    await expect(row).not.toContainText('Amount did not match');
  });

  await test.step('refund the bKash payment: a reason, a confirm step, then the refund row', async () => {
    const row = page.getByRole('table', { name: 'Payments' }).locator(`[data-payment="${online.paymentId}"]`);
    await row.getByRole('button', { name: 'Refund' }).click();
    const panel = page.getByRole('region', { name: 'Refund' });
    await expect(panel).toContainText(`Refund ${online.invoiceNo} · ৳30`);
    await panel.getByRole('button', { name: 'Refund…' }).click();
    await expect(panel.getByRole('alert')).toHaveText('Say why you refund it (kept in the ledger).');
    await panel.getByLabel('Reason').fill('customer could not connect');
    await panel.getByRole('button', { name: 'Refund…' }).click();
    expect(bkash.count('refund')).toBe(0); // not before the second click
    await panel.getByRole('button', { name: 'Yes, refund ৳30' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Refunded ৳30' })).toContainText(`of ${online.invoiceNo}: refund row`);
    await expect(panel).toHaveCount(0);
    const refunds = await api('payments.list', { status: 'refunded' });
    expect(refunds.items).toHaveLength(1);
    expect(refunds.items[0]).toMatchObject({ refundOf: online.paymentId, amount: 3000, method: 'bkash' });
    expect(bkash.count('refund')).toBe(1);
    const refundRow = page.getByRole('table', { name: 'Payments' }).locator(`[data-payment="${refunds.items[0]!.id}"]`);
    await expect(refundRow).toContainText(`refund of #${online.paymentId}`);
    await expect(refundRow).toContainText('refund');
    // Refunded once: its Refund button is gone.
    await expect(row.getByRole('button', { name: 'Refund' })).toHaveCount(0);
    await shots(page, 'payments');
  });

  await test.step('the dashboard shows the sales by method, with the refund', async () => {
    await nav(page, 'Dashboard');
    const sales = page.getByRole('table', { name: 'Sales by method' });
    await expect(sales.getByRole('row', { name: /bKash Send Money/ })).toContainText('৳60 (2)');
    const bk = sales.getByRole('row', { name: /^bKash ৳/ });
    await expect(bk).toContainText('৳30 (1)');
    await expect(bk).toContainText('− ৳30 refunded');
    const summary = await api('dashboard.summary', {});
    expect(summary.salesByMethod.today.byMethod.map((m) => [m.method, m.count, m.refunds])).toEqual([['bkash', 1, 1], ['bkash_send_money', 2, 0]]);
    await shots(page, 'dashboard');
  });

  expect(consoleErrors).toEqual([]);
});
