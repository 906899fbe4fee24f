import type { GatewayContext, GatewayMode } from '../types';

/** Reference §5.1: the Tokenized Checkout API, per mode; every path is under /tokenized/checkout. */
export const BKASH_BASE_URLS: Record<GatewayMode, string> = {
  sandbox: 'https://tokenized.sandbox.bka.sh/v1.2.0-beta',
  live: 'https://tokenized.pay.bka.sh/v1.2.0-beta',
};

/**
 * The hosts a phone needs before it has paid. The payment page hosts ([U]) are where public
 * integrations see bkashURL point (`https://sandbox.payment.bkash.com/?paymentId=…`); bKash's own
 * docs do not name them. If a payment page stays blank behind the hotspot, the missing host goes
 * here (and in a custom walled-garden entry meanwhile).
 */
const API_HOSTS: Record<GatewayMode, string> = { sandbox: 'tokenized.sandbox.bka.sh', live: 'tokenized.pay.bka.sh' };
const PAYMENT_PAGE_HOSTS: Record<GatewayMode, string> = { sandbox: 'sandbox.payment.bkash.com', live: 'payment.bkash.com' };

/**
 * Mode's API host + payment page host; with a baseUrl, its host replaces the API host (the fakes,
 * a new bKash host) and the mode's documented payment page host stays: bkashURL is only known at
 * run time, and a new API host does not move bKash's payment page.
 */
export function bkashHosts(ctx: Pick<GatewayContext, 'mode' | 'baseUrl'>): string[] {
  const base = ctx.baseUrl?.trim();
  if (base) {
    let host: string | null;
    try {
      host = new URL(base).hostname;
    } catch {
      host = null; // settings validate baseUrl; a bad one simply adds no host
    }
    return [...new Set([...(host ? [host] : []), PAYMENT_PAGE_HOSTS[ctx.mode]])];
  }
  return [API_HOSTS[ctx.mode], PAYMENT_PAGE_HOSTS[ctx.mode]];
}

/** `<base>/tokenized/checkout/<path>` without doubled slashes. */
export function bkashUrl(ctx: Pick<GatewayContext, 'mode' | 'baseUrl'>, path: string): string {
  const base = ctx.baseUrl?.trim() || BKASH_BASE_URLS[ctx.mode];
  return `${base.replace(/\/+$/, '')}/tokenized/checkout/${path.replace(/^\/+/, '')}`;
}
