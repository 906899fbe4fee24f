#!/usr/bin/env node
// Benchmark (not a test): after a power cut every phone comes back at once. N phones (default
// 200) concurrently do what login.html makes them do: POST the router's values to /portal
// (answered 303 with the signed token) and GET the redirect target, the page with this router's
// packages. The built engine runs in a child process (its own event loop, as in the shop); this
// process only generates load. Prints requests/s, p50/p99 per request kind and the page weight.
// Usage: npm run bench:portal [-- phones=200 rounds=5 client=raw|http]
// client=raw (the default): each phone is one keep-alive TCP connection writing pre-built request
// bytes and reading just the status line, Location and Content-Length. In the shop the phones are
// other devices; here the load generator shares the two cores with the engine, and Node's http
// client cost as much CPU per request as the engine itself (~240 µs), so it, not the engine, set
// much of the tail. client=http keeps the old generator (node:http with a keep-alive Agent) for
// comparison.
// BENCH_CPU=1 (or cpu=1): also print the engine child's CPU (user + system, process.cpuUsage) per
// request over the measured phase: the figure to compare on a shared machine, where latency is noise.
// As the shipped entry points do (src-main/productionMode.ts): React's production build.
process.env.NODE_ENV ??= 'production';
const { fork } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// BENCH_BUILD_DIR=<dir>: another build's main output (e.g. a copy of build/main from before a change), for A/B runs in the same minute.
const built = (p) => path.join(process.env.BENCH_BUILD_DIR ? path.resolve(process.env.BENCH_BUILD_DIR) : path.join(root, 'build/main'), 'src-main', p);

async function serve(dataDir) {
  const { createEngine } = require(built('engine.js'));
  const { silentLogger } = require(built('log.js'));
  const { defaultConfig } = require(built('config.js'));
  const e = await createEngine(
    { ...defaultConfig(), dataDir, bind: '127.0.0.1', portalPort: 0, radiusAuthPort: 0, radiusAcctPort: 0, logLevel: 'silent' },
    { log: silentLogger() },
  );
  await e.start();
  // Every simulated phone comes from this one address: lift the per-address flood limit (meant for a
  // router's NAT, 600 a minute by default) so the bench measures pages, not 429s.
  await e.call('settings.update', { portal: { requestsPerAddressPerMinute: 1_000_000, formPostsPerMacPerMinute: 10_000 } });
  const router = e.routers.create({ name: 'Bench AP', nasIp: '127.0.0.1', secret: 'bench-secret-1' });
  const shop = [
    ['3 Hours 3 Mbps', 1000, 3 * 3600, null], ['1 Day 5 Mbps', 2000, 86400, null], ['Weekly 5 GB', 14950, 7 * 86400, 5 * 2 ** 30],
    ['Monthly 30 GB', 50000, 30 * 86400, 30 * 2 ** 30], ['Night 10 Mbps', 1500, 8 * 3600, null],
  ];
  for (const [name, price, validitySeconds, dataLimitBytes] of shop) {
    e.billing.packages.create({ name, price, validitySeconds, dataLimitBytes, downloadBps: 5e6, uploadBps: 2e6 });
  }
  process.send({ portal: e.portal.url().replace(/\/$/, ''), routerId: router.id });
  process.on('message', async (m) => {
    // The parent brackets the measured phase with these: CPU spent by this process only.
    if (m === 'cpu') return void process.send({ cpu: process.cpuUsage() });
    if (m === 'stop') {
      await e.stop();
      process.exit(0);
    }
  });
}

