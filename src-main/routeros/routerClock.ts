import type { RosClient, RosRow } from './types';
import { isValidTimeZone, zoneOffsetMs } from '../../src-shared/time';

/**
 * The router's clock, read during the status poll so the dashboard can warn when it is far from
 * this PC's (expiry times, the auth log and the router's own log then disagree, and TLS to the
 * payment gateways fails on a router whose clock is days off).
 *
 * `/system/clock print` gives the router's wall clock in its own zone: `time` (HH:MM:SS), `date`
 * and `gmt-offset`. [U] The date is `dec/01/2026` before RouterOS 7.10 and `2026-12-01` from
 * 7.10 on; `gmt-offset` is `+06:00` on 7.x and has been seen as seconds (`21600`) on 6.x. Both
 * forms of each are read; `time-zone-name` stands in when the offset is missing.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function parseDate(v: string): { y: number; m: number; d: number } | null {
  const iso = v.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (iso) return { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
  const old = v.toLowerCase().match(/^([a-z]{3})\/(\d{1,2})\/(\d{4})$/);
  if (old) {
    const m = MONTHS.indexOf(old[1]!);
    if (m >= 0) return { y: Number(old[3]), m: m + 1, d: Number(old[2]) };
  }
  return null;
}

/** '+06:00' | '-03:30' | '+0600' | '21600' (seconds) → ms east of UTC; null when unreadable. */
export function parseGmtOffset(v: string): number | null {
  const t = v.trim();
  const hm = t.match(/^([+-])(\d{1,2}):?(\d{2})$/);
  if (hm) return (hm[1] === '-' ? -1 : 1) * (Number(hm[2]) * 60 + Number(hm[3])) * 60_000;
  if (/^[+-]?\d+$/.test(t)) return Number(t) * 1000;
  return null;
}

/** The instant a `/system/clock` row shows (epoch ms), or null when it cannot be read. */
export function parseRouterClock(row: RosRow): number | null {
  const date = row.date ? parseDate(row.date.trim()) : null;
  const time = row.time?.trim().match(/^(\d{1,2}):(\d{2}):(\d{2})$/);
  if (!date || !time) return null;
  const wall = Date.UTC(date.y, date.m - 1, date.d, Number(time[1]), Number(time[2]), Number(time[3]));
  let offset = row['gmt-offset'] !== undefined ? parseGmtOffset(row['gmt-offset']) : null;
  const zone = row['time-zone-name'];
  if (offset === null && zone && isValidTimeZone(zone)) offset = zoneOffsetMs(wall, zone);
  if (offset === null) return null;
  return wall - offset;
}

/**
 * The router's clock minus ours (ms), or null when it does not say. The router prints whole
 * seconds, so the answer is ±1 s plus half the round trip: plenty for a 2-minute threshold.
 */
export async function readClockOffset(client: RosClient, now: () => number): Promise<number | null> {
  const before = now();
  const row = (await client.exec('/system/clock/print'))[0];
  const after = now();
  const at = row ? parseRouterClock(row) : null;
  return at === null ? null : at - (before + after) / 2;
}
