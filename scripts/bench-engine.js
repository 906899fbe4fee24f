#!/usr/bin/env node
// Benchmark (not a test): headless engine cold start and memory with many customers.
// Seeds N customers, each with an active subscription and a device, through the billing code,
// then starts the built headless server as a real process several times and reports:
//   engine cold_start_ms (spawn → `ready` line, median of 5), RSS after start and after
//   listing/reading customers through the admin API.
// Usage: npm run build:main && node scripts/bench-engine.js [customers=50000]
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const n = Number(process.argv[2] ?? 50000);
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
      const mac = [0x02, (i >> 16) & 255, (i >> 8) & 255, i & 255, 0, 1].map((b) => b.toString(16).padStart(2, '0')).join(':').toUpperCase();
      e.billing.customers.bindDevice(id, mac);
    }
  })();
  const seedMs = Date.now() - t0;
  await e.stop();
  return seedMs;
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
      await call('customers.list', { limit: 1000 });
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
