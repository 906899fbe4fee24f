/**
 * Calendar arithmetic in the shop's time zone (settings), never the machine's or the browser's:
 * a sale at 00:30 on 2 Dec in Dhaka belongs to 2 Dec whatever zone the admin browser is in.
 * Pure (Intl only), so the engine, the admin UI and the portal share it.
 */

/** The shop's zone until settings say otherwise (the product is sold in Bangladesh). */
export const DEFAULT_TIME_ZONE = 'Asia/Dhaka';

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `tz` is an IANA zone this runtime knows (e.g. Asia/Dhaka; not Mars/Olympus). */
export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of `ms` in `timeZone`. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (Asia/Dhaka: +6 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** Start (epoch ms) of the calendar day containing `ms` in `timeZone`. */
export function startOfZonedDay(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  return zonedMidnight(p.year, p.month, p.day, timeZone);
}

/** Epoch ms of 00:00 on year-month-day in `timeZone` (DST-safe: re-checks the offset). */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day);
  let t = guess - zoneOffsetMs(guess, timeZone);
  // Across a DST change the offset at the guess differs from the offset at the answer.
  const again = guess - zoneOffsetMs(t, timeZone);
  if (again !== t) t = again;
  return t;
}

/** `YYYY-MM-DD` of `ms` in `timeZone` (what a date input shows). */
export function zonedYmd(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** A `YYYY-MM-DD` day in `timeZone` as [from, to) epoch ms; null if not such a date. */
export function zonedDayRange(ymd: string, timeZone: string): { from: number; to: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  const next = new Date(Date.UTC(y, mo - 1, d + 1));
  return {
    from: zonedMidnight(y, mo, d, timeZone),
    to: zonedMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone),
  };
}

/**
 * A from/to pair of `YYYY-MM-DD` days (both included, as date inputs read) → [from, to) epoch ms
 * over `timeZone`'s calendar. A blank or impossible day leaves that side open.
 */
export function zonedDaysFilter(fromYmd: string, toYmd: string, timeZone: string): { from?: number; to?: number } {
  const start = fromYmd ? zonedDayRange(fromYmd, timeZone) : null;
  const end = toYmd ? zonedDayRange(toYmd, timeZone) : null;
  return { ...(start ? { from: start.from } : {}), ...(end ? { to: end.to } : {}) };
}
