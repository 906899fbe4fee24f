import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createVirtualRouterOsApi, type VirtualRouterOsApi } from '../virtual-mikrotik/routeros-api';
import { startHeadlessServer, type HeadlessServer } from './server';
import { nav, openAdmin } from './ui';

// Router sync from the admin UI against the RouterOS API simulator over real TCP: the owner adds
// a router, tests it, sets it up, diagnoses it, edits its walled garden, kicks a session, and
// sees the router's own error messages when something is wrong. Tests share one server.
test.describe.configure({ mode: 'serial' });

const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'screens');
const API_PASSWORD = 'admin-pass';
let server: HeadlessServer;
let sim: VirtualRouterOsApi;

test.beforeAll(async () => {
  sim = createVirtualRouterOsApi({ identity: 'Roof-AP', version: '7.18.2', board: 'hAP ax2', users: [{ name: 'admin', password: API_PASSWORD, group: 'full' }] });
  await sim.start();
  server = await startHeadlessServer();
  fs.mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  expect(await server?.stop()).toBe(0);
  await sim?.stop();
});

const open = (page: Page) => openAdmin(page, server.url);

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true });

test('owner sets up a MikroTik from the router page', async ({ page }) => {
  test.setTimeout(120_000);
  const consoleErrors = await open(page);

  await test.step('add a zone and a router pointing at the simulator', async () => {
    await nav(page, 'Routers');
    const zones = page.getByRole('region', { name: 'Zones' });
    await zones.getByLabel('Zone name').fill('Market');
    await zones.getByLabel('SSID (optional)').fill('Shop-WiFi');
    await zones.getByRole('button', { name: 'Add zone' }).click();
    await expect(zones.getByRole('row', { name: /Market/ })).toBeVisible();

    await page.getByRole('button', { name: 'Add router' }).click();
    const form = page.getByRole('form', { name: 'New router' });
    await form.getByLabel('Name', { exact: true }).fill('Roof AP');
    await form.getByLabel('NAS IP address').fill('10.0.0.5');
    await form.getByLabel('RADIUS secret').fill('radius-secret-XYZ');
    await form.getByLabel('Zone').selectOption({ label: 'Market' });
    await form.getByLabel('Hotspot interface').fill('bridge');
    await form.getByLabel('Address', { exact: true }).fill('127.0.0.1');
    await form.getByLabel('API port').fill(String(sim.port()));
    await form.getByLabel('API user').fill('admin');
    await form.getByLabel('API password').fill(API_PASSWORD);
    await form.getByRole('button', { name: 'Add router' }).click();
    await expect(form).toBeHidden();
    const row = page.getByRole('table', { name: 'Routers' }).getByRole('row', { name: /Roof AP/ });
    await expect(row).toContainText(`admin@127.0.0.1:${sim.port()}`);
    await expect(row).toContainText('Not checked yet');
    await row.getByRole('link', { name: 'Manage Roof AP' }).click();
    await expect(page.getByRole('heading', { name: 'Roof AP', level: 1 })).toBeVisible();
  });

  await test.step('test connection shows identity, version, board and write access', async () => {
    const card = page.getByRole('region', { name: 'Test connection' });
    await card.getByRole('button', { name: 'Test connection' }).click();
    await expect(card.getByText('Connected. HotspotDesk can set this router up.')).toBeVisible();
    await expect(card).toContainText('Roof-AP');
    await expect(card).toContainText('7.18.2');
    await expect(card).toContainText('hAP ax2');
    await expect(card).toContainText('group full');
    await expect(card).toContainText('None yet.');
    const status = page.getByRole('region', { name: 'Router status' });
    await expect(status).toContainText('Reachable');
    await expect(status).toContainText('Roof-AP');
  });

  await test.step('plan shows what will change; nothing is written yet', async () => {
    const card = page.getByRole('region', { name: 'Set up router' });
    const before = sim.commands.length;
    await card.getByRole('button', { name: 'Check what needs changing' }).click();
    const plan = card.getByRole('region', { name: 'Setup plan' });
    await expect(plan).toContainText(/\d+ steps? to change/);
    await expect(plan.locator('[data-step="radius"]')).toContainText('Will change');
    await expect(plan.locator('[data-step="radius"]')).toContainText('(hidden)'); // the secret is never shown
    await expect(plan.locator('[data-step="hotspot-server"]')).toContainText('bridge');
    expect(sim.commands.slice(before).filter((c) => /\/(add|set|remove)$/.test(c.command))).toEqual([]);
    await shot(page, 'router-plan.png');
    await card.screenshot({ path: path.join(SHOTS, 'router-plan-card.png') });
  });

  await test.step('apply runs configure and reports each step', async () => {
    const card = page.getByRole('region', { name: 'Set up router' });
    await card.getByRole('button', { name: /^Apply \d+ changes?$/ }).click();
    const result = card.getByRole('region', { name: 'Setup result' });
    await expect(result).toContainText(/Done: \d+ steps? applied\./);
    await expect(result.locator('[data-step="radius"]')).toContainText('Applied');
    expect(sim.state.rows('/radius').length).toBe(1);
    expect(sim.state.rows('/ip/hotspot').some((h) => h.interface === 'bridge')).toBe(true);
    await shot(page, 'router-configured.png');
  });

  await test.step('checking again shows nothing to change', async () => {
    const card = page.getByRole('region', { name: 'Set up router' });
    const before = sim.commands.length;
    await card.getByRole('button', { name: 'Check again' }).click();
    await expect(card.getByText('Nothing to change: this router is already set up for HotspotDesk.')).toBeVisible();
    await expect(card.getByRole('button', { name: 'Nothing to apply' })).toBeDisabled();
    expect(sim.commands.slice(before).filter((c) => /\/(add|set|remove)$/.test(c.command))).toEqual([]);
  });

  await test.step('diagnose lists each check; the zone SSID check names router and interface', async () => {
    const card = page.getByRole('region', { name: 'Diagnose' });
    await card.getByRole('button', { name: 'Run checks' }).click();
    const checks = card.getByRole('list', { name: 'Checks' });
    await expect(checks.locator('[data-check="api"]')).toContainText('Pass');
    await expect(checks.locator('[data-check="hotspot-radius"]')).toContainText('Pass');
    const ssid = checks.locator('[data-check="zone-ssid"]');
    await expect(ssid).toContainText('Fail');
    await expect(ssid).toContainText('router "Roof AP" interface wifi1 broadcasts "MikroTik-5A1B2C"');
    await expect(ssid).toContainText('How to fix: Set the SSID of Roof AP/wifi1 to "Shop-WiFi"');
    await expect(card.getByRole('alert').first()).toContainText(/\d+ problems? found/);
    await shot(page, 'router-diagnose.png');
    await card.screenshot({ path: path.join(SHOTS, 'router-diagnose-card.png') });
  });

  await test.step('a failed check offers the fix HotspotDesk can run itself', async () => {
    // Someone turns off RADIUS incoming on the router: Disconnect/CoA would stop working.
    sim.state.single('/radius/incoming').accept = 'false';
    const card = page.getByRole('region', { name: 'Diagnose' });
    await card.getByRole('button', { name: 'Run again' }).click();
    const checks = card.getByRole('list', { name: 'Checks' });
    const incoming = checks.locator('[data-check="radius-incoming"]');
    await expect(incoming).toContainText('Fail');
    const garden = checks.locator('[data-check="walled-garden"]');
    await expect(garden).toContainText('Fail');
    await expect(garden.getByRole('button', { name: 'Push the walled garden now' })).toBeVisible();
    // A fix only the owner can do (rename an SSID) gets no button.
    await expect(checks.locator('[data-check="zone-ssid"]').getByRole('button')).toHaveCount(0);
    await incoming.getByRole('button', { name: 'Check the setup' }).click();
    const setup = page.getByRole('region', { name: 'Set up router' });
    await expect(setup.getByRole('region', { name: 'Setup plan' }).locator('[data-step="radius-incoming"]')).toContainText('Will change');
    await setup.getByRole('button', { name: 'Apply 1 change' }).click();
    await expect(setup.getByRole('region', { name: 'Setup result' }).locator('[data-step="radius-incoming"]')).toContainText('Applied');
    expect(sim.state.single('/radius/incoming').accept).toBe('true'); // the simulator stores booleans as RouterOS prints them
  });

  await test.step('walled garden: add a custom domain, push, remove', async () => {
    const card = page.getByRole('region', { name: 'Walled garden' });
    const table = card.getByRole('table', { name: 'Walled garden entries' });
    // No payment gateway is on yet: the walled garden lists none of their hosts (issue 10).
    await expect(table).toBeVisible();
    await expect(table.getByRole('row', { name: /bKash|Nagad|SSLCommerz/ })).toHaveCount(0);
    // The owner turns bKash on in sandbox mode: its sandbox hosts join at the next load.
    await server.api('gateways.configure', { gateway: 'bkash', enabled: true, mode: 'sandbox', appKey: 'app-key', appSecret: 'app-secret', username: 'merchant', password: 'merchant-pw' });

    const form = card.getByRole('form', { name: 'Add walled garden entry' });
    await form.getByLabel('Host or link').fill('not a host!');
    await form.getByRole('button', { name: 'Add site' }).click();
    await expect(form.getByText('Must be a host name such as pay.example.com')).toBeVisible();

    await form.getByLabel('Host or link').fill('https://Pay.Example.com/checkout?x=1');
    await form.getByLabel('Note (optional)').fill('Top-up site');
    await form.getByRole('button', { name: 'Add site' }).click();
    const custom = table.getByRole('row', { name: /pay\.example\.com/ });
    await expect(custom).toContainText('Your entry');
    await expect(custom).toContainText('HTTPS and HTTP');
    await expect(custom).toContainText('Top-up site');
    await expect(form.getByLabel('Host or link')).toHaveValue('');
    await expect(table.getByRole('row', { name: /bKash/ }).first()).toBeVisible();
    await expect(table).toContainText('tokenized.sandbox.bka.sh');
    await expect(table).not.toContainText('tokenized.pay.bka.sh');

    await card.getByRole('button', { name: 'Push to router' }).click();
    await expect(card.getByText(/Pushed: \d+ added, 0 removed/)).toBeVisible();
    await expect(card).toContainText('pay.example.com');
    const onRouter = () => sim.state.rows('/ip/hotspot/walled-garden/ip').map((r) => r['dst-host'] ?? r['dst-address']);
    expect(onRouter()).toContain('pay.example.com');
    // The diagnosis from before the push is marked as out of date.
    await expect(page.getByRole('region', { name: 'Diagnose' })).toContainText('The router was changed after these checks ran');
    await shot(page, 'router-walled-garden.png');
    await card.screenshot({ path: path.join(SHOTS, 'router-walled-garden-card.png') });

    await card.getByRole('button', { name: 'Push to router' }).click();
    await expect(card.getByText(/Pushed: 0 added, 0 removed, \d+ already there/)).toBeVisible();

    await custom.getByRole('button', { name: 'Remove' }).click();
    await custom.getByRole('button', { name: 'Remove' }).click(); // second click confirms
    await expect(custom).toBeHidden();
    await card.getByRole('button', { name: 'Push to router' }).click();
    await expect(card.getByText(/Pushed: 0 added, 1 removed/)).toBeVisible();
    expect(onRouter()).not.toContain('pay.example.com');
  });

  await test.step('online now lists the router’s sessions; kick takes two clicks', async () => {
    sim.state.insert('/ip/hotspot/active', {
      server: 'hotspotdesk', user: '01712345678', address: '10.5.50.23', 'mac-address': 'AA:BB:CC:00:11:22', uptime: '12m5s',
      'session-time-left': '23h47m', 'idle-time': '0s', 'bytes-in': '1048576', 'bytes-out': '52428800', 'login-by': 'http-chap',
    });
    sim.state.insert('/ip/hotspot/active', {
      server: 'hotspotdesk', user: '01898765432', address: '10.5.50.24', 'mac-address': 'AA:BB:CC:00:11:33', uptime: '3m',
      'bytes-in': '2048', 'bytes-out': '4096', 'login-by': 'mac',
    });
    const card = page.getByRole('region', { name: 'Online now' });
    await card.getByRole('button', { name: 'Show who is online' }).click();
    const table = card.getByRole('table', { name: 'Active sessions' });
    const row = table.getByRole('row', { name: /01712345678/ });
    await expect(row).toContainText('AA:BB:CC:00:11:22');
    await expect(row).toContainText('10.5.50.23');
    await expect(row).toContainText('50 MB'); // downloaded = the router's bytes-out
    await expect(row).toContainText('1 MB');
    await expect(table.getByRole('row')).toHaveCount(3);
    await shot(page, 'router-online.png');
    await card.screenshot({ path: path.join(SHOTS, 'router-online-card.png') });

    await row.getByRole('button', { name: 'Kick' }).click();
    await expect(row.getByText('Disconnect 01712345678?')).toBeVisible();
    expect(sim.state.rows('/ip/hotspot/active')).toHaveLength(2); // nothing happens on the first click
    await row.getByRole('button', { name: 'Disconnect' }).click();
    await expect(card.getByText('01712345678 was disconnected.')).toBeVisible();
    await expect(row).toBeHidden();
    await expect(table.getByRole('row')).toHaveCount(2);
    expect(sim.state.rows('/ip/hotspot/active').map((r) => r.user)).toEqual(['01898765432']);
  });

  await test.step('a slow router shows a busy button that cannot be pressed twice, then a timeout', async () => {
    const card = page.getByRole('region', { name: 'Online now' });
    sim.faults.hangCommand = '/ip/hotspot/active';
    const before = sim.commands.filter((c) => c.command === '/ip/hotspot/active/print').length;
    await card.getByRole('button', { name: 'Refresh' }).click();
    const busy = card.getByRole('button', { name: 'Asking the router…' });
    await expect(busy).toBeDisabled();
    await expect(busy).toHaveAttribute('aria-busy', 'true');
    await busy.click({ force: true }).catch(() => undefined);
    await page.waitForTimeout(300);
    expect(sim.commands.filter((c) => c.command === '/ip/hotspot/active/print').length - before).toBe(1);
    sim.faults.hangCommand = null;
    const err = card.locator('[data-code="ROUTER_TIMEOUT"]');
    await expect(err).toBeVisible({ timeout: 25_000 });
    await expect(err).toContainText('The router took too long to answer');
    // The list shown before the failure is gone (it may be out of date); asking again works.
    await expect(card.getByRole('table', { name: 'Active sessions' })).toBeHidden();
    await shot(page, 'router-timeout.png');
    await card.getByRole('button', { name: 'Show who is online' }).click();
    await expect(err).toBeHidden();
    await expect(card.getByRole('table', { name: 'Active sessions' }).getByRole('row', { name: /01898765432/ })).toBeVisible();
  });

  await test.step('a wrong API password shows the router’s refusal next to the action', async () => {
    await page.getByRole('button', { name: 'Edit settings' }).click();
    const form = page.getByRole('form', { name: 'Edit router' });
    await form.getByLabel('API password').fill('wrong-password');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form).toBeHidden();

    const card = page.getByRole('region', { name: 'Test connection' });
    await card.getByRole('button', { name: 'Test connection' }).click();
    const err = card.locator('[data-code="ROUTER_AUTH_FAILED"]');
    await expect(err).toBeVisible();
    await expect(err).toContainText('Wrong API user name or password');
    await expect(err).toContainText('the router refused the API user name or password');
    await expect(card.getByText('Connected. HotspotDesk can set this router up.')).toBeHidden();
    const status = page.getByRole('region', { name: 'Router status' });
    await expect(status).toContainText('Connection failed');
    await expect(status).toContainText('Last error');
    await shot(page, 'router-auth-failed.png');
    await page.getByRole('region', { name: 'Router status' }).locator('..').screenshot({ path: path.join(SHOTS, 'router-auth-failed-cards.png') });

    // Diagnose says the same thing as a failed check with its fix.
    const diag = page.getByRole('region', { name: 'Diagnose' });
    // The settings changed: the earlier results were cleared.
    await diag.getByRole('button', { name: 'Run checks' }).click();
    await expect(diag.locator('[data-check="api"]')).toContainText('Fail');
    await expect(diag.locator('[data-check="api"]')).toContainText('How to fix: Check the API user name and password');

    // "Check the router settings" opens the form with the fix.
    await err.getByRole('button', { name: 'Check the router settings ›' }).click();
    await expect(page.getByRole('form', { name: 'Edit router' })).toBeVisible();
  });

  await test.step('the router list shows the status', async () => {
    await nav(page, 'Routers');
    await expect(page.getByRole('table', { name: 'Routers' }).getByRole('row', { name: /Roof AP/ })).toContainText('Connection failed');
  });

  expect(consoleErrors).toEqual([]);
});

