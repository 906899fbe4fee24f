import { describe, expect, it } from 'vitest';
import { RADIUS_SECRET, routerOsRig, startPortal, startSimulator, writeCommands } from '../virtual-mikrotik/routerosRig';

// Everything here goes through node-routeros over real TCP to the RouterOS API simulator.

describe('routers.configure', () => {
  it('configures a blank RouterOS 7.18 router, and a second run changes nothing', async () => {
    const sim = await startSimulator({ version: '7.18.2' });
    const portal = await startPortal();
    const rig = await routerOsRig({ portalUrl: portal.url });
    const r = rig.addRouter(sim, { coaPort: 3799 });

    const plan = await rig.ros.plan(r.id);
    expect(plan.serverAddress).toBe('127.0.0.1'); // detected: settings.serverAddress is empty
    expect(plan.serverAddressDetected).toBe(true);
    expect(plan.notes.join(' ')).toMatch(/detected/);
    expect(plan.steps.map((s) => [s.key, s.status])).toEqual([
      ['radius', 'change'],
      ['radius-incoming', 'change'],
      ['hotspot-profile', 'change'],
      ['hotspot-server', 'change'],
      ['login-page', 'change'],
    ]);
    // The plan never shows the RADIUS secret.
    expect(JSON.stringify(plan)).not.toContain(RADIUS_SECRET);
    expect(writeCommands(sim)).toEqual([]); // planning writes nothing

    const first = await rig.ros.configure(r.id);
    expect(first.failed).toBe(0);
    expect(first.changed).toBe(5);

    const radius = sim.state.rows('/radius');
    expect(radius).toHaveLength(1);
    expect(radius[0]).toMatchObject({
      service: 'hotspot',
      address: '127.0.0.1',
      secret: RADIUS_SECRET,
      'authentication-port': '18120',
      'accounting-port': '18130',
      timeout: '1s100ms',
      'require-message-auth': 'yes-for-request-resp',
      comment: 'hotspotdesk',
      disabled: 'false',
    });
    expect(sim.state.single('/radius/incoming')).toMatchObject({ accept: 'true', port: '3799' });
    const server = sim.state.rows('/ip/hotspot').find((h) => h.interface === 'bridge');
    expect(server).toMatchObject({ name: 'hotspotdesk', profile: 'hotspotdesk', disabled: 'false' });
    const profile = sim.state.rows('/ip/hotspot/profile').find((p) => p.name === 'hotspotdesk');
    expect(profile).toMatchObject({
      'use-radius': 'true',
      'radius-interim-update': 'received',
      'mac-auth-mode': 'mac-as-username-and-password',
      'html-directory': 'hotspot',
      'hotspot-address': '192.168.88.1',
    });
    expect(profile!['login-by']!.split(',')).toEqual(expect.arrayContaining(['http-chap', 'http-pap', 'mac']));
    const page = sim.state.rows('/file').find((f) => f.name === 'hotspot/login.html');
    expect(page?.contents).toContain('HotspotDesk login');
    // Every page the portal serves for routers lands in the html directory, each its own.
    const fetched = writeCommands(sim).filter((c) => c.command === '/tool/fetch');
    expect(fetched.map((c) => c.attrs['dst-path'])).toEqual(['login.html', 'flogin.html', 'alogin.html', 'status.html', 'logout.html', 'error.html'].map((n) => `hotspot/${n}`));
    expect(fetched.map((c) => c.attrs.url)).toContain(`${portal.url}/router/error.html?router=${r.id}`);
    expect(sim.state.rows('/file').find((f) => f.name === 'hotspot/status.html')?.contents).toContain('<!-- status.html -->');

    const before = sim.commands.length;
    const second = await rig.ros.configure(r.id);
    expect(second.changed).toBe(0);
    expect(second.steps.every((s) => s.status === 'ok' && s.result === 'unchanged')).toBe(true);
    expect(writeCommands(sim, before)).toEqual([]);
    expect(rig.statusOf(r.id)).toMatchObject({ status_reachable: 1, status_last_error: null });

    // A new page on the portal is fetched again; nothing else changes.
    portal.setBody('<html>v2</html>');
    const third = await rig.ros.configure(r.id);
    expect(third.steps.filter((s) => s.result === 'applied').map((s) => s.key)).toEqual(['login-page']);
  });

  it('configures a wizard-made hotspot on RouterOS 6.49 (no require-message-auth, no !empty) idempotently', async () => {
    const sim = await startSimulator({ version: '6.49.10', withHotspot: true });
    const rig = await routerOsRig({ portalUrl: (await startPortal()).url, serverAddress: '192.168.88.10' });
    const r = rig.addRouter(sim, { coaPort: 1700, requireMessageAuthenticator: false });

    const first = await rig.ros.configure(r.id);
    expect(first.failed).toBe(0);
    expect(first.serverAddressDetected).toBe(false);
    const radius = sim.state.rows('/radius')[0]!;
    expect(radius.address).toBe('192.168.88.10');
    expect(radius).not.toHaveProperty('require-message-auth');
    expect(sim.state.single('/radius/incoming').port).toBe('1700');
    // The wizard's server and profile are reused, not duplicated.
    expect(sim.state.rows('/ip/hotspot')).toHaveLength(1);
    const prof = sim.state.rows('/ip/hotspot/profile').find((p) => p.name === 'hsprof1')!;
    expect(prof['use-radius']).toBe('true');
    expect(prof['login-by']).toBe('mac,cookie,http-chap,http-pap'); // kept cookie, router's order

    const before = sim.commands.length;
    expect((await rig.ros.configure(r.id)).changed).toBe(0);
    expect(writeCommands(sim, before)).toEqual([]);
  });

  it('adopts a hand-made RADIUS entry for our address instead of adding a second one', async () => {
    const sim = await startSimulator({ withHotspot: true });
    sim.state.insert('/radius', { service: 'hotspot,login', address: '192.168.88.10', secret: 'old', timeout: '300ms', disabled: 'no' });
    sim.state.insert('/radius', { service: 'hotspot', address: '10.9.9.9', secret: 'x', disabled: 'no' });
    const rig = await routerOsRig({ portalUrl: null, serverAddress: '192.168.88.10' });
    const r = rig.addRouter(sim);
    const plan = await rig.ros.plan(r.id);
    const step = plan.steps.find((s) => s.key === 'radius')!;
    expect(step.changes.find((c) => c.property === 'secret')).toEqual({ property: 'secret', from: '(hidden)', to: '(hidden)' });
    expect(step.note).toMatch(/10\.9\.9\.9/);
    await rig.ros.configure(r.id);
    const rows = sim.state.rows('/radius');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ service: 'hotspot,login', secret: RADIUS_SECRET, comment: 'hotspotdesk' });
    expect(rows[1]).toMatchObject({ address: '10.9.9.9', secret: 'x' }); // not ours: untouched
  });

  it('reports "portal not running" for the login page and applies the rest', async () => {
    const sim = await startSimulator({ withHotspot: true });
    const rig = await routerOsRig({ portalUrl: null });
    const r = rig.addRouter(sim);
    const res = await rig.ros.configure(r.id);
    const page = res.steps.find((s) => s.key === 'login-page')!;
    expect(page).toMatchObject({ status: 'blocked', result: 'skipped' });
    expect(page.note).toMatch(/portal not running/);
    expect(res.notes.join(' ')).toMatch(/portal not running/);
    expect(res.steps.filter((s) => s.result === 'applied').map((s) => s.key)).toEqual(['radius', 'radius-incoming', 'hotspot-profile']);
    expect(writeCommands(sim).some((c) => c.command === '/tool/fetch')).toBe(false);
  });

  it('reports a fetch the router could not do as a failed step, not a crash', async () => {
    const sim = await startSimulator({ withHotspot: true });
    const portal = await startPortal();
    const rig = await routerOsRig({ portalUrl: portal.url });
    const r = rig.addRouter(sim);
    await portal.close();
    const res = await rig.ros.configure(r.id);
    const page = res.steps.find((s) => s.key === 'login-page')!;
    expect(page.result).toBe('failed');
    expect(page.error).toMatch(/could not fetch the login page/);
    expect(res.steps.find((s) => s.key === 'radius')!.result).toBe('applied');
  });

  it('blocks the hotspot steps with a clear note when the interface is unknown', async () => {
    const sim = await startSimulator();
    const rig = await routerOsRig({ portalUrl: null });
    const r = rig.addRouter(sim, { hotspotInterface: 'ether9' });
    const plan = await rig.ros.plan(r.id);
    expect(plan.steps.find((s) => s.key === 'hotspot-server')).toMatchObject({ status: 'blocked', note: expect.stringMatching(/no interface named "ether9"/) });
  });

  it('routers.test reports identity, version, board, hotspot servers and write permission', async () => {
    const sim = await startSimulator({
      version: '7.19.1',
      identity: 'Shop-AP',
      board: 'hAP ac2',
      withHotspot: true,
      users: [
        { name: 'admin', password: 'admin-pass', group: 'full' },
        { name: 'viewer', password: 'view-pass', group: 'read' },
      ],
    });
    const rig = await routerOsRig();
    const admin = rig.addRouter(sim);
    const t = await rig.ros.test(admin.id);
    expect(t).toMatchObject({
      identity: 'Shop-AP',
      version: '7.19.1 (stable)',
      board: 'hAP ac2',
      hotspotServers: [{ name: 'hotspot1', interface: 'bridge', profile: 'hsprof1', disabled: false }],
      apiUser: 'admin',
      apiGroup: 'full',
      canWrite: true,
      canReadSecrets: true,
    });
    expect(rig.statusOf(admin.id)).toMatchObject({ status_reachable: 1, status_identity: 'Shop-AP', status_version: '7.19.1 (stable)' });

    const viewer = rig.addRouter(sim, { apiUser: 'viewer', apiPassword: 'view-pass' });
    expect(await rig.ros.test(viewer.id)).toMatchObject({ canWrite: false, canReadSecrets: false });
    // Configure as a read-only user: each write step fails with the router's reason; nothing crashes.
    const res = await rig.ros.configure(viewer.id);
    expect(res.failed).toBeGreaterThan(0);
    expect(res.steps.find((s) => s.key === 'radius')!.error).toMatch(/not enough permissions.*write policy/);
  });
});
