import { z } from 'zod';
import { query } from './def';
import type { PaymentMethod } from '../payments';

/** A number of ledger rows and their sum (paisa). */
export interface MoneyCount {
  count: number;
  amount: number;
}

/** One shop day's money (or, as `total`, the whole range's). */
export interface DailyMoney {
  /** Completed sales, gross (before voids and refunds), every method. */
  sales: MoneyCount;
  byMethod: ({ method: PaymentMethod } & MoneyCount)[];
  /** Counter (cash) sales by the staff member who sold ('admin' for sales made before names were kept). */
  byStaff: ({ staff: string } & MoneyCount)[];
  /** Voided cash sales, dated when voided. */
  voids: MoneyCount;
  /** Refunds (any method), dated when refunded. */
  refunds: MoneyCount;
  /** sales − voids − refunds. */
  net: number;
  /** What the drawer should hold from the day: cash sales − voids − cash refunds. */
  cashExpected: number;
}

export interface DailyReportDay extends DailyMoney {
  /** YYYY-MM-DD in the shop's time zone. */
  day: string;
  /** The day's [from, to) in epoch ms (23 or 25 hours long across a DST change). */
  from: number;
  to: number;
}

export interface DailyReport {
  timeZone: string;
  /** The asked range widened to whole shop days. */
  from: number;
  to: number;
  days: DailyReportDay[];
  total: DailyMoney;
}

/** The longest range one report covers: a year and a day (a leap year's 366 days). */
export const MAX_REPORT_DAYS = 367;

const epochMs = z.number({ error: 'must be a time (epoch milliseconds)' }).int('must be a whole number of milliseconds').min(0).max(8.64e15);

/** The owner's money reports. */
export const reportsApi = {
  /** Per shop day in [from, to): sales by method and by staff, voids, refunds, cash expected in the drawer. */
  'reports.daily': query<DailyReport>()(
    z
      .strictObject({ from: epochMs, to: epochMs })
      .refine((i) => i.to > i.from, { message: 'must be after from', path: ['to'] })
      .refine((i) => i.to - i.from <= MAX_REPORT_DAYS * 86_400_000, { message: `must be at most ${MAX_REPORT_DAYS} days after from`, path: ['to'] }),
  ),
};
