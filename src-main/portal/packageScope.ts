import type { Package } from '../../src-shared/domain';
import { isSoldAt, type RouterPlace } from '../billing/soldAt';

/** Billing's rule (billing/soldAt.ts), re-exported for the portal's callers. */
export { isSoldAt };
export type RouterScope = RouterPlace;

/**
 * The packages a phone may buy: active ones, sold at this router (or, with no router — the shop's
 * own page — every active package), cheapest first.
 */
export function packagesForRouter(all: readonly Package[], router: RouterScope | null): Package[] {
  return all
    .filter((p) => p.active && (router === null || isSoldAt(p, router)))
    .sort((a, b) => a.price - b.price || a.id - b.id);
}
