/**
 * How a sale can be paid: the one list behind the domain's PaymentMethod, the payments.list
 * filter and the walled garden's per-gateway hosts (src-main/routeros/walledGardenDefaults.ts).
 */

/** Online payment gateways: each needs its hosts in the walled garden before the phone has paid. */
export const GATEWAYS = ['bkash', 'nagad', 'sslcommerz'] as const;
export type GatewayId = (typeof GATEWAYS)[number];

/** Wallets a customer can "Send Money" from to the shop's personal number, quoting the TrxID. */
export const SEND_MONEY_WALLETS = ['bkash', 'nagad', 'rocket'] as const;
export type SendMoneyWallet = (typeof SEND_MONEY_WALLETS)[number];

/** Send Money is its own method per wallet, so sales by method tell it from merchant checkout. */
export const SEND_MONEY_METHODS = ['bkash_send_money', 'nagad_send_money', 'rocket_send_money'] as const;
export type SendMoneyMethod = (typeof SEND_MONEY_METHODS)[number];

export function sendMoneyMethod(wallet: SendMoneyWallet): SendMoneyMethod {
  return `${wallet}_send_money`;
}

export const PAYMENT_METHODS = ['cash', 'voucher', ...GATEWAYS, ...SEND_MONEY_METHODS] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * A payment's life: pending → completed | failed | needs_review (the owner decides); a refund is
 * a new row in status `refunded` naming the payment it refunds. The ledger never rewrites a row.
 */
export const PAYMENT_STATUSES = ['pending', 'completed', 'failed', 'needs_review', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export function isGatewayId(m: string): m is GatewayId {
  return (GATEWAYS as readonly string[]).includes(m);
}

/** TrxIDs are compared trimmed and case-insensitively (wallet SMS and customers differ in case). */
export function normalizeTrxId(s: string): string {
  return s.trim().toUpperCase();
}

/**
 * A void (a mistaken cash sale taken back at the counter) is a refund row like any other
 * (status refunded, refund_of = the sale), told apart by its reference `void:<sale id>`: the same
 * convention as `cash:<key>` and `voucher:<id>`, so no second reversal mechanism and no schema
 * change. The unique refund_of makes a sale reversible once, by a void or a refund.
 */
export const VOID_REF_PREFIX = 'void:';

export function voidRef(paymentId: number): string {
  return `${VOID_REF_PREFIX}${paymentId}`;
}

/** What a reversal row is ('refund' | 'void'); null for a sale or any other row. */
export type ReversalKind = 'refund' | 'void';
export function reversalKind(status: PaymentStatus, gatewayRef: string | null): ReversalKind | null {
  if (status !== 'refunded') return null;
  return gatewayRef?.startsWith(VOID_REF_PREFIX) ? 'void' : 'refund';
}
