import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src-main/engine';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import { testConfig } from '../helpers/engine';
import { okFor } from '../helpers/api';
import { encodeSentence } from '../virtual-mikrotik/apiWire';
import { startPortal, startSimulator, writeCommands } from '../virtual-mikrotik/routerosRig';

// The RouterOS methods through the engine's admin API (what the UI and scripts call).

const engines: Engine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.stop();
});

async function engineWith(portalUrl: string | null) {
  const engine = await createEngine(testConfig(), {
    clock: manualClock(Date.UTC(2026, 5, 1, 6)),
    log: silentLogger(),
    routerOs: { portalUrl: () => portalUrl, statusPollMs: 0, timeouts: { connectTimeoutMs: 1000, callTimeoutMs: 500 } },
  });
  engines.push(engine);
  await engine.start();
  const call = (method: string, input: unknown = {}) => engine.call(method, input);
  return { engine, call, ok: okFor(call) };
}

describe('RouterOS sync through the admin API', () => {
  it('tests, configures twice, pushes the walled garden and diagnoses', async () => {
    const sim = await startSimulator({ withHotspot: true });
    const portal = await startPortal();
    const { ok, call, engine } = await engineWith(portal.url);
    const router = await ok('routers.create', {
      name: 'Shop AP', nasIp: '127.0.0.1', secret: 'radius-secret-1', host: sim.host, apiPort: sim.port(), apiUser: 'admin', apiPassword: 'admin-pass', hotspotInterface: 'bridge',
    });
    expect((await ok('routers.test', { id: router.id })).canWrite).toBe(true);
    expect((await ok('routers.configure', { id: router.id })).failed).toBe(0);
    // The /radius entry names the ports RADIUS really bound (the config says 0: OS-assigned).
    const radiusEntry = sim.state.rows('/radius')[0]!;
    expect(radiusEntry['authentication-port']).toBe(String(engine.radius.ports().auth));
    expect(radiusEntry['accounting-port']).toBe(String(engine.radius.ports().acct));
    expect(Number(radiusEntry['authentication-port'])).toBeGreaterThan(0);
    const before = sim.commands.length;
    expect((await ok('routers.configure', { id: router.id })).changed).toBe(0);
    expect(writeCommands(sim, before)).toEqual([]);

    const entry = await ok('routers.addWalledGardenEntry', { routerId: router.id, host: 'http://Callback.Example/pay?x=1' });
    expect(entry).toMatchObject({ host: 'callback.example', https: false, routerId: router.id });
    // No gateway is enabled yet: the portal and the owner's own site only (issue 10: hosts of enabled gateways only).
    const pushed = await ok('routers.pushWalledGarden', { id: router.id });
    expect(pushed.added.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(pushed.added)).not.toMatch(/bka\.sh|mynagad|sslcommerz/);
    const view = await ok('routers.walledGarden', { id: router.id });
    expect(view.entries.filter((e: any) => e.source === 'custom')).toEqual([expect.objectContaining({ customId: entry.id, menu: 'http' })]);
    expect((await ok('routers.diagnose', { id: router.id })).ok).toBe(true);
    const listed = (await ok('routers.list'))[0];
    expect(listed!.status).toMatchObject({ reachable: true, lastError: null, version: '7.18.2 (stable)', identity: 'MikroTik' });

    const bad = await call('routers.kick', { id: router.id, sessionId: 'nope' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'sessionId' } });
    const badHost = await call('routers.addWalledGardenEntry', { host: 'not a host' });
    expect(badHost).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'host' } });
    expect(await call('routers.test', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('keeps serving when a router hangs, drops or talks garbage', async () => {
    const sim = await startSimulator();
    const { ok, call } = await engineWith(null);
    const router = await ok('routers.create', { name: 'AP', nasIp: '127.0.0.2', secret: 'radius-secret-1', host: sim.host, apiPort: sim.port(), apiUser: 'admin', apiPassword: 'admin-pass' });

    sim.faults.hangCommand = '/ip/hotspot/active';
    expect(await call('routers.activeSessions', { id: router.id })).toMatchObject({ ok: false, error: { code: 'ROUTER_TIMEOUT' } });
    sim.faults.hangCommand = null;
    sim.faults.rawReply = { command: '/ip/hotspot/active', bytes: (tag) => encodeSentence(['!bogus', `.tag=${tag}`]) };
    expect(await call('routers.activeSessions', { id: router.id })).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^ROUTER_/) } });
    sim.faults.rawReply = null;
    sim.faults.dropMidReply = '/system/identity';
    expect(await call('routers.test', { id: router.id })).toMatchObject({ ok: false, error: { code: 'ROUTER_UNREACHABLE' } });
    sim.faults.dropMidReply = null;
    expect((await ok('routers.list'))[0]!.status).toMatchObject({ reachable: false, lastError: expect.stringMatching(/lost|closed/) });

    // Other subsystems and the same router still work.
    expect(await ok('dashboard.summary')).toMatchObject({ routers: 1 });
    expect(await ok('routers.activeSessions', { id: router.id })).toEqual([]);
  });
});
