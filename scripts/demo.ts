/**
 * `npm run demo`: the whole product without hardware. Starts the headless engine on a fresh data
 * folder, a virtual MikroTik (RouterOS API simulator + a hotspot NAS speaking RADIUS over UDP),
 * seeds packages, customers and recharge cards, logs a few phones in and keeps their traffic
 * flowing with accounting updates, so every page of the admin UI has something real on it.
 * Ctrl-C stops everything.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../src-main/config';
import { startServer } from '../src-main/server';
import { createVirtualRouterOsApi } from '../test/virtual-mikrotik/routeros-api';
import { VirtualNas, type NasSession } from '../test/virtual-mikrotik/nas';
import { VirtualHotspot } from '../test/virtual-mikrotik/hotspot-http';
import { okFor } from '../test/helpers/api';

const RADIUS_SECRET = 'demo-radius-secret';
const NAS_IP = '127.0.0.1';

async function main(): Promise<void> {
  const adminPort = Number(process.env.HOTSPOTDESK_ADMIN_PORT ?? process.argv[2] ?? 8090);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotspotdesk-demo-'));
  const server = await startServer({
    ...defaultConfig(),
    dataDir,
    bind: '127.0.0.1',
    adminPort,
    portalPort: 0,
    radiusAuthPort: 0,
    radiusAcctPort: 0,
    logLevel: 'warn',
  });
  const { engine } = server;
  const ok = okFor((m, i) => engine.call(m, i));

  // The router: its API (for set-up, walled garden, online list, diagnose) and its hotspot (RADIUS).
  const ros = createVirtualRouterOsApi({ identity: 'Shop-AP', ssid: 'Bazar WiFi' });
  const apiPort = await ros.start();
  const zone = await ok('zones.create', { name: 'Bazar', ssid: 'Bazar WiFi' });
  const router = await ok('routers.create', {
    name: 'Shop AP', nasIp: NAS_IP, secret: RADIUS_SECRET, host: '127.0.0.1', apiPort, apiUser: 'admin', apiPassword: 'admin-pass',
    zoneId: zone.id, hotspotInterface: 'bridge',
  });
  const ports = engine.radius.ports();
  const nas = new VirtualNas({ nasIp: NAS_IP, secret: RADIUS_SECRET, server: { host: '127.0.0.1', authPort: ports.auth!, acctPort: ports.acct! }, identity: 'Shop-AP' });
  await nas.start();
  await ok('routers.update', { id: router.id, coaPort: nas.coaPort() });

  // What the shop sells.
  const hours3 = await ok('packages.create', { name: '3 Hours 3 Mbps', price: 1000, validitySeconds: 3 * 3600, downloadBps: 3_000_000, uploadBps: 1_000_000 });
  const day = await ok('packages.create', { name: '1 Day 5 Mbps', price: 2000, validitySeconds: 86400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
  await ok('packages.create', { name: 'Weekly 5 GB', price: 14950, validitySeconds: 7 * 86400, dataLimitBytes: 5 * 2 ** 30, downloadBps: 10_000_000, uploadBps: 2_000_000, devices: 2 });
  const cards = await ok('vouchers.generate', { packageId: hours3.id, count: 24, prefix: 'BZ' });

  // Customers with packages, logged in from their phones.
  const phones = [
    { phone: '01712345678', pkg: day.id, mac: '30:39:26:86:CC:EA', ip: '10.5.50.11' },
    { phone: '01812345678', pkg: hours3.id, mac: '6C:4A:85:12:9B:01', ip: '10.5.50.12' },
    { phone: '01912345678', pkg: day.id, mac: 'A4:50:46:3E:77:2C', ip: '10.5.50.13' },
  ];
  const sessions: NasSession[] = [];
  for (const p of phones) {
    await ok('customers.sellPackage', { phone: p.phone, packageId: p.pkg, method: 'cash' });
    const c = await ok('customers.get', { phone: p.phone });
    const login = await nas.login({ username: c.hotspotUsername, password: c.hotspotPassword, method: 'chap', mac: p.mac, ip: p.ip });
    if (!login.accepted) continue;
    const s = await nas.startSession({ username: c.hotspotUsername, mac: p.mac, ip: p.ip, classValue: login.classValue });
    ros.state.insert('/ip/hotspot/active', {
      user: c.hotspotUsername, address: p.ip, 'mac-address': p.mac, 'login-by': 'http-chap', uptime: '1m', 'bytes-in': '0', 'bytes-out': '0', server: 'hotspot1', radius: 'true',
    });
    sessions.push(s);
  }
  // A phone without a package tries, so the auth log shows a refusal too.
  await ok('customers.create', { phone: '01612345678' });
  const lapsed = await ok('customers.get', { phone: '01612345678' });
  await nas.login({ username: lapsed.hotspotUsername, password: lapsed.hotspotPassword, method: 'pap', mac: '02:11:22:33:44:55', ip: '10.5.50.20' });

  // Traffic: an interim update for every online phone every 10 s.
  const traffic = setInterval(() => {
    for (const s of sessions) {
      if (s.stopped || !nas.sessions.has(s.acctSessionId)) continue;
      void nas.interim(s, 2_000_000 + Math.floor(Math.random() * 3_000_000), 20_000_000 + Math.floor(Math.random() * 40_000_000), 10).catch(() => undefined);
    }
  }, 10_000);

  // The router's HTTP front in front of the engine's portal: a browser opening it is a new phone
  // on the WiFi (MAC 02:00:00:00:00:01), redirected to our login.html and walked through the flow.
  const hotspot = new VirtualHotspot({ portalUrl: engine.portal!.url()!.replace(/\/$/, ''), routerId: router.id, nas, loginBy: ['http-chap', 'http-pap', 'mac'], identity: 'Shop-AP' });
  await hotspot.start();

  process.stdout.write(`ready admin=${server.adminUrl}#token=${server.token}\n`);
  process.stdout.write(`phone=${hotspot.url}/ (open it as a new phone: number, the SMS code from the admin app's SMS outbox, a PIN, then card ${cards.codes[0]})\n`);
  process.stdout.write(`demo: data in ${dataDir}; router API on 127.0.0.1:${apiPort} (admin/admin-pass); RADIUS on ${ports.auth}/${ports.acct}; Ctrl-C stops\n`);

  const stop = async () => {
    clearInterval(traffic);
    await hotspot.stop();
    await nas.stop();
    await server.close();
    await ros.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`demo: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
