import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src-main/engine';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import { dashboardHandlers } from '../../src-main/admin/handlers/dashboard';
import type { SmsStatusInfo } from '../../src-main/sms';
import { testConfig, testEngine } from '../helpers/engine';
import { okFor } from '../helpers/api';
import { radiusWorld } from '../helpers/radius';
import { startSimulator } from '../virtual-mikrotik/routerosRig';
import type { VirtualRouterOsApi } from '../virtual-mikrotik/routeros-api';

// dashboard.overview over the real engine: the ledger (billing), RADIUS sessions and auth log
// made over UDP by a virtual NAS, the router store's health as the RouterOS poller leaves it
// (a virtual router's API over TCP), the SMS status and the backups' schedule.

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('dashboard.overview: money', () => {
  it('sales per shop day net of a void, today last; top packages by count, the voided sale not counted', async () => {
    const { engine, clock, ok } = await testEngine();
    const day = await ok('packages.create', { name: '1 day', price: 3000, validitySeconds: 86400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
    const week = await ok('packages.create', { name: '7 days', price: 15000, validitySeconds: 7 * 86400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
    const hour = await ok('packages.create', { name: '1 hour', price: 1000, validitySeconds: 3600, downloadBps: 5_000_000, uploadBps: 2_000_000 });
    let n = 0;
    const sell = async (iso: string, packageId: number) => {
      clock.set(at(iso));
      return ok('customers.sellPackage', { phone: `0171000${String(n++).padStart(4, '0')}`, packageId, method: 'cash' });
    };
    await sell('2026-04-20T06:00:00Z', hour.id); // long before the 30 days: in neither chart nor ranking
    await sell('2026-04-20T07:00:00Z', hour.id);
    await sell('2026-04-20T08:00:00Z', hour.id);
    await sell('2026-05-31T17:30:00Z', day.id); // Sun 31 May 23:30 Dhaka
    await sell('2026-05-31T18:30:00Z', day.id); // Mon 1 June 00:30 Dhaka: the next shop day
    const mistake = await sell('2026-06-02T04:00:00Z', week.id);
    await sell('2026-06-02T05:00:00Z', day.id);
    clock.set(at('2026-06-02T05:10:00Z'));
    await ok('payments.void', { id: mistake.paymentId, reason: 'rang up the wrong package' });
    clock.set(at('2026-06-03T06:00:00Z')); // Wed 3 June 12:00 Dhaka

    const o = await ok('dashboard.overview');
    expect(o.timeZone).toBe('Asia/Dhaka');
    expect(o.salesPerDay).toHaveLength(30);
    expect(o.salesPerDay[0]).toMatchObject({ day: '2026-05-05', from: at('2026-05-04T18:00:00Z'), count: 0, amount: 0 });
    expect(o.salesPerDay.at(-1)).toMatchObject({ day: '2026-06-03', count: 0, amount: 0 });
    const byDay = Object.fromEntries(o.salesPerDay.map((d) => [d.day, d]));
    expect(byDay['2026-05-31']).toMatchObject({ count: 1, amount: 3000 });
    expect(byDay['2026-06-01']).toMatchObject({ count: 1, amount: 3000 });
    // The 150-taka mistake and its void on the same day cancel out; the day keeps its real sale.
    expect(byDay['2026-06-02']).toMatchObject({ count: 1, amount: 3000 });
    // The same sums the daily report gives (one rule of what a void takes off).
    const report = await ok('reports.daily', { from: o.salesPerDay[0]!.from, to: o.now + 1 });
    expect(o.salesPerDay.map((d) => d.amount)).toEqual(report.days.map((d) => d.net));

    expect(o.topPackages).toEqual([{ packageId: day.id, name: '1 day', count: 3, amount: 9000 }]);
    expect(o.salesByMethod.today.from).toBe(at('2026-06-02T18:00:00Z'));
    void engine;
  });
});

describe('dashboard.overview: RADIUS', () => {
  it('devices online per hour from sessions over UDP, logins of the last hour with the refusal reasons, online per router', async () => {
    const w = await radiusWorld();
    const { clock, nas, ok } = w;
    const rahim = await w.customer('01710000001');
    const karim = await w.customer('01710000002');
    const macA = 'AA:BB:CC:00:00:01';
    const macB = 'AA:BB:CC:00:00:02';

    clock.set(at('2026-06-01T06:10:00Z')); // 12:10 Dhaka
    const a = await nas.login({ username: rahim.username, password: rahim.password, method: 'pap', mac: macA, ip: '10.5.50.11' });
    expect(a.accepted).toBe(true);
    const sa = await nas.startSession({ username: rahim.username, mac: macA, ip: '10.5.50.11', classValue: a.classValue });
    // Over an hour before "now": not in the last hour's logins.
    expect((await nas.login({ username: '01599999999', password: 'x', method: 'pap', mac: 'AA:BB:CC:00:00:09', ip: '10.5.50.19' })).accepted).toBe(false);
    clock.set(at('2026-06-01T07:20:00Z'));
    await nas.stopSession(sa);
    clock.set(at('2026-06-01T07:30:00Z'));
    const b = await nas.login({ username: karim.username, password: karim.password, method: 'pap', mac: macB, ip: '10.5.50.12' });
    await nas.startSession({ username: karim.username, mac: macB, ip: '10.5.50.12', classValue: b.classValue });
    clock.set(at('2026-06-01T08:05:00Z'));
    for (let i = 0; i < 2; i++) expect((await nas.login({ username: karim.username, password: 'wrong', method: 'pap', mac: macB, ip: '10.5.50.12' })).accepted).toBe(false);
    expect((await nas.login({ username: '01588888888', password: 'x', method: 'pap', mac: 'AA:BB:CC:00:00:08', ip: '10.5.50.18' })).accepted).toBe(false);
    clock.set(at('2026-06-01T08:15:00Z'));

    const o = await ok('dashboard.overview');
    expect(o.onlinePerHour).toHaveLength(24);
    const last = o.onlinePerHour.at(-1)!;
    expect(last.from).toBe(at('2026-06-01T08:00:00Z')); // 14:00 Dhaka: the shop's hour
    const devices = Object.fromEntries(o.onlinePerHour.map((h) => [new Date(h.from).toISOString().slice(11, 16), h.devices]));
    expect(devices).toMatchObject({ '05:00': 0, '06:00': 1, '07:00': 2, '08:00': 1 });
    expect(o.onlinePerHour[0]!.from).toBe(at('2026-05-31T09:00:00Z'));

    expect(o.logins).toEqual({ accepted: 1, refused: 3, topReasons: [{ reason: 'bad_password', count: 2 }, { reason: 'unknown_user', count: 1 }] });
    expect(o.routerHealth).toEqual([expect.objectContaining({ id: w.routerId, online: 1, reachable: null, clockOffsetMs: null })]);
    expect(o.online).toBe(1);
  });
});

// ---- warnings --------------------------------------------------------------------------------

const engines: Engine[] = [];
const sims: VirtualRouterOsApi[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.stop();
  for (const s of sims.splice(0)) await s.stop();
});

/** A port nothing listens on (bound, then closed): connecting is refused at once. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function routerEngine() {
  const clock = manualClock(at('2026-06-01T06:00:00Z'));
  const engine = await createEngine(testConfig(), {
    clock, log: silentLogger(), routerOs: { statusPollMs: 0, timeouts: { connectTimeoutMs: 1000, callTimeoutMs: 500 } },
  });
  engines.push(engine);
  await engine.start();
  return { engine, clock, call: (m: string, i: unknown = {}) => engine.call(m, i), ok: okFor((m, i) => engine.call(m, i)) };
}

async function simulator(clockNow: () => number) {
  const sim = await startSimulator({ withHotspot: true, clockNow });
  sims.push(sim);
  return sim;
}

const codes = (o: { warnings: Array<{ code: string }> }) => o.warnings.map((w) => w.code);

describe('dashboard.overview: warnings', () => {
  it('a fresh shop has none', async () => {
    const { ok } = await testEngine({ start: true });
    expect((await ok('dashboard.overview')).warnings).toEqual([]);
  });

  it('router_unreachable with since when, gone once the poller reaches it', async () => {
    const { ok, call, engine, clock } = await routerEngine();
    const sim = await simulator(() => clock.now());
    const r = await ok('routers.create', { name: 'Roof', nasIp: '127.0.0.1', secret: 'radius-secret-1', host: '127.0.0.1', apiPort: await closedPort(), apiUser: 'admin', apiPassword: 'admin-pass' });
    const failedAt = clock.now();
    expect((await call('routers.test', { id: r.id })).ok).toBe(false);
    clock.advance(10 * 60_000);
    await engine.routeros.pollOnce(); // still down: "since" stays at the first failure
    let o = await ok('dashboard.overview');
    expect(o.warnings).toEqual([
      expect.objectContaining({ code: 'router_unreachable', router: { id: r.id, name: 'Roof' }, at: failedAt, href: `#/routers/${r.id}`, fix: expect.stringMatching(/Diagnose/) }),
    ]);
    expect(o.warnings[0]!.message).toMatch(/"Roof" cannot be reached since 01\/06\/2026, 12:00/);
    expect(o.routerHealth[0]).toMatchObject({ reachable: false, since: failedAt, online: 0 });

    await ok('routers.update', { id: r.id, apiPort: sim.port() });
    clock.advance(60_000);
    await engine.routeros.pollOnce();
    o = await ok('dashboard.overview');
    expect(codes(o)).toEqual([]);
    expect(o.routerHealth[0]).toMatchObject({ reachable: true, since: clock.now() });
  });

  it('clock_skew when the router clock is over 2 minutes off (read by the poller), not within', async () => {
    const { ok, engine, clock } = await routerEngine();
    let skew = 90_000;
    const sim = await simulator(() => clock.now() + skew);
    const r = await ok('routers.create', { name: 'Roof', nasIp: '127.0.0.1', secret: 'radius-secret-1', host: '127.0.0.1', apiPort: sim.port(), apiUser: 'admin', apiPassword: 'admin-pass' });
    await engine.routeros.pollOnce();
    let o = await ok('dashboard.overview');
    expect(codes(o)).toEqual([]);
    expect(o.routerHealth[0]!.clockOffsetMs).toBeGreaterThan(89_000);
    expect(o.routerHealth[0]!.clockOffsetMs).toBeLessThan(91_000);

    skew = -7 * 60_000;
    await engine.routeros.pollOnce();
    o = await ok('dashboard.overview');
    expect(o.warnings).toEqual([expect.objectContaining({ code: 'clock_skew', router: { id: r.id, name: 'Roof' }, href: `#/routers/${r.id}` })]);
    expect(o.warnings[0]!.offsetMs).toBeLessThan(-419_000);
    expect(o.warnings[0]!.message).toMatch(/7 minutes behind this PC/);
  });

  it('ssid_mismatch when a router of a zone broadcasts another SSID than the zone’s, gone once fixed', async () => {
    const { ok, engine, clock } = await routerEngine();
    const sim = await simulator(() => clock.now());
    const zone = await ok('zones.create', { name: 'Market', ssid: 'ShopWiFi' });
    const r = await ok('routers.create', { name: 'Roof', nasIp: '127.0.0.1', secret: 'radius-secret-1', host: '127.0.0.1', apiPort: sim.port(), apiUser: 'admin', apiPassword: 'admin-pass', zoneId: zone.id });
    await engine.routeros.pollOnce();
    let o = await ok('dashboard.overview');
    expect(o.warnings).toEqual([expect.objectContaining({ code: 'ssid_mismatch', router: { id: r.id, name: 'Roof' }, detail: expect.stringMatching(/"MikroTik-5A1B2C" instead of "ShopWiFi"/) })]);

    sim.state.rows('/interface/wifi')[0]!['configuration.ssid'] = 'ShopWiFi';
    await engine.routeros.pollOnce();
    o = await ok('dashboard.overview');
    expect(codes(o)).toEqual([]);
  });

  it('ssid_mismatch is also what Diagnose found last (zone without an SSID set: the one most routers broadcast)', async () => {
    const { ok, clock } = await routerEngine();
    const a = await simulator(() => clock.now());
    const b = await simulator(() => clock.now());
    const c = await simulator(() => clock.now());
    c.state.rows('/interface/wifi')[0]!['configuration.ssid'] = 'Other';
    const zone = await ok('zones.create', { name: 'Market' });
    const add = (name: string, sim: VirtualRouterOsApi, nasIp: string) =>
      ok('routers.create', { name, nasIp, secret: 'radius-secret-1', host: '127.0.0.1', apiPort: sim.port(), apiUser: 'admin', apiPassword: 'admin-pass', zoneId: zone.id });
    const ra = await add('A', a, '127.0.0.1');
    await add('B', b, '127.0.0.2');
    const rc = await add('C', c, '127.0.0.3');
    expect(codes(await ok('dashboard.overview'))).toEqual([]);
    await ok('routers.diagnose', { id: ra.id });
    const o = await ok('dashboard.overview');
    expect(o.warnings).toEqual([expect.objectContaining({ code: 'ssid_mismatch', router: { id: rc.id, name: 'C' }, detail: expect.stringMatching(/"Other" instead of "MikroTik-5A1B2C"/) })]);
  });

  it('backup_overdue: schedule on and the last over 2 intervals old; off and none in 7 days', async () => {
    const { ok, clock } = await testEngine({ start: true });
    clock.advance(49 * HOUR); // on (24 h) and never made: counted from start
    expect(codes(await ok('dashboard.overview'))).toEqual(['backup_overdue']);
    const made = clock.now();
    await ok('backups.create');
    expect(codes(await ok('dashboard.overview'))).toEqual([]);
    clock.advance(47 * HOUR);
    expect(codes(await ok('dashboard.overview'))).toEqual([]);
    clock.advance(2 * HOUR);
    const o = await ok('dashboard.overview');
    expect(o.warnings).toEqual([expect.objectContaining({ code: 'backup_overdue', at: made, href: '#/backups' })]);

    // Off: a reminder only when none was made in 7 days.
    await ok('settings.update', { backups: { intervalHours: 0 } });
    expect(codes(await ok('dashboard.overview'))).toEqual([]);
    clock.advance(6 * 24 * HOUR);
    expect(codes(await ok('dashboard.overview'))).toEqual(['backup_overdue']);
    expect((await ok('dashboard.overview')).warnings[0]!.fix).toMatch(/turn on automatic backups/);
  });

  it('sms_balance_low from the SMS status (with the balance when the gateway reports one), not otherwise; dashboard.summary has the same', async () => {
    const { engine, clock } = await testEngine({ start: true });
    const status: SmsStatusInfo = { ...engine.sms.status(), provider: 'bulksmsbd', balance: 4250, balanceAt: clock.now(), lowBalance: false };
    const h = dashboardHandlers({ ...engine, settings: engine.deps.settings, clock, sms: { status: () => status } });
    expect(h['dashboard.overview']().warnings).toEqual([]);
    status.lowBalance = true;
    const o = h['dashboard.overview']();
    expect(o.warnings).toEqual([expect.objectContaining({ code: 'sms_balance_low', balance: 4250, href: '#/settings', fix: expect.stringMatching(/Top up/) })]);
    expect(o.warnings[0]!.message).toMatch(/balance is low \(৳42\.50 left\)/);
    expect(h['dashboard.summary']().warnings).toEqual(o.warnings);
  });
});
