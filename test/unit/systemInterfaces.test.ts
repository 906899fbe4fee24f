import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { listInterfaceAddresses } from '../../src-main/system/interfaces';

const info = (address: string, family: 'IPv4' | 'IPv6', internal = false): os.NetworkInterfaceInfo =>
  ({ address, family, internal, netmask: family === 'IPv4' ? '255.255.255.0' : 'ffff:ffff:ffff:ffff::', mac: '00:00:00:00:00:00', cidr: null, scopeid: 0 }) as os.NetworkInterfaceInfo;

describe('system.interfaces: the addresses the wizard offers for routers', () => {
  it('puts IPv4 LAN addresses first, then loopback, then IPv6, keeping the OS order within', () => {
    const list = listInterfaceAddresses({
      lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
      eth0: [info('fe80::1', 'IPv6'), info('192.168.88.10', 'IPv4')],
      wlan0: [info('10.5.0.7', 'IPv4')],
    });
    expect(list.map((a) => `${a.name} ${a.address}`)).toEqual(['eth0 192.168.88.10', 'wlan0 10.5.0.7', 'lo 127.0.0.1', 'eth0 fe80::1', 'lo ::1']);
    expect(list[0]).toEqual({ name: 'eth0', address: '192.168.88.10', family: 'IPv4', internal: false, netmask: '255.255.255.0' });
  });

  it('reads the real interfaces by default (loopback is always there)', () => {
    expect(listInterfaceAddresses().some((a) => a.internal)).toBe(true);
  });
});
