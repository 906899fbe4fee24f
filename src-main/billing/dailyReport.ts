import type { Db } from '../db';
import type { DailyMoney, DailyReport, DailyReportDay } from '../../src-shared/api/reports';
import type { PaymentMethod, PaymentStatus } from '../../src-shared/payments';
import { reversalKind } from '../../src-shared/payments';
import { startOfZonedDay, zonedDayRange, zonedYmd } from '../../src-shared/time';

interface MoneyRow {
  amount: number;
  method: PaymentMethod;
  status: PaymentStatus;
  gateway_ref: string | null;
  created_by: string | null;
  completed_at: number;
}

function emptyMoney(): DailyMoney {
  return { sales: { count: 0, amount: 0 }, byMethod: [], byStaff: [], voids: { count: 0, amount: 0 }, refunds: { count: 0, amount: 0 }, net: 0, cashExpected: 0 };
}

function bump<K extends string, T extends Record<K, string> & { count: number; amount: number }>(list: T[], key: K, value: string, make: () => T, amount: number): void {
  let e = list.find((x) => x[key] === value);
  if (!e) list.push((e = make()));
  e.count += 1;
  e.amount += amount;
}

/**
 * Adds one ledger row to a day's money. The rule of what counts where lives here once:
 * a completed sale adds to sales, its method and (cash) its seller; a void or a refund row
 * subtracts on the day it was made; only cash moves the drawer.
 */
export function addToMoney(m: DailyMoney, r: MoneyRow): void {
  const kind = reversalKind(r.status, r.gateway_ref);
  if (r.status === 'completed') {
    m.sales.count += 1;
    m.sales.amount += r.amount;
    m.net += r.amount;
    bump(m.byMethod, 'method', r.method, () => ({ method: r.method, count: 0, amount: 0 }), r.amount);
    if (r.method === 'cash') {
      const staff = r.created_by ?? 'admin';
      bump(m.byStaff, 'staff', staff, () => ({ staff, count: 0, amount: 0 }), r.amount);
      m.cashExpected += r.amount;
    }
  } else if (kind) {
    const into = kind === 'void' ? m.voids : m.refunds;
    into.count += 1;
    into.amount += r.amount;
    m.net -= r.amount;
    if (r.method === 'cash') m.cashExpected -= r.amount;
  }
}

/** The daily cash report: reads the payments ledger (billing owns it), days in the shop's zone. */
export function createDailyReport(db: Db, timeZone: () => string) {
  const rows = db.prepare<[number, number], MoneyRow>(
    `SELECT amount, method, status, gateway_ref, created_by, completed_at FROM payments
      WHERE status IN ('completed', 'refunded') AND completed_at >= ? AND completed_at < ? ORDER BY completed_at`,
  );

  return function dailyReport(from: number, to: number): DailyReport {
    const tz = timeZone();
    const days: DailyReportDay[] = [];
    // Whole shop days: from's day through the day holding the last millisecond before `to`.
    for (let start = startOfZonedDay(from, tz); start < to; ) {
      const ymd = zonedYmd(start, tz);
      const end = zonedDayRange(ymd, tz)!.to;
      days.push({ day: ymd, from: start, to: end, ...emptyMoney() });
      start = end;
    }
    const total = emptyMoney();
    const first = days[0]!.from;
    const last = days[days.length - 1]!.to;
    let i = 0;
    for (const r of rows.iterate(first, last)) {
      while (r.completed_at >= days[i]!.to) i += 1;
      addToMoney(days[i]!, r);
      addToMoney(total, r);
    }
    return { timeZone: tz, from: first, to: last, days, total };
  };
}
