/**
 * "Is this package sold on this router?" — the one rule (DESIGN.md convention 9), used by the
 * portal to list a router's packages and by RADIUS to refuse a login on a router the package is
 * not sold at. A package (or a subscription's snapshot of it) with no routers and no zones is
 * sold everywhere; otherwise the router must be listed, or be in a listed zone. Pure.
 */
export interface SaleScope {
  routerIds: readonly number[];
  zoneIds: readonly number[];
}

export interface RouterPlace {
  id: number;
  zoneId: number | null;
}

export function isSoldAt(scope: SaleScope, router: RouterPlace): boolean {
  if (scope.routerIds.length === 0 && scope.zoneIds.length === 0) return true;
  return scope.routerIds.includes(router.id) || (router.zoneId !== null && scope.zoneIds.includes(router.zoneId));
}
