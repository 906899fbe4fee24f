import crypto from 'node:crypto';
import express from 'express';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import { createPortalDoor, packagesForRouter, type PortalDeps, type PortalDoor } from '../../src-main/portal';
import type { CustomerAuth } from '../../src-main/portal/customerAuth/types';
import { parsePlainForm } from '../../src-main/portal/fastPath';
import { MAX_FORM_PARAMS, type PortalLimits } from '../../src-main/portal/limits';
import type { PortalShop } from '../../src-main/portal/shopPort';
import { BRANDING, pkg } from '../helpers/portal';
import { prng } from '../helpers/prng';

/**
 * The portal's fast path (portal/fastPath.ts) must answer exactly as express does. Two doors are
 * built from identical deps (same key, same clock, same packages, same limits); one is served
 * through its fast path, the other through express alone. The same requests, in the same order,
 * go to both over raw sockets, and the answers must be the same bytes (the Date header aside):
 * status line, every header in order, and the body — the refusals included (429s with their
 * Retry-After, 413, 400, 404, 410), since those share the counters.
 */
const KNOWN_MAC = '02:00:00:00:00:07';
const LIMITS: PortalLimits = { maxBodyBytes: 16 * 1024, maxFieldChars: 200, formPostsPerMacPerMinute: 4, requestsPerAddressPerMinute: 90 };

interface Rig {
  door: PortalDoor;
  port: number;
  server: http.Server;
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

async function twoDoors() {
  const clock = manualClock(Date.UTC(2026, 5, 1, 6, 0, 0));
  const key = crypto.randomBytes(32);
  const routers = new Map([[1, { id: 1, name: 'Shop front', zoneId: null }]]);
  const packages = [pkg({ id: 1, name: '1 Day 5 Mbps', price: 2000 }), pkg({ id: 2, name: 'Weekly 5 GB', price: 14950, dataLimitBytes: 5 * 2 ** 30 })];
  const branding = { ...BRANDING };
  // The GET fast path asks only who owns a MAC; a known MAC is express's (straight in or welcome back).
  const shop = { deviceOwner: (mac: string) => (mac === KNOWN_MAC ? 7 : null), customer: () => null } as unknown as PortalShop;
  const lists = new Map<number | null, ReturnType<typeof packagesForRouter>>();
  const deps = (): PortalDeps => ({
    log: silentLogger(),
    clock,
    branding: () => branding,
    languages: () => ({ available: ['en', 'bn'], default: 'en' }),
    // The same array per router until a change, as createPortal hands it out: rendered pages are kept by identity.
    packagesFor: (id) => lists.get(id) ?? lists.set(id, packagesForRouter(packages, id === null ? null : (routers.get(id) ?? null))).get(id)!,
    routerById: (id) => routers.get(id) ?? null,
    signingKey: key,
    auth: {} as CustomerAuth,
    shop,
    limits: () => LIMITS,
  });
  const serve = async (door: PortalDoor, listener: http.RequestListener): Promise<Rig> => {
    const server = http.createServer(listener);
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return { door, port: (server.address() as AddressInfo).port, server };
  };
  const a = createPortalDoor(deps());
  const b = createPortalDoor(deps());
  return { clock, fast: await serve(a, a.listener), plain: await serve(b, b.app) };
}

/** One request on its own connection; the whole answer as the server wrote it. */
function exchange(port: number, raw: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const s = net.connect(port, '127.0.0.1', () => s.end(raw));
    s.on('data', (c) => chunks.push(c));
    // A refusal that leaves the body unread closes the connection under our write (a reset):
    // the answer already arrived, so read what came.
    s.on('error', () => {});
    s.on('close', () => (chunks.length ? resolve(Buffer.concat(chunks).toString('latin1')) : reject(new Error('no answer'))));
  });
}

const withoutDate = (answer: string) => answer.replace(/\r\nDate: [^\r]*/, '');

function postForm(body: string, headers: Record<string, string> = {}): string {
  const h = { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(body)), ...headers };
  return `POST /portal HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${Object.entries(h).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`;
}

function get(path: string, headers: Record<string, string> = {}): string {
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
}

