import { z } from 'zod';
import { command, query, id, phone, pageInput } from './def';
import type { Subscription, Voucher, VoucherBatch } from '../domain';

/** Recharge cards: batches of codes for a package, and redeeming one for a customer. */
export const vouchersApi = {
  'vouchers.generate': command<{ batchId: number; codes: string[] }>()(
    z.strictObject({
      packageId: id,
      count: z.number().int().min(1).max(5000),
      prefix: z.string().regex(/^[A-Z0-9]{0,6}$/, 'must be up to 6 capital letters or digits').optional(),
    }),
  ),
  'vouchers.list': query<{ batches: VoucherBatch[]; vouchers: Voucher[] }>()(
    z.strictObject({ batchId: id.optional(), status: z.enum(['new', 'used', 'disabled']).optional(), ...pageInput }),
  ),
  'vouchers.disableBatch': command<VoucherBatch>()(z.strictObject({ batchId: id })),
  // The card code is money: whoever reads it from a log could redeem an unused card.
  'vouchers.redeem': command<Subscription>()(z.strictObject({ code: z.string().min(1).max(40), phone }), { secret: ['code'], role: 'cashier' }),
};
