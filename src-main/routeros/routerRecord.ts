import { AppError } from '../errors';
import type { RouterStore } from '../routers';
import type { Router, Zone } from '../../src-shared/domain';
import type { RouterTarget } from './types';

/**
 * RouterOS sync reads routers through the one router store (src-main/routers), which owns the
 * table, the secret decryption and the status columns.
 */
export type RouterRecord = Router;

export function listRouters(routers: RouterStore, zoneId?: number): RouterRecord[] {
  const all = routers.list();
  return zoneId === undefined ? all : all.filter((r) => r.zoneId === zoneId);
}

/** How to reach the router's API; ROUTER_NOT_CONFIGURED when the owner has not filled it in. */
export function routerTarget(routers: RouterStore, id: number): RouterTarget {
  const r = routers.get(id);
  if (!r.host || !r.apiUser) throw new AppError('ROUTER_NOT_CONFIGURED', undefined, { router: r.name });
  return {
    routerId: r.id,
    label: r.name,
    host: r.host,
    port: r.apiPort ?? (r.apiTls ? 8729 : 8728),
    tls: r.apiTls,
    user: r.apiUser,
    password: routers.credentials(id).apiPassword ?? '',
    // Trust on first use: the store pins the first certificate and refuses any other (issue #13).
    checkCertificate: (fingerprint) => routers.certificateSeen(id, fingerprint),
  };
}

export function zoneOf(routers: RouterStore, zoneId: number): Zone | null {
  return routers.zones.list().find((z) => z.id === zoneId) ?? null;
}