let phones = 0;
/** login.html's post; each call is another phone unless `mac` is given (the per-MAC limit stays out of the way). */
function routerForm(over: Record<string, string> = {}): string {
  phones++;
  return new URLSearchParams({
    router: '1', mac: `02:00:00:00:${(phones >> 8).toString(16).padStart(2, '0')}:${(phones & 255).toString(16).padStart(2, '0')}`, ip: '10.5.50.17', 'link-login-only': 'http://10.5.50.1/login',
    'link-orig-esc': encodeURIComponent('http://connectivitycheck.gstatic.com/generate_204'), 'error-esc': '',
    'chap-id': '\\371', 'chap-challenge': '\\357\\015\\330\\013\\120\\364\\245\\012\\163\\000\\144\\351\\212\\145\\002\\310',
    ...over,
  }).toString();
}

describe('the portal fast path', () => {
  it('gives byte-identical answers to the express path, refusals and limits included, and answers the hot requests itself', async () => {
    const { clock, fast, plain } = await twoDoors();
    const both = async (raw: string): Promise<string> => {
      const a = withoutDate(await exchange(fast.port, raw));
      const b = withoutDate(await exchange(plain.port, raw));
      expect(a, raw.slice(0, 200)).toBe(b);
      return a;
    };
    const statusOf = (answer: string) => Number(answer.slice(9, 12));
    const locationOf = (answer: string) => /\r\nLocation: ([^\r]*)/.exec(answer)?.[1] ?? '';
    const seen = new Set<number>();
    const check = async (raw: string) => {
      const answer = await both(raw);
      seen.add(statusOf(answer));
      return answer;
    };

    // The hot pair, new phones: first page rendered by express once, then from the cache.
    const first = await check(postForm(routerForm()));
    expect(statusOf(first)).toBe(303);
    for (let i = 0; i < 3; i++) expect(statusOf(await check(get(locationOf(first))))).toBe(200);
    // The page is rendered now: the fast door answers the next GET itself (and the POST did).
    const answered = fast.door.fastAnswers();
    await check(get(locationOf(first)));
    expect(fast.door.fastAnswers()).toBe(answered + 1);
    await check(get(locationOf(first), { 'Accept-Language': 'bn-BD,bn;q=0.9,en;q=0.5' }));
    const bn = await check(postForm(`${routerForm({ mac: '02:00:00:00:01:02' })}&lang=bn`));
    for (let i = 0; i < 2; i++) await check(get(locationOf(bn)));
    await check(get(`${locationOf(first)}&lang=`));
    await check(get(`${locationOf(first)}&lang=xx`));
    // Plain keys in any order, '+' and escapes in values, a MAC in mac-esc.
    await check(postForm(`mac-esc=02%3A00%3A00%3A00%3A01%3A03&router=1&ip=10.5.50.18&link-login-only=http%3A%2F%2F10.5.50.1%2Flogin&error=a+b`));

    // The language a phone chose sticks to its MAC (the status page remembers it): the next
    // first page without a lang comes in Bangla on both.
    const remembered = await check(postForm(routerForm({ mac: '02:00:00:00:04:01' })));
    await check(get('/status?router=1&mac=02:00:00:00:04:01&lang=bn'));
    for (let i = 0; i < 2; i++) expect(await check(get(locationOf(remembered)))).toContain('lang="bn"');

    // Express's answers, reached through the fast path's hand-over.
    await check(postForm(routerForm({ mac: 'zz' }))); // 400 mac
    await check(postForm(routerForm({ router: '99' }))); // 404 unknown router
    await check(postForm(routerForm({ 'link-login-only': 'http://198.51.100.7/login' }))); // 400: not the router
    await check(postForm(`${routerForm()}&mac=02:00:00:00:01:09`)); // repeated field
    await check(postForm(`${routerForm()}&x[y]=1`)); // brackets: qs nests
    await check(postForm(`${routerForm()}&v=a%5D%3Db`)); // escaped brackets in a value
    await check(postForm(`${routerForm()}&bad=%E0%A4`)); // broken escape
    await check(postForm(`${routerForm()}&note=${'x'.repeat(201)}`)); // 400 field too long
    await check(postForm(Array.from({ length: 101 }, (_, i) => `f${i}=1`).join('&'))); // 413 too many fields
    await check(postForm(`${routerForm()}&pad=${'x'.repeat(17 * 1024)}`)); // 413 too large
    await check(postForm(routerForm(), { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' }));
    await check(postForm(`${routerForm()}&t=${locationOf(first).slice(10)}`)); // a token in the form
    await check(postForm(''));
    await check(get('/portal?t=nonsense.token')); // 400
    await check(get(`/portal?t=${encodeURIComponent(locationOf(first).slice(10))}`));
    await check(get(`${locationOf(first)}&extra=1`));
    await check(get(locationOf(first), { 'If-None-Match': '*' }));
    await check(`HEAD ${locationOf(first)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    const known = await check(postForm(routerForm({ mac: KNOWN_MAC })));
    await check(get(locationOf(known))); // a known MAC: express's page
    const withError = await check(postForm(routerForm({ mac: '02:00:00:00:01:04', 'error-esc': 'invalid+password' })));
    await check(get(locationOf(withError)));

    // Per-MAC form posts (4 a minute here): the 5th and 6th are 429 on both, with Retry-After.
    for (let i = 0; i < 6; i++) await check(postForm(routerForm({ mac: '02:00:00:00:02:01' })));
    // An expired page.
    clock.advance(31 * 60_000);
    await check(get(locationOf(first))); // 410
    // Per-address requests (90 a minute here): past it, everything is 429 on both.
    for (let i = 0; i < 95; i++) await check(i % 2 ? postForm(routerForm({ mac: `02:00:00:00:03:${(i % 200).toString(16).padStart(2, '0')}` })) : get(locationOf(bn)));

    expect([...seen].sort()).toEqual([200, 303, 304, 400, 404, 410, 413, 429]);
    // The fast door answered the hot requests itself (the express door never does).
    expect(fast.door.fastAnswers()).toBeGreaterThanOrEqual(12);
    expect(plain.door.fastAnswers()).toBe(0);
  });
});

describe('the fast path on one keep-alive connection', () => {
  it('serves requests after a hand-over (a replayed body) on the same connection, as a phone reuses it', async () => {
    const { fast } = await twoDoors();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<unknown>();
    const send = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; location: string | undefined; body: string }>((resolve, reject) => {
        const headers = body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) };
        const req = http.request({ host: '127.0.0.1', port: fast.port, method, path, agent, headers }, (res) => {
          sockets.add(res.socket);
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body: text }));
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      const refused = await send('POST', '/portal', routerForm({ mac: 'zz' })); // read by the fast path, replayed to express
      expect(refused.status).toBe(400);
      expect(refused.body).toContain('mac');
      const ok = await send('POST', '/portal', routerForm());
      expect(ok.status).toBe(303);
      for (let i = 0; i < 2; i++) expect((await send('GET', ok.location!)).status).toBe(200);
      expect((await send('POST', '/portal', `${routerForm()}&x[y]=1`)).status).toBe(303); // qs's reading, replayed
      expect((await send('GET', '/')).status).toBe(200);
      expect(sockets.size).toBe(1);
      expect(fast.door.fastAnswers()).toBe(2);
    } finally {
      agent.destroy();
    }
  });
});

describe("the fast path's form reading", () => {
  it('reads every body it accepts exactly as the express parser does (seeded random bodies)', async () => {
    // The parser the portal's door mounts (limits.ts), echoing what it read.
    const echo = express();
    echo.post('/', express.urlencoded({ extended: false, limit: '16kb', parameterLimit: MAX_FORM_PARAMS }), (req, res) => void res.json(req.body));
    const server = http.createServer(echo);
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    // mulberry32, seeded: the same bodies every run.
    const next = prng(7);
    const rnd = (n: number) => Math.floor(next() * n);
    const pick = (s: string) => s[rnd(s.length)]!;
    const keyChars = 'abcmx-_0.[]%';
    const valueChars = 'aZ09-._~:/+%=&[]!*()\'';
    const escapes = [']=', '%5D=', '[]=', '%3A', '%2F', '%20', '%5B', '%5d', '%E0%A6%95', '%E0', '%', '%zz', '+', '%2B', '%26', '%3D'];
    let accepted = 0;
    for (let i = 0; i < 2500; i++) {
      const parts = Array.from({ length: 1 + rnd(6) }, () => {
        const k = Array.from({ length: 1 + rnd(5) }, () => (rnd(12) ? pick('abcmx-') : pick(keyChars))).join('');
        const v = Array.from({ length: rnd(12) }, () => (rnd(6) ? pick(valueChars.slice(0, 12)) : rnd(2) ? escapes[rnd(escapes.length)]! : pick(valueChars))).join('');
        return rnd(25) ? `${k}=${v}` : k;
      });
      const body = parts.join('&');
      const fast = parsePlainForm(body);
      if (fast === null) continue;
      accepted++;
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      expect(fast, body).toEqual(await r.json());
    }
    // Most of these are plain enough for the fast path: the comparison is not vacuous.
    expect(accepted).toBeGreaterThan(200);
  });
});
