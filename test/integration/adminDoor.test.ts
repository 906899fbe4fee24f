import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { parseConfig } from '../../src-main/config';
import { startServer, type RunningServer } from '../../src-main/server';
import { silentLogger } from '../../src-main/log';
import { testConfig } from '../helpers/engine';
import { tmpDir } from '../helpers/tmp';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** Does a TCP connection to host:port succeed? (refused means nothing listens on that address) */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

async function start(config = testConfig()) {
  const s = await startServer(config, { log: silentLogger() });
  servers.push(s);
  return s;
}

const SECURITY_HEADERS = {
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

function expectSecurityHeaders(res: Response, what: string): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("default-src 'self'");
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), `${what}: ${name}`).toBe(value);
}

describe('the admin door binds to this PC only', () => {
  it('listens on 127.0.0.1 whatever --bind says for the portal and RADIUS, unless --admin-bind says otherwise', async () => {
    const ports = ['--admin-port', '0', '--portal-port', '0', '--radius-auth-port', '0', '--radius-acct-port', '0', '--log-level', 'silent'];
    for (const env of [{}, { HOTSPOTDESK_BIND: '0.0.0.0' }]) {
      const config = parseConfig(['--data-dir', tmpDir(), '--bind', '0.0.0.0', ...ports], env);
      expect(config.bind).toBe('0.0.0.0');
      expect(config.adminBind).toBe('127.0.0.1');
    }
    const s = await start(parseConfig(['--data-dir', tmpDir(), '--bind', '0.0.0.0', ...ports], {}));
    // door.url() shows a wildcard bind as loopback, so ask the sockets themselves: 127.0.0.2 is
    // another address of this PC (all of 127/8 is loopback on Linux) that only a wildcard bind
    // answers on, the way the shop's LAN address would.
    const portalPort = s.engine.portal!.port()!;
    const adminPort = Number(new URL(s.adminUrl).port);
    expect(await reachable('127.0.0.2', portalPort)).toBe(true); // the portal took --bind 0.0.0.0
    expect(await reachable('127.0.0.2', adminPort)).toBe(false); // the admin door did not
    expect(await reachable('127.0.0.1', adminPort)).toBe(true);
    // Configured otherwise, it follows the configuration.
    expect(parseConfig(['--admin-bind', '0.0.0.0'], {}).adminBind).toBe('0.0.0.0');
    expect(parseConfig([], { HOTSPOTDESK_ADMIN_BIND: '192.168.88.2' }).adminBind).toBe('192.168.88.2');
  });
});

describe('admin security headers', () => {
  it('are on every admin response: API replies, refusals, errors, the UI and unknown paths', async () => {
    const s = await start();
    const api = (method: string, init: RequestInit = {}) => fetch(`${s.adminUrl}api/${method}`, { method: 'POST', ...init });
    const auth = { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' };
    const cases: Array<[string, Promise<Response>, number]> = [
      ['a query', api('packages.list', { headers: auth, body: '{}' }), 200],
      ['bad input', api('packages.create', { headers: auth, body: '{}' }), 400],
      ['malformed JSON', api('packages.create', { headers: auth, body: '{"name":' }), 400],
      ['a wrong token', api('packages.list', { headers: { authorization: 'Bearer nope' } }), 401],
      ['no sign-in', api('packages.list'), 401],
      ['GET on the API', fetch(`${s.adminUrl}api/packages.list`), 405],
      ['the UI', fetch(s.adminUrl), 200],
      ['an unknown path', fetch(`${s.adminUrl}no/such/file.js`), 404],
    ];
    for (const [what, pending, status] of cases) {
      const res = await pending;
      expect(res.status, what).toBe(status);
      expectSecurityHeaders(res, what);
    }
  });
});

describe('commands from another site', () => {
  it('are refused even with a valid token; scripts without an Origin and the UI\'s own origin are served', async () => {
    const s = await start();
    const own = new URL(s.adminUrl).origin;
    const call = (method: string, body: unknown, extra: Record<string, string> = {}) =>
      fetch(`${s.adminUrl}api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json', ...extra },
        body: JSON.stringify(body),
      });
    const pkg = (name: string) => ({ name, price: 1000, validitySeconds: 3600, downloadBps: 1_000_000, uploadBps: 1_000_000 });

    const foreign: Array<Record<string, string>> = [
      { origin: 'http://evil.example' },
      { origin: 'null' }, // sandboxed frames and file: pages
      { origin: own.replace(/:(\d+)$/, (_m, p: string) => `:${Number(p) + 1}`) }, // another port on this PC (the portal's, say)
      { origin: 'http://localhost.evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of foreign) {
      const res = await call('packages.create', pkg('Sneaky'), headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error, JSON.stringify(headers)).toEqual({ code: 'forbidden', message: expect.stringMatching(/another site/) });
    }
    // The method name as the dispatcher decodes it: an escaped dot is still a command.
    const escaped = await call('packages%2Ecreate', pkg('Escaped'), { origin: 'http://evil.example' });
    expect(escaped.status).toBe(403);
    // Nothing was created by any of them.
    expect((await (await call('packages.list', {})).json()).value).toEqual([]);

    // A script (no Origin) and the admin UI's own page still work.
    expect((await (await call('packages.create', pkg('From a script'))).json()).ok).toBe(true);
    expect((await (await call('packages.create', pkg('From the UI'), { origin: own, 'sec-fetch-site': 'same-origin' })).json()).ok).toBe(true);
    // A query from another site's page is answered (it changes nothing, and without CORS headers
    // the page cannot read the reply); only commands are refused.
    const q = await call('packages.list', {}, { origin: 'http://evil.example' });
    expect(q.status).toBe(200);
    expect(q.headers.get('access-control-allow-origin')).toBeNull();
    expect((await q.json()).value.map((p: { name: string }) => p.name)).toEqual(['From a script', 'From the UI']);
  });
});
