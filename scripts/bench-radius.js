#!/usr/bin/env node
'use strict';
/**
 * `npm run bench:radius` — RADIUS throughput and latency of the real engine (not a test).
 *
 * Same load as ../shared/bench/freeradius-anchor.sh so the numbers sit side by side:
 *   - N customers (default 10,000) with active packages in SQLite (a time package with a rate limit
 *     and no data cap, like the anchor's users), one router (127.0.0.1); radclient -p 200 sends one
 *     PAP Access-Request per customer, the same request file as the anchor's (no
 *     Message-Authenticator in the request). Every reply is still signed with a
 *     Message-Authenticator and carries Class, Session-Timeout, Idle-Timeout, Acct-Interim-Interval
 *     and Mikrotik-Rate-Limit (FreeRADIUS's replies here carry two attributes and no signature).
 *     Warm-up pass (it binds each device MAC, a write), then the median of three timed passes.
 *   - Accounting: one Interim-Update per customer, acknowledged only after a durable
 *     (synchronous=FULL) group commit; a first pass opens the sessions, a second charges deltas.
 *   - Latency: a separate process paces Access-Requests at half the measured peak and records
 *     p50/p99 per request.
 *   - RSS of the engine process at the end.
 * Usage: npm run bench:radius [-- users=10000 parallel=200]
 *   env BENCH_RATE=N      latency run at N requests/s instead of half the peak
 *   env BENCH_AUTH_ONLY=1 stop after the Access-Request throughput runs
 *   env BENCH_NO_ACCT=1   stop after the latency run (skip accounting)
 *   env BENCH_DATA_LIMIT=1 the package has a data cap: every Accept also carries Mikrotik-Total-Limit
 *                         and -Gigawords (the anchor's users have no cap, so the default has none)
 *   env BENCH_CPU_PROFILE=f V8 CPU profile of the three timed Access-Request passes
 *   env BENCH_REQUEST_MA=1 hardened requests: each carries a Message-Authenticator and the router
 *                         requires it (the product's default, BlastRADIUS). radclient then signs
 *                         every request and checks every reply's signature, which costs it ~16 %
 *                         more time per request than the anchor's load even against a server that
 *                         does no work (docs/performance.md, round 4): not like for like.
 * Needs: radclient (apt-get install freeradius-utils). Runs on compiled code in build/main.
 */
const { spawn, fork } = require('node:child_process');
const crypto = require('node:crypto');
const dgram = require('node:dgram');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const BUILD = path.join(__dirname, '..', 'build', 'main');
const SECRET = 'testing123';
// Default off: the anchor's request file exactly. BENCH_REQUEST_MA=1: signed requests, required.
const REQUEST_MA = process.env.BENCH_REQUEST_MA === '1';

function arg(name, dflt) {
  const a = process.argv.find((x) => x.startsWith(`${name}=`));
  return a ? Number(a.slice(name.length + 1)) : dflt;
}

const mac = (i) => `AA:BB:CC:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`.toUpperCase();
const phone = (i) => `0171${String(i).padStart(7, '0')}`;

function runRadclient(file, port, kind, parallel, secretFile) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('radclient', ['-q', '-s', '-r', '3', '-t', '3', '-p', String(parallel), '-f', file, '-S', secretFile, `127.0.0.1:${port}`, kind]);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    // radclient's own CPU (utime+stime from /proc, sampled until it exits): near 100 % means the
    // load generator, not the server, sets the pace. Linux only; NaN elsewhere.
    let ticks = NaN;
    const sample = setInterval(() => {
      try {
        const f = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        ticks = Number(f[11]) + Number(f[12]);
      } catch { /* exited */ }
    }, 50);
    child.on('close', () => {
      clearInterval(sample);
      const secs = Number(process.hrtime.bigint() - t0) / 1e9;
      const ok = Number(/Accepted\s*:\s*(\d+)/.exec(out)?.[1] ?? 0);
      const rejected = Number(/Rejected\s*:\s*(\d+)/.exec(out)?.[1] ?? 0);
      const lost = Number(/Lost\s*:\s*(\d+)/.exec(out)?.[1] ?? NaN);
      resolve({ perSecond: Math.round(ok / secs), ok, rejected, lost, secs, clientCpu: Math.round((ticks / 100 / secs) * 100) });
    });
  });
}

