import { zonedMidnight, zonedParts } from './time';

/**
 * The dashboard's "today", "this week" and "this month", on the shop's calendar (its time-zone
 * setting), so the engine's totals and the labels the admin UI prints agree wherever the PC is.
 */

/**
 * The shop's week starts on Saturday (0 = Sunday … 6 = Saturday): Bangladesh's weekend is Friday,
 * so Saturday is the first day of the trading week on the calendars shops hang up.
 */
export const WEEK_STARTS_ON = 6;

export const SALES_WINDOWS = ['today', 'week', 'month'] as const;
export type SalesWindowName = (typeof SALES_WINDOWS)[number];

export interface WindowRange {
  /** Epoch ms of the window's first instant (00:00 of its first day in the shop's zone). */
  from: number;
  /** Exclusive end: now + 1 ms, so a sale made this very millisecond counts. */
  to: number;
}

/** Day of the week (0 = Sunday) of a calendar date, whatever the zone (the date is the zone's). */
function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** [from, to) of today, this week and this month in `timeZone`, as of `now`. */
export function salesWindows(now: number, timeZone: string): Record<SalesWindowName, WindowRange> {
  const p = zonedParts(now, timeZone);
  const to = now + 1;
  const back = (weekday(p.year, p.month, p.day) - WEEK_STARTS_ON + 7) % 7;
  // Date.UTC normalises a day before the 1st into the previous month (and year).
  const weekStart = new Date(Date.UTC(p.year, p.month - 1, p.day - back));
  return {
    today: { from: zonedMidnight(p.year, p.month, p.day, timeZone), to },
    week: { from: zonedMidnight(weekStart.getUTCFullYear(), weekStart.getUTCMonth() + 1, weekStart.getUTCDate(), timeZone), to },
    month: { from: zonedMidnight(p.year, p.month, 1, timeZone), to },
  };
}
