import type { Db } from '../db';
import type { DailyReport } from '../../src-shared/api/reports';
import type { DaySales, TopPackage } from '../../src-shared/api/dashboard';
import { startOfZonedDay } from '../../src-shared/time';

/**
 * The owner's dashboard reads of the ledger. Sales per day are the daily report's days (one rule
 * of what a void or a refund takes off, in dailyReport.ts), not a second SQL of the same sums.
 */
export function createDashboardSales(db: Db, dailyReport: (from: number, to: number) => DailyReport, timeZone: () => string) {
  // A completed sale counts +1, its reversal row (void or refund, same package) −1, so a voided
  // mistake leaves no trace in the ranking.
  const byPackage = db.prepare<[number, number, number], { package_id: number; name: string; n: number; s: number }>(
    `SELECT p.package_id, k.name,
            SUM(CASE p.status WHEN 'completed' THEN 1 ELSE -1 END) AS n,
            SUM(CASE p.status WHEN 'completed' THEN p.amount ELSE -p.amount END) AS s
       FROM payments p JOIN packages k ON k.id = p.package_id
      WHERE p.status IN ('completed', 'refunded') AND p.completed_at >= ? AND p.completed_at < ?
      GROUP BY p.package_id HAVING n > 0 ORDER BY n DESC, s DESC, k.name LIMIT ?`,
  );

  return {
    /** The first instant of the shop day `days - 1` days before today's. */
    startOfDays(now: number, days: number): number {
      const tz = timeZone();
      let start = startOfZonedDay(now, tz);
      // Day by day, not days × 24 h: a DST change makes one of them 23 or 25 hours long.
      for (let i = 1; i < days; i++) start = startOfZonedDay(start - 1, tz);
      return start;
    },

    /** The last `days` shop days up to today (oldest first), net of voids and refunds. */
    salesPerDay(now: number, days: number): DaySales[] {
      const report = dailyReport(this.startOfDays(now, days), now + 1);
      return report.days.map((d) => ({
        day: d.day,
        from: d.from,
        count: d.sales.count - d.voids.count - d.refunds.count,
        amount: d.net,
      }));
    },

    /** The best-selling packages in [from, to), by sales count then amount. */
    topPackages(from: number, to: number, limit: number): TopPackage[] {
      return byPackage.all(from, to, limit).map((r) => ({ packageId: r.package_id, name: r.name, count: r.n, amount: r.s }));
    },
  };
}
