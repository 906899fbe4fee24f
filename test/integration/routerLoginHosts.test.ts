import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine';
import { startSimulator } from '../virtual-mikrotik/routerosRig';
import { octal } from '../virtual-mikrotik/hotspot-http';

// The router's hotspot DNS name and address, read from it by RouterOS sync, are what the portal
// lets link-login-only point at (issue #13, "The doors"), through the engine's own portal.
const MAC = '30:39:26:86:CC:EA';

function routerForm(routerId: number, linkLoginOnly: string): URLSearchParams {
  return new URLSearchParams({
    router: String(routerId), mac: MAC, ip: '10.5.50.10', 'link-login-only': linkLoginOnly,
    'link-orig-esc': encodeURIComponent('http://example.com/news'), 'error-esc': '',
    'chap-id': '\\371', 'chap-challenge': octal(Buffer.from('00112233445566778899aabbccddeeff', 'hex')),
  });
}

describe("link-login-only and the router's hotspot address", () => {
  it('accepts the dns-name and hotspot-address read from the router, refuses other hosts', async () => {
    const { engine, ok } = await testEngine({ start: true });
    await ok('settings.update', { network: { serverAddress: '127.0.0.1' } });
    // The simulator's hotspot profile has dns-name login.wifi and hotspot-address 10.5.50.1.
    const sim = await startSimulator({ withHotspot: true });
    const router = await ok('routers.create', {
      name: 'Shop AP', nasIp: '127.0.0.1', secret: 'radius-secret-1', host: sim.host, apiPort: sim.port(), apiUser: 'admin', apiPassword: 'admin-pass', hotspotInterface: 'bridge',
    });
    const portal = `http://127.0.0.1:${engine.portal!.port()!}`;
    const post = (link: string) => fetch(`${portal}/portal`, { method: 'POST', body: routerForm(router.id, link), redirect: 'manual' });

    // Not read yet: the private-range fallback, so a DNS name is refused.
    expect((await post('http://login.wifi/login')).status).toBe(400);
    expect((await post('http://192.168.1.1/login')).status).toBe(303);

    await ok('routers.plan', { id: router.id });
    const seen = (await ok('routers.list', {})).find((r: { id: number }) => r.id === router.id)!;
    expect(seen).toMatchObject({ hotspotDnsName: 'login.wifi', hotspotAddress: '10.5.50.1' });

    expect((await post('http://login.wifi/login')).status).toBe(303);
    expect((await post('http://10.5.50.1/login')).status).toBe(303);
    expect((await post('http://evil.example/login')).status).toBe(400);
    // Known hosts replace the fallback: another private address is not the router.
    expect((await post('http://192.168.1.1/login')).status).toBe(400);

    // The owner renames the hotspot on the router; diagnose reads it again.
    const profile = sim.state.rows('/ip/hotspot/profile').find((p) => p.name === 'hsprof1')!;
    profile['dns-name'] = 'wifi.shop';
    await ok('routers.diagnose', { id: router.id });
    expect((await post('http://wifi.shop/login')).status).toBe(303);
    expect((await post('http://login.wifi/login')).status).toBe(400);
  });
});
