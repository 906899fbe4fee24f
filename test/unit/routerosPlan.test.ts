import { describe, expect, it } from 'vitest';
import { planConfiguration, type DesiredInputs, type RouterSnapshot } from '../../src-main/routeros/configurePlan';
import { parseRosDuration, rosVersionAtLeast, sameRosValue } from '../../src-main/routeros/rosValues';
import { desiredWalledGarden, diffWalledGarden } from '../../src-main/routeros/walledGarden';
import { checkZoneSsids } from '../../src-main/routeros/diagnose';
import { mapRosError } from '../../src-main/routeros/rosErrors';
import { resolveServerAddress } from '../../src-main/routeros/serverAddress';
import { RosException } from 'node-routeros';

const blank: RouterSnapshot = {
  version: '7.14.3 (stable)',
  radius: [],
  incoming: { accept: 'false', port: '3799' },
  hotspots: [{ '.id': '*1', name: 'hotspot1', interface: 'bridge', profile: 'hsprof1', disabled: 'false' }],
  profiles: [{ '.id': '*2', name: 'hsprof1', 'login-by': 'cookie,http-chap', 'html-directory': 'flash/hotspot', 'use-radius': 'false' }],
  addresses: [],
  interfaces: [{ name: 'bridge' }],
  files: [],
};
const desired: DesiredInputs = {
  hotspotInterface: 'bridge', coaPort: 3799, requireMessageAuthenticator: true, radiusSecret: 's3cret!', serverAddress: '192.168.88.10',
  radiusAuthPort: 1812, radiusAcctPort: 1813, routerPages: [{ name: 'login.html', url: 'http://192.168.88.10:8080/router/login.html?router=1', expectedBody: '<html/>' }],
};

describe('RouterOS values', () => {
  it('compares what the router prints with what we set', () => {
    expect(sameRosValue('use-radius', 'true', 'yes')).toBe(true);
    expect(sameRosValue('timeout', '1s100ms', '1100ms')).toBe(true);
    expect(sameRosValue('timeout', '00:00:01.100', '1100ms')).toBe(true);
    expect(sameRosValue('login-by', 'mac,cookie,http-chap,http-pap', 'cookie,http-chap,http-pap,mac')).toBe(true);
    expect(sameRosValue('port', '3799', '1700')).toBe(false);
    expect(sameRosValue('port', '1000', '1s')).toBe(false); // a bare number is not a duration match
    expect(parseRosDuration('1d2h')).toBe(93600000);
    expect(rosVersionAtLeast('7.15 (stable)', '7.15')).toBe(true);
    expect(rosVersionAtLeast('7.9.2', '7.15')).toBe(false);
  });
});

