import type { dashboardApi } from '../../../src-shared/api/dashboard';
import type { Billing } from '../../billing';
import type { RouterStore } from '../../routers';
import type { RadiusServer } from '../../radius';
import type { SettingsStore } from '../../deps';
import type { Clock } from '../../clock';
import type { Sms } from '../../sms';
import { formatTaka } from '../../../src-shared/format';
import { startOfZonedDay } from '../../../src-shared/time';
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

export function dashboardHandlers({ billing, routers, radius, settings, sms, clock }: DashboardDeps) {
  return {
    'dashboard.summary': () => {
      const now = clock.now();
      // "Today" is the shop's day, not the PC's or UTC's.
      const from = startOfZonedDay(now, settings.get().shop.timezone);
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
      };
    },
  } satisfies AreaHandlers<typeof dashboardApi>;
}
