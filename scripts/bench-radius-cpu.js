#!/usr/bin/env node
'use strict';
/**
 * Engine CPU per Access-Request without sockets or a load generator (not a test): the same 10,000
 * customers as bench-radius.js, datagrams built in advance, fed to the protocol handler in a loop.
 * Repeatable to a few percent on a quiet machine, so it shows what a change to the hot path buys
 * long before radclient's noise does (still ±15 % run to run here: compare medians of several).
 * Usage: npm run bench:radius-cpu [-- users passes]   (default 10000 5)
 *   env BENCH_BATCH=N       datagrams per read transaction (default 32, as one socket wakeup; 1: none)
 *   env BENCH_DATA_LIMIT=1  the package has a data cap (Total-Limit + Gigawords in every Accept)
 *   env BENCH_VERBOSE=1     per pass: WAL, auth-log rows, database size, checkpointer stats
 *   env BENCH_CPU_PROFILE=file.cpuprofile  V8 profile of the timed passes (scripts/profile-summary.js)
 * Runs on compiled code in build/main.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const BUILD = path.join(__dirname, '..', 'build', 'main');
const SECRET = 'testing123';
const arg = (i, d) => Number(process.argv[i] ?? d);
const mac = (i) => `AA:BB:CC:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`.toUpperCase();
const phone = (i) => `0171${String(i).padStart(7, '0')}`;

async function main() {
  const users = arg(2, 10000);
  const passes = arg(3, 5);
  const { createEngine } = require(path.join(BUILD, 'src-main/engine.js'));
  const { silentLogger } = require(path.join(BUILD, 'src-main/log.js'));
  const { encodePacket } = require(path.join(BUILD, 'src-main/radius/codec.js'));
  const { encryptUserPassword } = require(path.join(BUILD, 'src-main/radius/crypto.js'));
  const { hmacMd5 } = require(path.join(BUILD, 'src-main/radius/md5.js'));
  const { defaultConfig } = require(path.join(BUILD, 'src-main/config.js'));
  const { createReadBatch } = require(path.join(BUILD, 'src-main/db/readBatch.js'));

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hsd-cpu-'));
  const config = { ...defaultConfig(), dataDir: path.join(work, 'data'), bind: '127.0.0.1', radiusAuthPort: 0, radiusAcctPort: 0, logLevel: 'silent' };
  const engine = await createEngine(config, { log: silentLogger() });
  await engine.start();
  await engine.call('routers.create', { name: 'bench', nasIp: '127.0.0.1', secret: SECRET });
  const dataLimit = process.env.BENCH_DATA_LIMIT === '1' ? { dataLimitBytes: 2 ** 40 } : {};
  const pkg = await engine.call('packages.create', { name: 'bench', price: 3000, validitySeconds: 30 * 86400, ...dataLimit, downloadBps: 5_000_000, uploadBps: 5_000_000 });
  engine.db.transaction(() => {
    for (let i = 0; i < users; i++) engine.billing.sell({ phone: `+88${phone(i)}`, packageId: pkg.value.id, method: 'cash' });
  })();
  const pw = engine.db.prepare('SELECT hotspot_password_enc AS enc FROM customers ORDER BY id').all().map((r) => engine.deps.secrets.decrypt(r.enc));
  const secret = Buffer.from(SECRET);
  function request(i) {
    const authenticator = crypto.randomBytes(16);
    const { packet, maOffset } = encodePacket(1, i & 255, authenticator, [
      { type: 1, value: phone(i) },
      { type: 2, value: encryptUserPassword(pw[i], secret, authenticator) },
      { type: 4, value: { ip: '127.0.0.1' } },
      { type: 31, value: mac(i) },
    ], { messageAuthenticator: true });
    hmacMd5(secret, [packet]).copy(packet, maOffset);
    return packet;
  }
  const { protocol } = engine.radius;
  let port = 1024;
  // Like the auth socket: datagrams handled in batches of what one wakeup reads (libuv: up to 32),
  // each batch in one read transaction. BENCH_BATCH=1 handles each on its own.
  const batchSize = Number(process.env.BENCH_BATCH ?? 32);
  const batch = createReadBatch(engine.db, (e) => { throw e; });
  const run = (pkts) => {
    let accepts = 0;
    for (let i = 0; i < pkts.length; i += batchSize) {
      batch(() => {
        for (const p of pkts.slice(i, i + batchSize)) {
          // A new source port per request: every datagram is new to the duplicate cache.
          const r = protocol.handleAuth(p, '127.0.0.1', port);
          port = port === 65535 ? 1024 : port + 1;
          if (r && r[0] === 2) accepts++;
        }
      });
    }
    return accepts;
  };
  // Warm-up: binds every device (a write) and lets V8 optimise.
  const warm = run(Array.from({ length: users }, (_, i) => request(i)));
  const sets = Array.from({ length: passes }, () => Array.from({ length: users }, (_, i) => request(i)));
  engine.radius.flushAuthLog();
  let profiler = null;
  if (process.env.BENCH_CPU_PROFILE) {
    const inspector = require('node:inspector');
    profiler = new inspector.Session();
    profiler.connect();
    const post = (m, p) => new Promise((res, rej) => profiler.post(m, p, (e, r) => (e ? rej(e) : res(r))));
    profiler.postAsync = post;
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 50 });
    await post('Profiler.start');
  }
  const perPass = [];
  for (const set of sets) {
    const c0 = process.cpuUsage();
    const ok = run(set);
    engine.radius.flushAuthLog(); // the auth log's cost belongs to the requests that wrote it
    const c = process.cpuUsage(c0);
    if (ok !== users) throw new Error(`only ${ok} of ${users} accepted`);
    perPass.push((c.user + c.system) / users);
    if (process.env.BENCH_VERBOSE) {
      const wal = fs.statSync(path.join(config.dataDir, 'hotspotdesk.db-wal'), { throwIfNoEntry: false })?.size ?? 0;
      console.log(`pass ${perPass.length}: ${perPass.at(-1).toFixed(1)} us/request, wal ${(wal / 2 ** 20).toFixed(1)} MiB, auth_log rows ${engine.db.prepare('SELECT COUNT(*) FROM auth_log').pluck().get()}, db ${(fs.statSync(path.join(config.dataDir, 'hotspotdesk.db')).size / 2 ** 20).toFixed(1)} MiB, checkpointer ${JSON.stringify(engine.status().checkpointer)}`);
    }
    // Back to the event loop between passes, as a server would be (timers, the checkpointer's replies).
    await new Promise((r) => setTimeout(r, 300));
  }
  if (profiler) {
    const { profile } = await profiler.postAsync('Profiler.stop');
    fs.writeFileSync(process.env.BENCH_CPU_PROFILE, JSON.stringify(profile));
  }
  perPass.sort((a, b) => a - b);
  console.log(`engine_cpu_us_per_access_request median=${perPass[Math.floor(passes / 2)].toFixed(1)} min=${perPass[0].toFixed(1)} passes=${perPass.map((x) => x.toFixed(1)).join(',')} batch=${batchSize} warmup_accepts=${warm} data_limit=${dataLimit.dataLimitBytes ? 'yes' : 'no'}`);
  await engine.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
