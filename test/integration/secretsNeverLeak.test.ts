import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startServer, type RunningServer } from '../../src-main/server';
import { createLogger } from '../../src-main/log';
import { ADMIN_TOKEN_FILE } from '../../src-main/admin/token';
import { KEY_FILE } from '../../src-main/secrets';
import { testConfig } from '../helpers/engine';
import { tmpDir } from '../helpers/tmp';
import { VirtualNas } from '../virtual-mikrotik/nas';
import { VirtualHotspot } from '../virtual-mikrotik/hotspot-http';
import { phoneBrowser } from '../helpers/phoneBrowser';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

// Marker values: each appears nowhere but where the test put it, so finding one is a leak.
const M = {
  radiusSecret: 'MKR-radius-secret-7f3a',
  routerPassword: 'MKR-router-api-pw-19c2',
  adminPassword: 'MKR-owner-password-55e1',
  wrongPassword: 'MKR-wrong-password-0b7d',
  cashierPassword: 'MKR-cashier-password-3d9e',
  smsApiKey: 'MKR-sms-api-key-a41c',
  bkashAppSecret: 'MKR-bkash-app-secret-62f0',
  bkashPassword: 'MKR-bkash-password-8e13',
  nagadPrivateKey: 'MKR-nagad-private-key-c7d2',
  sslStorePassword: 'MKR-ssl-store-pw-4b6a',
  webhookToken: 'MKR-webhook-token-9a5f',
  gwAppSecret: 'MKR-gw-bkash-secret-d03e',
  gwPassword: 'MKR-gw-bkash-pw-71b8',
  // PINs are digits only: matched with digit boundaries (a 13-digit timestamp is not a PIN).
  adminPin: '738164',
  portalPin: '592047',
  wrongPin: '604913',
};

const PHONE = '01712345678';
const E164 = '+8801712345678';
const ADMIN_PHONE = '01812345678';
const MAC_A = '30:39:26:86:CC:EA';
const MAC_B = '30:39:26:86:CC:EB';

/** Where a marker is meant to be seen: the only admin replies allowed to carry it. */
type Allowed = ReadonlySet<string>;
const NOWHERE: Allowed = new Set();
const CUSTOMER_PAGE: Allowed = new Set(['customers.get', 'customers.create', 'customers.update']);

function occurs(haystack: string, marker: string): boolean {
  if (/^\d+$/.test(marker)) return new RegExp(`(?<!\\d)${marker}(?!\\d)`).test(haystack);
  return haystack.includes(marker);
}

