/**
 * Form-input conversions: what the owner types (taka, days, GB, Mbps) ↔ what the API speaks
 * (paisa, seconds, bytes, bits/s). Display formatting is src-shared/format.ts.
 */

export type TimeUnit = 'hours' | 'days';
export type DataUnit = 'MB' | 'GB';
const TIME_MULT: Record<TimeUnit, number> = { hours: 3600, days: 86400 };
// Binary units, matching formatData (1 GB = 1024 MB) so what the owner types is what they see.
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
