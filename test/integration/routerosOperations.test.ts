import { describe, expect, it } from 'vitest';
import { routerOsRig, startPortal, startSimulator, writeCommands } from '../virtual-mikrotik/routerosRig';

describe('walled garden', () => {
  it('push adds defaults and custom hosts, keeps hand-made entries, removes our stale ones; second push is a no-op', async () => {
    const sim = await startSimulator({ withHotspot: true });
    const handIp = sim.state.insert('/ip/hotspot/walled-garden/ip', { 'dst-host': 'owner-made.example', action: 'accept', comment: 'my cctv' });
    const handHttp = sim.state.insert('/ip/hotspot/walled-garden', { 'dst-host': '*.owner.example', action: 'allow' });
    sim.state.insert('/ip/hotspot/walled-garden/ip', { 'dst-host': 'old-gateway.example', action: 'accept', comment: 'hotspotdesk:oldpay' });
    sim.state.insert('/ip/hotspot/walled-garden/ip', { 'dst-host': 'tokenized.pay.bka.sh', action: 'accept', comment: 'hotspotdesk:bkash' });
    sim.state.insert('/ip/hotspot/walled-garden/ip', { 'dst-host': 'tokenized.pay.bka.sh', action: 'accept', comment: 'hotspotdesk:bkash' }); // duplicate
    const rig = await routerOsRig({ portalUrl: 'http://192.168.88.10:8080', serverAddress: '192.168.88.10' });
    const r = rig.addRouter(sim);
    const other = rig.addRouter(null, { host: null });
    const c1 = rig.ros.addWalledGardenEntry({ routerId: r.id, host: 'callback.shop.example', https: true, comment: 'pay callback' });
    rig.ros.addWalledGardenEntry({ routerId: null, host: 'news.example', https: false, comment: null });
    rig.ros.addWalledGardenEntry({ routerId: other.id, host: 'only-other.example', https: true, comment: null });
    expect(rig.ros.addWalledGardenEntry({ routerId: r.id, host: 'callback.shop.example', https: true, comment: 'again' }).id).toBe(c1.id);

    const view = rig.ros.walledGarden(r.id);
    expect(view.enabledGateways).toEqual(['bkash', 'nagad', 'sslcommerz']);
    const hosts = view.entries.map((e) => `${e.menu}:${e.host}`);
    expect(hosts).toEqual(expect.arrayContaining(['ip:192.168.88.10', 'ip:tokenized.pay.bka.sh', 'ip:api.mynagad.com', 'ip:securepay.sslcommerz.com', 'ip:callback.shop.example', 'http:news.example']));
    expect(hosts).not.toContain('ip:only-other.example');

    const res = await rig.ros.pushWalledGarden(r.id);
    expect(res.handMadeKept).toBe(2);
    expect(res.removed.map((x) => x.host).sort()).toEqual(['old-gateway.example', 'tokenized.pay.bka.sh']);
    expect(res.unchanged).toBe(1);
    const ip = sim.state.rows('/ip/hotspot/walled-garden/ip');
    const http = sim.state.rows('/ip/hotspot/walled-garden');
    expect(ip.find((x) => x['.id'] === handIp)).toMatchObject({ 'dst-host': 'owner-made.example', comment: 'my cctv' });
    expect(http.find((x) => x['.id'] === handHttp)).toBeDefined();
    expect(ip.find((x) => x['dst-address'] === '192.168.88.10')).toMatchObject({ action: 'accept', comment: 'hotspotdesk:portal' });
    expect(ip.filter((x) => x['dst-host'] === 'tokenized.pay.bka.sh')).toHaveLength(1);
    expect(ip.find((x) => x['dst-host'] === 'callback.shop.example')).toMatchObject({ comment: `hotspotdesk:custom:${c1.id}` });
    expect(http.find((x) => x['dst-host'] === 'news.example')).toMatchObject({ action: 'allow' });
    expect(ip.some((x) => x['dst-host'] === 'old-gateway.example')).toBe(false);

    const before = sim.commands.length;
    const again = await rig.ros.pushWalledGarden(r.id);
    expect(again.added).toEqual([]);
    expect(again.removed).toEqual([]);
    expect(writeCommands(sim, before)).toEqual([]);

    // Removing a custom entry makes its router entry stale: the next push removes it.
    rig.ros.removeWalledGardenEntry(c1.id);
    const after = await rig.ros.pushWalledGarden(r.id);
    expect(after.removed.map((x) => x.host)).toEqual(['callback.shop.example']);
  });
});

