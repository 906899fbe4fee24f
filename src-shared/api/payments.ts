import { z } from 'zod';
import { query, id, pageInput } from './def';
import type { Page, Payment } from '../domain';
import { PAYMENT_METHODS } from '../payments';

/** The payments ledger (append-only: nothing here changes it). */
export const paymentsApi = {
  'payments.list': query<Page<Payment>>()(
    z.strictObject({
      method: z.enum(PAYMENT_METHODS).optional(),
      status: z.enum(['pending', 'completed', 'failed']).optional(),
      customerId: id.optional(),
      from: z.number().int().optional(),
      to: z.number().int().optional(),
      ...pageInput,
    }),
  ),
};
