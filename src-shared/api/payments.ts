import { z } from 'zod';
import { command, query, id, pageInput, phone } from './def';
import { listPageInput, searchText, sortInput } from './listQuery';
import type { Page, Payment } from '../domain';
import { GATEWAYS, PAYMENT_METHODS, PAYMENT_STATUSES } from '../payments';

/**
 * Where a payment stands after the engine asked about it (a browser return, an IPN, the retry
 * job, the owner's Recheck, a recovery by transaction id, a forwarded SMS):
 * - completed: paid and its package active (exactly once, whatever asked);
 * - checking: the gateway has not settled it or did not answer; the engine keeps asking (the
 *   portal shows "we are checking your payment" and refreshes itself);
 * - failed: not paid (cancelled, expired, refused, rejected by the owner);
 * - needs_review: something is off (`problem`, e.g. PAYMENT_AMOUNT_MISMATCH); nothing activated.
 */
export type PaymentOutcome =
  | { state: 'completed'; paymentId: number; customerId: number; subscriptionId: number | null }
  | { state: 'checking'; paymentId: number; customerId: number | null }
  | { state: 'failed'; paymentId: number; customerId: number | null; message: string }
  | { state: 'needs_review'; paymentId: number; customerId: number | null; problem: string }
  | { state: 'refunded'; paymentId: number; customerId: number | null };

export interface RefundResult {
  /** The new ledger row (status refunded, refundOf = the payment). */
  refund: Payment;
  /** True when no gateway refund API was used: the owner hands the money back themself. */
  manual: boolean;
  cancelledSubscriptionId: number | null;
}

export interface VoidResult {
  /** The reversal row (status refunded, reversal 'void', refundOf = the sale). */
  void: Payment;
  cancelledSubscriptionId: number | null;
  /** True when the sale was voided already: this call changed nothing. */
  repeated: boolean;
}

export const SMS_IN_OUTCOMES = ['matched', 'unparsed', 'unmatched', 'mismatch', 'duplicate'] as const;
export type SmsInOutcome = (typeof SMS_IN_OUTCOMES)[number];

/** An incoming-money SMS the shop's phone forwarded (kept whether or not it parsed or matched). */
export interface IncomingSms {
  id: number;
  receivedAt: number;
  sender: string | null;
  text: string;
  wallet: 'bkash' | 'nagad' | 'rocket' | null;
  amount: number | null;
  trxId: string | null;
  fromPhone: string | null;
  outcome: SmsInOutcome;
  paymentId: number | null;
}

/** payments.list's sort keys; the default is at (created), newest first. */
export const paymentSortKeys = ['at', 'amount', 'method', 'status'] as const;
export type PaymentSortKey = (typeof paymentSortKeys)[number];

const trxId = z
  .string({ error: 'must be text' })
  .trim()
  .regex(/^[A-Za-z0-9]{6,20}$/, 'must be the transaction ID from the payment SMS: 6 to 20 letters and digits, such as CJU0PZQ3U6')
  .transform((s) => s.toUpperCase());
const reason = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');

/** The payments ledger and the owner's actions on it (append-only: a refund is a new row). */
export const paymentsApi = {
  'payments.list': query<Page<Payment>>()(
    z.strictObject({
      method: z.enum(PAYMENT_METHODS).optional(),
      status: z.enum(PAYMENT_STATUSES).optional(),
      customerId: id.optional(),
      from: z.number().int().optional(),
      to: z.number().int().optional(),
      gatewayRef: z.string().trim().min(1).max(200).optional(),
      invoiceNo: z.string().trim().min(1).max(40).optional(),
      phone: phone.optional(),
      trxId: trxId.optional(),
      /** A prefix of the invoice number, gateway reference, transaction id or phone number. */
      search: searchText,
      sort: sortInput(paymentSortKeys),
      ...listPageInput,
    }),
  ),
  /** Asks the gateway again now (a pending payment, or one waiting for review). */
  'payments.recheck': command<PaymentOutcome>()(z.strictObject({ id }), { role: 'cashier' }),
  /** "I paid but have no internet": ask the gateway about the wallet's transaction id; activate if paid and unused. */
  'payments.recover': command<PaymentOutcome>()(z.strictObject({ gateway: z.enum(GATEWAYS), trxId }), { role: 'cashier' }),
  /** The gateway's refund API where it has one, else a recorded manual refund; the package is cancelled. */
  'payments.refund': command<RefundResult>()(z.strictObject({ id, reason })),
  /** Takes back a mistaken cash sale (owner): a reversal row, the package cancelled; again → the first void. */
  'payments.void': command<VoidResult>()(z.strictObject({ id, reason })),
  /** The owner confirms a payment (Send Money seen on the shop's phone, or one under review). */
  'payments.confirm': command<PaymentOutcome>()(z.strictObject({ id })),
  'payments.reject': command<PaymentOutcome>()(z.strictObject({ id, reason: reason.optional() })),
  /** Forwarded SMS, newest first; `outcome: 'unparsed'` lists the formats HotspotDesk could not read. */
  'payments.incomingSms': query<Page<IncomingSms>>()(z.strictObject({ outcome: z.enum(SMS_IN_OUTCOMES).optional(), ...pageInput })),
};
