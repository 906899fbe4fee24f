import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { contract, type Method } from '../../src-shared/api';
import { errorMessages } from '../../src-main/errors';
import { startServer, type RunningServer } from '../../src-main/server';
import { silentLogger } from '../../src-main/log';
import { testConfig } from '../helpers/engine';
import { fieldPaths, secretSamples } from '../helpers/contractSamples';
import { prng } from '../helpers/prng';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/**
 * Methods left out of the fuzz because a valid input reaches the network (a router's RouterOS
 * API or RADIUS port, a payment or SMS gateway) and would wait on timeouts, or replaces the whole
 * database (a restore): they are covered by their own tests against the virtual MikroTik and the
 * fakes. Everything else in the contract is fuzzed.
 */
const NETWORK_OR_DESTRUCTIVE = new Set<string>([
  'routers.test', 'routers.plan', 'routers.configure', 'routers.walledGarden', 'routers.pushWalledGarden',
  'routers.addWalledGardenEntry', 'routers.removeWalledGardenEntry', 'routers.activeSessions', 'routers.kick',
  'routers.diagnose', 'sessions.kick', 'gateways.test', 'payments.recheck', 'payments.refund', 'sms.test',
  'backups.create', 'backups.restore',
]);


const NASTY_STRINGS = [
  '', ' ', 'a', '0', '-1', '1e309', 'null', 'true', '01712345678', '+8801712345678', 'AA:BB:CC:DD:EE:FF',
  "' OR 1=1 --", '"; DROP TABLE customers; --', '<script>alert(1)</script>', '../../etc/passwd', '\u0000', '\ud800',
  'ক্যাশ', '😀'.repeat(50), 'x'.repeat(5000), '__proto__', 'constructor', '%s%n%x', 'javascript:alert(1)', '10.0.0.1',
  '2026-13-45', 'data:image/png;base64,AAAA', 'bkash', 'cash', 'owner', 'cashier', 'hotspot', '1M/3M',
];
const NASTY_NUMBERS = [0, -1, 1, 2, 3, 1.5, -0.0001, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, 86_400, 65_536, 9_999_999_999];

function randomValue(rnd: () => number, depth = 0): unknown {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const r = rnd();
  if (r < 0.3) return pick(NASTY_STRINGS);
  if (r < 0.55) return pick(NASTY_NUMBERS);
  if (r < 0.62) return rnd() < 0.5;
  if (r < 0.7) return null;
  if (depth > 2) return Math.floor(rnd() * 100);
  if (r < 0.85) return Array.from({ length: Math.floor(rnd() * 4) }, () => randomValue(rnd, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(rnd() * 3); i > 0; i--) o[pick(['id', 'name', 'x', '__proto__', 'constructor', 'value'])] = randomValue(rnd, depth + 1);
  return o;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

/**
 * One random body for a method: mostly objects built from the method's own field names (so the
 * fuzz gets past "unknown field" into the values and the handlers), some from a valid sample with
 * one field broken, and some plain junk (not an object at all, unknown fields).
 */
function randomBody(rnd: () => number, method: Method, paths: string[]): unknown {
  const r = rnd();
  if (r < 0.08) return randomValue(rnd, 3);
  const sample = secretSamples[method];
  const body: Record<string, unknown> = r < 0.3 && sample ? structuredClone(sample) as Record<string, unknown> : {};
  const n = paths.length ? 1 + Math.floor(rnd() * Math.min(paths.length, 5)) : 0;
  for (let i = 0; i < n; i++) setPath(body, paths[Math.floor(rnd() * paths.length)]!, randomValue(rnd));
  if (rnd() < 0.05) body[`junk${Math.floor(rnd() * 10)}`] = randomValue(rnd);
  return body;
}

describe('admin API fuzz through the HTTP bridge', () => {
  it('answers 10,000 random JSON bodies across the contract with invalid_input or a coded error, never a 5xx', async () => {
    const s = await startServer(testConfig(), { log: silentLogger() });
    servers.push(s);
    const methods = (Object.keys(contract) as Method[]).filter((m) => !NETWORK_OR_DESTRUCTIVE.has(m));
    const paths = new Map(methods.map((m) => [m, fieldPaths(contract[m].input)]));
    const known = new Set(Object.keys(errorMessages));
    const rnd = prng(0x13_2026);
    const TOTAL = 10_000;
    const bad: string[] = [];
    const codes = new Map<string, number>();
    let next = 0;
    // node:http with one keep-alive agent: about half the client CPU of fetch, which shares the
    // two cores with the server under test.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
    const url = new URL(s.adminUrl);
    const post = (method: string, body: string) =>
      new Promise<{ status: number; reply: { ok: boolean; error?: { code: string; message: string } } }>((resolve, reject) => {
        const req = http.request(
          { agent, host: url.hostname, port: url.port, method: 'POST', path: `/api/${method}`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}`, 'content-length': Buffer.byteLength(body) } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              try {
                resolve({ status: res.statusCode ?? 0, reply: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
              } catch (e) {
                reject(e as Error);
              }
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      });

    // A few callers at once, like the UI's parallel loads; every body is drawn in order from the seed.
    const jobs = Array.from({ length: TOTAL }, () => {
      const method = methods[Math.floor(rnd() * methods.length)]!;
      return { method, body: JSON.stringify(randomBody(rnd, method, paths.get(method)!) ?? null) };
    });
    async function worker() {
      while (next < jobs.length) {
        const { method, body } = jobs[next++]!;
        const { status, reply } = await post(method, body);
        const code = reply.ok ? 'ok' : reply.error!.code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
        // A coded error is one the product knows (errors.ts) with a message; invalid_input names its field.
        const coded = reply.ok || (code !== 'internal' && known.has(code) && typeof reply.error!.message === 'string' && reply.error!.message.length > 0);
        if (status >= 500 || !coded) bad.push(`${status} ${method} ${body.slice(0, 300)} → ${JSON.stringify(reply).slice(0, 300)}`);
      }
    }
    await Promise.all(Array.from({ length: 6 }, worker));
    agent.destroy();

    expect(bad.slice(0, 10)).toEqual([]);
    expect([...codes.values()].reduce((a, b) => a + b, 0)).toBe(TOTAL);
    // The fuzz reached the handlers, not just the schema: some bodies were valid.
    expect(codes.get('invalid_input')).toBeGreaterThan(TOTAL / 2);
    expect(codes.get('ok') ?? 0).toBeGreaterThan(0);
    // The server still serves an ordinary request afterwards.
    const after = await fetch(`${s.adminUrl}api/packages.list`, { method: 'POST', headers: { authorization: `Bearer ${s.token}` } });
    expect(after.status).toBe(200);
  }, 120_000); // about 9 s of CPU for client and server together (20 s wall at load 15 on 2 cores)
});