/** Child process: paces pre-built Access-Requests at `rate`/s for `seconds`, reports latencies. */
async function latencyClient() {
  const { port, rate, seconds, packets, requestMa } = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
  const bufs = packets.map((b) => Buffer.from(b, 'base64'));
  const sockets = [];
  const inflight = [];
  const lat = [];
  let lost = 0;
  for (let s = 0; s < 16; s++) {
    const sock = dgram.createSocket('udp4');
    await new Promise((r) => sock.bind(0, '127.0.0.1', r));
    const pending = new Map();
    sock.on('message', (m) => {
      const t = pending.get(m[1]);
      if (t !== undefined) {
        pending.delete(m[1]);
        lat.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    });
    sockets.push(sock);
    inflight.push(pending);
  }
  const total = Math.round(rate * seconds);
  const t0 = process.hrtime.bigint();
  let sent = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((Number(process.hrtime.bigint() - t0) / 1e9) * rate));
      for (; sent < due; sent++) {
        const sIdx = sent % 16;
        const id = Math.floor(sent / 16) % 256;
        const pending = inflight[sIdx];
        if (pending.has(id)) lost++;
        const pkt = Buffer.from(bufs[sent % bufs.length]);
        pkt[1] = id; // the Message-Authenticator covers the id: the prebuilt set is re-signed below
        pending.set(id, process.hrtime.bigint());
        sockets[sIdx].send(requestMa ? resign(pkt) : pkt, port, '127.0.0.1');
      }
      if (sent < total) setTimeout(tick, 1);
      else setTimeout(resolve, 500);
    };
    tick();
  });
  for (const p of inflight) lost += p.size;
  lat.sort((a, b) => a - b);
  const q = (f) => lat[Math.min(lat.length - 1, Math.floor(f * lat.length))] ?? NaN;
  process.send({ n: lat.length, lost, p50: q(0.5), p99: q(0.99), max: lat.at(-1) });
  for (const s of sockets) s.close();
}

/**
 * env BENCH_CPU_PROFILE=file.cpuprofile: V8 CPU profile of the engine during the three timed
 * Access-Request passes only (not the set-up), for Chrome DevTools or scripts/profile-summary.js.
 */
