/**
 * How a sale can be paid: the one list behind the domain's PaymentMethod, the payments.list
 * filter and the walled garden's per-gateway hosts (src-main/routeros/walledGardenDefaults.ts).
 */

/** Online payment gateways: each needs its hosts in the walled garden before the phone has paid. */
export const GATEWAYS = ['bkash', 'nagad', 'sslcommerz'] as const;
export type GatewayId = (typeof GATEWAYS)[number];

export const PAYMENT_METHODS = ['cash', 'voucher', ...GATEWAYS] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
