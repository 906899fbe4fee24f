import type { Payment } from '../../src-shared/domain';
import type { PaymentOutcome } from '../../src-shared/api/payments';

/** A payment's outcome as the ledger has it now. */
export function outcomeOf(p: Payment, subscriptionId: (paymentId: number) => number | null): PaymentOutcome {
  switch (p.status) {
    case 'completed':
      return { state: 'completed', paymentId: p.id, customerId: p.customerId!, subscriptionId: subscriptionId(p.id) };
    case 'failed':
      return { state: 'failed', paymentId: p.id, customerId: p.customerId, message: p.failureReason ?? 'The payment was not made.' };
    case 'needs_review':
      return { state: 'needs_review', paymentId: p.id, customerId: p.customerId, problem: p.problem ?? 'PAYMENT_UNCONFIRMED' };
    case 'refunded':
      return { state: 'refunded', paymentId: p.id, customerId: p.customerId };
    default:
      return { state: 'checking', paymentId: p.id, customerId: p.customerId };
  }
}
