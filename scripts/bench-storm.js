#!/usr/bin/env node
'use strict';
/**
 * `npm run bench:storm` — the power-cut storm (issue #13), a benchmark, not a test.
 *
 * The router reboots and its phones come back together within 2 seconds: Accounting-On, then
 * `phones` (default 500) MAC-auth Access-Requests (each phone's MAC is bound to a customer with an
 * active package, so each is accepted), an Accounting-Start for each Accept as the router sends it
 * once the phone is logged in, and `pages` (default 200) new phones loading the portal (POST
 * /portal with the router's values, then GET of the 303's target, the package page).
 *
 * The built engine runs in a child process (its own event loop, as in the shop), with the
 * portal's default door limits. This process plays the router and the phones: real UDP to the
 * engine's RADIUS ports (node-radius encodes; Access-Requests carry a Message-Authenticator as a
 * RouterOS 7 router sends them, with the empty hidden User-Password of mac-as-username), real
 * HTTP to the portal. Like a router it retransmits a request unanswered after 1100 ms (the RADIUS
 * timeout routers.configure sets), the same bytes, up to 3 times, and counts retransmits.
 *
 * Before the cut the same phones were online: each logged in by MAC and has an open session
 * (that is also the engine's warm-up, as in a shop that has been running), and a few phones have
 * loaded the portal. After the storm the bench checks that nothing was lost: every request
 * answered, every Accept accounted (its session open in the database, with the Accept's Class as
 * subscription and the phone's MAC), the sessions from before the cut closed by the
 * Accounting-On, and exactly `phones` sessions open. Prints p50/p99/max per kind and totals, and
 * the engine's CPU over the storm. Exits 1 when a check fails.
 *
 * Usage: npm run bench:storm [-- phones=500 pages=200 window=2000 seed=1]
 *   env BENCH_BUILD_DIR=<dir>  another build's main output (A/B runs), default build/main
 */
process.env.NODE_ENV ??= 'production';
const { fork } = require('node:child_process');
const crypto = require('node:crypto');
const dgram = require('node:dgram');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const buildDir = process.env.BENCH_BUILD_DIR ? path.resolve(process.env.BENCH_BUILD_DIR) : path.join(root, 'build/main');
const built = (p) => path.join(buildDir, 'src-main', p);
const SECRET = 'storm-secret-1';
/** routers.configure's RADIUS timeout: a router retransmits after this. */
const RETRANSMIT_MS = 1100;
const MAX_RETRANSMITS = 3;
const NAS_IDENTITY = 'storm-ap';

const macOf = (i) => ['02', '5c', (i >> 16) & 255, (i >> 8) & 255, i & 255, 1].map((b) => (typeof b === 'string' ? b : b.toString(16).padStart(2, '0'))).join(':').toUpperCase();
const ipOf = (i) => `10.5.${50 + ((i >> 8) & 63)}.${(i & 255) || 1}`;

// ---------------------------------------------------------------- the engine (child process)

