import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createEngine } from '../../src-main/engine';
import { createLogger, silentLogger } from '../../src-main/log';
import { manualClock } from '../../src-main/clock';
import { openDataDirDatabase } from '../../src-main/db';
import { startServer, type RunningServer } from '../../src-main/server';
import { settingsSecretPaths } from '../../src-shared/settings';
import { testConfig, testEngine } from '../helpers/engine';
import { tmpDir } from '../helpers/tmp';

type TestEngine = Awaited<ReturnType<typeof testEngine>>['engine'];

async function refused(engine: TestEngine, input: unknown) {
  const r = await engine.call('settings.update', input);
  expect(r.ok).toBe(false);
  const error = (r as { ok: false; error: { code: string; message: string; field?: string } }).error;
  expect(error.code).toBe('invalid_input');
  // Plain words for the owner, never zod's own phrasing.
  expect(error.message).not.toMatch(/too (small|big)|expected|invalid input|received|>=|<=/i);
  expect(error.message.startsWith(`${error.field}: `)).toBe(true);
  return error;
}

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const SECRET = 'sk-live-5f2d9c1e7a4b';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe('settings sections', () => {
  it('display and setup: the owner\'s clock and the wizard flag are kept; bad values are refused by field', async () => {
    const { engine, ok } = await testEngine();
    await ok('settings.update', { display: { clock: '12h', language: 'bn' }, setup: { done: true } });
    const s = await ok('settings.get');
    expect(s.display).toEqual({ language: 'bn', clock: '12h' });
    expect(s.setup.done).toBe(true);
    expect((await refused(engine, { display: { clock: '13h' } })).field).toBe('display.clock');
    expect((await refused(engine, { setup: { done: 'yes' } })).field).toBe('setup.done');
  });

  it('desktop: start at login is on by default, can be turned off, and refuses a non-boolean', async () => {
    const { engine, ok } = await testEngine();
    expect((await ok('settings.get')).desktop).toEqual({ startAtLogin: true });
    await ok('settings.update', { desktop: { startAtLogin: false } });
    expect((await ok('settings.get')).desktop.startAtLogin).toBe(false);
    const err = await refused(engine, { desktop: { startAtLogin: 'no' } });
    expect(err.field).toBe('desktop.startAtLogin');
    expect(err.message).toMatch(/true or false/);
  });

  it('start at their defaults, secrets reported only as has<Field>', async () => {
    const { ok } = await testEngine();
    const s = await ok('settings.get');
    expect(Object.keys(s).sort()).toEqual(['backups', 'bkash', 'desktop', 'display', 'freeMinutes', 'nagad', 'network', 'otp', 'portal', 'sendMoney', 'setup', 'shop', 'sms', 'sslcommerz']);
    expect(s.freeMinutes).toEqual({ enabled: false, minutes: 5, rateLimit: '256k/256k', dataCapMb: 20 });
    // A new install shows the first-run wizard, in English with a 24-hour clock.
    expect(s.setup).toEqual({ done: false });
    expect(s.display).toEqual({ language: 'en', clock: '24h' });
    expect(s.shop).toMatchObject({ name: 'HotspotDesk WiFi', timezone: 'Asia/Dhaka', currency: 'BDT' });
    expect(s.network).toEqual({ serverAddress: '', portalUrl: '', acctInterimInterval: 60, idleTimeout: 300 });
    expect(s.otp).toMatchObject({ ttlSeconds: 300, maxAttempts: 5, resendAfterSeconds: 60, perNumberPerHour: 3, perNumberPerDay: 10 });
    expect(s.sms).toMatchObject({ provider: 'outbox', hasApiKey: false });
    expect(s.bkash).toMatchObject({ enabled: false, hasAppSecret: false, hasPassword: false });
    expect(s.bkash).not.toHaveProperty('appSecret');
    expect(s.sendMoney).toMatchObject({ hasSmsWebhookToken: false });
    expect(settingsSecretPaths).toEqual(
      expect.arrayContaining(['sms.apiKey', 'bkash.appSecret', 'bkash.password', 'nagad.merchantPrivateKey', 'sslcommerz.storePassword', 'sendMoney.smsWebhookToken']),
    );
  });

  it('update takes a partial per section: omitted fields keep their value', async () => {
    const { ok } = await testEngine();
    await ok('settings.update', { shop: { name: 'Rahim WiFi Zone', supportPhone: '017-1234 5678' }, otp: { ttlSeconds: 600 } });
    const s = await ok('settings.update', { shop: { colour: '#1A2B3C' }, sms: { http: { url: 'https://sms.example.com/send' } } });
    expect(s.shop).toMatchObject({ name: 'Rahim WiFi Zone', supportPhone: '+8801712345678', colour: '#1a2b3c', timezone: 'Asia/Dhaka' });
    expect(s.otp).toMatchObject({ ttlSeconds: 600, maxAttempts: 5 });
    expect(s.sms.http).toMatchObject({ url: 'https://sms.example.com/send', method: 'GET', contentType: 'form' });
    expect(await ok('settings.get')).toEqual(s);
  });

  it('a secret is sealed at rest, never returned, audited or logged; null clears it', async () => {
    const dataDir = tmpDir();
    const logFile = path.join(dataDir, 'engine.log');
    const engine = await createEngine(testConfig({ dataDir }), { clock: manualClock(Date.UTC(2026, 5, 1)), log: createLogger({ level: 'trace', destination: logFile }) });
    try {
      const set = await engine.call('settings.update', { sms: { provider: 'bulksmsbd', apiKey: SECRET }, bkash: { password: `${SECRET}-pw` } });
      expect(set).toMatchObject({ ok: true, value: { sms: { provider: 'bulksmsbd', hasApiKey: true }, bkash: { hasPassword: true, hasAppSecret: false } } });
      expect(JSON.stringify(set)).not.toContain(SECRET);
      expect(engine.deps.settings.secret('sms', 'apiKey')).toBe(SECRET);
      expect(engine.deps.settings.secret('bkash', 'password')).toBe(`${SECRET}-pw`);
      // A failed update that carries a secret leaves no trace of it either.
      await refused(engine, { sms: { apiKey: `${SECRET}-2`, lowBalanceWarnAt: -1 } });
      expect(engine.deps.settings.secret('sms', 'apiKey')).toBe(SECRET);

      const rows = engine.db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
      expect(rows.find((r) => r.key === 'sms.apiKey')?.value).toMatch(/^"v1:/);
      const audit = engine.db.prepare("SELECT detail FROM audit_log WHERE action = 'settings.update'").all() as Array<{ detail: string }>;
      expect(audit).toHaveLength(1);
      expect(audit[0]!.detail).toContain('bulksmsbd');
      expect(audit[0]!.detail).toContain('[redacted]');
      for (const text of [...rows.map((r) => r.value), ...audit.map((a) => a.detail), JSON.stringify(await engine.call('settings.get', {}))]) {
        expect(text).not.toContain(SECRET);
      }

      // Omitted keeps it; null clears it.
      await engine.call('settings.update', { sms: { senderId: 'RAHIMWIFI' } });
      expect(engine.deps.settings.secret('sms', 'apiKey')).toBe(SECRET);
      expect(await engine.call('settings.update', { sms: { apiKey: null } })).toMatchObject({ ok: true, value: { sms: { hasApiKey: false, senderId: 'RAHIMWIFI' } } });
      expect(engine.deps.settings.secret('sms', 'apiKey')).toBeNull();
      expect(engine.db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'sms.apiKey'").get()).toEqual({ n: 0 });
    } finally {
      await engine.stop();
    }
    expect(fs.readFileSync(logFile, 'utf8')).not.toContain(SECRET);
  });
});

describe('settings validation protects the owner', () => {
  it('refuses a time zone that does not exist, and stores the canonical name of one that does', async () => {
    const { engine, ok } = await testEngine();
    expect(await refused(engine, { shop: { timezone: 'Mars/Olympus' } })).toMatchObject({ field: 'shop.timezone', message: 'shop.timezone: must be a time zone name such as Asia/Dhaka' });
    expect((await ok('settings.update', { shop: { timezone: 'asia/kolkata' } })).shop.timezone).toMatch(/^Asia\/(Kolkata|Calcutta)$/);
    expect(await ok('dashboard.summary')).toMatchObject({ salesTodayCount: 0 });
  });

  it('refuses a portal URL that is not an http(s) address with a host', async () => {
    const { engine, ok } = await testEngine();
    for (const portalUrl of ['not a url', 'ftp://10.0.0.1/', 'http://', 'portal.lan:8080', 'http://exa mple.com']) {
      expect(await refused(engine, { network: { portalUrl } })).toMatchObject({ field: 'network.portalUrl' });
    }
    for (const portalUrl of ['http://192.168.88.10:8080', 'https://wifi.rahim.com.bd/portal', '']) {
      expect((await ok('settings.update', { network: { portalUrl } })).network.portalUrl).toBe(portalUrl);
    }
  });

  it('refuses a server address that is neither a valid IPv4 nor a host name', async () => {
    const { engine, ok } = await testEngine();
    for (const serverAddress of ['999.1.1.1', '10.0.0.256', '10.0.0', '192.168.88.10:1812', 'my server', '-bad.lan', 'http://10.0.0.1']) {
      const e = await refused(engine, { network: { serverAddress } });
      expect(e).toMatchObject({ field: 'network.serverAddress' });
      expect(e.message).toContain('IPv4 address');
    }
    for (const serverAddress of ['192.168.88.10', 'hotspot.lan', 'pc-1', '']) {
      expect((await ok('settings.update', { network: { serverAddress } })).network.serverAddress).toBe(serverAddress);
    }
  });

  it('says the range and unit of numbers out of range', async () => {
    const { engine } = await testEngine();
    expect(await refused(engine, { network: { acctInterimInterval: 5 } })).toMatchObject({
      field: 'network.acctInterimInterval',
      message: 'network.acctInterimInterval: must be between 30 and 3600 seconds',
    });
    expect((await refused(engine, { network: { idleTimeout: 1.5 } })).message).toBe('network.idleTimeout: must be a whole number of seconds');
    expect((await refused(engine, { network: { idleTimeout: '300' } })).message).toBe('network.idleTimeout: must be a number of seconds');
    expect((await refused(engine, { otp: { pinLockMinutes: 0 } })).message).toBe('otp.pinLockMinutes: must be between 1 and 1440 minutes');
    expect((await refused(engine, { backups: { keep: 400 } })).message).toBe('backups.keep: must be between 1 and 365 backups');
    expect((await refused(engine, { otp: { perNumberPerHour: 5, perNumberPerDay: 4 } })).field).toBe('otp.perNumberPerDay');
  });

  it('checks colour, logo size and type, and phone numbers', async () => {
    const { engine, ok } = await testEngine();
    expect(await refused(engine, { shop: { colour: 'red' } })).toMatchObject({ field: 'shop.colour' });
    expect((await refused(engine, { shop: { logo: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' } })).message).toMatch(/PNG, JPEG, WebP or SVG/);
    expect((await refused(engine, { shop: { logo: 'https://example.com/logo.png' } })).field).toBe('shop.logo');
    // Says PNG but holds a JPEG's first bytes.
    expect((await refused(engine, { shop: { logo: 'data:image/png;base64,/9j/4AAQSkZJRgABAQ==' } })).message).toBe('shop.logo: is not a valid PNG image');
    const big = `data:image/png;base64,${PNG_1PX.slice(0, 64)}${'A'.repeat(70_000)}`;
    expect((await refused(engine, { shop: { logo: big } })).message).toMatch(/^shop\.logo: must be at most 48 KB \(this one is about \d+ KB\)$/);
    expect((await ok('settings.update', { shop: { logo: `data:image/png;base64,${PNG_1PX}` } })).shop.logo).toContain(PNG_1PX);
    const svg = `data:image/svg+xml;base64,${Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}`;
    expect((await ok('settings.update', { shop: { logo: svg } })).shop.logo).toBe(svg);

    expect((await refused(engine, { shop: { supportPhone: '12345' } })).field).toBe('shop.supportPhone');
    expect((await refused(engine, { sendMoney: { bkashNumber: '01212345678' } })).field).toBe('sendMoney.bkashNumber');
    expect((await refused(engine, { sendMoney: { rocketNumber: '0171234' } })).field).toBe('sendMoney.rocketNumber');
    expect((await ok('settings.update', { sendMoney: { nagadNumber: '01912345678', rocketNumber: '017123456784' } })).sendMoney).toMatchObject({
      nagadNumber: '+8801912345678',
      rocketNumber: '017123456784',
    });
  });

  it('checks rules across fields on the section as it would be saved', async () => {
    const { engine, ok } = await testEngine();
    expect((await refused(engine, { portal: { languages: [] } })).field).toBe('portal.languages');
    expect((await refused(engine, { portal: { languages: ['en', 'fr'] } })).field).toBe('portal.languages.1');
    await ok('settings.update', { portal: { defaultLanguage: 'bn' } });
    expect(await refused(engine, { portal: { languages: ['en'] } })).toMatchObject({ field: 'portal.defaultLanguage', message: "portal.defaultLanguage: must be one of the portal's languages (en)" });
    expect((await refused(engine, { sms: { provider: 'http' } })).field).toBe('sms.http.url');
    expect((await refused(engine, { bkash: { enabled: true } })).field).toBe('bkash.appKey');
    expect((await refused(engine, { bkash: { enabled: true, appKey: 'k', username: 'u', appSecret: 's' } })).field).toBe('bkash.password');
    await ok('settings.update', { bkash: { enabled: true, appKey: 'k', username: 'u', appSecret: 's', password: 'p' } });
    // Clearing a credential of a gateway that is on would break it: refused.
    expect((await refused(engine, { bkash: { password: null } })).field).toBe('bkash.password');
    expect((await refused(engine, { shop: { name: '   ' } })).message).toBe('shop.name: must not be empty');
    expect((await refused(engine, { shop: { nope: 1 } })).field).toBe('shop.nope');
    expect((await refused(engine, {})).field).toBe('input');
    expect((await refused(engine, { shop: {} })).field).toBe('input');
  });
});

describe('stored settings', () => {
  it('a stored value that no longer validates falls back to its default, field by field; dashboard and sign-in still work', async () => {
    const dataDir = tmpDir();
    const first = await testEngine({ config: { dataDir } });
    await first.ok('settings.update', { shop: { name: 'Rahim WiFi Zone' }, network: { acctInterimInterval: 120 } });
    // Written behind the API's back (an older build, a hand edit): a zone that does not exist.
    first.engine.db.prepare("UPDATE settings SET value = json_set(value, '$.timezone', 'Mars/Olympus') WHERE key = 'shop'").run();
    first.engine.db.prepare("UPDATE settings SET value = '{not json' WHERE key = 'network'").run();
    await first.engine.stop();

    const { ok } = await testEngine({ config: { dataDir } });
    const s = await ok('settings.get');
    expect(s.shop).toMatchObject({ name: 'Rahim WiFi Zone', timezone: 'Asia/Dhaka' });
    expect(s.network.acctInterimInterval).toBe(60);
    expect(await ok('dashboard.summary')).toMatchObject({ salesTodayCount: 0 });
  });

  it('sign-in (dashboard.summary with the token over HTTP) works with a bad stored time zone', async () => {
    const config = testConfig();
    const db = openDataDirDatabase(config.dataDir);
    db.prepare("INSERT INTO settings (key, value) VALUES ('shop', json_object('timezone', 'Mars/Olympus'))").run();
    db.close();
    const s = await startServer(config, { log: silentLogger() });
    servers.push(s);
    const r = await fetch(`${s.adminUrl}api/dashboard.summary`, { method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true, value: { salesTodayCount: 0 } });
  });

  it('a database written the old way (one row per flat key) is migrated into sections', async () => {
    const dataDir = tmpDir();
    // The schema as it was before sections: migrations up to 0030 only.
    const oldMigrations = tmpDir('hsd-migrations-');
    const here = path.resolve(__dirname, '../../src-main/db/migrations');
    for (const f of fs.readdirSync(here).filter((f) => f < '0040')) fs.copyFileSync(path.join(here, f), path.join(oldMigrations, f));
    const db = openDataDirDatabase(dataDir, { migrationsDir: oldMigrations });
    const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    put.run('shopName', JSON.stringify('Karim Net'));
    put.run('timezone', JSON.stringify('Asia/Dhaka'));
    put.run('currency', JSON.stringify('BDT'));
    put.run('acctInterimInterval', JSON.stringify(120));
    put.run('idleTimeout', JSON.stringify(0));
    put.run('serverAddress', JSON.stringify('10.0.0.5'));
    put.run('portalUrl', JSON.stringify('not a url')); // saved by the old build, refused now
    db.close();

    const { engine, ok } = await testEngine({ config: { dataDir } });
    const s = await ok('settings.get');
    expect(s.shop).toMatchObject({ name: 'Karim Net', timezone: 'Asia/Dhaka', currency: 'BDT', colour: '#1a73e8' });
    expect(s.network).toEqual({ serverAddress: '10.0.0.5', portalUrl: '', acctInterimInterval: 120, idleTimeout: 0 });
    const keys = (engine.db.prepare('SELECT key FROM settings ORDER BY key').all() as Array<{ key: string }>).map((r) => r.key);
    expect(keys).toEqual(['network', 'shop']);
  });

  it('a stored rule break resets the field it names (else the section); a secret sealed with another key reads as not set', async () => {
    const dataDir = tmpDir();
    const db = openDataDirDatabase(dataDir);
    db.prepare("INSERT INTO settings (key, value) VALUES ('portal', json_object('languages', json_array('bn'), 'defaultLanguage', 'en'))").run();
    db.prepare("INSERT INTO settings (key, value) VALUES ('sms.apiKey', json_quote('v1:c2VhbGVkIHdpdGggYW5vdGhlciBrZXk='))").run();
    db.close();
    const { engine, ok } = await testEngine({ config: { dataDir } });
    const s = await ok('settings.get');
    // defaultLanguage back to its default (en) still breaks the rule, so the section is the default.
    expect(s.portal).toEqual({ languages: ['en', 'bn'], defaultLanguage: 'en', maxBodyKb: 16, maxFieldChars: 200, formPostsPerMacPerMinute: 60, requestsPerAddressPerMinute: 600 });
    expect(s.sms.hasApiKey).toBe(false);
    expect(engine.deps.settings.secret('sms', 'apiKey')).toBeNull();
  });

  it('a fresh database has no settings rows until the owner saves', async () => {
    const { engine } = await testEngine();
    expect(engine.db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
  });
});

describe('texts to customers', () => {
  it("texts the owner's own wording per language, keeps the built-in one for empty fields, and refuses a code text without {code}", async () => {
    const { engine, ok } = await testEngine({ start: true });
    await ok('settings.update', { shop: { name: 'Rahim Net' }, sms: { templates: { otpEn: 'Code {code} for {shop} WiFi' } } });
    await engine.sms.send({ phone: '+8801712345678', kind: 'otp', lang: 'en', vars: { code: '482913' } });
    await engine.sms.send({ phone: '+8801712345678', kind: 'otp', lang: 'bn', vars: { code: '482914' } });
    const texts = (await ok('sms.outbox', {})).items.map((m: { text: string }) => m.text);
    expect(texts).toEqual([expect.stringContaining('482914'), 'Code 482913 for Rahim Net WiFi']);
    expect(texts[0]).toMatch(/কোড/); // the built-in Bangla text, as the Bangla field was left empty
    const bad = await engine.call('settings.update', { sms: { templates: { pinResetBn: 'পিন রিসেট করুন' } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'sms.templates.pinResetBn', message: expect.stringMatching(/\{code\}/) } });
    expect((await ok('settings.get')).sms.templates).toMatchObject({ otpEn: 'Code {code} for {shop} WiFi', pinResetBn: '' });
  });
});
