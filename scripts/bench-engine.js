#!/usr/bin/env node
// Benchmark (not a test): headless engine cold start, memory and admin list latency with many customers.
// Seeds N customers, each with an active subscription and a device, through the billing code,
// then 4N payments and 4N auth-log lines by direct SQL (one transaction each: the bench only),
// then starts the built headless server as a real process several times and reports:
//   engine cold_start_ms (spawn → `ready` line, median of 5), RSS after start and after
//   listing/reading customers through the admin API;
//   list_ms per list/search/sort call through engine.call (the admin dispatcher, as the UI calls
//   it), median and p99 over RUNS runs, against the 50 ms target (DESIGN.md).
// Usage: npm run build:main && node scripts/bench-engine.js [customers=50000] [--lists-only]
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 50000);
const listsOnly = args.includes('--lists-only');
const RUNS = 50;
const TARGET_MS = 50;
const root = path.resolve(__dirname, '..');
const built = (p) => path.join(root, 'build/main/src-main', p);

async function seed(dataDir) {
  const { createEngine } = require(built('engine.js'));
  const { silentLogger } = require(built('log.js'));
  const { defaultConfig } = require(built('config.js'));
  const e = await createEngine({ ...defaultConfig(), dataDir }, { log: silentLogger() });
  const pkg = e.billing.packages.create({ name: '30 days', price: 50000, validitySeconds: 30 * 86400, downloadBps: 5e6, uploadBps: 2e6 });
  const t0 = Date.now();
  e.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const phone = `+88017${String(i).padStart(8, '0')}`;
      const id = e.billing.customers.ensure(phone);
      e.billing.subscriptions.purchase(id, pkg, null);
      e.billing.customers.bindDevice(id, macOf(i));
    }
  })();
  seedLedgerAndLog(e.db);
  const seedMs = Date.now() - t0;
  await e.stop();
  return seedMs;
}

const NAMES = ['Rahim', 'Karim', 'Abdul', 'Nusrat', 'Fatema', 'Sakib', 'Tania', 'Jamal', 'Rupa', 'Hasan'];
const mulberry = (seed) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);

