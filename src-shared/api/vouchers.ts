import { z } from 'zod';
import { command, query, id, phone, pageInput } from './def';
import { jobId } from './jobs';
import type { Subscription, Voucher, VoucherBatch } from '../domain';

const epochMs = z.number().int().positive().max(8.64e15);
// A typed card code: the engine normalises spaces, dashes, case and Bangla digits.
const cardCode = z.string().min(1, 'enter the card code').max(40);
const VOUCHER_STATES = ['new', 'assigned', 'used', 'expired', 'disabled'] as const;

/** Recharge cards: batches of codes for a package, their states, distributors, and redeeming one. */
export const vouchersApi = {
  'vouchers.generate': command<{ batchId: number; codes: string[] }>()(
    z.strictObject({
      packageId: id,
      // Up to 10,000 cards at once (issue #11); the UI watches a big batch with jobs.progress.
      count: z.number().int().min(1).max(10_000),
      prefix: z.string().regex(/^[A-Z0-9]{0,6}$/, 'must be up to 6 capital letters or digits').optional(),
      /** After this (epoch ms) the batch's unused cards are expired. */
      expiresAt: epochMs.optional(),
      /** "digits": 13-digit codes for phone keypads; "default": 12 letters and digits. */
      alphabet: z.enum(['default', 'digits']).optional(),
      /** The caller's name for this run, to watch it with jobs.progress. */
      jobId: jobId.optional(),
    }),
  ),
  'vouchers.list': query<{ batches: VoucherBatch[]; vouchers: Voucher[] }>()(
    z.strictObject({ batchId: id.optional(), status: z.enum(VOUCHER_STATES).optional(), distributorId: id.optional(), ...pageInput }),
  ),
  'vouchers.disableBatch': command<VoucherBatch>()(z.strictObject({ batchId: id })),
  /** Changes a batch's expiry; null removes it. */
  'vouchers.updateBatch': command<VoucherBatch>()(z.strictObject({ batchId: id, expiresAt: epochMs.nullable() })),
  // A code in the audit log of a card that then fails to disable (a typo away) is still money.
  'vouchers.disable': command<Voucher>()(z.strictObject({ code: cardCode }), { secret: ['code'] }),
  /** Hands new cards to a distributor: a whole batch, or cards by code (exactly one of the two). */
  'vouchers.assign': command<{ assigned: number; skipped: number }>()(
    z
      .strictObject({
        batchId: id.optional(),
        codes: z.array(cardCode).min(1, 'give at least one card code').max(5000).optional(),
        distributorId: id,
      })
      .refine((i) => (i.batchId == null) !== (i.codes == null), { message: 'give either batchId or codes', path: ['batchId'] }),
    { secret: ['codes'] },
  ),
  // The card code is money: whoever reads it from a log could redeem an unused card.
  'vouchers.redeem': command<Subscription>()(z.strictObject({ code: cardCode, phone }), { secret: ['code'], role: 'cashier' }),
};
