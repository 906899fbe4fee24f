import type { packagesApi } from '../../../src-shared/api/packages';
import type { Billing } from '../../billing';
import type { AreaHandlers } from './types';

export function packagesHandlers({ billing }: { billing: Billing }) {
  return {
    'packages.list': (i) => billing.packages.list(i),
    'packages.create': (i) => billing.packages.create(i),
    'packages.update': ({ id, ...patch }) => billing.packages.update(id, patch),
    'packages.archive': ({ id }) => billing.packages.archive(id),
  } satisfies AreaHandlers<typeof packagesApi>;
}