describe('configure plan', () => {
  it('keeps html-directory, adds login methods, gates require-message-auth on 7.15', () => {
    const steps = planConfiguration(blank, desired);
    const radius = steps.find((s) => s.key === 'radius')!;
    expect(radius.actions[0]).toMatchObject({ kind: 'add', menu: '/radius' });
    expect(radius.actions[0]!.kind === 'add' && radius.actions[0]!.props).not.toHaveProperty('require-message-auth');
    expect(radius.changes.find((c) => c.property === 'secret')).toEqual({ property: 'secret', from: null, to: '(hidden)' });
    const profile = steps.find((s) => s.key === 'hotspot-profile')!;
    expect(profile.actions[0]).toMatchObject({ kind: 'set', id: '*2' });
    const props = profile.actions[0]!.kind === 'set' ? profile.actions[0]!.props : {};
    expect(props).not.toHaveProperty('html-directory'); // the owner's flash/hotspot is kept
    expect(props['login-by']).toBe('cookie,http-chap,http-pap,mac');
    expect(steps.find((s) => s.key === 'login-page')!.actions).toEqual([{ kind: 'fetch', url: desired.routerPages![0]!.url, dstPath: 'flash/hotspot/login.html' }]);

    const v715 = planConfiguration({ ...blank, version: '7.15' }, { ...desired, requireMessageAuthenticator: false });
    const add = v715[0]!.actions[0]!;
    expect(add.kind === 'add' && add.props['require-message-auth']).toBe('no');
  });

  it('is all ok once the router matches', () => {
    const done: RouterSnapshot = {
      ...blank,
      radius: [{ '.id': '*9', service: 'hotspot', address: '192.168.88.10', secret: 's3cret!', 'authentication-port': '1812', 'accounting-port': '1813', timeout: '1s100ms', disabled: 'false', comment: 'hotspotdesk' }],
      incoming: { accept: 'true', port: '3799' },
      profiles: [{ '.id': '*2', name: 'hsprof1', 'login-by': 'mac,cookie,http-chap,http-pap', 'html-directory': 'flash/hotspot', 'use-radius': 'true', 'mac-auth-mode': 'mac-as-username-and-password', 'radius-accounting': 'true', 'radius-interim-update': 'received', 'radius-mac-format': 'XX:XX:XX:XX:XX:XX' }],
      files: [{ name: 'flash/hotspot/login.html', size: '7' }],
    };
    expect(planConfiguration(done, desired).map((s) => s.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('fetches each router page that is missing or differs, and only those', () => {
    const pages = ['login.html', 'flogin.html', 'status.html'].map((name) => ({ name, url: `http://192.168.88.10:8080/router/${name}?router=1`, expectedBody: `<html>${name}</html>` }));
    const files: RouterSnapshot['files'] = [
      { name: 'flash/hotspot/login.html', contents: '<html>login.html</html>' }, // the same: kept
      { name: 'flash/hotspot/status.html', size: '3' }, // another page (size differs)
    ];
    const step = planConfiguration({ ...blank, files }, { ...desired, routerPages: pages }).find((s) => s.key === 'login-page')!;
    expect(step.status).toBe('change');
    expect(step.actions).toEqual([
      { kind: 'fetch', url: pages[1]!.url, dstPath: 'flash/hotspot/flogin.html' },
      { kind: 'fetch', url: pages[2]!.url, dstPath: 'flash/hotspot/status.html' },
    ]);
    expect(step.changes.map((c) => [c.property, c.from])).toEqual([['flash/hotspot/flogin.html', null], ['flash/hotspot/status.html', 'other page']]);
    // A page the portal could not serve for comparison is fetched every time, and the note says why.
    const unread = planConfiguration({ ...blank, files }, { ...desired, routerPages: [{ ...pages[0]!, expectedBody: null }] }).find((s) => s.key === 'login-page')!;
    expect(unread.actions).toHaveLength(1);
    expect(unread.note).toMatch(/could not read login\.html/);
  });

  it('blocks when the server address is unknown or there are several hotspots', () => {
    const steps = planConfiguration({ ...blank, hotspots: [...blank.hotspots, { '.id': '*3', name: 'hs2', interface: 'ether2' }] }, { ...desired, serverAddress: null, hotspotInterface: null });
    expect(steps.find((s) => s.key === 'radius')).toMatchObject({ status: 'blocked', note: expect.stringMatching(/Server address/) });
    expect(steps.find((s) => s.key === 'hotspot-server')).toMatchObject({ status: 'blocked', note: expect.stringMatching(/2 hotspot servers/) });
  });
});

describe('walled garden diff', () => {
  it('tags ours, keeps hand-made, removes stale and duplicate entries', () => {
    const want = desiredWalledGarden({ portalUrl: 'https://portal.shop.example/', enabledGateways: ['nagad'], custom: [{ id: 4, routerId: null, host: 'cb.example', https: false, comment: null, createdAt: 0 }] });
    expect(want.map((e) => `${e.menu}:${e.host}:${e.label}`)).toEqual(['ip:portal.shop.example:portal', 'ip:api.mynagad.com:nagad', 'ip:sandbox.mynagad.com:nagad', 'http:cb.example:custom:4']);
    const diff = diffWalledGarden(want, {
      ip: [
        { '.id': '*1', 'dst-host': 'api.mynagad.com', comment: 'hotspotdesk:nagad' },
        { '.id': '*2', 'dst-host': 'api.mynagad.com', comment: 'hotspotdesk:nagad' },
        { '.id': '*3', 'dst-host': 'mine.example' },
        { '.id': '*4', 'dst-host': 'tokenized.pay.bka.sh', comment: 'hotspotdesk:bkash' },
      ],
      http: [{ '.id': '*5', 'dst-host': 'cb.example', comment: 'hotspotdesk:custom:4', disabled: 'true' }],
    });
    expect(diff.handMade).toBe(1);
    expect(diff.stale.map((s) => s.row['.id'])).toEqual(['*2', '*4', '*5']);
    expect(diff.missing.map((e) => e.host)).toEqual(['portal.shop.example', 'sandbox.mynagad.com', 'cb.example']);
  });
});

describe('zone SSID check', () => {
  it('names the router and interface that differ from the majority when the zone has no SSID', () => {
    const c = checkZoneSsids({
      zoneName: 'Bazar', zoneSsid: null,
      routers: [
        { routerName: 'A', ssids: [{ routerName: 'A', iface: 'wlan1', ssid: 'Net' }] },
        { routerName: 'B', ssids: [{ routerName: 'B', iface: 'wifi1', ssid: 'Net' }] },
        { routerName: 'C', ssids: [{ routerName: 'C', iface: 'wifi2', ssid: 'net' }] },
      ],
    });
    expect(c.status).toBe('fail');
    expect(c.detail).toContain('router "C" interface wifi2 broadcasts "net"');
  });
});

describe('RouterOS error mapping', () => {
  it.each([
    [new RosException('CANTLOGIN'), 'connect', 'ROUTER_AUTH_FAILED'],
    [new RosException('ECONNREFUSED'), 'connect', 'ROUTER_API_DISABLED'],
    [new RosException('EHOSTUNREACH'), 'connect', 'ROUTER_UNREACHABLE'],
    [new RosException('ETIMEDOUT'), 'connect', 'ROUTER_UNREACHABLE'],
    [new RosException('ECONNRESET'), 'connect', 'ROUTER_API_DISABLED'],
    [new RosException('ECONNRESET'), 'command', 'ROUTER_UNREACHABLE'],
    [new RosException('SOCKTMOUT', { seconds: 10 }), 'command', 'ROUTER_TIMEOUT'],
    [new RosException('UNKNOWNREPLY', { reply: '!fatal' }), 'command', 'ROUTER_UNREACHABLE'],
    [new Error('no such item'), 'command', 'ROUTER_TRAP'],
    [new Error('invalid user name or password (6)'), 'connect', 'ROUTER_AUTH_FAILED'],
  ] as const)('%s during %s → %s', (err, phase, code) => {
    const e = mapRosError(err, phase, 'AP-1', '/ip/hotspot/active/remove');
    expect(e.code).toBe(code);
    expect(e.message).toMatch(/^AP-1: /);
  });
});

describe('server address', () => {
  const ifaces = {
    lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', internal: true, mac: '', cidr: '127.0.0.1/8' }],
    eth0: [{ address: '10.1.1.5', netmask: '255.255.255.0', family: 'IPv4', internal: false, mac: '', cidr: '10.1.1.5/24' }],
    eth1: [{ address: '192.168.88.20', netmask: '255.255.255.0', family: 'IPv4', internal: false, mac: '', cidr: '192.168.88.20/24' }],
  } as never;
  it('uses the setting, else the address on the router\'s subnet, else the first external one', () => {
    expect(resolveServerAddress('172.16.0.1', '192.168.88.1', ifaces)).toEqual({ address: '172.16.0.1', detected: false });
    expect(resolveServerAddress('', '192.168.88.1', ifaces)).toEqual({ address: '192.168.88.20', detected: true });
    expect(resolveServerAddress('', 'router.lan', ifaces)).toEqual({ address: '10.1.1.5', detected: true });
  });
});
