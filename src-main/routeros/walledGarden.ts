import type { CustomWalledGardenEntry, WalledGardenEntry, WalledGardenPushResult } from '../../src-shared/api/routers';
import { OWNER_TAG } from './configurePlan';
import { add, print, remove } from './rosValues';
import { noProgress, type OnProgress } from '../jobs';
import type { RosClient, RosRow } from './types';
import { gatewayWalledGardenHosts, type GatewayId } from './walledGardenDefaults';

/**
 * The walled garden: what a phone may reach before login. Defaults are the portal and every
 * enabled payment gateway; the owner adds custom hosts. HTTPS hosts (and the portal, whatever
 * its scheme) go to the IP-level list, plain-HTTP custom hosts to the HTTP-level list.
 * Entries we own carry `hotspotdesk:<label>` in their comment; a push adds what is missing,
 * removes our stale entries and never touches entries without our tag.
 */

export const WG_MENU = { ip: '/ip/hotspot/walled-garden/ip', http: '/ip/hotspot/walled-garden' } as const;

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export interface WalledGardenInputs {
  portalUrl: string | null;
  enabledGateways: readonly GatewayId[];
  /** The hosts an enabled gateway needs (its mode, its baseUrl). Default: every host it has. */
  gatewayHosts?: (gateway: GatewayId) => readonly string[];
  custom: readonly CustomWalledGardenEntry[];
}

export function desiredWalledGarden(input: WalledGardenInputs): WalledGardenEntry[] {
  const out: WalledGardenEntry[] = [];
  const seen = new Set<string>();
  const push = (e: WalledGardenEntry): void => {
    const key = `${e.menu}|${e.host}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(e);
  };
  if (input.portalUrl) {
    try {
      const u = new URL(input.portalUrl);
      // IP level for the portal: the phone reaches it on the portal's own port, which the HTTP
      // walled garden (port 80 interception) would not cover.
      push({ source: 'portal', label: 'portal', host: u.hostname, https: u.protocol === 'https:', menu: 'ip' });
    } catch {
      // an unparsable portal URL is reported by diagnose; nothing to allow
    }
  }
  for (const g of input.enabledGateways) {
    for (const host of input.gatewayHosts?.(g) ?? gatewayWalledGardenHosts[g]) push({ source: 'gateway', label: g, host, https: true, menu: 'ip' });
  }
  for (const c of input.custom) {
    push({ source: 'custom', label: `custom:${c.id}`, host: c.host, https: c.https, menu: c.https ? 'ip' : 'http', customId: c.id, comment: c.comment });
  }
  return out;
}

export function entryProps(e: WalledGardenEntry): Record<string, string> {
  const comment = `${OWNER_TAG}:${e.label}`;
  if (e.menu === 'http') return { 'dst-host': e.host, action: 'allow', comment };
  return IPV4.test(e.host) ? { 'dst-address': e.host, action: 'accept', comment } : { 'dst-host': e.host, action: 'accept', comment };
}

function rowHost(menu: 'ip' | 'http', r: RosRow): string {
  const h = menu === 'ip' ? r['dst-host'] || r['dst-address'] || '' : r['dst-host'] || '';
  return h.replace(/\/32$/, '').toLowerCase();
}

export function isOurs(r: RosRow): boolean {
  return (r.comment ?? '').startsWith(OWNER_TAG);
}

export interface RouterWalledGarden {
  ip: RosRow[];
  http: RosRow[];
}

export interface WalledGardenDiff {
  missing: WalledGardenEntry[];
  stale: { menu: 'ip' | 'http'; row: RosRow }[];
  unchanged: number;
  handMade: number;
}

export function diffWalledGarden(desired: readonly WalledGardenEntry[], current: RouterWalledGarden): WalledGardenDiff {
  const stale: WalledGardenDiff['stale'] = [];
  const present = new Set<string>();
  let handMade = 0;
  for (const menu of ['ip', 'http'] as const) {
    for (const r of current[menu]) {
      if (!isOurs(r)) {
        handMade++;
        continue;
      }
      const key = `${menu}|${rowHost(menu, r)}`;
      const wanted = desired.some((e) => `${e.menu}|${e.host}` === key);
      // A second copy of one of our entries is stale too.
      if (!wanted || present.has(key) || r.disabled === 'true') stale.push({ menu, row: r });
      else present.add(key);
    }
  }
  const missing = desired.filter((e) => !present.has(`${e.menu}|${e.host}`));
  return { missing, stale, unchanged: present.size, handMade };
}

export async function readWalledGarden(client: RosClient): Promise<RouterWalledGarden> {
  const [ip, http] = [await print(client, WG_MENU.ip), await print(client, WG_MENU.http)];
  return { ip, http };
}

export async function pushWalledGarden(
  client: RosClient,
  routerId: number,
  desired: readonly WalledGardenEntry[],
  onProgress: OnProgress = noProgress,
): Promise<WalledGardenPushResult> {
  onProgress({ done: 0, total: 0, step: 'Reading the walled garden' });
  const diff = diffWalledGarden(desired, await readWalledGarden(client));
  // One step per removal command (a menu's stale entries go in one) and per added entry.
  const removals = (['ip', 'http'] as const).filter((menu) => diff.stale.some((s) => s.menu === menu));
  const total = removals.length + diff.missing.length;
  let done = 0;
  // Remove first: a stale entry may be a disabled copy of one we are about to add.
  for (const menu of ['ip', 'http'] as const) {
    if (removals.includes(menu)) onProgress({ done: done++, total, step: `Removing old entries (${menu})` });
    await remove(client, WG_MENU[menu], diff.stale.filter((s) => s.menu === menu).map((s) => s.row['.id']!));
  }
  for (const e of diff.missing) {
    onProgress({ done: done++, total, step: `Adding ${e.host}` });
    await add(client, WG_MENU[e.menu], entryProps(e));
  }
  onProgress({ done: total, total, step: null });
  return {
    routerId,
    added: diff.missing,
    removed: diff.stale.map((s) => ({ menu: s.menu, host: rowHost(s.menu, s.row), comment: s.row.comment ?? '' })),
    handMadeKept: diff.handMade,
    unchanged: diff.unchanged,
  };
}