async function serve(dataDir, phones) {
  const { createEngine } = require(built('engine.js'));
  const { silentLogger } = require(built('log.js'));
  const { defaultConfig } = require(built('config.js'));
  const e = await createEngine(
    { ...defaultConfig(), dataDir, bind: '127.0.0.1', portalPort: 0, radiusAuthPort: 0, radiusAcctPort: 0, logLevel: 'silent' },
    { log: silentLogger() },
  );
  await e.start();
  const r = await e.call('routers.create', { name: 'Storm AP', nasIp: '127.0.0.1', secret: SECRET });
  if (!r.ok) throw new Error(JSON.stringify(r));
  const routerId = r.value.id;
  const shop = [
    ['3 Hours 3 Mbps', 1000, 3 * 3600, null], ['1 Day 5 Mbps', 2000, 86400, null], ['Weekly 5 GB', 14950, 7 * 86400, 5 * 2 ** 30],
    ['Monthly 30 GB', 50000, 30 * 86400, 30 * 2 ** 30], ['Night 10 Mbps', 1500, 8 * 3600, null],
  ];
  const pkgs = shop.map(([name, price, validitySeconds, dataLimitBytes]) => e.billing.packages.create({ name, price, validitySeconds, dataLimitBytes, downloadBps: 5e6, uploadBps: 2e6 }));
  // The phones that come back: customers with an active package and this phone's MAC bound (as
  // after their first login), through billing's own code.
  e.db.transaction(() => {
    for (let i = 0; i < phones; i++) {
      const id = e.billing.customers.ensure(`+88017${String(i).padStart(8, '0')}`);
      e.billing.subscriptions.purchase(id, pkgs[i % pkgs.length], null);
      e.billing.customers.bindDevice(id, macOf(i));
    }
  })();
  const ports = e.radius.ports();
  process.send({ ready: true, portal: e.portal.url().replace(/\/$/, ''), auth: ports.auth, acct: ports.acct, routerId });
  // Event-loop stalls in the engine (a synchronous commit's fsync holds every door's requests).
  const loop = require('node:perf_hooks').monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const sessions = e.db.prepare('SELECT acct_session_id AS id, mac, subscription_id AS sub, status, terminate_cause AS cause FROM sessions WHERE router_id = ?');
  process.on('message', async (m) => {
    // The parent brackets the storm with these: CPU spent by this process only.
    if (m === 'cpu') {
      const stalls = { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
      loop.reset();
      return void process.send({ cpu: { ...process.cpuUsage(), stalls } });
    }
    if (m === 'sessions') return void process.send({ sessions: sessions.all(routerId) });
    if (m === 'stop') {
      await e.stop();
      process.exit(0);
    }
  });
}

// ---------------------------------------------------------------- the router (this process)

/** A deterministic PRNG (mulberry32) so a seed gives the same arrival times. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The router's RADIUS client: a few UDP sockets (identifiers are per socket), each request on a
 * free (socket, identifier), retransmitted unchanged after RETRANSMIT_MS until answered.
 */
async function radiusClient(radius, port, sockets) {
  const socks = [];
  for (let s = 0; s < sockets; s++) {
    const sock = dgram.createSocket('udp4');
    await new Promise((r) => sock.bind(0, '127.0.0.1', r));
    const pending = new Map();
    sock.on('message', (msg) => {
      const p = pending.get(msg[1]);
      if (!p) return; // a late answer to a retransmitted request: already answered
      // A router drops an answer that does not verify (authenticator, Message-Authenticator).
      if (!radius.verify_response({ request: p.packet, response: msg, secret: SECRET })) return;
      pending.delete(msg[1]);
      clearTimeout(p.timer);
      p.resolve({ ms: Number(process.hrtime.bigint() - p.t0) / 1e6, retransmits: p.tries - 1, reply: radius.decode({ packet: msg, secret: SECRET }) });
    });
    socks.push({ sock, pending, next: 0 });
  }
  let turn = 0;
  const waiting = [];
  function slot() {
    for (let k = 0; k < socks.length; k++) {
      const s = socks[(turn + k) % socks.length];
      for (let n = 0; n < 256; n++) {
        const id = (s.next + n) & 255;
        if (!s.pending.has(id)) {
          s.next = (id + 1) & 255;
          turn = (turn + k + 1) % socks.length;
          return { s, id };
        }
      }
    }
    return null;
  }
  return {
    /** Sends build(id) and resolves with the verified answer, or { lost: true } after the last retransmit. */
    request(build) {
      return new Promise((resolve) => {
        const go = () => {
          const free = slot();
          if (!free) return void waiting.push(go);
          const { s, id } = free;
          const packet = build(id);
          const p = { packet, tries: 1, t0: process.hrtime.bigint(), timer: null, resolve: null };
          const done = (result) => {
            resolve(result);
            const w = waiting.shift();
            if (w) w();
          };
          p.resolve = done;
          const send = () => s.sock.send(packet, port, '127.0.0.1');
          const arm = () => {
            p.timer = setTimeout(() => {
              if (p.tries > MAX_RETRANSMITS) {
                s.pending.delete(id);
                return done({ lost: true, retransmits: p.tries - 1, ms: Number(process.hrtime.bigint() - p.t0) / 1e6 });
              }
              p.tries++;
              send();
              arm();
            }, RETRANSMIT_MS);
          };
          s.pending.set(id, p);
          send();
          arm();
        };
        go();
      });
    },
    close() {
      for (const s of socks) s.sock.close();
    },
  };
}

function identity(mac, ip) {
  return [
    ['NAS-IP-Address', '127.0.0.1'],
    ['NAS-Identifier', NAS_IDENTITY],
    ['NAS-Port', 2_163_212_291],
    ['NAS-Port-Type', 'Wireless-802.11'],
    ['NAS-Port-Id', 'bridge-hotspot'],
    ['Service-Type', 'Login-User'],
    ['Called-Station-Id', 'hotspot1'],
    ['Calling-Station-Id', mac],
    ['Framed-IP-Address', ip],
    ['Vendor-Specific', 'Mikrotik', [['Mikrotik-Host-IP', ip]]],
  ];
}

function macAuthRequest(radius, encryptUserPassword, mac, ip) {
  return (id) => {
    // mac-as-username: the MAC is the user name and the password is empty, hidden as one block of
    // padding (RFC 2865 §5.2), which needs the request authenticator chosen here.
    const authenticator = crypto.randomBytes(16);
    const attributes = [['User-Name', mac], ...identity(mac, ip), [2, encryptUserPassword('', Buffer.from(SECRET), authenticator)]];
    return radius.encode({ code: 'Access-Request', identifier: id, secret: SECRET, authenticator, attributes, add_message_authenticator: true });
  };
}

function accountingRequest(radius, status, s) {
  return (id) => {
    const attributes = [['Acct-Status-Type', status], ['Acct-Delay-Time', 0]];
    if (status === 'Accounting-On') attributes.push(['NAS-IP-Address', '127.0.0.1'], ['NAS-Identifier', NAS_IDENTITY]);
    else {
      attributes.push(['User-Name', s.mac], ['Acct-Session-Id', s.sessionId], ...identity(s.mac, s.ip));
      if (s.classValue) attributes.push(['Class', s.classValue]);
    }
    return radius.encode({ code: 'Accounting-Request', identifier: id, secret: SECRET, attributes });
  };
}

function httpRequest(agent, url, method, body) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const headers = body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {};
    const req = http.request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, location: res.headers.location, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const pct = (xs, p) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);

