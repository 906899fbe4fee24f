import { z } from 'zod';
import { command, query, id, phone, mac, pageInput } from './def';
import type { Customer, CustomerSummary, Device, Page, Sale, Subscription } from '../domain';

const pin = z.string().regex(/^\d{4,6}$/, 'must be 4 to 6 digits');

/** Customers, their devices and subscriptions, and selling a package at the counter. */
export const customersApi = {
  'customers.list': query<Page<CustomerSummary>>()(
    z.strictObject({ search: z.string().max(50).optional(), status: z.enum(['active', 'disabled']).optional(), ...pageInput }),
  ),
  'customers.get': query<Customer>()(z.union([z.strictObject({ id }), z.strictObject({ phone })])),
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
  'customers.cancelSubscription': command<Subscription>()(z.strictObject({ subscriptionId: id })),
};
