import os from 'node:os';
import net from 'node:net';

/**
 * The address routers use to reach this PC (RADIUS, portal): settings.serverAddress, or when the
 * owner left it empty, a local IPv4 address on the router's subnet (else the first non-internal
 * one). The plan says when the address was detected, so the owner can fix it if it is wrong.
 */

export interface ServerAddress {
  address: string | null;
  detected: boolean;
}

function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

function sameSubnet(a: string, b: string, netmask: string): boolean {
  const m = ipToInt(netmask);
  // `>>> 0` keeps the AND unsigned.
  return ((ipToInt(a) & m) >>> 0) === ((ipToInt(b) & m) >>> 0);
}

export function resolveServerAddress(
  configured: string,
  routerHost: string | null,
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
): ServerAddress {
  if (configured.trim()) return { address: configured.trim(), detected: false };
  const v4 = Object.values(interfaces)
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => !!i && i.family === 'IPv4');
  if (routerHost && net.isIPv4(routerHost)) {
    const onLink = v4.find((i) => sameSubnet(i.address, routerHost, i.netmask));
    if (onLink) return { address: onLink.address, detected: true };
  }
  const external = v4.find((i) => !i.internal);
  return { address: external?.address ?? null, detected: true };
}
