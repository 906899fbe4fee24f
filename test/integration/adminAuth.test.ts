import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startServer, type RunningServer } from '../../src-main/server';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import { testConfig } from '../helpers/engine';
import type { EngineConfig } from '../../src-main/config';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

interface Reply {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string; field?: string } };
  setCookie: string[];
}

/** One POST with full control of the headers (fetch will not set Host), through a real socket. */
function post(url: string, method: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const u = new URL(`api/${method}`, url);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(u, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Reply['body'], setCookie: res.headers['set-cookie'] ?? [] }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

async function start(config: Partial<EngineConfig> = {}) {
  const clock = manualClock(Date.UTC(2026, 5, 1, 6, 0, 0));
  const cfg = testConfig(config);
  const s = await startServer(cfg, { clock, log: silentLogger() });
  servers.push(s);
  const url = s.adminUrl;
  /** A browser: keeps the session cookie between calls, sends no token. */
  const browser = () => {
    let cookie: string | null = null;
    return {
      async call(method: string, body: unknown = {}, headers: Record<string, string> = {}) {
        const r = await post(url, method, body, { ...(cookie ? { cookie } : {}), ...headers });
        for (const c of r.setCookie) {
          const [pair] = c.split(';');
          cookie = pair!.endsWith('=') ? null : pair!;
        }
        return r;
      },
      cookie: () => cookie,
    };
  };
  const script = (method: string, body: unknown = {}) => post(url, method, body, { authorization: `Bearer ${s.token}` });
  const audit = () => {
    const db = new Database(path.join(cfg.dataDir, 'hotspotdesk.db'), { readonly: true });
    try {
      return db.prepare('SELECT actor, action, detail FROM audit_log ORDER BY id').all() as { actor: string; action: string; detail: string | null }[];
    } finally {
      db.close();
    }
  };
  return { s, url, clock, browser, script, audit };
}

const PASSWORD = 'green-mango-42';

function lanAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
}

describe('owner password set-up', () => {
  it('is offered from this PC until a password exists, then refused', async () => {
    const { browser } = await start();
    const b = browser();
    expect((await b.call('auth.status')).body).toEqual({ ok: true, value: { passwordSet: false, canSetUp: true, user: null } });
    // Nobody signed in: every other method is refused.
    const refused = await b.call('packages.list');
    expect(refused.status).toBe(401);
    expect(refused.body.error!.code).toBe('unauthorized');

    let r = await b.call('auth.setup', { password: 'short' });
    expect(r.body.error).toMatchObject({ code: 'invalid_input', field: 'password', message: 'password: must be at least 8 characters' });
    r = await b.call('auth.setup', { password: PASSWORD });
    expect(r.body).toMatchObject({ ok: true, value: { name: 'owner', role: 'owner', expiresAt: expect.any(Number) } });
    // The session rides in an HttpOnly, SameSite=Strict cookie, never in the body.
    expect(r.setCookie).toHaveLength(1);
    expect(r.setCookie[0]).toMatch(/^hsd_session=[\w-]{40,}; Path=\/api; HttpOnly; SameSite=Strict$/);
    expect(JSON.stringify(r.body)).not.toContain(b.cookie()!.split('=')[1]);
    expect((await b.call('auth.status')).body.value).toEqual({ passwordSet: true, canSetUp: false, user: { name: 'owner', role: 'owner', via: 'session' } });
    expect((await b.call('packages.list')).body).toEqual({ ok: true, value: [] });

    const again = await browser().call('auth.setup', { password: 'another-password' });
    expect(again.body.error!.code).toBe('AUTH_ALREADY_SET_UP');
  });

  it('is refused when the Host is not this PC (a re-pointed web domain)', async () => {
    const { browser } = await start();
    const b = browser();
    const r = await b.call('auth.setup', { password: PASSWORD }, { host: 'shop-wifi.example.com' });
    expect(r.body.error!.code).toBe('AUTH_NOT_LOCAL');
    expect((await b.call('auth.status', {}, { host: 'shop-wifi.example.com' })).body.value).toMatchObject({ passwordSet: false, canSetUp: false });
  });

  const lan = lanAddress();
  it.skipIf(!lan)('is refused from another machine on the LAN (non-loopback source address)', async () => {
    const { s } = await start({ adminBind: '0.0.0.0' });
    const port = new URL(s.adminUrl).port;
    const remote = `http://${lan}:${port}/`;
    const r = await post(remote, 'auth.setup', { password: PASSWORD });
    expect(r.body.error).toMatchObject({ code: 'AUTH_NOT_LOCAL', message: expect.stringMatching(/shop PC/) });
    // …and it still works from this PC afterwards.
    expect((await post(s.adminUrl, 'auth.setup', { password: PASSWORD })).body.ok).toBe(true);
  });
});

