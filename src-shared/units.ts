/**
 * Units: money is integer paisa (1 taka = 100 paisa), data is bytes, time is milliseconds or
 * seconds as named, speeds are bits per second.
 */

/**
 * Digits grouped the Bangladeshi (South Asian) way: the last three, then pairs —
 * 1,00,000 (one lakh) and 1,23,45,678 (one crore …), never 100,000. Done by hand rather than
 * with Intl 'en-IN' so it is the same in every runtime (Node without full ICU, old Chromium).
 */
export function groupBangladeshi(digits: string): string {
  if (digits.length <= 3) return digits;
  const last3 = digits.slice(-3);
  const head = digits.slice(0, -3);
  const pairs: string[] = [];
  for (let i = head.length; i > 0; i -= 2) pairs.unshift(head.slice(Math.max(0, i - 2), i));
  return `${pairs.join(',')},${last3}`;
}

/** Paisa → "৳12,34,567.50"; whole taka drop the paisa ("৳1,00,000"); negatives "-৳500". */
export function formatTaka(paisa: number): string {
  const sign = paisa < 0 ? '-' : '';
  const abs = Math.abs(Math.round(paisa));
  const taka = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}৳${groupBangladeshi(String(taka))}${rest ? `.${String(rest).padStart(2, '0')}` : ''}`;
}

/** "10", "10.5", "10.50" taka → paisa; null when not a valid amount. */
export function parseTaka(s: string): number | null {
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(s.trim())) return null;
  const [whole, frac = ''] = s.trim().split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

const KB = 1024;
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / KB;
  let i = 0;
  while (v >= KB && i < units.length - 1) {
    v /= KB;
    i++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1).replace(/\.0$/, '')} ${units[i]}`;
}

export function formatDuration(seconds: number): string {
  if (seconds <= 0) return '0m';
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const parts = [];
  if (d) parts.push(`${d}d`);
  if (h) parts.push(`${h}h`);
  if (m || parts.length === 0) parts.push(`${m}m`);
  return parts.join(' ');
}

/**
 * bits/s → RouterOS rate string: `5M`, `512k`, `1500` (plain bits). RouterOS uses k = 1000 and
 * M = 1000000. 0 means unlimited, which RouterOS writes as 0.
 */
export function formatRate(bps: number): string {
  if (!Number.isInteger(bps) || bps < 0) throw new RangeError(`bad rate ${bps}`);
  if (bps === 0) return '0';
  if (bps % 1_000_000 === 0) return `${bps / 1_000_000}M`;
  if (bps % 1000 === 0) return `${bps / 1000}k`;
  return String(bps);
}

/** Parse `5M`, `512k`, `2.5M`, `1000` → bits/s. */
export function parseRate(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([kKmMgG]?)$/.exec(s.trim());
  if (!m) return null;
  const mult = { '': 1, k: 1e3, m: 1e6, g: 1e9 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * mult);
}

/**
 * `Mikrotik-Rate-Limit` value for a package. The router's view: rx = what it receives from the
 * client = the client's upload, tx = download. So `<upload>/<download>`.
 */
export function mikrotikRateLimit(uploadBps: number, downloadBps: number): string {
  return `${formatRate(uploadBps)}/${formatRate(downloadBps)}`;
}

/** Split a byte count into RADIUS 32-bit octets + gigawords. */
export function splitGigawords(bytes: number | bigint): { octets: number; gigawords: number } {
  const b = BigInt(bytes);
  if (b < 0n) throw new RangeError('negative byte count');
  return { octets: Number(b & 0xffffffffn), gigawords: Number(b >> 32n) };
}

/** Combine RADIUS octets + gigawords into a byte count (safe up to 2^53). */
export function joinGigawords(octets: number, gigawords = 0): number {
  return Number((BigInt(gigawords) << 32n) + BigInt(octets));
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
