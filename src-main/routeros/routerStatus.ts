import type { AppError } from '../errors';
import type { RouterStore } from '../routers';
import { isAnsweredError } from './rosErrors';

/**
 * The router's status for the UI: reachable, when we last talked to it successfully, the last
 * error (owner-facing message, never a secret), version and identity.
 */
export function recordContact(routers: RouterStore, routerId: number, info: { version?: string; identity?: string } = {}): void {
  routers.setStatus(routerId, { reachable: true, error: null, version: info.version, identity: info.identity, synced: true });
}

export function recordFailure(routers: RouterStore, routerId: number, err: AppError): void {
  // A !trap means the router answered: it is reachable, the command failed.
  routers.setStatus(routerId, { reachable: isAnsweredError(err), error: err.message });
}
