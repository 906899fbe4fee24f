import { z } from 'zod';
import { command, query, id, phone, mac } from './def';
import { listPageInput, searchText, sortInput } from './listQuery';
import type { Customer, CustomerSummary, Device, Page, Sale, Subscription } from '../domain';

/** How the customer last logged in, as the routers' RADIUS requests showed it. */
export interface CustomerLastLogin {
  /** When that session started (epoch ms). */
  at: number;
  routerId: number;
  /** null when the router has since been deleted. */
  routerName: string | null;
  /** mac: the router recognised the device by its MAC; password: number + hotspot password (portal, card, by hand). */
  by: 'mac' | 'password';
}

/** customers.get: the customer with their last login (null when they have never been online). */
export interface CustomerWithLastLogin extends Customer {
  lastLogin: CustomerLastLogin | null;
}

/**
 * Why an owner's PIN reset did not text the customer (the portal's OTP refusals; see
 * src-main/portal/customerAuth/types.ts), or `sent`.
 */
export const pinResetStatuses = [
  'sent', 'limit_number_hour', 'limit_number_day', 'limit_mac', 'limit_ip', 'resend_too_soon', 'sms_failed', 'wrong_purpose', 'disabled',
] as const;
export type PinResetStatus = (typeof pinResetStatuses)[number];

export interface PinResetResult {
  sent: boolean;
  status: PinResetStatus;
  /** The number the code went to, local form (017…). */
  localPhone: string;
  /** When a refused reset can be tried again (epoch ms), where waiting helps. */
  retryAt?: number;
  /** Why it was not sent, in words the owner can act on. */
  error?: string;
}

/** customers.list's sort keys; the default is createdAt, newest first. */
export const customerSortKeys = ['createdAt', 'name', 'phone', 'activeUntil'] as const;
export type CustomerSortKey = (typeof customerSortKeys)[number];

const pin = z.string().regex(/^\d{4,6}$/, 'must be 4 to 6 digits');

/** Customers, their devices and subscriptions, and selling a package at the counter. */
export const customersApi = {
  'customers.list': query<Page<CustomerSummary>>()(
    z.strictObject({
      /** A name or phone-number prefix (017…, +88017…, 88017… all match the same customers). */
      search: searchText,
      status: z.enum(['active', 'disabled']).optional(),
      sort: sortInput(customerSortKeys),
      ...listPageInput,
    }),
  ),
  'customers.get': query<CustomerWithLastLogin>()(z.union([z.strictObject({ id }), z.strictObject({ phone })])),
  'customers.create': command<Customer>()(
    z.strictObject({ phone, name: z.string().trim().max(100).optional(), pin: pin.optional() }),
    // A cashier registers customers at the counter; editing or disabling one is the owner's.
    { secret: ['pin'], role: 'cashier' },
  ),
  'customers.update': command<Customer>()(
    z.strictObject({
      id,
      name: z.string().trim().max(100).nullable().optional(),
      status: z.enum(['active', 'disabled']).optional(),
      pin: pin.optional(),
      resetHotspotPassword: z.boolean().optional(),
    }),
    { secret: ['pin'] },
  ),
  'customers.sellPackage': command<Sale>()(
    z.strictObject({
      phone,
      packageId: id,
      method: z.literal('cash'),
      note: z.string().max(200).optional(),
      /** One per sale form: a double click or retry returns the first sale instead of selling twice. */
      idempotencyKey: z.string().min(8).max(64).optional(),
    }),
    { role: 'cashier' },
  ),
  'customers.addDevice': command<Device>()(z.strictObject({ customerId: id, mac, label: z.string().max(50).optional() }), { role: 'cashier' }),
  'customers.removeDevice': command<{ removed: true }>()(z.union([z.strictObject({ customerId: id, mac }), z.strictObject({ id })])),
  /** Texts the customer a code with which they set a new PIN on the portal (the old PIN keeps working until then). */
  'customers.resetPin': command<PinResetResult>()(z.strictObject({ id })),
  'customers.cancelSubscription': command<Subscription>()(z.strictObject({ subscriptionId: id })),
};
