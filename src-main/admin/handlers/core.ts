import type { Handler, Handlers } from '../index';
import type { Method } from '../../../src-shared/api';
import type { RouterOsMethod } from '../../../src-shared/api/routers';
import type { Billing } from '../../billing';
import type { RouterStore } from '../../routers';
import type { SettingsStore } from '../../deps';
import type { Clock } from '../../clock';
import { startOfZonedDay } from '../../../src-shared/time';

type CoreMethods = Exclude<
  Extract<Method, `${'packages' | 'customers' | 'vouchers' | 'payments' | 'routers' | 'zones' | 'dashboard'}.${string}`>,
  RouterOsMethod // served by handlers/routeros.ts
>;

export interface CoreHandlerDeps {
  billing: Billing;
  routers: RouterStore;
  settings: SettingsStore;
  clock: Clock;
  /** Online sessions right now; null until RADIUS accounting exists. */
  onlineCount: () => number | null;
}

/** Handlers for the foundation's methods (packages, customers, cards, payments, routers, dashboard). */
export function coreHandlers(d: CoreHandlerDeps) {
  const { billing, routers, settings, clock } = d;
  const h = {
    'packages.list': (i) => billing.packages.list(i),
    'packages.create': (i) => billing.packages.create(i),
    'packages.update': ({ id, ...patch }) => billing.packages.update(id, patch),
    'packages.archive': ({ id }) => billing.packages.archive(id),

    'customers.list': (i) => billing.customers.list(i),
    'customers.get': (i) => ('id' in i ? billing.customers.get(i.id) : billing.customers.getByPhone(i.phone)),
    'customers.create': (i) => billing.customers.create(i.phone, i),
    'customers.update': ({ id, ...patch }) => billing.customers.update(id, patch),
    'customers.sellPackage': (i) => billing.sell(i),
    'customers.addDevice': (i) => billing.customers.addDevice(i.customerId, i.mac, i.label),
    'customers.removeDevice': (i) => {
      billing.customers.removeDevice(i);
      return { removed: true as const };
    },
    'customers.cancelSubscription': (i) => billing.cancelSubscription(i.subscriptionId),

    'vouchers.generate': (i) => {
      const pkg = billing.packages.getSellable(i.packageId);
      return billing.vouchers.generate(pkg.id, i.count, i.prefix);
    },
    'vouchers.list': (i) => billing.vouchers.list(i),
    'vouchers.disableBatch': (i) => billing.vouchers.disableBatch(i.batchId),
    'vouchers.redeem': (i) => billing.redeemVoucher(i.code, i.phone),

    'payments.list': (i) => billing.payments.list(i),

    'routers.list': () => routers.list(),
    'routers.create': (i) => routers.create(i),
    'routers.update': ({ id, ...patch }) => routers.update(id, patch),
    'routers.remove': ({ id }) => {
      routers.remove(id);
      return { removed: true as const };
    },

    'zones.list': () => routers.zones.list(),
    'zones.create': (i) => routers.zones.create(i.name, i.ssid ?? null),

    'dashboard.summary': () => {
      const now = clock.now();
      const from = startOfZonedDay(now, settings.get().shop.timezone);
      const sales = billing.payments.totals(from, now + 1);
      return {
        salesTodayCount: sales.count,
        salesTodayAmount: sales.amount,
        activeSubscriptions: billing.countActiveSubscriptions(),
        customers: billing.customers.count(),
        online: d.onlineCount(),
        routers: routers.list().length,
      };
    },
  } satisfies { [M in CoreMethods]: Handler<M> };
  return h as Pick<Handlers, keyof typeof h>;
}
