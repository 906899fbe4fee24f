import type { Subscription } from '../../src-shared/domain';
import type { Billing } from '../billing';
import type { RadiusServer } from '../radius';

/**
 * What the portal asks of billing and RADIUS (convention 9: a narrow port, like
 * radius/billingPort.ts). Billing owns customers, devices, subscriptions and cards; RADIUS owns
 * sessions. The portal only reads, and buys through billing's one purchase path.
 */
export interface PortalCustomer {
  customerId: number;
  /** E.164 */
  phone: string;
  disabled: boolean;
  active: Subscription | null;
  queued: Subscription[];
  /** Why the last package ended, when it ran out (expired, data used up); null otherwise. */
  lastEnded: 'expired' | 'exhausted' | null;
  /** MACs of this customer's devices online now. */
  onlineMacs: string[];
}

/** Billing's card refusals as the portal words them. VOUCHER_UNKNOWN is the planned rename of VOUCHER_INVALID. */
export type CardRefusal = 'used' | 'unknown' | 'disabled' | 'expired' | 'customer_disabled' | 'failed';

export type CardResult = { ok: true; subscription: Subscription } | { ok: false; reason: CardRefusal };

export interface PortalShop {
  /** The customer a device MAC is bound to (its first accepted login), or null. */
  deviceOwner(mac: string): number | null;
  customer(customerId: number): PortalCustomer | null;
  /** The router login the browser posts to link-login-only (never logged, never in a URL). */
  hotspotLogin(customerId: number): { username: string; password: string };
  redeemCard(code: string, phone: string): CardResult;
  /** The customer online with this client address (RFC 8908 without a token), or null. */
  onlineCustomerByIp(ip: string): number | null;
}

export function cardRefusalOf(code: string): CardRefusal {
  switch (code) {
    case 'VOUCHER_USED':
      return 'used';
    case 'VOUCHER_INVALID':
    case 'VOUCHER_UNKNOWN':
      return 'unknown';
    case 'VOUCHER_DISABLED':
      return 'disabled';
    case 'VOUCHER_EXPIRED':
      return 'expired';
    case 'CUSTOMER_DISABLED':
      return 'customer_disabled';
    default:
      return 'failed';
  }
}

export function createPortalShop(deps: { billing: Billing; radius: Pick<RadiusServer, 'listSessions'> }): PortalShop {
  const { billing, radius } = deps;
  return {
    deviceOwner: (mac) => billing.customerIdByMac(mac),

    customer(customerId) {
      let c;
      try {
        c = billing.customers.get(customerId); // settles first: ended packages end, queued ones start
      } catch {
        return null;
      }
      const online = radius.listSessions({ customerId, status: 'online', limit: 50 }).items;
      return {
        customerId,
        phone: c.phone,
        disabled: c.status !== 'active',
        active: c.subscriptions.find((s) => s.status === 'active') ?? null,
        queued: c.subscriptions.filter((s) => s.status === 'queued').sort((a, b) => a.id - b.id),
        lastEnded: billing.lastEndedReason(customerId),
        onlineMacs: online.map((s) => s.mac).filter((m): m is string => m !== null),
      };
    },

    hotspotLogin(customerId) {
      const c = billing.customers.get(customerId);
      return { username: c.hotspotUsername, password: c.hotspotPassword };
    },

    redeemCard(code, phone) {
      try {
        return { ok: true, subscription: billing.redeemVoucher(code, phone) };
      } catch (e) {
        const errCode = (e as { code?: unknown }).code;
        return { ok: false, reason: cardRefusalOf(typeof errCode === 'string' ? errCode : '') };
      }
    },

    onlineCustomerByIp(ip) {
      const hit = radius.listSessions({ status: 'online', search: ip, limit: 20 }).items.find((s) => s.ip === ip);
      return hit?.customerId ?? null;
    },
  };
}
