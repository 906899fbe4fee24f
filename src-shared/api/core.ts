import { z } from 'zod';
import { def, id, paisa, phone, mac, ipv4, port, name, pageInput } from './def';
import type {
  Package, Customer, CustomerSummary, Device, Sale, Voucher, VoucherBatch, Payment, Router, Zone,
  DashboardSummary, Page, Subscription,
} from '../domain';

const bps = z.number().int().nonnegative().max(100_000_000_000);
const packageFields = {
  name,
  price: paisa,
  validitySeconds: z.number().int().positive().max(10 * 365 * 86400).nullable().optional(),
  dataLimitBytes: z.number().int().positive().max(2 ** 50).nullable().optional(),
  downloadBps: bps,
  uploadBps: bps,
  devices: z.number().int().min(1).max(100).optional(),
  routerIds: z.array(id).optional(),
  zoneIds: z.array(id).optional(),
};

const routerFields = {
  name,
  nasIp: ipv4,
  secret: z.string().min(6, 'must be at least 6 characters').max(128),
  host: z.string().trim().min(1).max(253).nullable().optional(),
  apiPort: port.nullable().optional(),
  apiTls: z.boolean().optional(),
  apiUser: z.string().max(100).nullable().optional(),
  apiPassword: z.string().max(200).nullable().optional(),
  coaPort: port.optional(),
  zoneId: id.nullable().optional(),
  hotspotInterface: z.string().max(100).nullable().optional(),
  requireMessageAuthenticator: z.boolean().optional(),
};

export const coreApi = {
  'packages.list': def<Package[]>()(z.strictObject({ includeArchived: z.boolean().optional() })),
  'packages.create': def<Package>()(
    z.strictObject(packageFields).refine((p) => p.validitySeconds != null || p.dataLimitBytes != null, {
      message: 'give validitySeconds or dataLimitBytes (or both)',
      path: ['validitySeconds'],
    }),
  ),
  'packages.update': def<Package>()(
    z.strictObject({ id, ...Object.fromEntries(Object.entries(packageFields).map(([k, v]) => [k, v.optional()])) } as {
      id: typeof id;
    } & { [K in keyof typeof packageFields]: z.ZodOptional<(typeof packageFields)[K]> }),
  ),
  'packages.archive': def<Package>()(z.strictObject({ id })),

  'customers.list': def<Page<CustomerSummary>>()(
    z.strictObject({ search: z.string().max(50).optional(), status: z.enum(['active', 'disabled']).optional(), ...pageInput }),
  ),
  'customers.get': def<Customer>()(z.union([z.strictObject({ id }), z.strictObject({ phone })])),
  'customers.create': def<Customer>()(
    z.strictObject({ phone, name: z.string().trim().max(100).optional(), pin: z.string().regex(/^\d{4,6}$/, 'must be 4 to 6 digits').optional() }),
  ),
  'customers.update': def<Customer>()(
    z.strictObject({
      id,
      name: z.string().trim().max(100).nullable().optional(),
      status: z.enum(['active', 'disabled']).optional(),
      pin: z.string().regex(/^\d{4,6}$/, 'must be 4 to 6 digits').optional(),
      resetHotspotPassword: z.boolean().optional(),
    }),
  ),
  'customers.sellPackage': def<Sale>()(
    z.strictObject({
      phone,
      packageId: id,
      method: z.literal('cash'),
      note: z.string().max(200).optional(),
      /** One per sale form: a double click or retry returns the first sale instead of selling twice. */
      idempotencyKey: z.string().min(8).max(64).optional(),
    }),
  ),
  'customers.addDevice': def<Device>()(z.strictObject({ customerId: id, mac, label: z.string().max(50).optional() })),
  'customers.removeDevice': def<{ removed: true }>()(z.union([z.strictObject({ customerId: id, mac }), z.strictObject({ id })])),
  'customers.cancelSubscription': def<Subscription>()(z.strictObject({ subscriptionId: id })),

  'vouchers.generate': def<{ batchId: number; codes: string[] }>()(
    z.strictObject({
      packageId: id,
      count: z.number().int().min(1).max(5000),
      prefix: z.string().regex(/^[A-Z0-9]{0,6}$/, 'must be up to 6 capital letters or digits').optional(),
    }),
  ),
  'vouchers.list': def<{ batches: VoucherBatch[]; vouchers: Voucher[] }>()(
    z.strictObject({ batchId: id.optional(), status: z.enum(['new', 'used', 'disabled']).optional(), ...pageInput }),
  ),
  'vouchers.disableBatch': def<VoucherBatch>()(z.strictObject({ batchId: id })),
  'vouchers.redeem': def<Subscription>()(z.strictObject({ code: z.string().min(1).max(40), phone })),

  'payments.list': def<Page<Payment>>()(
    z.strictObject({
      method: z.enum(['cash', 'voucher', 'bkash', 'nagad', 'sslcommerz']).optional(),
      status: z.enum(['pending', 'completed', 'failed']).optional(),
      customerId: id.optional(),
      from: z.number().int().optional(),
      to: z.number().int().optional(),
      ...pageInput,
    }),
  ),

  'routers.list': def<Router[]>()(z.strictObject({})),
  'routers.create': def<Router>()(z.strictObject(routerFields)),
  'routers.update': def<Router>()(
    z.strictObject({ id, ...Object.fromEntries(Object.entries(routerFields).map(([k, v]) => [k, v.optional()])) } as {
      id: typeof id;
    } & { [K in keyof typeof routerFields]: z.ZodOptional<(typeof routerFields)[K]> }),
  ),
  'routers.remove': def<{ removed: true }>()(z.strictObject({ id })),

  'zones.list': def<Zone[]>()(z.strictObject({})),
  'zones.create': def<Zone>()(z.strictObject({ name, ssid: z.string().min(1).max(32).nullable().optional() })),

  'dashboard.summary': def<DashboardSummary>()(z.strictObject({})),
};
