import type { reportsApi } from '../../../src-shared/api/reports';
import type { Billing } from '../../billing';
import type { AreaHandlers } from './types';

/** The owner's money reports (billing reads its ledger; days in the shop's time zone). */
export function reportsHandlers({ billing }: { billing: Billing }) {
  return {
    'reports.daily': ({ from, to }) => billing.dailyReport(from, to),
  } satisfies AreaHandlers<typeof reportsApi>;
}
