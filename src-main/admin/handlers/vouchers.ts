import type { vouchersApi } from '../../../src-shared/api/vouchers';
import type { Billing } from '../../billing';
import type { AreaHandlers } from './types';

export function vouchersHandlers({ billing }: { billing: Billing }) {
  return {
    'vouchers.generate': (i) => {
      // Refuses an archived or unknown package before any card is made for it.
      const pkg = billing.packages.getSellable(i.packageId);
      return billing.vouchers.generate(pkg.id, i.count, i.prefix);
    },
    'vouchers.list': (i) => billing.vouchers.list(i),
    'vouchers.disableBatch': (i) => billing.vouchers.disableBatch(i.batchId),
    'vouchers.redeem': (i) => billing.redeemVoucher(i.code, i.phone),
  } satisfies AreaHandlers<typeof vouchersApi>;
}
