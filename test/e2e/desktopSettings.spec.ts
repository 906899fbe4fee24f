import { expect, test } from '@playwright/test';
import { startHeadlessServer, type HeadlessServer } from './server';
import { nav, openAdmin } from './ui';

// Settings → Desktop app: the start-at-login setting the Electron shell applies (its tray
// checkbox writes the same setting).
let server: HeadlessServer;

test.beforeAll(async () => {
  server = await startHeadlessServer();
});

test.afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

test('Settings → Desktop app turns start at login off and on, saved at once', async ({ page }) => {
  const errors = await openAdmin(page, server.url);
  await nav(page, 'Settings');
  const card = page.getByRole('region', { name: 'Desktop app' });
  const select = card.getByLabel('Start HotspotDesk when this PC starts');
  await expect(select).toHaveValue('true');
  await select.selectOption('false');
  await expect(card.getByText('Saved.')).toBeVisible();
  expect((await server.api('settings.get')).desktop.startAtLogin).toBe(false);
  await select.selectOption('true');
  await expect.poll(async () => (await server.api('settings.get')).desktop.startAtLogin).toBe(true);

  await page.getByRole('navigation', { name: 'Main' }).locator('.nav-lang button[lang="bn"]').click();
  await expect(page.getByRole('region', { name: 'ডেস্কটপ অ্যাপ' }).getByLabel('এই পিসি চালু হলে HotspotDesk চালু করুন')).toHaveValue('true');
  expect(errors).toEqual([]);
});
