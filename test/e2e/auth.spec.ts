import { expect, test, type Page } from '@playwright/test';
import { startHeadlessServer, type HeadlessServer } from './server';
import { nav } from './ui';

// The shop owner in a browser with no token: sets the password on this PC, adds a cashier,
// and the cashier cannot open Settings. Tests in this file share one server and run in order.
test.describe.configure({ mode: 'serial' });

let server: HeadlessServer;
const OWNER_PASSWORD = 'green-mango-42';

test.beforeAll(async () => {
  server = await startHeadlessServer();
});
test.afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

async function signOut(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('form', { name: 'Sign in', exact: true })).toBeVisible();
}

test('the owner sets the first password on this PC and lands on the dashboard', async ({ page }) => {
  await page.goto(`${server.origin}/`);
  const form = page.getByRole('form', { name: 'Set the owner password' });
  await expect(form).toBeVisible();
  await form.getByLabel('New password').fill('short');
  await form.getByRole('button', { name: 'Set password' }).click();
  await expect(form.getByRole('alert')).toHaveText('Use at least 8 characters.');
  await form.getByLabel('New password').fill(OWNER_PASSWORD);
  await form.getByLabel('Repeat the password').fill(OWNER_PASSWORD);
  await form.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Signed in as owner (owner)');
  // The session is an HttpOnly cookie: the page's scripts cannot read it.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect((await page.context().cookies()).map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['hsd_session', true, 'Strict']]);
  expect(await server.api('auth.status')).toMatchObject({ passwordSet: true });
});

test('the owner adds a cashier on the Staff page', async ({ page }) => {
  await page.goto(`${server.origin}/`);
  const signIn = page.getByRole('form', { name: 'Sign in', exact: true });
  await signIn.getByLabel('Password').fill(OWNER_PASSWORD);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await nav(page, 'Staff');
  const form = page.getByRole('form', { name: 'New staff account' });
  await form.getByLabel('Name').fill('Rina');
  await form.getByLabel('Role').selectOption('cashier');
  await form.getByLabel('Password').fill('rina-pass-123');
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form.getByRole('status')).toContainText('Rina can now sign in as cashier.');
  await expect(page.getByRole('table', { name: 'Staff accounts' }).getByRole('row', { name: /Rina/ })).toContainText('Cashier');
  await signOut(page);
});

test('a cashier signs in, sees no Settings, Routers or Staff, and cannot open Settings by its address', async ({ page }) => {
  await page.goto(`${server.origin}/`);
  const signIn = page.getByRole('form', { name: 'Sign in', exact: true });
  await signIn.getByLabel('Name').fill('Rina');
  await signIn.getByLabel('Password').fill('rina-pass-123');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  const menu = page.getByRole('navigation', { name: 'Main' });
  await expect(menu).toContainText('Signed in as Rina (cashier)');
  await expect(menu.getByRole('link', { name: 'Customers' })).toBeVisible();
  for (const hidden of ['Settings', 'Routers', 'Staff']) await expect(menu.getByRole('link', { name: hidden })).toHaveCount(0);

  // Packages are shown, but a cashier gets no button to change them.
  await nav(page, 'Packages');
  await expect(page.getByRole('button', { name: 'New package' })).toHaveCount(0);

  await page.goto(`${server.origin}/#/settings`);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/Only the owner can open Settings/);
  await expect(page.getByRole('form', { name: /settings/i })).toHaveCount(0);
  // And the server says the same to anything the page might try.
  const refused = await page.evaluate(async () => (await fetch('/api/settings.update', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"shop":{"name":"X"}}' })).json());
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await signOut(page);
});

test('five wrong passwords pause sign-in and say until when', async ({ page }) => {
  await page.goto(`${server.origin}/`);
  const signIn = page.getByRole('form', { name: 'Sign in', exact: true });
  for (let i = 1; i <= 4; i++) {
    await signIn.getByLabel('Password').fill(`wrong-password-${i}`);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await expect(signIn.getByRole('alert')).toHaveText(new RegExp(`not right.*${5 - i} tr`));
  }
  await signIn.getByLabel('Password').fill('wrong-password-5');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn.getByRole('alert')).toHaveText(/Too many wrong passwords: sign-in for owner is paused until .+ \(15 minutes\)/);
  // Even the right password now waits; the admin token still works for the owner.
  await signIn.getByLabel('Password').fill(OWNER_PASSWORD);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn.getByRole('alert')).toHaveText(/paused until/);
  await signIn.getByRole('button', { name: 'Use the admin token instead' }).click();
  const tokenForm = page.getByRole('form', { name: 'Sign in', exact: true });
  await tokenForm.getByLabel('Admin token').fill(server.token);
  await tokenForm.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' })).toBeVisible();
});