describe('active sessions and kick', () => {
  async function withSessions() {
    const sim = await startSimulator({ withHotspot: true });
    const s1 = sim.state.insert('/ip/hotspot/active', { server: 'hotspot1', user: '01711111111', address: '10.5.50.2', 'mac-address': 'AA:BB:CC:00:00:01', 'login-by': 'http-chap', uptime: '5m', 'bytes-in': '1000', 'bytes-out': '20000', 'session-time-left': '55m', 'idle-time': '0s' });
    sim.state.insert('/ip/hotspot/active', { server: 'hotspot1', user: 'AA:BB:CC:00:00:02', address: '10.5.50.3', 'mac-address': 'AA:BB:CC:00:00:02', 'login-by': 'mac' });
    sim.state.insert('/ip/hotspot/active', { server: 'hotspot1', user: '01733333333', address: '10.5.50.4', 'mac-address': 'AA:BB:CC:00:00:03', 'login-by': 'http-pap' });
    const rig = await routerOsRig();
    const r = rig.addRouter(sim);
    return { sim, rig, r, s1 };
  }

  it('lists sessions and kicks one by id', async () => {
    const { sim, rig, r, s1 } = await withSessions();
    const list = await rig.ros.activeSessions(r.id);
    expect(list).toHaveLength(3);
    expect(list[0]).toEqual({
      id: s1, user: '01711111111', address: '10.5.50.2', macAddress: 'AA:BB:CC:00:00:01', uptime: '5m', sessionTimeLeft: '55m',
      idleTime: '0s', bytesIn: 1000, bytesOut: 20000, loginBy: 'http-chap', server: 'hotspot1',
    });
    expect(await rig.ros.kick(r.id, s1)).toEqual({ removed: true });
    expect(await rig.ros.kick(r.id, s1)).toEqual({ removed: false }); // already gone
    expect(sim.state.rows('/ip/hotspot/active')).toHaveLength(2);
  });

  it('kickSession (the RADIUS fallback) matches by ip, mac or user and never guesses', async () => {
    const { sim, rig, r } = await withSessions();
    expect(await rig.ros.kickSession(r.id, { ip: '10.5.50.9' })).toBe(false);
    expect(await rig.ros.kickSession(r.id, { ip: '10.5.50.3', mac: 'AA:BB:CC:00:00:01' })).toBe(false); // fields disagree
    expect(await rig.ros.kickSession(r.id, { acctSessionId: '81000001' })).toBe(false); // cannot verify: no kick
    expect(sim.state.rows('/ip/hotspot/active')).toHaveLength(3);
    expect(await rig.ros.kickSession(r.id, { ip: '10.5.50.3', mac: 'aa-bb-cc-00-00-02', acctSessionId: '81000002' })).toBe(true);
    expect(await rig.ros.kickSession(r.id, { mac: 'aabbcc000001' })).toBe(true);
    expect(await rig.ros.kickSession(r.id, { user: '01733333333' })).toBe(true);
    expect(sim.state.rows('/ip/hotspot/active')).toEqual([]);
  });
});

