/**
 * Hosts a customer's phone must reach before it has paid, per payment gateway (reference §5).
 * They are all HTTPS, so they go to /ip/hotspot/walled-garden/ip (the HTTP walled garden cannot
 * see inside TLS). Live and sandbox hosts are both listed: the owner may test in sandbox first.
 *
 * Hosts marked [U] are where the gateway sends the browser according to public integrations,
 * not the vendor's own documentation: if a payment page stays blank behind the hotspot, add the
 * missing host as a custom walled-garden entry and report it so it can be added here.
 */

import { GATEWAYS, type GatewayId } from '../../src-shared/payments';

export type { GatewayId };

export const ALL_GATEWAYS: readonly GatewayId[] = GATEWAYS;

export const gatewayWalledGardenHosts: Record<GatewayId, readonly string[]> = {
  bkash: [
    'tokenized.pay.bka.sh', // Tokenized Checkout API, live
    'tokenized.sandbox.bka.sh', // sandbox
    'payment.bkash.com', // [U] bkashURL payment page, live
    'sandbox.payment.bkash.com', // [U] bkashURL payment page, sandbox
  ],
  nagad: [
    'api.mynagad.com', // live API and callBackUrl pages
    'sandbox.mynagad.com', // sandbox (http on port 10080; the IP-level entry allows every port)
  ],
  sslcommerz: [
    'securepay.sslcommerz.com', // live GatewayPageURL
    'sandbox.sslcommerz.com', // sandbox
  ],
};
