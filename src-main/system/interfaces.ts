import os from 'node:os';
import type { NetworkInterfaceAddress } from '../../src-shared/api/system';

/**
 * This PC's addresses for the setup wizard's "address routers use to reach this PC" choice.
 * Ordered so the likely answer comes first: IPv4 before IPv6 (routers' RADIUS client and the
 * hotspot's login page use IPv4), real interfaces before loopback; the OS order is kept within.
 */
export function listInterfaceAddresses(
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
): NetworkInterfaceAddress[] {
  const all: NetworkInterfaceAddress[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const i of infos ?? []) {
      all.push({ name, address: i.address, family: i.family === 'IPv6' ? 'IPv6' : 'IPv4', internal: i.internal, netmask: i.netmask });
    }
  }
  const rank = (a: NetworkInterfaceAddress) => (a.family === 'IPv4' ? 0 : 2) + (a.internal ? 1 : 0);
  // Array.prototype.sort is stable, so equal ranks keep the OS order.
  return all.sort((a, b) => rank(a) - rank(b));
}
