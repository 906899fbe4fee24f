/**
 * Hosts a customer's phone must reach before it has paid, per payment gateway and mode
 * (reference §5). They are all HTTPS, so they go to /ip/hotspot/walled-garden/ip (the HTTP walled
 * garden cannot see inside TLS). Only enabled gateways are listed, and only the hosts of the mode
 * the owner chose: a sandbox host in a live shop is a hole with no use (issue 10).
 *
 * Hosts marked [U] are where the gateway sends the browser according to public integrations,
 * not the vendor's own documentation: if a payment page stays blank behind the hotspot, add the
 * missing host as a custom walled-garden entry and report it so it can be added here.
 */

import { GATEWAYS, type GatewayId } from '../../src-shared/payments';

export type { GatewayId };
export type GatewayMode = 'sandbox' | 'live';

export const ALL_GATEWAYS: readonly GatewayId[] = GATEWAYS;

export const gatewayHostsByMode: Record<GatewayId, Record<GatewayMode, readonly string[]>> = {
  bkash: {
    live: [
      'tokenized.pay.bka.sh', // Tokenized Checkout API
      'payment.bkash.com', // [U] bkashURL payment page
    ],
    sandbox: ['tokenized.sandbox.bka.sh', 'sandbox.payment.bkash.com' /* [U] */],
  },
  nagad: {
    live: ['api.mynagad.com'], // live API and callBackUrl pages
    sandbox: ['sandbox.mynagad.com'], // http on port 10080; the IP-level entry allows every port
  },
  sslcommerz: {
    live: ['securepay.sslcommerz.com'], // GatewayPageURL
    sandbox: ['sandbox.sslcommerz.com'],
  },
};

/** Every host of both modes: what a router is given when the engine says nothing about modes. */
const bothModes = (g: GatewayId): readonly string[] => [...gatewayHostsByMode[g].live, ...gatewayHostsByMode[g].sandbox];
export const gatewayWalledGardenHosts: Record<GatewayId, readonly string[]> = {
  bkash: bothModes('bkash'),
  nagad: bothModes('nagad'),
  sslcommerz: bothModes('sslcommerz'),
};

/**
 * A gateway's hosts for its mode, plus the host of its baseUrl override when one is set (the
 * gateway moved its API, or a test fake). The default for a module's `hosts()`.
 */
export function defaultGatewayHosts(gateway: GatewayId, ctx: { mode: GatewayMode; baseUrl: string | null }): string[] {
  const hosts = [...gatewayHostsByMode[gateway][ctx.mode]];
  const base = baseUrlHost(ctx.baseUrl);
  if (base && !hosts.includes(base)) hosts.push(base);
  return hosts;
}

export function baseUrlHost(baseUrl: string | null): string | null {
  if (!baseUrl) return null;
  try {
    return new URL(baseUrl).hostname || null;
  } catch {
    return null;
  }
}
