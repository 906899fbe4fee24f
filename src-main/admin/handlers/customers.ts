import type { customersApi } from '../../../src-shared/api/customers';
import type { Billing } from '../../billing';
import type { AreaHandlers } from './types';

export function customersHandlers({ billing }: { billing: Billing }) {
  return {
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
  } satisfies AreaHandlers<typeof customersApi>;
}
