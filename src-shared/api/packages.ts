import { z } from 'zod';
import { command, query, id, paisa, name } from './def';
import { packageClocks, packageRepeats, type Package } from '../domain';

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
  /** When validity counts; default 'purchase'. 'onlineTime' and 'firstLogin' need validitySeconds. */
  clock: z.enum(packageClocks).optional(),
  /** 'onlineTime' only: overall limit in seconds from activation. */
  useWithinSeconds: z.number().int().positive().max(10 * 365 * 86400).nullable().optional(),
  /** Buying it again while it is active: 'queue' (default) or 'topUp'. */
  onRepeat: z.enum(packageRepeats).optional(),
};

/** Packages the shop sells: price, validity and/or data, speeds, devices, where sold. */
export const packagesApi = {
  'packages.list': query<Package[]>()(z.strictObject({ includeArchived: z.boolean().optional() })),
  'packages.create': command<Package>()(
    z.strictObject(packageFields).refine((p) => p.validitySeconds != null || p.dataLimitBytes != null, {
      message: 'give validitySeconds or dataLimitBytes (or both)',
      path: ['validitySeconds'],
    }),
  ),
  'packages.update': command<Package>()(
    z.strictObject({ id, ...Object.fromEntries(Object.entries(packageFields).map(([k, v]) => [k, v.optional()])) } as {
      id: typeof id;
    } & { [K in keyof typeof packageFields]: z.ZodOptional<(typeof packageFields)[K]> }),
  ),
  'packages.archive': command<Package>()(z.strictObject({ id })),
};