describe('sign-in', () => {
  it('locks an account for 15 minutes after five wrong passwords, saying until when; the token still works', async () => {
    const { browser, script, clock } = await start();
    await browser().call('auth.setup', { password: PASSWORD });
    const b = browser();
    for (let i = 1; i <= 4; i++) {
      const r = await b.call('auth.login', { password: `wrong-${i}-password` });
      expect(r.body.error, `try ${i}`).toMatchObject({ code: 'AUTH_WRONG_PASSWORD', message: expect.stringContaining(`${5 - i} tr`) });
      expect(r.status).toBe(400);
    }
    const fifth = await b.call('auth.login', { password: 'wrong-5-password' });
    expect(fifth.status).toBe(429);
    // 06:00 UTC + 15 min is 12:15 in Dhaka, the shop's default time zone.
    expect(fifth.body.error).toMatchObject({ code: 'AUTH_LOCKED', message: expect.stringMatching(/paused until .*12:15.*\(15 minutes\)/) });
    // Even the right password waits out the pause.
    clock.advance(14 * 60_000);
    const locked = await b.call('auth.login', { password: PASSWORD });
    expect(locked.body.error).toMatchObject({ code: 'AUTH_LOCKED', message: expect.stringContaining('(1 minute)') });
    expect(locked.setCookie).toEqual([]);
    // Scripts with the admin token are not locked out.
    expect((await script('packages.list')).body).toEqual({ ok: true, value: [] });
    const users = (await script('users.list')).body.value as { name: string; lockedUntil: number | null }[];
    expect(users).toEqual([expect.objectContaining({ name: 'owner', lockedUntil: Date.UTC(2026, 5, 1, 6, 15) })]);

    clock.advance(60_000);
    const ok = await b.call('auth.login', { password: PASSWORD });
    expect(ok.body).toMatchObject({ ok: true, value: { name: 'owner', role: 'owner' } });
    expect((await b.call('auth.status')).body.value).toMatchObject({ user: { name: 'owner', via: 'session' } });
  });

  it('signs out, and refuses a session that ran out or was ended', async () => {
    const { browser, clock, url } = await start();
    const b = browser();
    await b.call('auth.setup', { password: PASSWORD });
    const ended = b.cookie()!;
    expect((await b.call('auth.logout')).body).toEqual({ ok: true, value: { signedOut: true } });
    expect(b.cookie()).toBeNull();
    // The same cookie replayed after sign-out opens nothing.
    expect((await post(url, 'packages.list', {}, { cookie: ended })).status).toBe(401);

    await b.call('auth.login', { password: PASSWORD });
    expect((await b.call('packages.list')).status).toBe(200);
    clock.advance(12 * 3600_000 + 1);
    expect((await b.call('packages.list')).status).toBe(401);
  });

  it('refuses a cookie-carrying request sent by another site', async () => {
    const { browser, s } = await start();
    const b = browser();
    await b.call('auth.setup', { password: PASSWORD });
    const host = new URL(s.adminUrl).host;
    expect((await b.call('packages.list', {}, { origin: `http://${host}` })).status).toBe(200);
    const r = await b.call('packages.create', { name: 'x', price: 1, validitySeconds: 60, downloadBps: 1, uploadBps: 1 }, { origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(r.body.error!.code).toBe('forbidden');
  });

  it('changes a password after checking the current one, and never stores or audits one', async () => {
    const { browser, audit, s } = await start();
    const b = browser();
    await b.call('auth.setup', { password: PASSWORD });
    let r = await b.call('auth.changePassword', { current: 'not-the-password', next: 'ripe-jackfruit-7' });
    expect(r.body.error).toMatchObject({ code: 'invalid_input', field: 'current' });
    r = await b.call('auth.changePassword', { current: PASSWORD, next: 'ripe-jackfruit-7' });
    expect(r.body).toEqual({ ok: true, value: { changed: true } });
    expect((await browser().call('auth.login', { password: PASSWORD })).body.error!.code).toBe('AUTH_WRONG_PASSWORD');
    expect((await browser().call('auth.login', { password: 'ripe-jackfruit-7' })).body.ok).toBe(true);
    const db = new Database(path.join(s.engine.config.dataDir, 'hotspotdesk.db'), { readonly: true });
    try {
      const dump = JSON.stringify([audit(), db.prepare('SELECT * FROM admin_users').all()]);
      expect(dump).not.toMatch(/green-mango|ripe-jackfruit|not-the-password/);
      expect(dump).toContain('scrypt$');
    } finally {
      db.close();
    }
  });
});

describe('staff roles', () => {
  it('lets a cashier sell and redeem cards but not change settings, routers or packages; the audit log names who', async () => {
    const { browser, script, audit } = await start();
    const owner = browser();
    await owner.call('auth.setup', { password: PASSWORD });
    const pkg = await owner.call('packages.create', { name: '1 day', price: 3000, validitySeconds: 86400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
    expect(pkg.body.ok).toBe(true);
    const cards = (await script('vouchers.generate', { packageId: 1, count: 1 })).body.value as { codes: string[] };
    const created = await owner.call('users.create', { name: 'Rina', role: 'cashier', password: 'rina-pass-123' });
    expect(created.body.value).toMatchObject({ id: 2, name: 'Rina', role: 'cashier', status: 'active' });
    expect((await owner.call('users.create', { name: 'rina', role: 'cashier', password: 'rina-pass-123' })).body.error).toMatchObject({ code: 'conflict', field: 'name' });

    const rina = browser();
    expect((await rina.call('auth.login', { name: 'rina', password: 'rina-pass-123' })).body.value).toMatchObject({ name: 'Rina', role: 'cashier' });
    expect((await rina.call('auth.status')).body.value).toMatchObject({ user: { name: 'Rina', role: 'cashier', via: 'session' } });

    const forbidden: [string, unknown][] = [
      ['settings.update', { shop: { name: 'Rina WiFi' } }],
      ['routers.create', { name: 'r2', nasIp: '10.0.0.2', secret: 'radius-secret' }],
      ['packages.create', { name: '2 days', price: 5000, validitySeconds: 172800, downloadBps: 1, uploadBps: 1 }],
      ['users.create', { name: 'Kamal', role: 'owner', password: 'kamal-pass-123' }],
      ['users.list', {}],
      ['customers.cancelSubscription', { subscriptionId: 1 }],
    ];
    for (const [m, input] of forbidden) {
      const r = await rina.call(m, input);
      expect(r.status, m).toBe(403);
      expect(r.body.error, m).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/^Only the owner can do that/) });
    }
    const sale = await rina.call('customers.sellPackage', { phone: '01712345678', packageId: 1, method: 'cash' });
    expect(sale.body).toMatchObject({ ok: true, value: { subscriptionId: 1 } });
    const redeem = await rina.call('vouchers.redeem', { code: cards.codes[0], phone: '01812345678' });
    expect(redeem.body.ok).toBe(true);
    expect((await rina.call('packages.list')).body.ok).toBe(true);
    expect((await rina.call('dashboard.summary')).body.ok).toBe(true);

    const rows = audit().map(({ actor, action }) => `${actor} ${action}`);
    expect(rows).toEqual([
      'owner auth.setup',
      'owner packages.create',
      'token vouchers.generate',
      'owner users.create',
      'Rina auth.login',
      'Rina customers.sellPackage',
      'Rina vouchers.redeem',
    ]);
    expect(JSON.stringify(audit())).not.toMatch(/rina-pass-123|green-mango/);
  });

  it('disables a staff account at once, but never the last active owner', async () => {
    const { browser, script } = await start();
    await browser().call('auth.setup', { password: PASSWORD });
    await script('users.create', { name: 'Rina', role: 'cashier', password: 'rina-pass-123' });
    const rina = browser();
    await rina.call('auth.login', { name: 'Rina', password: 'rina-pass-123' });
    expect((await rina.call('customers.list')).status).toBe(200);

    expect((await script('users.disable', { id: 2 })).body.value).toMatchObject({ name: 'Rina', status: 'disabled' });
    expect((await rina.call('customers.list')).status).toBe(401);
    expect((await browser().call('auth.login', { name: 'Rina', password: 'rina-pass-123' })).body.error!.code).toBe('USER_DISABLED');

    const last = await script('users.disable', { id: 1 });
    expect(last.body.error).toMatchObject({ code: 'USER_LAST_OWNER', message: expect.stringMatching(/last active owner/) });
    await script('users.create', { name: 'Kamal', role: 'owner', password: 'kamal-pass-123' });
    expect((await script('users.disable', { id: 1 })).body.value).toMatchObject({ name: 'owner', status: 'disabled' });
  });
});