async function startProfiler() {
  const inspector = require('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (m, p) => new Promise((resolve, reject) => session.post(m, p, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

let resignState = null;
function resign(pkt) {
  // New random authenticator and Message-Authenticator for this id (the password was hidden with
  // the original authenticator, so keep that one: only the id changes, MA must be recomputed).
  const { maOffset } = resignState.find(pkt);
  pkt.fill(0, maOffset, maOffset + 16);
  crypto.createHmac('md5', SECRET).update(pkt).digest().copy(pkt, maOffset);
  return pkt;
}

async function main() {
  const users = arg('users', 10000);
  const parallel = arg('parallel', 200);
  const { createEngine } = require(path.join(BUILD, 'src-main/engine.js'));
  const { silentLogger } = require(path.join(BUILD, 'src-main/log.js'));
  const { encodePacket } = require(path.join(BUILD, 'src-main/radius/codec.js'));
  const { encryptUserPassword } = require(path.join(BUILD, 'src-main/radius/crypto.js'));
  const { defaultConfig } = require(path.join(BUILD, 'src-main/config.js'));

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hsd-bench-'));
  const secretFile = path.join(work, 'secret');
  fs.writeFileSync(secretFile, SECRET, { mode: 0o600 });
  const config = { ...defaultConfig(), dataDir: path.join(work, 'data'), bind: '127.0.0.1', radiusAuthPort: 0, radiusAcctPort: 0, logLevel: 'silent' };
  const t0 = Date.now();
  const engine = await createEngine(config, { log: silentLogger() });
  await engine.start();
  const ports = engine.radius.ports();
  const r = await engine.call('routers.create', { name: 'bench', nasIp: '127.0.0.1', secret: SECRET, requireMessageAuthenticator: REQUEST_MA });
  if (!r.ok) throw new Error(JSON.stringify(r));
  // Like the anchor's users (Mikrotik-Rate-Limit + Session-Timeout): a time package with a rate
  // limit and no data cap. BENCH_DATA_LIMIT=1 gives it a 1 TiB cap (Total-Limit + Gigawords too).
  const dataLimit = process.env.BENCH_DATA_LIMIT === '1' ? { dataLimitBytes: 2 ** 40 } : {};
  const pkg = await engine.call('packages.create', { name: 'bench', price: 3000, validitySeconds: 30 * 86400, ...dataLimit, downloadBps: 5_000_000, uploadBps: 5_000_000 });
  engine.db.transaction(() => {
    for (let i = 0; i < users; i++) engine.billing.sell({ phone: `+88${phone(i)}`, packageId: pkg.value.id, method: 'cash' });
  })();
  const pw = engine.db.prepare('SELECT phone, hotspot_password_enc AS enc FROM customers ORDER BY id').all()
    .map((row) => engine.deps.secrets.decrypt(row.enc));
  console.log(`request Message-Authenticator: ${REQUEST_MA ? 'on (required by the router; BENCH_REQUEST_MA=1)' : 'off (the anchor\'s request file; replies still signed)'}`);
  console.log(`setup: ${users} customers with active packages (${dataLimit.dataLimitBytes ? '1 TiB data cap' : 'no data cap, like the anchor'}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // Written line by line: held in memory they would inflate the RSS figure below.
  const out = (name) => fs.openSync(path.join(work, name), 'w');
  const [fAuth, fAcct1, fAcct2] = [out('auth.txt'), out('acct1.txt'), out('acct2.txt')];
  for (let i = 0; i < users; i++) {
    fs.writeSync(fAuth, `User-Name = "${phone(i)}", User-Password = "${pw[i]}", NAS-IP-Address = 127.0.0.1, Calling-Station-Id = "${mac(i)}"${REQUEST_MA ? ', Message-Authenticator = 0x00' : ''}\n\n`);
    const base = `User-Name = "${phone(i)}", Acct-Status-Type = Interim-Update, Acct-Session-Id = "s${i}", NAS-IP-Address = 127.0.0.1, Calling-Station-Id = "${mac(i)}", Framed-IP-Address = 10.5.${(i >> 8) & 255}.${i & 255}`;
    fs.writeSync(fAcct1, `${base}, Acct-Input-Octets = ${i * 1000}, Acct-Output-Octets = ${i * 3000}, Acct-Session-Time = 60\n\n`);
    fs.writeSync(fAcct2, `${base}, Acct-Input-Octets = ${i * 2000}, Acct-Output-Octets = ${i * 6000}, Acct-Session-Time = 120\n\n`);
  }
  for (const f of [fAuth, fAcct1, fAcct2]) fs.closeSync(f);

  await runRadclient(path.join(work, 'auth.txt'), ports.auth, 'auth', parallel, secretFile); // warm-up
  const runs = [];
  const profiler = process.env.BENCH_CPU_PROFILE ? await startProfiler() : null;
  const cpu0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  for (let k = 0; k < 3; k++) runs.push(await runRadclient(path.join(work, 'auth.txt'), ports.auth, 'auth', parallel, secretFile));
  const med = [...runs].sort((a, b) => a.perSecond - b.perSecond)[1];
  const cpu = process.cpuUsage(cpu0);
  if (profiler) await profiler.stop(process.env.BENCH_CPU_PROFILE);
  // Near 100 %: the engine is the bottleneck; well below: the load generator is.
  const enginePct = Math.round(((cpu.user + cpu.system) / 1000 / (Number(process.hrtime.bigint() - wall0) / 1e6)) * 100);
  // CPU the engine spent per Access-Request: comparable across runs even when radclient sets the pace.
  const usPerReq = ((cpu.user + cpu.system) / runs.reduce((n, x) => n + x.ok + x.rejected, 0)).toFixed(1);
  const bs = engine.radius.authBatchStats();
  const answered = users + runs.reduce((n, x) => n + x.ok + x.rejected, 0); // warm-up + timed passes
  console.log(`auth batches (one transaction each): ${bs.batches}, ${(answered / Math.max(1, bs.batches)).toFixed(1)} requests per batch on average`);
  console.log(`hotspotdesk auth_per_s=${med.perSecond} lost=${med.lost} rejected=${med.rejected} runs=${runs.map((x) => x.perSecond).join(',')} engine_cpu=${enginePct}% engine_us_per_req=${usPerReq} radclient_cpu=${med.clientCpu}%`);
  if (process.env.BENCH_AUTH_ONLY) {
    await engine.stop();
    fs.rmSync(work, { recursive: true, force: true });
    return;
  }
  if (med.rejected > 0) console.log('rejects by reason', JSON.stringify(engine.radius.status().rejectsByReason), JSON.stringify(engine.radius.status().dropped));

  // Latency at half the peak, from another process so the client does not share our event loop.
  const packets = [];
  const maOffsets = [];
  for (let i = 0; i < Math.min(users, 2000); i++) {
    const authenticator = crypto.randomBytes(16);
    const { packet, maOffset } = encodePacket(1, 0, authenticator, [
      { type: 1, value: phone(i) },
      { type: 2, value: encryptUserPassword(pw[i], Buffer.from(SECRET), authenticator) },
      { type: 4, value: { ip: '127.0.0.1' } },
      { type: 31, value: mac(i) },
    ], { messageAuthenticator: REQUEST_MA });
    packets.push(packet.toString('base64'));
    maOffsets.push(maOffset);
  }
  const rate = Number(process.env.BENCH_RATE) || Math.max(100, Math.round(med.perSecond / 2));
  // What stalls the engine's event loop during the latency run (GC, SQLite checkpoints …).
  const { monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const gcPauses = [];
  // Pauses by kind: a long scavenge (young generation) and a long mark-compact need different cures.
  const { constants: { NODE_PERFORMANCE_GC_MINOR, NODE_PERFORMANCE_GC_MAJOR } } = require('node:perf_hooks');
  const gcByKind = { minor: [], major: [], other: [] };
  const gcObs = new PerformanceObserver((list) => list.getEntries().forEach((e) => {
    gcPauses.push(e.duration);
    const kind = e.detail?.kind;
    (kind === NODE_PERFORMANCE_GC_MINOR ? gcByKind.minor : kind === NODE_PERFORMANCE_GC_MAJOR ? gcByKind.major : gcByKind.other).push(e.duration);
  }));
  gcObs.observe({ entryTypes: ['gc'] });
  loop.enable();
  const lat = await new Promise((resolve, reject) => {
    const spec = path.join(work, 'latency.json');
    fs.writeFileSync(spec, JSON.stringify({ port: ports.auth, rate, seconds: 5, packets, requestMa: REQUEST_MA }));
    const child = fork(__filename, ['latency-client', spec]);
    child.on('message', resolve);
    child.on('error', reject);
  });
  loop.disable();
  gcObs.disconnect();
  gcPauses.sort((a, b) => b - a);
  console.log(`engine event-loop delay during it: p99=${(loop.percentile(99) / 1e6).toFixed(2)} ms max=${(loop.max / 1e6).toFixed(2)} ms; gc pauses=${gcPauses.length} longest=${(gcPauses[0] ?? 0).toFixed(2)} ms (${Object.entries(gcByKind).map(([k, v]) => `${k} ${v.length}×, max ${Math.max(0, ...v).toFixed(2)}`).join('; ')})`);
  const cp = engine.status().checkpointer;
  if (cp) console.log(`wal checkpointer (worker): checkpoints=${cp.checkpoints} moving_frames=${cp.checkpointsMovingFrames} frames=${cp.framesCheckpointed} max_wal_frames=${cp.maxWalFrames} longest=${cp.maxMs.toFixed(1)} ms truncates=${cp.truncates} errors=${cp.errors} fell_back=${cp.fellBack} main_autocheckpoint=${engine.db.pragma('wal_autocheckpoint', { simple: true })}`);
  console.log(`hotspotdesk auth_latency_ms rate=${rate}/s p50=${lat.p50.toFixed(2)} p99=${lat.p99.toFixed(2)} max=${lat.max.toFixed(2)} lost=${lat.lost} n=${lat.n}`);

  if (process.env.BENCH_NO_ACCT) {
    await engine.stop();
    fs.rmSync(work, { recursive: true, force: true });
    return;
  }
  const a1 = await runRadclient(path.join(work, 'acct1.txt'), ports.acct, 'acct', parallel, secretFile);
  const a2 = await runRadclient(path.join(work, 'acct2.txt'), ports.acct, 'acct', parallel, secretFile);
  const rows = engine.db.prepare('SELECT COUNT(*) AS n FROM sessions').get().n;
  const gc = engine.radius.status();
  console.log(`hotspotdesk acct_per_s=${a1.perSecond} lost=${a1.lost} rows=${rows} (interim opening sessions, durable group commit)`);
  console.log(`hotspotdesk acct_per_s=${a2.perSecond} lost=${a2.lost} (interim charging deltas, durable group commit) duplicates=${gc.duplicates}`);
  // The driver's own garbage (setup, latency packets) is collected first; RSS still includes
  // whatever heap V8 keeps reserved, so it is an upper bound for the engine.
  require('node:v8').setFlagsFromString('--expose-gc');
  require('node:vm').runInNewContext('gc')();
  console.log(`hotspotdesk rss_mb=${Math.round(process.memoryUsage().rss / 2 ** 20)} heap_used_mb=${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} users=${users}`);
  await engine.stop();
  fs.rmSync(work, { recursive: true, force: true });
}

if (process.argv[2] === 'latency-client') {
  // The MA offset is right after the header: encodePacket puts Message-Authenticator first.
  resignState = { find: () => ({ maOffset: 22 }) };
  latencyClient().then(() => process.exit(0));
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
