import type { PaymentOutcome } from '../src-shared/api/payments';
import type { Payment, PaymentMethod, PaymentStatus } from '../src-shared/domain';
import { PAYMENT_METHODS, SEND_MONEY_METHODS, type SendMoneyMethod } from '../src-shared/payments';

/**
 * Payments in the shop owner's words: methods, statuses, the problem a payment waits on and what
 * a Recheck / Recover / Confirm found. Keyed by the shared lists, so a new method or status without
 * words fails to compile.
 */

export const METHOD_LABEL: Record<PaymentMethod, string> = {
  cash: 'Cash',
  voucher: 'Recharge card',
  bkash: 'bKash',
  nagad: 'Nagad',
  sslcommerz: 'SSLCommerz',
  bkash_send_money: 'bKash Send Money',
  nagad_send_money: 'Nagad Send Money',
  rocket_send_money: 'Rocket Send Money',
};

/** [value, label] in the ledger's own order (the method filter, the dashboard's rows). */
export const METHOD_OPTIONS: Array<[PaymentMethod, string]> = PAYMENT_METHODS.map((m) => [m, METHOD_LABEL[m]]);

/** Badge words (lower case like every badge in the app). */
export const STATUS_LABEL: Record<PaymentStatus, string> = {
  pending: 'pending',
  completed: 'completed',
  failed: 'failed',
  needs_review: 'needs review',
  refunded: 'refund',
};
export const STATUS_OPTIONS: Array<[PaymentStatus, string]> = [
  ['completed', 'Completed'],
  ['pending', 'Pending'],
  ['needs_review', 'Needs review'],
  ['failed', 'Failed'],
  ['refunded', 'Refunds'],
];
export const STATUS_TONE: Record<PaymentStatus, string> = { pending: 'amber', completed: 'green', failed: 'red', needs_review: 'red', refunded: 'blue' };

export function isSendMoneyMethod(m: PaymentMethod): m is SendMoneyMethod {
  return (SEND_MONEY_METHODS as readonly string[]).includes(m);
}

/** Online checkout methods, whose gateway Recheck can ask (Send Money rechecks forwarded SMS). */
export function canRecheck(p: Payment): boolean {
  return (p.status === 'pending' || p.status === 'needs_review') && p.method !== 'cash' && p.method !== 'voucher';
}

/** Why a payment waits for the owner, and what to do (the engine's problem codes). */
const PROBLEMS: Record<string, string> = {
  PAYMENT_AMOUNT_MISMATCH: 'Amount did not match the invoice — check before confirming',
  PAYMENT_INVOICE_MISMATCH: 'The gateway reported it under another invoice — check before confirming',
  PAYMENT_UNCONFIRMED: 'The gateway did not confirm it within 24 hours — check the merchant panel, then confirm or reject',
  TRX_ID_USED: 'That transaction ID was already used for another payment — check before confirming',
};

export function problemText(code: string | null): string | null {
  if (!code) return null;
  return PROBLEMS[code] ?? `${code.replace(/_/g, ' ').toLowerCase()} — check before confirming`;
}

/** What asking about a payment found, in a sentence (Recheck, Recover, Confirm, Reject). */
export function outcomeText(o: PaymentOutcome): { ok: boolean; text: string } {
  switch (o.state) {
    case 'completed':
      return { ok: true, text: o.subscriptionId ? 'Paid: the package is active.' : 'Paid.' };
    case 'checking':
      return { ok: true, text: 'Not settled yet: the gateway has not confirmed it. HotspotDesk keeps asking.' };
    case 'failed':
      return { ok: false, text: `Not paid: ${o.message}` };
    case 'needs_review':
      return { ok: false, text: `Needs your check: ${problemText(o.problem)}.` };
    case 'refunded':
      return { ok: true, text: 'That payment was refunded.' };
  }
}
