import { z } from 'zod';
import { command, query, id, ipv4, port, name } from './def';
import type { Router } from '../domain';
import { jobId } from './jobs';

/**
 * Routers: the records (list, create, update, remove) and RouterOS sync — one-click router setup,
 * walled garden, live sessions, diagnostics. Every sync method takes the router as `{ id }`
 * (custom walled-garden entries: see below).
 */

export interface RouterTestResult {
  routerId: number;
  identity: string;
  version: string;
  board: string;
  hotspotServers: { name: string; interface: string; profile: string; disabled: boolean }[];
  apiUser: string;
  apiGroup: string | null;
  /** The API user's group has the `write` policy (configure, push and kick need it). */
  canWrite: boolean;
  /** The group has `sensitive`: RADIUS secrets can be read back and compared. */
  canReadSecrets: boolean;
}

export interface PlanChange {
  property: string;
  /** null: not set / entry missing. Secrets show as "(hidden)". */
  from: string | null;
  to: string;
}

export type PlanStepKey = 'radius' | 'radius-incoming' | 'hotspot-profile' | 'hotspot-server' | 'login-page';

export interface PlanStep {
  key: PlanStepKey;
  title: string;
  /** ok: already as wanted; change: configure will apply `changes`; blocked: cannot be applied (see note). */
  status: 'ok' | 'change' | 'blocked';
  changes: PlanChange[];
  note?: string;
}

export interface RouterPlan {
  routerId: number;
  /** The RADIUS server address the router is told to use. */
  serverAddress: string | null;
  /** True when settings.serverAddress is empty and the address was detected on this PC. */
  serverAddressDetected: boolean;
  notes: string[];
  steps: PlanStep[];
}

export interface ConfigureStep extends PlanStep {
  result: 'unchanged' | 'applied' | 'failed' | 'skipped';
  error?: string;
}

export interface ConfigureResult extends Omit<RouterPlan, 'steps'> {
  steps: ConfigureStep[];
  /** Number of steps that changed something on the router (0 on a second run). */
  changed: number;
  failed: number;
}

export type WalledGardenSource = 'portal' | 'gateway' | 'custom';

export interface WalledGardenEntry {
  source: WalledGardenSource;
  /** portal | bkash | nagad | sslcommerz | custom:<id>; written into the router entry's comment. */
  label: string;
  host: string;
  https: boolean;
  /** ip: /ip/hotspot/walled-garden/ip (any protocol, needed for HTTPS); http: /ip/hotspot/walled-garden. */
  menu: 'ip' | 'http';
  /** Custom entries: the id for routers.removeWalledGardenEntry, and the owner's note. */
  customId?: number;
  comment?: string | null;
}

export interface WalledGardenView {
  routerId: number;
  entries: WalledGardenEntry[];
  enabledGateways: string[];
}

export interface WalledGardenPushResult {
  routerId: number;
  added: WalledGardenEntry[];
  removed: { menu: 'ip' | 'http'; host: string; comment: string }[];
  /** Entries the owner made by hand on the router (not tagged by us): never touched. */
  handMadeKept: number;
  unchanged: number;
}

export interface CustomWalledGardenEntry {
  id: number;
  /** null: every router. */
  routerId: number | null;
  host: string;
  https: boolean;
  comment: string | null;
  createdAt: number;
}

export interface ActiveSession {
  /** RouterOS `.id` (e.g. `*1A`): pass to routers.kick. */
  id: string;
  user: string | null;
  address: string | null;
  macAddress: string | null;
  uptime: string | null;
  sessionTimeLeft: string | null;
  idleTime: string | null;
  bytesIn: number | null;
  bytesOut: number | null;
  loginBy: string | null;
  server: string | null;
}

export interface DiagnoseCheck {
  key: string;
  title: string;
  /** unknown: could not be checked (router unreachable, menu missing …); detail says why. */
  status: 'pass' | 'fail' | 'unknown';
  detail: string;
  /** What the owner should do when it fails. */
  fix?: string;
  /** The one-click fix HotspotDesk offers for a failed check, if it can fix it itself. */
  fixAction?: DiagnoseFixAction;
}