describe('routers.diagnose', () => {
  async function configured() {
    const sim = await startSimulator({ withHotspot: true, ssid: 'ShopWiFi' });
    const rig = await routerOsRig({ portalUrl: (await startPortal()).url });
    const zone = rig.routers.zones.create('Market', 'ShopWiFi');
    const r = rig.addRouter(sim, { zoneId: zone.id });
    await rig.ros.configure(r.id);
    await rig.ros.pushWalledGarden(r.id);
    return { sim, rig, r, zone };
  }
  const statusOf = (d: { checks: { key: string; status: string }[] }) => Object.fromEntries(d.checks.map((c) => [c.key, c.status]));

  it('passes every check on a configured router', async () => {
    const { rig, r } = await configured();
    const d = await rig.ros.diagnose(r.id);
    expect(statusOf(d)).toEqual({
      api: 'pass', 'hotspot-server': 'pass', 'hotspot-radius': 'pass', 'radius-entry': 'pass', 'radius-incoming': 'pass',
      'radius-reachable': 'pass', 'walled-garden': 'pass', 'device-mode': 'pass', 'zone-ssid': 'pass',
    });
    expect(d.ok).toBe(true);
  });

  it('finds each broken item with a fix', async () => {
    const { sim, rig, r, zone } = await configured();
    const st = sim.state;
    st.rows('/ip/hotspot').find((h) => h.interface === 'bridge')!.disabled = 'true';
    st.rows('/ip/hotspot/profile').find((p) => p.name === 'hsprof1')!['use-radius'] = 'false';
    st.rows('/radius')[0]!.secret = 'wrong';
    st.single('/radius/incoming').accept = 'false';
    st.reachable = new Set();
    st.insert('/ip/hotspot/walled-garden/ip', { 'dst-host': 'stale.example', action: 'accept', comment: 'hotspotdesk:gone' });
    st.single('/system/device-mode').hotspot = 'false';
    // A second access point in the zone broadcasting another SSID.
    const sim2 = await startSimulator({ ssid: 'Shop WiFi 2' });
    const r2 = rig.addRouter(sim2, { zoneId: zone.id });

    const d = await rig.ros.diagnose(r.id);
    expect(d.ok).toBe(false);
    const byKey = Object.fromEntries(d.checks.map((c) => [c.key, c]));
    for (const key of ['hotspot-server', 'hotspot-radius', 'radius-entry', 'radius-incoming', 'radius-reachable', 'walled-garden', 'device-mode', 'zone-ssid']) {
      expect(byKey[key], key).toMatchObject({ status: 'fail', fix: expect.any(String) });
    }
    expect(byKey['radius-entry']!.detail).toMatch(/different secret/);
    expect(byKey['walled-garden']!.detail).toMatch(/stale\.example/);
    expect(byKey['device-mode']!.fix).toMatch(/device-mode\/update hotspot=yes/);
    // The UI's one-click fix comes from this field, not from the wording of the fix.
    expect(Object.fromEntries(d.checks.filter((c) => c.fixAction).map((c) => [c.key, c.fixAction]))).toEqual({
      'hotspot-server': 'configure',
      'hotspot-radius': 'configure',
      'radius-entry': 'configure',
      'radius-incoming': 'configure',
      'walled-garden': 'pushWalledGarden',
    });
    expect(byKey['zone-ssid']!.detail).toContain(`router "${r2.name}" interface wifi1 broadcasts "Shop WiFi 2"`);
    expect(JSON.stringify(d)).not.toContain('radius-secret');
  });

  it('checks the legacy wireless driver on RouterOS 6 and reports an unreachable zone member as unknown', async () => {
    const sim = await startSimulator({ version: '6.49.10', withHotspot: true, ssid: 'ShopWiFi' });
    const rig = await routerOsRig({ portalUrl: null });
    const zone = rig.routers.zones.create('Z', null);
    const r = rig.addRouter(sim, { zoneId: zone.id });
    rig.addRouter(null, { zoneId: zone.id, host: 'router.invalid', apiPort: 8728 });
    const d = await rig.ros.diagnose(r.id);
    const z = d.checks.find((c) => c.key === 'zone-ssid')!;
    expect(z.status).toBe('unknown');
    expect(z.detail).toMatch(/match "ShopWiFi".*could not be checked/);
    expect(d.checks.find((c) => c.key === 'device-mode')).toMatchObject({ status: 'pass', detail: expect.stringMatching(/no device-mode/) });
  });

  it('an unreachable router gives one failed API check with the fix', async () => {
    const sim = await startSimulator();
    const rig = await routerOsRig();
    const r = rig.addRouter(sim, { apiPassword: 'nope' });
    const d = await rig.ros.diagnose(r.id);
    expect(d.checks).toEqual([expect.objectContaining({ key: 'api', status: 'fail', fix: expect.stringMatching(/password/) })]);
  });
});