/** Names for 60 % of customers, 4N payments and 4N auth-log lines, by direct SQL in one transaction each. */
function seedLedgerAndLog(db) {
  const rnd = mulberry(11);
  const now = Date.now();
  const day = 86_400_000;
  db.transaction(() => {
    const setName = db.prepare('UPDATE customers SET name = ? WHERE id = ?');
    for (let i = 1; i <= n; i++) if (i % 5 < 3) setName.run(`${NAMES[i % NAMES.length]} ${String.fromCharCode(65 + (i % 26))}${i}`, i);
  })();
  const methods = ['cash', 'voucher', 'bkash', 'nagad', 'sslcommerz', 'bkash_send_money'];
  const statuses = ['completed', 'completed', 'completed', 'failed', 'pending'];
  const ins = db.prepare(`INSERT INTO payments (invoice_no, customer_id, amount, method, status, gateway_ref, trx_id, sender_phone, created_at, completed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < 4 * n; i++) {
      const at = now - Math.floor((4 * n - i) * (180 * day) / (4 * n));
      const method = methods[i % methods.length];
      const status = statuses[i % statuses.length];
      const cust = 1 + Math.floor(rnd() * n);
      ins.run(`HD-B${String(i).padStart(8, '0')}`, cust, 1000 * (10 + Math.floor(rnd() * 90)), method, status,
        method === 'cash' ? null : `${method}:${i}`, method === 'cash' || method === 'voucher' ? null : `TX${String(i).padStart(8, '0')}`,
        method === 'bkash_send_money' ? `+88018${String(Math.floor(rnd() * n)).padStart(8, '0')}` : null,
        at, status === 'completed' ? at : null);
    }
  })();
  const log = db.prepare("INSERT INTO auth_log (at, router_id, nas_ip, username, mac, customer_id, result, reason) VALUES (?, 1, '10.0.0.1', ?, ?, ?, ?, ?)");
  const outcomes = [['accept', null], ['accept', null], ['accept', null], ['reject', 'bad_password'], ['reject', 'expired'], ['reject', 'no_package'], ['drop', 'unknown_nas']];
  db.transaction(() => {
    for (let i = 0; i < 4 * n; i++) {
      const c = Math.floor(rnd() * n);
      const mac = macOf(c);
      const [result, reason] = outcomes[i % outcomes.length];
      log.run(now - (4 * n - i) * 5_000, i % 2 ? mac : `017${String(c).padStart(8, '0')}`, mac, c + 1, result, reason);
    }
  })();
}

function macOf(i) {
  return [0x02, (i >> 16) & 255, (i >> 8) & 255, i & 255, 0, 1].map((b) => b.toString(16).padStart(2, '0')).join(':').toUpperCase();
}

/** Each list/search/sort the admin UI makes, timed through engine.call over RUNS runs. */
async function benchLists(dataDir) {
  const { createEngine } = require(built('engine.js'));
  const { silentLogger } = require(built('log.js'));
  const { defaultConfig } = require(built('config.js'));
  const e = await createEngine({ ...defaultConfig(), dataDir }, { log: silentLogger() });
  const page = { limit: 50 };
  const q = Math.floor(n / 2);
  const cases = [
    ['customers.list', { ...page }],
    ['customers.list', { ...page, sort: { by: 'name' } }],
    ['customers.list', { ...page, sort: { by: 'name', dir: 'desc' }, offset: Math.floor(n / 4) }],
    ['customers.list', { ...page, sort: { by: 'phone', dir: 'desc' } }],
    ['customers.list', { ...page, sort: { by: 'activeUntil' } }],
    ['customers.list', { ...page, search: `017${String(q).padStart(8, '0').slice(0, 6)}` }],
    ['customers.list', { ...page, search: `+88017${String(q).padStart(8, '0')}` }],
    ['customers.list', { ...page, search: 'Rahim A' }],
    ['customers.list', { ...page, search: '017' }],
    ['payments.list', { ...page }],
    ['payments.list', { ...page, sort: { by: 'amount' } }],
    ['payments.list', { ...page, sort: { by: 'method' }, offset: 2 * n }],
    ['payments.list', { ...page, sort: { by: 'status', dir: 'desc' } }],
    ['payments.list', { ...page, method: 'bkash', sort: { by: 'at' } }],
    ['payments.list', { ...page, search: 'HD-B0012' }],
    ['payments.list', { ...page, search: `017${String(q).padStart(8, '0')}` }],
    ['payments.list', { ...page, search: 'TX0000123' }],
    ['authLog.list', { ...page }],
    ['authLog.list', { ...page, sort: { by: 'at', dir: 'asc' }, offset: n }],
    ['authLog.list', { ...page, sort: { by: 'result' } }],
    ['authLog.list', { ...page, sort: { by: 'reason', dir: 'desc' } }],
    ['authLog.list', { ...page, search: `017${String(q).padStart(8, '0')}` }],
    ['authLog.list', { ...page, search: macOf(q).slice(0, 11) }],
    ['authLog.list', { ...page, result: 'reject' }],
  ];
  const rows = [];
  for (const [method, input] of cases) {
    // The first call includes any one-time work (the auth log's search mirror catching up).
    const f0 = process.hrtime.bigint();
    const first = await e.call(method, input);
    const firstMs = Number(process.hrtime.bigint() - f0) / 1e6;
    if (!first.ok) throw new Error(`${method} ${JSON.stringify(input)}: ${first.error.message}`);
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint();
      await e.call(method, input);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    const med = times[Math.floor(RUNS / 2)];
    const p99 = times[Math.min(RUNS - 1, Math.ceil(RUNS * 0.99) - 1)];
    rows.push({ method, input, total: first.value.total, med, p99 });
    const args = JSON.stringify(Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'limit')));
    console.log(`list ${method} ${args} total=${first.value.total} first_ms=${firstMs.toFixed(1)} median_ms=${med.toFixed(2)} p99_ms=${p99.toFixed(2)} target_ms=${TARGET_MS} ${p99 < TARGET_MS ? 'ok' : 'OVER'}`);
  }
  await e.stop();
  const worst = rows.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  console.log(`lists calls=${rows.length} runs=${RUNS} worst_p99_ms=${worst.p99.toFixed(2)} (${worst.method} ${JSON.stringify(worst.input)}) over_target=${rows.filter((r) => r.p99 >= TARGET_MS).length}`);
}

function startOnce(dataDir) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [built('server.js'), '--data-dir', dataDir, '--admin-port', '0', '--portal-port', '0',
      '--radius-auth-port', '0', '--radius-acct-port', '0', '--bind', '127.0.0.1', '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'ignore'] });
    readline.createInterface({ input: child.stdout }).on('line', async (line) => {
      const m = /^ready admin=(\S+)$/.exec(line);
      if (!m) return;
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const rss = () => Number(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
      const rssReady = rss();
      const token = fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
      const call = (method, body) => fetch(`${m[1]}api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
      await call('customers.list', { limit: 500 });
      await call('dashboard.summary', {});
      for (let i = 0; i < 200; i++) await call('customers.get', { phone: `017${String(i * 97).padStart(8, '0')}` });
      const rssUsed = rss();
      child.kill('SIGTERM');
      child.on('exit', () => resolve({ ms, rssReady, rssUsed }));
    });
    child.on('error', reject);
  });
}

(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsd-bench-engine-'));
  try {
    const seedMs = await seed(dataDir);
    console.log(`engine customers=${n} payments=${4 * n} auth_log=${4 * n} seed_ms=${seedMs}`);
    await benchLists(dataDir);
    if (listsOnly) return;
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await startOnce(dataDir));
    runs.sort((a, b) => a.ms - b.ms);
    const med = runs[2];
    const dbMb = fs.statSync(path.join(dataDir, 'hotspotdesk.db')).size / 1048576;
    console.log(`engine customers=${n} seed_ms=${seedMs} db_mb=${dbMb.toFixed(1)}`);
    console.log(`engine cold_start_ms=${med.ms.toFixed(0)} (min ${runs[0].ms.toFixed(0)}, max ${runs[4].ms.toFixed(0)}) rss_ready_mb=${med.rssReady.toFixed(0)} rss_after_use_mb=${Math.max(...runs.map((r) => r.rssUsed)).toFixed(0)}`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
})();