export type DiagnoseFixAction = 'configure' | 'pushWalledGarden';

export interface Diagnosis {
  routerId: number;
  ok: boolean;
  checks: DiagnoseCheck[];
}

/** A host name or address; a pasted URL is reduced to its host (its scheme sets `https`). */
const walledGardenHost = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(253)
  .transform((s, ctx) => {
    let host = s;
    let scheme: 'http' | 'https' | null = null;
    const m = s.match(/^(https?):\/\//i);
    if (m) {
      try {
        const u = new URL(s);
        host = u.hostname;
        scheme = m[1]!.toLowerCase() as 'http' | 'https';
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not a valid URL or host name' });
        return z.NEVER;
      }
    }
    host = host.toLowerCase().replace(/\.$/, '');
    if (!/^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(host)) {
      ctx.addIssue({ code: 'custom', message: 'must be a host name such as pay.example.com' });
      return z.NEVER;
    }
    return { host, scheme };
  });

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
// The RADIUS shared secret and the RouterOS API password: either one gives control of the router.
const routerSecrets = { secret: ['secret', 'apiPassword'] } as const;
const owner = { role: 'owner' } as const;

export const routersApi = {
  'routers.list': query<Router[]>()(z.strictObject({})),
  'routers.create': command<Router>()(z.strictObject(routerFields), routerSecrets),
  'routers.update': command<Router>()(
    z.strictObject({ id, ...Object.fromEntries(Object.entries(routerFields).map(([k, v]) => [k, v.optional()])) } as {
      id: typeof id;
    } & { [K in keyof typeof routerFields]: z.ZodOptional<(typeof routerFields)[K]> }),
    routerSecrets,
  ),
  'routers.remove': command<{ removed: true }>()(z.strictObject({ id })),
  /**
   * Trusts the api-ssl certificate the router shows now (apiCertPendingSha256) from here on;
   * until then every call to that router is refused with ROUTER_CERT_CHANGED. Owner only.
   */
  'routers.acceptCertificate': command<Router>()(z.strictObject({ id }), owner),

  // The router area is the owner's: even its reads sign in to the router (test, plan, diagnose)
  // or show its set-up; a cashier sees only the list and who is online.
  'routers.test': query<RouterTestResult>()(z.strictObject({ id }), owner),
  'routers.plan': query<RouterPlan>()(z.strictObject({ id }), owner),
  // jobId: the caller's name for this run, to watch it with jobs.progress (src-shared/api/jobs.ts).
  'routers.configure': command<ConfigureResult>()(z.strictObject({ id, jobId: jobId.optional() })),
  'routers.walledGarden': query<WalledGardenView>()(z.strictObject({ id }), owner),
  'routers.pushWalledGarden': command<WalledGardenPushResult>()(z.strictObject({ id, jobId: jobId.optional() })),
  'routers.addWalledGardenEntry': command<CustomWalledGardenEntry>()(
    z.strictObject({
      /** null or missing: every router. */
      routerId: id.nullable().optional(),
      host: walledGardenHost,
      /** Defaults to the pasted URL's scheme, else true (most callback hosts are HTTPS). */
      https: z.boolean().optional(),
      comment: z.string().trim().max(100).optional(),
    }),
  ),
  'routers.removeWalledGardenEntry': command<{ removed: true }>()(z.strictObject({ entryId: id })),
  'routers.activeSessions': query<ActiveSession[]>()(z.strictObject({ id })),
  'routers.kick': command<{ removed: boolean }>()(
    z.strictObject({ id, sessionId: z.string().regex(/^\*[0-9A-Fa-f]+$/, 'must be a RouterOS id such as *1A') }),
  ),
  'routers.diagnose': query<Diagnosis>()(z.strictObject({ id }), owner),
};