/** Every file under dir (recursive), as paths relative to it. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('secrets never leak', () => {
  it('with a marker for every secret and a full admin + portal flow at debug level: no marker in logs, data files, the audit log or admin replies, except where the owner is meant to see it', async () => {
    const logFile = path.join(tmpDir('hsd-log-'), 'engine.log');
    const config = testConfig({ logLevel: 'debug' });
    const log = createLogger({ level: 'debug', destination: logFile });
    const s: RunningServer = await startServer(config, { log });
    cleanups.push(() => s.close());

    // Every admin reply, with the method that gave it.
    const replies: Array<{ method: string; text: string }> = [];
    let cookie: string | null = null;
    async function api(method: string, input: unknown, via: 'token' | 'session' | 'none' = 'token') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (via === 'token') headers.authorization = `Bearer ${s.token}`;
      if (via === 'session' && cookie) headers.cookie = cookie;
      const res = await fetch(`${s.adminUrl}api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });
      const setCookie = res.headers.get('set-cookie');
      if (setCookie) cookie = setCookie.split(';')[0]!;
      const text = await res.text();
      replies.push({ method, text: `${setCookie ?? ''}\n${text}` });
      return JSON.parse(text) as { ok: boolean; value?: unknown; error?: { code: string } };
    }
    async function ok<T = Record<string, unknown>>(method: string, input: unknown, via: 'token' | 'session' | 'none' = 'token'): Promise<T> {
      const r = await api(method, input, via);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.value as T;
    }

    // The owner: password set-up, a wrong sign-in, a sign-in, a cashier, a password change.
    await ok('auth.setup', { password: M.adminPassword }, 'none');
    expect((await api('auth.login', { password: M.wrongPassword }, 'none')).error?.code).toBe('AUTH_WRONG_PASSWORD');
    await ok('auth.login', { password: M.adminPassword }, 'none');
    await ok('users.create', { name: 'Rina', role: 'cashier', password: M.cashierPassword }, 'session');
    await ok('auth.status', {}, 'session');
    await ok('users.list', {}, 'session');

    // Settings with every gateway and SMS secret, read back.
    await ok('settings.update', {
      sms: { apiKey: M.smsApiKey },
      bkash: { appSecret: M.bkashAppSecret, password: M.bkashPassword },
      nagad: { merchantPrivateKey: M.nagadPrivateKey },
      sslcommerz: { storePassword: M.sslStorePassword },
      sendMoney: { smsWebhookToken: M.webhookToken },
    });
    await ok('gateways.configure', { gateway: 'bkash', appSecret: M.gwAppSecret, password: M.gwPassword });
    await ok('settings.get', {});
    await ok('gateways.get', {});

    // A router (the virtual MikroTik) with its RADIUS secret and API password.
    const ports = s.engine.radius.ports();
    const nas = new VirtualNas({ nasIp: '127.0.0.1', secret: M.radiusSecret, server: { host: '127.0.0.1', authPort: ports.auth!, acctPort: ports.acct! }, timeoutMs: 300 });
    await nas.start();
    cleanups.push(() => nas.stop());
    const router = await ok<{ id: number }>('routers.create', {
      name: 'shop', nasIp: '127.0.0.1', secret: M.radiusSecret, coaPort: nas.coaPort(), host: '127.0.0.1', apiUser: 'hsd', apiPassword: M.routerPassword,
    });
    await ok('routers.update', { id: router.id, secret: M.radiusSecret, apiPassword: M.routerPassword });
    await ok('routers.list', {});

    // Packages, cards, a counter sale, a customer with a PIN.
    const pkg = await ok<{ id: number }>('packages.create', { name: 'Day', price: 2000, validitySeconds: 86_400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
    const { codes } = await ok<{ codes: string[] }>('vouchers.generate', { packageId: pkg.id, count: 4 });
    await ok('vouchers.list', {});
    const counter = await ok<{ id: number }>('customers.create', { phone: ADMIN_PHONE, pin: M.adminPin });
    await ok('customers.update', { id: counter.id, pin: M.adminPin });
    await ok('vouchers.redeem', { code: codes[0], phone: ADMIN_PHONE }, 'session');
    await ok('vouchers.disable', { code: codes[3] });
    await ok('customers.sellPackage', { phone: ADMIN_PHONE, packageId: pkg.id, method: 'cash' });

    // The portal, as a phone meets it behind the virtual hotspot: OTP, PIN, a card, CHAP login,
    // then a second phone with a wrong PIN and the right one.
    const hotspot = new VirtualHotspot({ portalUrl: s.engine.portal!.url()!.replace(/\/$/, ''), routerId: router.id, nas, loginBy: ['http-chap', 'http-pap', 'mac'] });
    await hotspot.start();
    cleanups.push(() => hotspot.stop());
    // Every page the phones were shown, to scan as well.
    const pages: Array<{ url: string; html: string }> = [];
    const seenBy = (b: ReturnType<typeof phoneBrowser>) => async (step: Promise<unknown>) => {
      await step;
      pages.push({ url: b.page.url, html: b.page.html });
    };
    const a = phoneBrowser(MAC_A);
    const onA = seenBy(a);
    await onA(a.open(`${hotspot.url}/generate_204`));
    await onA(a.autoSubmit());
    await onA(a.submit('/portal/phone', { phone: PHONE }));
    const otps = s.engine.sms.outbox({ limit: 50 }).items.filter((i) => i.phone === E164).map((i) => /\b(\d{6})\b/.exec(i.text)![1]!);
    expect(otps).toHaveLength(1);
    await onA(a.submit('/portal/code', { code: otps[0]! }));
    await onA(a.submit('/portal/newpin', { pin: M.portalPin, pin2: M.portalPin }));
    await onA(a.submit('/portal/card', { code: codes[1]! }));
    await onA(a.autoSubmit());
    expect(hotspot.isOnline(MAC_A)).toBe(true);
    const b = phoneBrowser(MAC_B);
    const onB = seenBy(b);
    await onB(b.open(`${hotspot.url}/generate_204`));
    await onB(b.autoSubmit());
    await onB(b.submit('/portal/phone', { phone: PHONE }));
    await onB(b.submit('/portal/pin', { pin: M.wrongPin }));
    expect(b.text).toContain('That PIN is not right');
    await onB(b.submit('/portal/pin', { pin: M.portalPin }));
    // A wrong card code and a broken form: the customer sees a plain page, no stack trace or path.
    await onB(b.submit('/portal/card', { code: 'ZZZZ-ZZZZ-ZZZZ' }));
    const c = phoneBrowser('30:39:26:86:CC:EC');
    const onC = seenBy(c);
    await onC(c.open(`${hotspot.url}/generate_204`));
    await onC(c.autoSubmit());
    await onC(c.submit('/portal/phone', { phone: '<script>x</script>'.repeat(3) }));

    // The owner looks at everything.
    const customer = await ok<{ id: number; hotspotUsername: string; hotspotPassword: string }>('customers.get', { phone: PHONE });
    const adminCustomer = await ok<{ hotspotPassword: string }>('customers.get', { phone: ADMIN_PHONE });
    for (const [method, input] of [
      ['customers.list', {}], ['sessions.list', {}], ['payments.list', {}], ['dashboard.summary', {}], ['authLog.list', {}],
      ['radius.status', {}], ['sms.outbox', {}], ['distributors.list', {}], ['zones.list', {}], ['backups.list', {}],
    ] as const) await ok(method, input);
    await ok('auth.changePassword', { current: M.adminPassword, next: `${M.adminPassword}-2` }, 'session');
    await ok('auth.logout', {}, 'session');
    expect(customer.hotspotPassword.length).toBeGreaterThan(0);

    /** Every secret, and the admin replies where its owner is meant to see it. */
    const secrets: Array<{ name: string; value: string; allowedIn: Allowed }> = [
      ...Object.entries(M).map(([name, value]) => ({ name, value, allowedIn: NOWHERE })),
      { name: 'adminPassword (changed)', value: `${M.adminPassword}-2`, allowedIn: NOWHERE },
      { name: 'admin token', value: s.token, allowedIn: NOWHERE },
      // The session token lives in the HttpOnly cookie the sign-in replies set (checked below).
      // The customer page: customers.get, and create/update, which answer with that same record
      // (the page the owner lands on after saving).
      { name: 'hotspot password', value: customer.hotspotPassword, allowedIn: CUSTOMER_PAGE },
      { name: 'hotspot password (counter customer)', value: adminCustomer.hotspotPassword, allowedIn: CUSTOMER_PAGE },
      // Codes for printing: the batch as generated and the card list; vouchers.disable answers
      // with the one card the owner just typed in.
      ...codes.map((value, i) => ({ name: `card code ${i}`, value, allowedIn: new Set(['vouchers.generate', 'vouchers.list', ...(i === 3 ? ['vouchers.disable'] : [])]) })),
      // The owner's SMS outbox shows texts in full (src-shared/api/sms.ts, owner only): the OTP
      // appears there and nowhere else.
      ...otps.map((value) => ({ name: 'OTP', value, allowedIn: new Set(['sms.outbox']) })),
    ];

    // The engine wrote its log lines synchronously; stop it so every file is final.
    await s.close();
    const logText = fs.readFileSync(logFile, 'utf8');
    const logLines = logText.split('\n').filter(Boolean);
    expect(logLines.length).toBeGreaterThan(5);
    // Debug lines were on: every admin call is traced with its (redacted) input at this level.
    expect(logLines.filter((l) => JSON.parse(l).level === 20).length).toBeGreaterThan(30);

    // Every file in the data folder but the database (and its WAL/SHM) and the key files.
    const skip = (f: string) => /^hotspotdesk\.db(-wal|-shm|-journal)?$/.test(f) || f === KEY_FILE || f === ADMIN_TOKEN_FILE;
    const dataFiles = filesUnder(config.dataDir).filter((f) => !skip(f));
    const db = new Database(path.join(config.dataDir, 'hotspotdesk.db'), { readonly: true });
    const auditText = JSON.stringify(db.prepare('SELECT * FROM audit_log ORDER BY id').all());
    const auditActions = (db.prepare('SELECT action FROM audit_log').all() as { action: string }[]).map((r) => r.action);
    db.close();
    expect(auditActions).toEqual(expect.arrayContaining(['routers.create', 'settings.update', 'gateways.configure', 'customers.create', 'vouchers.redeem', 'auth.changePassword']));

    const leaks: string[] = [];
    for (const { name, value, allowedIn } of secrets) {
      logLines.forEach((line, i) => occurs(line, value) && leaks.push(`${name} in log line ${i + 1}: ${line.slice(0, 200)}`));
      for (const f of dataFiles) if (occurs(fs.readFileSync(path.join(config.dataDir, f), 'latin1'), value)) leaks.push(`${name} in data file ${f}`);
      if (occurs(auditText, value)) leaks.push(`${name} in the audit log`);
      for (const r of replies) if (!allowedIn.has(r.method) && occurs(r.text, value)) leaks.push(`${name} in the ${r.method} reply`);
    }
    // Portal pages: no secret at all (the login goes to the router CHAP-hashed), and no stack
    // trace or internal path in what a customer is shown.
    for (const { name, value } of secrets) {
      for (const p of pages) if (occurs(p.html, value)) leaks.push(`${name} on the portal page ${p.url}`);
    }
    for (const p of pages) {
      if (/\bat [\w.<>]+ \(|node_modules|src-main|[\\/]tmp[\\/]|\.ts:\d+/.test(p.html)) leaks.push(`a stack trace or path on ${p.url}`);
    }
    expect(pages.length).toBeGreaterThan(10);
    expect(leaks).toEqual([]);

    // The exceptions are real: the owner does see these where meant (else the test proves nothing).
    const seen = (value: string, method: string) => replies.some((r) => r.method === method && occurs(r.text, value));
    expect(seen(customer.hotspotPassword, 'customers.get')).toBe(true);
    expect(seen(codes[2]!, 'vouchers.generate')).toBe(true);
    expect(seen(otps[0]!, 'sms.outbox')).toBe(true);
    // And the markers did flow through: the audit log redacted them rather than never seeing them.
    expect(auditText).toContain('[redacted]');
  }, 60_000);
});
