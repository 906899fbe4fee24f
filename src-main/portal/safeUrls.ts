import net from 'node:net';

/**
 * Where the portal may send a phone. Every link, form action and Location the portal writes from a
 * value it did not make itself goes through here: the router's values arrive in the phone's query
 * string, so anyone on the LAN can hand a phone a crafted portal link.
 */

/** An absolute http(s) URL, normalised (`new URL`), or null: `javascript:`, `data:`, relative and broken URLs are never links. */
export function safeHttpUrl(s: string, maxChars = 1000): string | null {
  const t = s.trim();
  if (t === '' || t.length > maxChars) return null;
  try {
    const u = new URL(t);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname === '') return null;
    return u.toString();
  } catch {
    return null;
  }
}

/**
 * IPv4 ranges a hotspot's own address may be in when the router has not told us its address or
 * DNS name. RFC 1918 (10/8, 172.16/12, 192.168/16), CGNAT 100.64/10 (RFC 6598: some ISPs number
 * hotspot LANs there) and loopback 127/8 (the demo's and the tests' virtual router live there; a
 * phone's loopback is the phone itself, so a login posted there leaves nothing on the network).
 * One list so a site that proves another range needed changes one line.
 */
export const FALLBACK_LOGIN_RANGES: ReadonlyArray<readonly [string, number]> = [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
];

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export function inFallbackRange(ip: string): boolean {
  if (!net.isIPv4(ip)) return false;
  const n = ipv4ToInt(ip);
  return FALLBACK_LOGIN_RANGES.some(([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(ipv4ToInt(base) / 2 ** (32 - bits)));
}

/**
 * Whether the hotspot login posts (the customer's hotspot password, CHAP-hashed or plain) may go to
 * `url`: the router's own hotspot address or DNS name when it is known (`knownHosts`, host names
 * compared without case, any port), else a literal IPv4 address in FALLBACK_LOGIN_RANGES. A public
 * address or any host name we were not told about is refused: that is where a crafted link would
 * collect passwords.
 */
export function isAllowedLoginUrl(url: string, knownHosts: readonly string[] | null): boolean {
  const safe = safeHttpUrl(url);
  if (!safe) return false;
  const host = new URL(safe).hostname.toLowerCase();
  const known = (knownHosts ?? []).map((h) => h.trim().toLowerCase().replace(/\.$/, '')).filter((h) => h !== '');
  if (known.length > 0) return known.includes(host.replace(/\.$/, ''));
  return inFallbackRange(host);
}
