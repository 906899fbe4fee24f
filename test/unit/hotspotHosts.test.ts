import { describe, expect, it } from 'vitest';
import type { RouterSnapshot } from '../../src-main/routeros/configurePlan';
import { hotspotHostsOf } from '../../src-main/routeros/hotspotHosts';

const base: RouterSnapshot = {
  version: '7.18',
  radius: [],
  incoming: {},
  hotspots: [{ '.id': '*1', name: 'hotspot1', interface: 'bridge', profile: 'hsprof1' }],
  profiles: [
    { '.id': '*0', name: 'default', 'dns-name': '', 'hotspot-address': '' },
    { '.id': '*1', name: 'hsprof1', 'dns-name': 'Login.WiFi', 'hotspot-address': '10.5.50.1/24' },
  ],
  addresses: [],
  interfaces: [{ name: 'bridge', type: 'bridge' }],
  files: [],
};

describe("the hotspot's address and DNS name for the link-login-only check", () => {
  it("reads the hotspot server's profile (DNS name lower-cased, prefix length dropped)", () => {
    expect(hotspotHostsOf(base, 'bridge')).toEqual({ dnsName: 'login.wifi', address: '10.5.50.1' });
    expect(hotspotHostsOf(base, null)).toEqual({ dnsName: 'login.wifi', address: '10.5.50.1' });
  });

  it('empty values are unknown; no hotspot server (or no such interface) tells nothing', () => {
    const empty = { ...base, hotspots: [{ '.id': '*1', name: 'hotspot1', interface: 'bridge', profile: 'default' }] };
    expect(hotspotHostsOf(empty, 'bridge')).toEqual({ dnsName: null, address: null });
    expect(hotspotHostsOf({ ...base, hotspots: [] }, 'bridge')).toBeNull();
    expect(hotspotHostsOf(base, 'ether9')).toBeNull();
  });
});
