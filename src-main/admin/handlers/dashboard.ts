import type { dashboardApi } from '../../../src-shared/api/dashboard';
import type { Billing } from '../../billing';
import type { RouterStore } from '../../routers';
import type { RadiusServer } from '../../radius';
import type { SettingsStore } from '../../deps';
import type { Clock } from '../../clock';
import { startOfZonedDay } from '../../../src-shared/time';
import type { AreaHandlers } from './types';

export interface DashboardDeps {
  billing: Billing;
  routers: RouterStore;
  radius: Pick<RadiusServer, 'onlineCount'>;
  settings: SettingsStore;
  clock: Clock;
}

export function dashboardHandlers({ billing, routers, radius, settings, clock }: DashboardDeps) {
  return {
    'dashboard.summary': () => {
      const now = clock.now();
      // "Today" is the shop's day, not the PC's or UTC's.
      const from = startOfZonedDay(now, settings.get().shop.timezone);
      const sales = billing.payments.totals(from, now + 1);
      return {
        salesTodayCount: sales.count,
        salesTodayAmount: sales.amount,
        activeSubscriptions: billing.countActiveSubscriptions(),
        customers: billing.customers.count(),
        online: radius.onlineCount(),
        routers: routers.list().length,
      };
    },
  } satisfies AreaHandlers<typeof dashboardApi>;
}