function request(agent, url, method, body) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(url, { method, agent, headers: body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {} }, (res) => {
      let bytes = 0;
      res.on('data', (d) => (bytes += d.length));
      res.on('end', () => resolve({ status: res.statusCode, location: res.headers.location, bytes, headerBytes: JSON.stringify(res.rawHeaders).length, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/**
 * One phone's keep-alive connection, speaking just enough HTTP/1.1 for this bench: the answers are
 * Content-Length framed (the portal never chunks these two), so a response ends when its body has.
 */
function rawConnection(portalUrl) {
  const u = new URL(portalUrl);
  const host = `${u.hostname}:${u.port}`;
  let socket = null;
  let pending = null; // { resolve, reject, t0 }
  let buf = Buffer.alloc(0);
  const open = () =>
    new Promise((resolve, reject) => {
      socket = net.connect(Number(u.port), u.hostname, () => resolve());
      socket.setNoDelay(true);
      socket.once('error', (e) => (pending ? pending.reject(e) : reject(e)));
      socket.on('data', (d) => {
        buf = buf.length ? Buffer.concat([buf, d]) : d;
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0 || !pending) return;
        const head = buf.subarray(0, end).toString('latin1');
        const len = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buf.length < end + 4 + len) return;
        const p = pending;
        pending = null;
        const status = Number(head.slice(9, 12));
        const location = /\r\nlocation: *([^\r]*)/i.exec(head)?.[1];
        const total = end + 4 + len;
        buf = buf.subarray(total);
        p.resolve({ status, location, bytes: len, headerBytes: end + 4, ms: Number(process.hrtime.bigint() - p.t0) / 1e6 });
      });
    });
  return {
    async request(pathAndQuery, method, body) {
      if (!socket) await open();
      const bytes = body
        ? `${method} ${pathAndQuery} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
        : `${method} ${pathAndQuery} HTTP/1.1\r\nHost: ${host}\r\n\r\n`;
      return new Promise((resolve, reject) => {
        pending = { resolve, reject, t0: process.hrtime.bigint() };
        socket.write(bytes);
      });
    },
    close() {
      socket?.destroy();
    },
  };
}

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main() {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=')));
  const phones = Number(args.phones ?? 200);
  const cpu = args.cpu === '1' || process.env.BENCH_CPU === '1';
  const cpuUsage = () => new Promise((resolve) => {
    child.once('message', (m) => resolve(m.cpu));
    child.send('cpu');
  });
  const rounds = Number(args.rounds ?? 5);
  const client = args.client ?? 'raw';
  if (client !== 'raw' && client !== 'http') throw new Error('client= must be raw or http');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsd-bench-portal-'));
  // BENCH_CPU_PROFILE=<dir>: the engine child writes a .cpuprofile there (open in Chrome DevTools).
  const prof = process.env.BENCH_CPU_PROFILE;
  const execArgv = [...(prof ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(prof)}`] : []), ...(process.env.BENCH_NODE_FLAGS ? process.env.BENCH_NODE_FLAGS.split(' ') : [])];
  const child = fork(__filename, ['--serve', dataDir], { stdio: 'inherit', execArgv });
  const { portal, routerId } = await new Promise((resolve) => child.once('message', resolve));
  const agent = new http.Agent({ keepAlive: true, maxSockets: phones });
  const lat = { post: [], page: [] };
  let weight = 0;
  const phone = async (i) => {
    const mac = ['02', '00', (i >> 8) & 255, i & 255, 0, 1].map((b) => Number(b).toString(16).padStart(2, '0')).join(':').toUpperCase();
    const form = new URLSearchParams({
      router: String(routerId), mac, ip: `10.5.${(i >> 8) & 255}.${i & 255}`, 'link-login-only': 'http://10.5.50.1/login',
      'link-orig-esc': encodeURIComponent('http://connectivitycheck.gstatic.com/generate_204'), 'error-esc': '',
      'chap-id': '\\371', 'chap-challenge': '\\357\\015\\330\\013\\120\\364\\245\\012\\163\\000\\144\\351\\212\\145\\002\\310',
    }).toString();
    const conn = client === 'raw' ? rawConnection(portal) : null;
    const send = (pathAndQuery, method, body) => (conn ? conn.request(pathAndQuery, method, body) : request(agent, `${portal}${pathAndQuery}`, method, body));
    for (let r = 0; r < rounds; r++) {
      const a = await send('/portal', 'POST', form);
      if (a.status !== 303) throw new Error(`POST /portal answered ${a.status}`);
      lat.post.push(a.ms);
      const b = await send(a.location, 'GET');
      if (b.status !== 200) throw new Error(`GET ${a.location} answered ${b.status}`);
      lat.page.push(b.ms);
      weight = b.bytes + b.headerBytes;
    }
    conn?.close();
  };
  // One warm-up phone (JIT, statement caches), then everyone at once.
  await phone(0);
  lat.post.length = 0;
  lat.page.length = 0;
  const cpu0 = cpu ? await cpuUsage() : null;
  const self0 = process.cpuUsage();
  const t0 = Date.now();
  await Promise.all(Array.from({ length: phones }, (_, i) => phone(i + 1)));
  const secs = (Date.now() - t0) / 1000;
  const self = process.cpuUsage(self0);
  const cpu1 = cpu ? await cpuUsage() : null;
  const all = [...lat.post, ...lat.page].sort((x, y) => x - y);
  lat.post.sort((x, y) => x - y);
  lat.page.sort((x, y) => x - y);
  const f = (x) => x.toFixed(1);
  console.log(`client=${client} phones=${phones} rounds=${rounds} requests=${all.length} seconds=${secs.toFixed(2)} req_per_s=${Math.round(all.length / secs)}`);
  console.log(`all:       p50=${f(pct(all, 50))} ms p99=${f(pct(all, 99))} ms max=${f(all.at(-1))} ms`);
  console.log(`POST /portal (303): p50=${f(pct(lat.post, 50))} ms p99=${f(pct(lat.post, 99))} ms`);
  console.log(`GET page (packages): p50=${f(pct(lat.page, 50))} ms p99=${f(pct(lat.page, 99))} ms`);
  if (cpu0 && cpu1) {
    const us = cpu1.user - cpu0.user + (cpu1.system - cpu0.system);
    // The load generator shares the two cores: its CPU per request is the other half of the budget.
    console.log(`client_cpu_us_per_request=${((self.user + self.system) / all.length).toFixed(1)} (this process, the load generator)`);
    console.log(`server_cpu_us_per_request=${(us / all.length).toFixed(1)} (user ${((cpu1.user - cpu0.user) / all.length).toFixed(1)}, system ${((cpu1.system - cpu0.system) / all.length).toFixed(1)}; engine child, measured phase only)`);
  }
  console.log(`page_weight_bytes=${weight} (body + headers, no other request: CSS and script are inline)`);
  agent.destroy();
  child.send('stop');
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

if (process.argv[2] === '--serve') {
  serve(process.argv[3]).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
