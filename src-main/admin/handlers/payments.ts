import type { paymentsApi } from '../../../src-shared/api/payments';
import type { Billing } from '../../billing';
import type { Gateways } from '../../gateways';
import type { AreaHandlers } from './types';

/** The ledger (billing) and the owner's actions on online and Send Money payments (gateways). */
export function paymentsHandlers({ billing, gateways }: { billing: Billing; gateways: Gateways }) {
  return {
    'payments.list': (i) => billing.payments.list(i),
    'payments.recheck': ({ id }) => gateways.recheck(id),
    'payments.recover': ({ gateway, trxId }) => gateways.recover(gateway, trxId),
    'payments.refund': ({ id, reason }) => gateways.refund(id, reason),
    // The void row names who took the sale back (the audit log has it too, with the reason).
    'payments.void': ({ id, reason }, ctx) => billing.voidCashSale(id, { reason, createdBy: ctx.auditActor }),
    'payments.confirm': ({ id }) => gateways.confirmByOwner(id),
    'payments.reject': ({ id, reason }) => gateways.reject(id, reason),
    'payments.incomingSms': (i) => gateways.incomingSms(i),
  } satisfies AreaHandlers<typeof paymentsApi>;
}
