import type { ConfigureStep } from '../../src-shared/api/routers';
import { AppError, isAppError } from '../errors';
import { chooseHotspot, htmlDirectory, planConfiguration, publicStep, type DesiredInputs, type PlannedStep, type RosAction, type RouterSnapshot } from './configurePlan';
import { add, print, printOne, set } from './rosValues';
import type { RosClient } from './types';
import { noProgress, type OnProgress } from '../jobs';
import { ROUTER_PAGES } from '../portal/routerPages';

/** Reads the router into a snapshot, plans against it, applies the plan step by step. */

/** The page the portal serves for routers to fetch (the portal issue serves this path). */
export const ROUTER_LOGIN_PAGE_PATH = '/router/login.html';
/**
 * Every page the portal serves for routers (`/router/<name>`), login.html first: each ends one path
 * of the hotspot (login, failed login, after login, status, logout, error) on the portal. The list
 * is the portal's own (a pure constant, so RouterOS needs nothing else of the portal).
 */
export const ROUTER_PAGE_NAMES: readonly string[] = ROUTER_PAGES;

const FETCH_TIMEOUT_MS = 30_000;

export async function readSnapshot(client: RosClient, hotspotInterface: string | null): Promise<RouterSnapshot> {
  const resource = await printOne(client, '/system/resource');
  const snapshot: RouterSnapshot = {
    version: resource.version ?? '',
    radius: await print(client, '/radius'),
    incoming: await printOne(client, '/radius/incoming'),
    hotspots: await print(client, '/ip/hotspot'),
    profiles: await print(client, '/ip/hotspot/profile'),
    addresses: await print(client, '/ip/address'),
    interfaces: await print(client, '/interface', undefined, ['name', 'type', 'disabled']),
    files: [],
  };
  // Only the files we fetch, one query each: /file can list hundreds of entries.
  const choice = chooseHotspot(snapshot, hotspotInterface);
  if (!choice.problem) {
    for (const name of ROUTER_PAGE_NAMES) snapshot.files.push(...(await print(client, '/file', [`?name=${htmlDirectory(choice.profile)}/${name}`])));
  }
  return snapshot;
}

/** A router page as the router will get it, to compare with what is on the router. */
export async function fetchExpectedLoginPage(url: string): Promise<string | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return null;
    return Buffer.from(await res.arrayBuffer()).toString('latin1');
  } catch {
    return null;
  }
}

async function applyAction(client: RosClient, a: RosAction): Promise<void> {
  if (a.kind === 'add') await add(client, a.menu, a.props);
  else if (a.kind === 'set') await set(client, a.menu, a.id, a.props);
  else {
    // /tool/fetch is synchronous on the router: it answers when the download has finished.
    await client.exec('/tool/fetch', { url: a.url, 'dst-path': a.dstPath }, { timeoutMs: FETCH_TIMEOUT_MS });
  }
}

/**
 * Applies each changed step. A failing step does not stop the others (the owner sees every
 * result), except that a connection-level failure ends the run: nothing else would get through.
 */
export async function applyPlan(client: RosClient, steps: PlannedStep[], onProgress: OnProgress = noProgress): Promise<ConfigureStep[]> {
  const out: ConfigureStep[] = [];
  let fatal: AppError | null = null;
  for (const s of steps) {
    onProgress({ done: out.length, total: steps.length, step: s.title });
    const base = publicStep(s);
    if (s.status === 'ok') {
      out.push({ ...base, result: 'unchanged' });
      continue;
    }
    if (s.status === 'blocked' || fatal) {
      out.push({ ...base, result: 'skipped', ...(fatal ? { error: fatal.message } : {}) });
      continue;
    }
    try {
      for (const a of s.actions) await applyAction(client, a);
      out.push({ ...base, result: 'applied' });
    } catch (e) {
      const err = isAppError(e) ? e : new AppError('internal', (e as Error).message);
      if (err.code !== 'ROUTER_TRAP') fatal = err;
      const message = s.key === 'login-page' && err.code === 'ROUTER_TRAP' ? `The router could not fetch the login page from the portal: ${err.message}` : err.message;
      out.push({ ...base, result: 'failed', error: message });
    }
  }
  onProgress({ done: out.length, total: steps.length, step: null });
  return out;
}

export type { DesiredInputs };
export { planConfiguration };
