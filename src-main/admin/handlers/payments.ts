import type { paymentsApi } from '../../../src-shared/api/payments';
import type { Billing } from '../../billing';
import type { AreaHandlers } from './types';

export function paymentsHandlers({ billing }: { billing: Billing }) {
  return {
    'payments.list': (i) => billing.payments.list(i),
  } satisfies AreaHandlers<typeof paymentsApi>;
}
