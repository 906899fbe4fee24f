import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, type RunningServer } from '../../src-main/server';
import { silentLogger } from '../../src-main/log';
import Database from 'better-sqlite3';
import { testConfig } from '../helpers/engine';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start() {
  const config = testConfig();
  const s = await startServer(config, { log: silentLogger() });
  servers.push(s);
  const post = (method: string, body: unknown, token: string | null = s.token, raw?: string) =>
    fetch(`${s.adminUrl}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: raw ?? JSON.stringify(body),
    });
  return { s, config, post };
}

describe('admin HTTP API', () => {
  it('writes the token 0600 in the data dir and requires it', async () => {
    const { s, config, post } = await start();
    const file = path.join(config.dataDir, 'admin-token');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(s.token);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    for (const token of [null, 'wrong', `${s.token}x`]) {
      const r = await post('packages.list', {}, token);
      expect(r.status).toBe(401);
      expect(await r.json()).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.any(String) } });
    }
    expect((await post('packages.list', {})).status).toBe(200);
  });

  it('creates a package and sells it to a phone number, end to end', async () => {
    const { post } = await start();
    const p = await (await post('packages.create', { name: '3 hours', price: 1000, validitySeconds: 10800, downloadBps: 3_000_000, uploadBps: 1_000_000 })).json();
    expect(p).toMatchObject({ ok: true, value: { id: 1, rateLimit: '1M/3M' } });
    const sale = await (await post('customers.sellPackage', { phone: '01712345678', packageId: 1, method: 'cash' })).json();
    expect(sale).toEqual({ ok: true, value: { customerId: 1, subscriptionId: 1, paymentId: 1 } });
    const c = await (await post('customers.get', { phone: '+8801712345678' })).json();
    expect(c.value).toMatchObject({ hotspotUsername: '01712345678', subscriptions: [{ status: 'active', expiresAt: expect.any(Number), bytesUsed: 0 }] });
    const dash = await (await post('dashboard.summary', {})).json();
    expect(dash.value).toMatchObject({ salesTodayCount: 1, salesTodayAmount: 1000 });
  });

  it('answers bad input with invalid_input naming the field, and malformed JSON without a stack trace', async () => {
    const { post } = await start();
    let r = await post('packages.create', { name: '', price: 1, validitySeconds: 1, downloadBps: 1, uploadBps: 1 });
    expect(r.status).toBe(400);
    expect((await r.json()).error).toMatchObject({ code: 'invalid_input', field: 'name', message: expect.stringMatching(/^name: /) });
    r = await post('packages.create', null, undefined, '{"name": ');
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.error.code).toBe('invalid_input');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js/);
    r = await post('no.such', {});
    expect(r.status).toBe(404);
    expect((await r.json()).error.code).toBe('unknown_method');
    r = await post('customers.get', { id: 9 });
    expect((await r.json()).error.code).toBe('not_found');
    expect(((await (await post('packages.list', {})).json()).value)).toEqual([]);
  });

  it('audits the commands it served, with their declared secrets redacted, and no queries', async () => {
    const { config, post } = await start();
    const router = { name: 'shop', nasIp: '10.9.0.1', secret: 'radius-shared-s3cret', apiPassword: 'ros-api-pw' };
    expect((await (await post('routers.create', router)).json()).ok).toBe(true);
    expect((await (await post('customers.create', { phone: '01712345678', pin: '5190' })).json()).ok).toBe(true);
    expect((await (await post('routers.list', {})).json()).ok).toBe(true);
    expect((await (await post('customers.get', { phone: '01712345678' })).json()).ok).toBe(true);
    // The engine's own file, read beside it (WAL allows a second reader).
    const db = new Database(path.join(config.dataDir, 'hotspotdesk.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT action, detail FROM audit_log ORDER BY id').all() as { action: string; detail: string }[];
      expect(rows.map((r) => r.action)).toEqual(['routers.create', 'customers.create']);
      expect(JSON.parse(rows[0]!.detail)).toMatchObject({ name: 'shop', nasIp: '10.9.0.1', secret: '[redacted]', apiPassword: '[redacted]' });
      expect(JSON.parse(rows[1]!.detail)).toEqual({ phone: '+8801712345678', pin: '[redacted]' });
      expect(JSON.stringify(rows)).not.toMatch(/radius-shared-s3cret|ros-api-pw|5190/);
    } finally {
      db.close();
    }
  });
});

describe('server lifecycle', () => {
  it('releases every listening socket and timer on close', async () => {
    // Sockets must return exactly to the baseline; timers may be fewer (an earlier test's timer
    // can finish meanwhile) but never more.
    const count = (kinds: string[]) => process.getActiveResourcesInfo().filter((r) => kinds.includes(r)).length;
    const SOCKETS = ['TCPServerWrap', 'UDPWrap'];
    const sockets = count(SOCKETS);
    const timers = count(['Timeout']);
    const config = testConfig();
    const s = await startServer(config, { log: silentLogger() });
    expect(count(SOCKETS)).toBe(sockets + 5); // admin HTTP, the portal, RADIUS auth + acct, the Disconnect/CoA client
    const r = await fetch(`${s.adminUrl}api/packages.list`, { method: 'POST', headers: { authorization: `Bearer ${s.token}` } });
    expect(r.status).toBe(200);
    await s.close();
    // libuv drops a closed handle from the active list on its next loop turn after the close
    // callback; give it a bounded number of turns (no timers involved).
    for (let i = 0; i < 20 && count(SOCKETS) > sockets; i++) await new Promise((r) => setImmediate(r));
    expect(count(SOCKETS)).toBe(sockets);
    expect(count(['Timeout'])).toBeLessThanOrEqual(timers);
    await s.close(); // idempotent
  });
});
