import type { ActiveSession } from '../../src-shared/api/routers';
import { normalizeMac } from '../../src-shared/mac';
import { AppError } from '../errors';
import { print, remove } from './rosValues';
import type { RosClient, RosRow } from './types';

/** Who is online on a router (/ip/hotspot/active) and removing a session (the kick). */

export const ACTIVE_MENU = '/ip/hotspot/active';

const num = (v: string | undefined): number | null => (v !== undefined && /^\d+$/.test(v) ? Number(v) : null);

function toSession(r: RosRow): ActiveSession {
  return {
    id: r['.id'] ?? '',
    user: r.user ?? null,
    address: r.address ?? null,
    macAddress: r['mac-address'] ?? null,
    uptime: r.uptime ?? null,
    sessionTimeLeft: r['session-time-left'] ?? null,
    idleTime: r['idle-time'] ?? null,
    bytesIn: num(r['bytes-in']),
    bytesOut: num(r['bytes-out']),
    loginBy: r['login-by'] ?? null,
    server: r.server ?? null,
  };
}

export async function activeSessions(client: RosClient): Promise<ActiveSession[]> {
  return (await print(client, ACTIVE_MENU)).map(toSession);
}

/** Removes one session by `.id`; false when it is already gone (logged out meanwhile). */
export async function kickById(client: RosClient, id: string): Promise<boolean> {
  try {
    await remove(client, ACTIVE_MENU, [id]);
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === 'ROUTER_TRAP' && /no such item/i.test(e.message)) return false;
    throw e;
  }
}

export interface SessionMatch {
  acctSessionId?: string;
  ip?: string;
  mac?: string;
  user?: string;
}

/**
 * Removes the active entries matching every given field; true when one was removed.
 * The router filters by the most specific field (address, then MAC, then user) so a busy
 * hotspot does not send its whole table; the rest is checked here.
 * Acct-Session-Id: [U] RouterOS shows no documented field for it on /ip/hotspot/active; we compare
 * it with `session-id` when the router prints one, and otherwise rely on the other fields.
 */
export async function kickMatching(client: RosClient, match: SessionMatch): Promise<boolean> {
  const mac = match.mac ? normalizeMac(match.mac) ?? match.mac.toUpperCase() : undefined;
  const query = match.ip ? [`?address=${match.ip}`] : mac ? [`?mac-address=${mac}`] : match.user ? [`?user=${match.user}`] : null;
  if (!query && !match.acctSessionId) return false;
  const rows = await print(client, ACTIVE_MENU, query ?? undefined);
  const hits = rows.filter(
    (r) =>
      (!match.ip || r.address === match.ip) &&
      (!mac || (r['mac-address'] ?? '').toUpperCase() === mac) &&
      (!match.user || r.user === match.user) &&
      (!match.acctSessionId || r['session-id'] === undefined || r['session-id'] === match.acctSessionId),
  );
  // With only an Acct-Session-Id we must see it on the entry: never kick on an unverified guess.
  const usable = query ? hits : hits.filter((r) => r['session-id'] === match.acctSessionId);
  let removed = false;
  for (const r of usable) if (r['.id'] && (await kickById(client, r['.id']))) removed = true;
  return removed;
}
