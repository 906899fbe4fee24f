import type { dashboardApi } from '../../../src-shared/api/dashboard';
import type { Billing } from '../../billing';
import type { RouterStore } from '../../routers';
import type { RadiusServer } from '../../radius';
import type { SettingsStore } from '../../deps';
import type { Clock } from '../../clock';
import type { Sms } from '../../sms';
import { formatTaka } from '../../../src-shared/format';
import { startOfZonedDay } from '../../../src-shared/time';
import { SALES_WINDOWS, salesWindows, type WindowRange } from '../../../src-shared/salesWindows';
import { PAYMENT_METHODS } from '../../../src-shared/payments';
import type { MethodSales, SalesWindow } from '../../../src-shared/domain';
import type { AreaHandlers } from './types';

export interface DashboardDeps {
  billing: Billing;
  routers: RouterStore;
  radius: Pick<RadiusServer, 'onlineCount'>;
  settings: SettingsStore;
  sms: Pick<Sms, 'status'>;
  clock: Clock;
}

/** Why the owner should top up the SMS gateway: without balance, new customers get no OTP. */
function smsWarning(balance: number | null): { code: string; message: string } {
  const left = balance === null ? '' : ` (${formatTaka(balance)} left)`;
  return {
    code: 'sms_low_balance',
    message: `The SMS gateway balance is low${left}. Top it up: without it, new customers get no login code.`,
  };
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

export function dashboardHandlers({ billing, routers, radius, settings, sms, clock }: DashboardDeps) {
  return {
    'dashboard.summary': () => {
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
        warnings: s.lowBalance ? [smsWarning(s.balance)] : [],
        salesByMethod: Object.fromEntries(SALES_WINDOWS.map((w) => [w, salesWindow(billing, windows[w])])) as Record<(typeof SALES_WINDOWS)[number], SalesWindow>,
      };
    },
  } satisfies AreaHandlers<typeof dashboardApi>;
}