/** A self-signed certificate for the simulator's api-ssl (openssl is on the machine). */
function selfSigned(cn: string): { key: Buffer; cert: Buffer; fingerprint: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsd-e2e-cert-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', `/CN=${cn}`, '-days', '2'], { stdio: 'ignore' });
    const pem = fs.readFileSync(cert);
    return { key: fs.readFileSync(key), cert: pem, fingerprint: new crypto.X509Certificate(pem).fingerprint256 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('api-ssl: the router page shows the pinned fingerprint, a changed one waits for Accept; set-up shows its steps', async ({ page }) => {
  test.setTimeout(120_000);
  const first = selfSigned('router');
  const second = selfSigned('router-after-reset');
  const tlsSim = createVirtualRouterOsApi({ identity: 'Gate-AP', users: [{ name: 'admin', password: API_PASSWORD, group: 'full' }], tls: { key: first.key, cert: first.cert } });
  await tlsSim.start();
  try {
    const consoleErrors = await open(page);
    const router = (await server.api('routers.create', {
      name: 'Gate AP', nasIp: '10.0.0.77', secret: 'radius-secret-TLS', host: '127.0.0.1', apiPort: tlsSim.port(), apiTls: true,
      apiUser: 'admin', apiPassword: API_PASSWORD, hotspotInterface: 'bridge',
    })) as { id: number };
    await nav(page, 'Routers');
    await page.getByRole('table', { name: 'Routers' }).getByRole('link', { name: 'Manage Gate AP' }).click();
    await expect(page.getByRole('heading', { name: 'Gate AP', level: 1 })).toBeVisible();
    expect(router.id).toBeGreaterThan(0);
    const status = page.getByRole('region', { name: 'Router status' });
    await expect(status).toContainText('not seen yet');

    await test.step('first connection pins the certificate; its fingerprint shows', async () => {
      await page.getByRole('region', { name: 'Test connection' }).getByRole('button', { name: 'Test connection' }).click();
      await expect(status).toContainText('Reachable');
      await expect(status.getByLabel('API-SSL certificate')).toContainText(first.fingerprint);
    });

    await test.step('set-up shows which step it is on while it runs', async () => {
      const card = page.getByRole('region', { name: 'Set up router' });
      await card.getByRole('button', { name: 'Check what needs changing' }).click();
      const apply = card.getByRole('button', { name: /^Apply \d+ changes?$/ });
      await expect(apply).toBeEnabled();
      // A slow router, so the steps can be seen one by one.
      tlsSim.faults.slowCommand = { command: '/', ms: 250 };
      await apply.click();
      const progress = card.locator('.job-progress');
      await expect(progress).toContainText(/Step \d+ of \d+/);
      await expect(progress.getByRole('progressbar', { name: 'Progress' })).toBeVisible();
      await shot(page, 'router-setup-progress.png');
      await expect(card.getByRole('region', { name: 'Setup result' })).toBeVisible({ timeout: 30_000 });
      await expect(progress).toBeHidden();
      tlsSim.faults.slowCommand = null;
    });

    await test.step('a changed certificate is refused until the owner accepts it', async () => {
      tlsSim.setCertificate({ key: second.key, cert: second.cert });
      tlsSim.dropConnections();
      const logins = tlsSim.loginCount();
      const card = page.getByRole('region', { name: 'Test connection' });
      await card.getByRole('button', { name: 'Test connection' }).click();
      const err = card.locator('[data-code="ROUTER_CERT_CHANGED"]');
      await expect(err).toBeVisible();
      await expect(err).toContainText("the router's certificate changed");
      expect(tlsSim.loginCount()).toBe(logins);
      const warning = status.getByRole('alert', { name: 'The router shows a different certificate' });
      await expect(warning).toContainText(second.fingerprint);
      await shot(page, 'router-cert-changed.png');
      await warning.getByRole('button', { name: 'Accept the new certificate' }).click();
      await expect(warning).toBeHidden();
      await expect(status.getByLabel('API-SSL certificate')).toContainText(second.fingerprint);
      await card.getByRole('button', { name: 'Test connection' }).click();
      await expect(card.getByText('Connected. HotspotDesk can set this router up.')).toBeVisible();
    });
    expect(consoleErrors).toEqual([]);
  } finally {
    await tlsSim.stop();
  }
});
