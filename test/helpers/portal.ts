import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Package } from '../../src-shared/domain';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import { createPortalApp, packagesForRouter, type PortalBranding, type PortalDeps } from '../../src-main/portal';

/** A package as billing lists it, for portal tests that do not need a database. */
export function pkg(over: Partial<Package> & { id: number; name: string }): Package {
  return {
    customerType: 'hotspot', price: 3000, validitySeconds: 86_400, dataLimitBytes: null, downloadBps: 5_000_000, uploadBps: 2_000_000,
    devices: 1, routerIds: [], zoneIds: [], clock: 'purchase', useWithinSeconds: null, onRepeat: 'queue', active: true, rateLimit: '2M/5M',
    createdAt: 0, updatedAt: 0, ...over,
  };
}

export const BRANDING: PortalBranding = {
  shopName: 'Rahim WiFi Zone', supportPhone: '01712-345678', notice: 'Open 9am to 11pm.', colour: '#1565c0', logo: null, timezone: 'Asia/Dhaka',
};

export interface PortalRig {
  url: string;
  clock: ReturnType<typeof manualClock>;
  deps: PortalDeps;
  close(): Promise<void>;
}

/**
 * A portal app on 127.0.0.1:0 with in-memory deps (routers 1 and 2, router 2 in zone 7).
 * `packages` may be changed by the test (the deps read it on every request).
 */
export async function startPortal(opts: { packages?: Package[]; branding?: Partial<PortalBranding>; languages?: PortalDeps['languages']; deps?: Partial<PortalDeps> } = {}): Promise<PortalRig> {
  const clock = manualClock(Date.UTC(2026, 5, 1, 6, 0, 0));
  const routers = new Map([[1, { id: 1, name: 'Shop front', zoneId: null }], [2, { id: 2, name: 'Roof', zoneId: 7 }]]);
  const packages = opts.packages ?? [];
  const deps: PortalDeps = {
    log: silentLogger(),
    clock,
    branding: () => ({ ...BRANDING, ...opts.branding }),
    languages: opts.languages ?? (() => ({ available: ['en', 'bn'], default: 'en' })),
    packagesFor: (id) => packagesForRouter(packages, id === null ? null : (routers.get(id) ?? null)),
    routerById: (id) => routers.get(id) ?? null,
    signingKey: crypto.randomBytes(32),
    ...opts.deps,
  };
  const server = http.createServer(createPortalApp(deps));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, clock, deps,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
