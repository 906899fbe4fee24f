import type { distributorsApi } from '../../../src-shared/api/distributors';
import type { Billing } from '../../billing';
import type { AreaHandlers } from './types';

export function distributorsHandlers({ billing }: { billing: Billing }) {
  return {
    'distributors.create': (i) => billing.distributors.create(i),
    'distributors.list': () => billing.distributors.list(),
    'distributors.recordPayment': (i) => billing.distributors.recordPayment(i.id, i.amount, i.note),
    'distributors.statement': (i) => billing.distributors.statement(i.id, i.from, i.to),
  } satisfies AreaHandlers<typeof distributorsApi>;
}
