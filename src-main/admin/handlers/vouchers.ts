import type { vouchersApi } from '../../../src-shared/api/vouchers';
import type { Billing } from '../../billing';
import type { AreaHandlers } from './types';
import type { Jobs } from '../../jobs';

export function vouchersHandlers({ billing, jobs }: { billing: Billing; jobs: Jobs }) {
  return {
    'vouchers.generate': ({ jobId, ...i }) => {
      // Refuses an archived or unknown package before any card is made for it; its price now
      // is the cards' face value.
      const pkg = billing.packages.getSellable(i.packageId);
      const input = { ...i, packageId: pkg.id, faceValue: pkg.price };
      // Watched (a jobId): drawn in slices so progress polls are answered meanwhile.
      if (jobId === undefined) return billing.vouchers.generate(input);
      return jobs.run(jobId, 'vouchers.generate', (onProgress) => billing.vouchers.generateWithProgress(input, onProgress));
    },
    'vouchers.list': (i) => billing.vouchers.list(i),
    'vouchers.disableBatch': (i) => billing.vouchers.disableBatch(i.batchId),
    'vouchers.updateBatch': (i) => billing.vouchers.updateBatch(i.batchId, i.expiresAt),
    'vouchers.disable': (i) => billing.vouchers.disable(i.code),
    'vouchers.assign': (i) => billing.vouchers.assign(i.codes ? { codes: i.codes } : { batchId: i.batchId! }, i.distributorId),
    'vouchers.redeem': (i) => billing.redeemVoucher(i.code, i.phone),
  } satisfies AreaHandlers<typeof vouchersApi>;
}
