import { z } from 'zod';
import { command, query, id, name, paisa, phone } from './def';
import type { Distributor, DistributorPayment, DistributorStatement } from '../domain';

const epochMs = z.number().int().nonnegative().max(8.64e15);

// A percent with at most two decimals (12.5, 7.25): stored as hundredths of a percent, so a
// third decimal would be silently rounded away; refused instead. The tolerance absorbs binary
// floating point (7.29 × 100 = 728.9999…).
const percent = z
  .number()
  .min(0, 'must be 0 to 100')
  .max(100, 'must be 0 to 100')
  .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, 'may have at most two decimals (e.g. 12.5)');

/** Distributors (shops and agents who resell cards): terms, payments, statements. */
export const distributorsApi = {
  'distributors.create': command<Distributor>()(
    z
      .strictObject({
        name,
        phone,
        /** Percent of each used card's face value, 0–100 with up to two decimals. */
        commissionPercent: percent.optional(),
        /** Paisa per used card. */
        commissionPerCard: paisa.optional(),
      })
      .superRefine((d, ctx) => {
        if (d.commissionPercent == null && d.commissionPerCard == null) {
          ctx.addIssue({ code: 'custom', path: ['commissionPercent'], message: 'give the commission: a percent, or commissionPerCard in paisa' });
        } else if (d.commissionPercent != null && d.commissionPerCard != null) {
          ctx.addIssue({ code: 'custom', path: ['commissionPerCard'], message: 'give only one of commissionPercent and commissionPerCard' });
        }
      }),
  ),
  'distributors.list': query<Distributor[]>()(z.strictObject({})),
  'distributors.recordPayment': command<DistributorPayment>()(
    z.strictObject({ id, amount: paisa.min(1, 'must be more than 0'), note: z.string().trim().max(200).optional() }),
  ),
  /** [from, to) in epoch ms; cards count by redeem time, payments by payment time. */
  'distributors.statement': query<DistributorStatement>()(
    z
      .strictObject({ id, from: epochMs.optional(), to: epochMs.optional() })
      .refine((s) => s.from == null || s.to == null || s.from < s.to, { message: 'must be after from', path: ['to'] }),
  ),
};
