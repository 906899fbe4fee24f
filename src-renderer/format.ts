import { formatBytes, formatDuration, formatTaka } from '../src-shared/units';
import type { Package } from '../src-shared/domain';

/** Display and input conversions. The API speaks paisa, seconds, bytes and bits/s. */

export { formatTaka, formatBytes };

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function formatDateTime(ms: number | null | undefined): string {
  return ms == null ? '—' : dateTime.format(new Date(ms));
}

export function formatDate(ms: number | null | undefined): string {
  return ms == null ? '—' : dateOnly.format(new Date(ms));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatValidity(seconds: number | null): string {
  if (seconds == null) return 'No time limit';
  if (seconds % 86400 === 0) return plural(seconds / 86400, 'day');
  if (seconds % 3600 === 0) return plural(seconds / 3600, 'hour');
  return formatDuration(seconds);
}

export function formatDataLimit(bytes: number | null): string {
  return bytes == null ? 'Unlimited' : formatBytes(bytes);
}

export function formatMbps(bps: number): string {
  if (bps === 0) return 'Unlimited';
  const m = bps / 1_000_000;
  return `${Number.isInteger(m) ? m : m.toFixed(m < 1 ? 2 : 1).replace(/0+$/, '').replace(/\.$/, '')} Mbps`;
}

export function formatSpeed(p: Pick<Package, 'downloadBps' | 'uploadBps'>): string {
  if (p.downloadBps === 0 && p.uploadBps === 0) return 'Unlimited';
  return `↓ ${formatMbps(p.downloadBps)} · ↑ ${formatMbps(p.uploadBps)}`;
}

/** "7 days · 5 GB · ↓ 5 Mbps" — one line for selects and cards. */
export function describePackage(p: Package): string {
  const parts = [];
  if (p.validitySeconds != null) parts.push(formatValidity(p.validitySeconds));
  if (p.dataLimitBytes != null) parts.push(formatBytes(p.dataLimitBytes));
  if (p.downloadBps) parts.push(`↓ ${formatMbps(p.downloadBps)}`);
  return parts.join(' · ');
}

/** What a printed card promises: "7 days · 5 GB" or "1 day · unlimited data". */
export function describeTerms(p: Package): string {
  const time = p.validitySeconds != null ? formatValidity(p.validitySeconds) : null;
  const data = p.dataLimitBytes != null ? formatBytes(p.dataLimitBytes) : 'unlimited data';
  return time ? `${time} · ${data}` : data;
}

export type TimeUnit = 'hours' | 'days';
export type DataUnit = 'MB' | 'GB';
const TIME_MULT: Record<TimeUnit, number> = { hours: 3600, days: 86400 };
// Binary units, matching formatBytes (1 GB = 1024 MB) so what the owner types is what they see.
const DATA_MULT: Record<DataUnit, number> = { MB: 1024 ** 2, GB: 1024 ** 3 };

/** A positive decimal number, or null when blank; 'bad' when not a number. */
function positive(s: string, allowZero = false): number | null | 'bad' {
  const t = s.trim();
  if (t === '') return null;
  if (!/^\d+(\.\d+)?$/.test(t)) return 'bad';
  const n = Number(t);
  if (!allowZero && n <= 0) return 'bad';
  return n;
}

export function toSeconds(value: string, unit: TimeUnit): number | null | 'bad' {
  const n = positive(value);
  return typeof n === 'number' ? Math.round(n * TIME_MULT[unit]) : n;
}

export function toBytes(value: string, unit: DataUnit): number | null | 'bad' {
  const n = positive(value);
  return typeof n === 'number' ? Math.round(n * DATA_MULT[unit]) : n;
}

/** Mbps text → bits/s; blank or 0 = unlimited (0). */
export function mbpsToBps(value: string): number | 'bad' {
  const n = positive(value, true);
  if (n === 'bad') return 'bad';
  return n === null ? 0 : Math.round(n * 1_000_000);
}

export function fromSeconds(s: number | null): { value: string; unit: TimeUnit } {
  if (s == null) return { value: '', unit: 'days' };
  if (s % 86400 === 0) return { value: String(s / 86400), unit: 'days' };
  return { value: String(Math.round((s / 3600) * 100) / 100), unit: 'hours' };
}

export function fromBytes(b: number | null): { value: string; unit: DataUnit } {
  if (b == null) return { value: '', unit: 'GB' };
  if (b % DATA_MULT.GB === 0) return { value: String(b / DATA_MULT.GB), unit: 'GB' };
  return { value: String(Math.round((b / DATA_MULT.MB) * 100) / 100), unit: 'MB' };
}

export function bpsToMbps(bps: number): string {
  return bps === 0 ? '' : String(bps / 1_000_000);
}

export function paisaToTaka(p: number): string {
  return p % 100 === 0 ? String(p / 100) : (p / 100).toFixed(2);
}

/** A local date input (yyyy-mm-dd) → epoch ms at local midnight; endOfDay → the next midnight - 1. */
export function dateInputToMs(s: string, endOfDay = false): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const start = new Date(y, m - 1, d).getTime();
  return endOfDay ? new Date(y, m - 1, d + 1).getTime() - 1 : start;
}

export function localPhone(e164: string | null | undefined): string {
  return e164 && e164.startsWith('+880') ? `0${e164.slice(4)}` : (e164 ?? '—');
}
