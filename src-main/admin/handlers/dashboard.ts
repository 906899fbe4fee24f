import type { dashboardApi } from '../../../src-shared/api/dashboard';
import type { Billing } from '../../billing';
import type { RouterStore } from '../../routers';
import type { RadiusServer } from '../../radius';
import type { SettingsStore } from '../../deps';
import type { Clock } from '../../clock';
import type { Sms } from '../../sms';
import type { Backups } from '../../backups';
import type { DashboardOverview, DashboardWarning, RouterHealth } from '../../../src-shared/api/dashboard';
import { zoneOffsetMs } from '../../../src-shared/time';
import { dashboardWarnings } from '../dashboardWarnings';
import { startOfZonedDay } from '../../../src-shared/time';
import { SALES_WINDOWS, salesWindows, type WindowRange } from '../../../src-shared/salesWindows';
import { PAYMENT_METHODS } from '../../../src-shared/payments';
import type { MethodSales, SalesWindow } from '../../../src-shared/domain';
import type { AreaHandlers } from './types';

export interface DashboardDeps {
  billing: Billing;
  routers: RouterStore;
  radius: Pick<RadiusServer, 'onlineCount' | 'onlinePerHour' | 'loginsSince' | 'onlineByRouter'>;
  settings: SettingsStore;
  sms: Pick<Sms, 'status'>;
  backups: Pick<Backups, 'overdue'>;
  clock: Clock;
}

const HOUR_MS = 3_600_000;
/** The dashboard's spans: sales per day and top packages over 30 shop days, devices over 24 hours. */
export const SALES_DAYS = 30;
export const ONLINE_HOURS = 24;
const TOP_PACKAGES = 5;

/** The start of the shop's wall-clock hour holding `now` (a zone can be 30 or 45 minutes off UTC's hours). */
function startOfZonedHour(now: number, tz: string): number {
  const local = now + zoneOffsetMs(now, tz);
  return now - (((local % HOUR_MS) + HOUR_MS) % HOUR_MS);
}

/** One window's ledger totals, per method in PAYMENT_METHODS order (methods that moved no money left out). */
function salesWindow(billing: Billing, range: WindowRange): SalesWindow {
  const byMethod = new Map<string, MethodSales>();
  for (const r of billing.payments.totalsByMethod(range.from, range.to)) {
    const m = byMethod.get(r.method) ?? { method: r.method, count: 0, amount: 0, refunds: 0, refunded: 0 };
    if (r.status === 'completed') Object.assign(m, { count: r.count, amount: r.amount });
    else Object.assign(m, { refunds: r.count, refunded: r.amount });
    byMethod.set(r.method, m);
  }
  const rows = PAYMENT_METHODS.flatMap((method) => byMethod.get(method) ?? []);
  return {
    ...range,
    count: rows.reduce((n, r) => n + r.count, 0),
    amount: rows.reduce((n, r) => n + r.amount, 0),
    refunded: rows.reduce((n, r) => n + r.refunded, 0),
    byMethod: rows,
  };
}

export function dashboardHandlers({ billing, routers, radius, settings, sms, backups, clock }: DashboardDeps) {
  /** The warnings, from what each owner knows (no router is called: the poller keeps these current). */
  function warnings(): DashboardWarning[] {
    const s = settings.get();
    const status = sms.status();
    return dashboardWarnings({
      routers: routers.health(),
      sms: { lowBalance: status.lowBalance, balance: status.balance },
      backups: backups.overdue(),
      display: { timeZone: s.shop.timezone, clock: s.display.clock },
    });
  }

  function summary() {
    const now = clock.now();
    const tz = settings.get().shop.timezone;
    // "Today" is the shop's day, not the PC's or UTC's.
    const from = startOfZonedDay(now, tz);
    const windows = salesWindows(now, tz);
    const sales = billing.payments.totals(from, now + 1);
    const s = sms.status();
    return {
      salesTodayCount: sales.count,
      salesTodayAmount: sales.amount,
      activeSubscriptions: billing.countActiveSubscriptions(),
      customers: billing.customers.count(),
      online: radius.onlineCount(),
      routers: routers.list().length,
      sms: { provider: s.provider, balance: s.balance, balanceAt: s.balanceAt, lowBalance: s.lowBalance },
      salesByMethod: Object.fromEntries(SALES_WINDOWS.map((w) => [w, salesWindow(billing, windows[w])])) as Record<(typeof SALES_WINDOWS)[number], SalesWindow>,
    };
  }

  return {
    'dashboard.summary': () => ({ ...summary(), warnings: warnings() }),

    'dashboard.overview': (): DashboardOverview => {
      const now = clock.now();
      const tz = settings.get().shop.timezone;
      const online = radius.onlineByRouter();
      const health = routers.health();
      const routerHealth: RouterHealth[] = health.map((r) => ({
        id: r.id, name: r.name, reachable: r.reachable, since: r.since, lastError: r.lastError, online: online.get(r.id) ?? 0, clockOffsetMs: r.clockOffsetMs,
      }));
      const salesFrom = billing.dashboardSales.startOfDays(now, SALES_DAYS);
      return {
        ...summary(),
        timeZone: tz,
        now,
        salesPerDay: billing.dashboardSales.salesPerDay(now, SALES_DAYS),
        onlinePerHour: radius.onlinePerHour(startOfZonedHour(now, tz) - (ONLINE_HOURS - 1) * HOUR_MS, ONLINE_HOURS),
        topPackages: billing.dashboardSales.topPackages(salesFrom, now + 1, TOP_PACKAGES),
        logins: radius.loginsSince(now - HOUR_MS),
        routerHealth,
        warnings: warnings(),
      };
    },
  } satisfies AreaHandlers<typeof dashboardApi>;
}
