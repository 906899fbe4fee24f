import { expect, test } from '@playwright/test';
import { startHeadlessServer, type HeadlessServer } from './server';
import { nav, openAdmin } from './ui';

// The owner backs up from the UI, later restores that backup, and finds the shop as it was.
let server: HeadlessServer;

test.beforeAll(async () => {
  server = await startHeadlessServer();
});

test.afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

test('Back up now, then restore that backup from the UI', async ({ page }) => {
  const consoleErrors = await openAdmin(page, server.url);
  await server.api('customers.create', { phone: '01711000001', name: 'Before Backup' });

  await nav(page, 'Backups');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status')).toContainText('Backed up to hotspotdesk-');
  const { backups } = await server.api('backups.list');
  const made = backups[0]!;
  const row = page.getByRole('table', { name: 'Backups' }).getByRole('row', { name: new RegExp(made.file.replace(/[.+]/g, '\\$&')) });
  await expect(row).toContainText('Yes');

  // Data added after the backup is what the restore takes away.
  await server.api('customers.create', { phone: '01711000002', name: 'After Backup' });

  await row.getByRole('button', { name: 'Restore…' }).click();
  await expect(row).toContainText('Replace all data now in HotspotDesk with this backup?');
  await row.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`Restored from ${made.file}`);
  await expect(page.getByRole('status')).toContainText('kept as before-restore-');

  // The same server answers on the restored data: in the UI and over the admin API.
  await nav(page, 'Customers');
  await expect(page.getByText('Before Backup')).toBeVisible();
  await expect(page.getByText('After Backup')).toHaveCount(0);
  const after = await server.call('customers.get', { phone: '01711000002' });
  expect(after).toMatchObject({ ok: false, error: { code: 'not_found' } });

  // A path that is not a backup is refused in plain words, and nothing changes.
  await nav(page, 'Backups');
  await page.getByLabel('Restore from another file (full path)').fill('/etc/hostname');
  await page.getByRole('button', { name: 'Restore file…' }).click();
  await page.getByRole('form', { name: 'Restore another file' }).getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('not a HotspotDesk backup');
  expect((await server.api('customers.get', { phone: '01711000001' })).name).toBe('Before Backup');
  expect(consoleErrors).toEqual([]);
});
