import type { Package } from '../../src-shared/domain';

export interface RouterScope {
  id: number;
  zoneId: number | null;
}

/**
 * Whether a package is sold at a router: a package with no routers and no zones is sold
 * everywhere; otherwise the router must be listed, or be in a listed zone. (The same rule RADIUS
 * applies when it authorises; this is the portal's view for listing.)
 */
export function isSoldAt(pkg: Pick<Package, 'routerIds' | 'zoneIds'>, router: RouterScope): boolean {
  if (pkg.routerIds.length === 0 && pkg.zoneIds.length === 0) return true;
  return pkg.routerIds.includes(router.id) || (router.zoneId !== null && pkg.zoneIds.includes(router.zoneId));
}

/**
 * The packages a phone may buy: active ones, sold at this router (or, with no router — the shop's
 * own page — every active package), cheapest first.
 */
export function packagesForRouter(all: readonly Package[], router: RouterScope | null): Package[] {
  return all
    .filter((p) => p.active && (router === null || isSoldAt(p, router)))
    .sort((a, b) => a.price - b.price || a.id - b.id);
}