async function main() {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));
  const phones = Number(args.phones ?? 500);
  const pages = Number(args.pages ?? 200);
  const windowMs = Number(args.window ?? 2000);
  const random = prng(Number(args.seed ?? 1));
  const radius = require(built('radius/dictionary.js')).loadVendorDictionaries();
  const { encryptUserPassword } = require(built('radius/crypto.js'));

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsd-bench-storm-'));
  const child = fork(__filename, ['--serve', dataDir, String(phones)], { stdio: 'inherit' });
  const ask = (m, key) => new Promise((resolve) => {
    const on = (r) => {
      if (r && key in r) {
        child.off('message', on);
        resolve(r[key]);
      }
    };
    child.on('message', on);
    child.send(m);
  });
  const ready = await new Promise((resolve) => child.once('message', resolve));
  const auth = await radiusClient(radius, ready.auth, 4);
  const acct = await radiusClient(radius, ready.acct, 4);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const fail = [];

  const phone = Array.from({ length: phones }, (_, i) => ({ mac: macOf(i), ip: ipOf(i) }));
  const loginForm = (i) => new URLSearchParams({
    router: String(ready.routerId), mac: macOf(1_000_000 + i), ip: `10.5.60.${i % 250 + 1}`, 'link-login-only': 'http://10.5.50.1/login',
    'link-orig-esc': encodeURIComponent('http://connectivitycheck.gstatic.com/generate_204'), 'error-esc': '',
    'chap-id': '\\371', 'chap-challenge': '\\357\\015\\330\\013\\120\\364\\245\\012\\163\\000\\144\\351\\212\\145\\002\\310',
  }).toString();
  async function pageLoad(i) {
    const a = await httpRequest(agent, `${ready.portal}/portal`, 'POST', loginForm(i));
    if (a.status !== 303) return { post: a, ok: false };
    const b = await httpRequest(agent, `${ready.portal}${a.location}`, 'GET');
    return { post: a, get: b, ok: b.status === 200 };
  }

  // --- before the cut: every phone online (MAC login + Start), a few portal visits (warm-up) ---
  let seq = 0;
  const newSessionId = () => (0x10000000 + seq++).toString(16);
  const before = [];
  for (let i = 0; i < phones; i += 50) {
    await Promise.all(phone.slice(i, i + 50).map(async (p) => {
      const a = await auth.request(macAuthRequest(radius, encryptUserPassword, p.mac, p.ip));
      if (a.lost || a.reply.code !== 'Access-Accept') throw new Error(`before the cut: ${p.mac} was not accepted (${a.lost ? 'no answer' : a.reply.code})`);
      const s = { ...p, sessionId: newSessionId(), classValue: a.reply.attributes.Class };
      const r = await acct.request(accountingRequest(radius, 'Start', s));
      if (r.lost) throw new Error('before the cut: a Start was not answered');
      before.push(s.sessionId);
    }));
  }
  for (let i = 0; i < 5; i++) await pageLoad(100_000 + i);

  // --- the storm ---
  const lat = { 'Accounting-On': [], 'Access-Request': [], 'Accounting-Start': [], 'POST /portal': [], 'GET page': [] };
  const retransmits = Object.fromEntries(Object.keys(lat).map((k) => [k, 0]));
  const lost = Object.fromEntries(Object.keys(lat).map((k) => [k, 0]));
  const record = (kind, r) => {
    retransmits[kind] += r.retransmits ?? 0;
    if (r.lost) lost[kind]++;
    else lat[kind].push(r.ms);
  };
  const accepted = [];
  const cpu0 = await ask('cpu', 'cpu');
  const self0 = process.cpuUsage();
  const load0 = os.loadavg()[0];
  const t0 = process.hrtime.bigint();
  const at = (ms, f) => new Promise((resolve) => setTimeout(() => resolve(f()), ms));
  const work = [];
  work.push(acct.request(accountingRequest(radius, 'Accounting-On')).then((r) => record('Accounting-On', r)));
  for (const p of phone) {
    work.push(at(random() * windowMs, async () => {
      const a = await auth.request(macAuthRequest(radius, encryptUserPassword, p.mac, p.ip));
      record('Access-Request', a);
      if (a.lost) return;
      if (a.reply.code !== 'Access-Accept') return void fail.push(`${p.mac}: ${a.reply.code}`);
      // The router starts accounting as soon as the phone is logged in.
      const s = { ...p, sessionId: newSessionId(), classValue: a.reply.attributes.Class };
      accepted.push(s);
      const r = await acct.request(accountingRequest(radius, 'Start', s));
      record('Accounting-Start', r);
    }));
  }
  let pagesOk = 0;
  for (let i = 0; i < pages; i++) {
    work.push(at(random() * windowMs, async () => {
      const r = await pageLoad(i);
      lat['POST /portal'].push(r.post.ms);
      if (r.get) lat['GET page'].push(r.get.ms);
      if (r.ok) pagesOk++;
      else fail.push(`page load ${i}: POST ${r.post.status}${r.get ? `, GET ${r.get.status}` : ''}`);
    }));
  }
  await Promise.all(work);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = await ask('cpu', 'cpu');
  const self = process.cpuUsage(self0);

  // --- nothing lost ---
  const rows = await ask('sessions', 'sessions');
  const online = rows.filter((r) => r.status === 'online');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const beforeStillOnline = before.filter((id) => byId.get(id)?.status === 'online').length;
  const unaccounted = accepted.filter((s) => {
    const row = byId.get(s.sessionId);
    return !row || row.status !== 'online' || row.mac !== s.mac || String(row.sub) !== String(s.classValue);
  });
  const totalLost = Object.values(lost).reduce((a, b) => a + b, 0);
  if (totalLost) fail.push(`${totalLost} requests never answered (after ${MAX_RETRANSMITS} retransmits)`);
  if (accepted.length !== phones) fail.push(`${accepted.length} of ${phones} MAC logins accepted`);
  if (lat['Accounting-Start'].length !== accepted.length) fail.push(`${lat['Accounting-Start'].length} of ${accepted.length} Accounting-Starts answered`);
  if (unaccounted.length) fail.push(`${unaccounted.length} Accepts without their open session (e.g. ${unaccounted[0].mac})`);
  if (online.length !== phones) fail.push(`${online.length} sessions open, expected ${phones}`);
  if (beforeStillOnline) fail.push(`${beforeStillOnline} sessions from before the cut still open after Accounting-On`);

  // --- figures ---
  const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');
  const all = [];
  console.log(`storm: ${phones} phones (MAC auth + Start), ${pages} portal page loads, arrivals within ${windowMs} ms; done in ${secs.toFixed(2)} s`);
  for (const [kind, xs] of Object.entries(lat)) {
    xs.sort((a, b) => a - b);
    all.push(...xs);
    console.log(`${kind.padEnd(17)} n=${String(xs.length).padStart(4)} p50=${f(pct(xs, 50))} ms p99=${f(pct(xs, 99))} ms max=${f(xs.at(-1))} ms retransmits=${retransmits[kind]} lost=${lost[kind]}`);
  }
  all.sort((a, b) => a - b);
  const rtx = Object.values(retransmits).reduce((a, b) => a + b, 0);
  console.log(`all               n=${String(all.length).padStart(4)} p50=${f(pct(all, 50))} ms p99=${f(pct(all, 99))} ms max=${f(all.at(-1))} ms retransmits=${rtx} lost=${totalLost}`);
  const radiusLat = [...lat['Accounting-On'], ...lat['Access-Request'], ...lat['Accounting-Start']].sort((a, b) => a - b);
  console.log(`radius p99=${f(pct(radiusLat, 99))} ms (target < ${RETRANSMIT_MS} ms, the router's timeout)`);
  const us = cpu1.user - cpu0.user + (cpu1.system - cpu0.system);
  console.log(`engine cpu during the storm: ${(us / 1000).toFixed(0)} ms (${((us / 1e6 / secs) * 100).toFixed(0)} % of one core), ${(us / all.length).toFixed(0)} us per request`);
  console.log(`engine event-loop delay during the storm: p99 ${f(cpu1.stalls.p99)} ms, max ${f(cpu1.stalls.max)} ms; load generator (this process) cpu ${(((self.user + self.system) / 1e6 / secs) * 100).toFixed(0)} % of one core; load average ${load0.toFixed(1)} (${os.cpus().length} cores, shared)`);
  console.log(`after: ${online.length} sessions open (${accepted.length} Accepts, ${accepted.length - unaccounted.length} accounted), ${before.length - beforeStillOnline} of ${before.length} pre-cut sessions closed by Accounting-On, ${pagesOk}/${pages} page loads served`);
  console.log(fail.length ? `FAILED: ${fail.slice(0, 10).join('; ')}` : 'ok: every request answered, nothing lost');

  auth.close();
  acct.close();
  agent.destroy();
  child.send('stop');
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exitCode = fail.length ? 1 : 0;
}

if (process.argv[2] === '--serve') {
  serve(process.argv[3], Number(process.argv[4])).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
