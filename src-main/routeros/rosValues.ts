import type { RosClient, RosRow } from './types';

/**
 * Comparing what we want with what RouterOS prints. The router normalises on the way in:
 * `yes` prints as `true`, `1100ms` as `1s100ms`, `login-by` in its own order. Comparing raw
 * strings would make every configure look like a change; these helpers compare meaning.
 */

const BOOLEAN = new Set(['true', 'false', 'yes', 'no']);
const LIST_KEYS = new Set(['login-by', 'service']);

export function parseRosBool(v: string | undefined): boolean | null {
  if (v === 'true' || v === 'yes') return true;
  if (v === 'false' || v === 'no') return false;
  return null;
}

/** '1100ms' | '1s100ms' | '1.1s' | '00:00:01.100' | '5m' → ms; null when not a duration. */
export function parseRosDuration(v: string): number | null {
  const t = v.trim();
  if (t === '') return null;
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  const hms = t.match(/^(?:(\d+)d)?(\d+):(\d{2}):(\d{2})(?:\.(\d+))?$/);
  if (hms) {
    const frac = Number((hms[5] ?? '0').padEnd(3, '0').slice(0, 3));
    return (((Number(hms[1] ?? 0) * 24 + Number(hms[2])) * 60 + Number(hms[3])) * 60 + Number(hms[4])) * 1000 + frac;
  }
  const units: Record<string, number> = { w: 604800000, d: 86400000, h: 3600000, m: 60000, s: 1000, ms: 1, us: 0.001 };
  let total = 0;
  let rest = t;
  while (rest.length > 0) {
    const m = rest.match(/^(\d+(?:\.\d+)?)(ms|us|w|d|h|m|s)/);
    if (!m) return null;
    total += Number(m[1]) * units[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return Math.round(total);
}

export function sameRosValue(key: string, actual: string | undefined, wanted: string): boolean {
  if (actual === undefined) return false;
  if (actual === wanted) return true;
  if (BOOLEAN.has(wanted) && BOOLEAN.has(actual)) return parseRosBool(actual) === parseRosBool(wanted);
  if (LIST_KEYS.has(key)) {
    const a = new Set(actual.split(',').filter(Boolean));
    const w = new Set(wanted.split(',').filter(Boolean));
    return a.size === w.size && [...w].every((x) => a.has(x));
  }
  const da = parseRosDuration(actual);
  const dw = parseRosDuration(wanted);
  if (da !== null && dw !== null && /[a-z:]/.test(wanted + actual)) return da === dw;
  return false;
}

/** RouterOS "7.18.2 (stable)" → [7, 18, 2]. */
export function parseRosVersion(v: string | null | undefined): number[] {
  return (v?.match(/\d+(\.\d+)*/)?.[0] ?? '0').split('.').map(Number);
}

export function rosVersionAtLeast(v: string | null | undefined, min: string): boolean {
  const a = parseRosVersion(v);
  const b = parseRosVersion(min);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

// ---- menu helpers over the RosClient interface ------------------------------------------------

export function print(client: RosClient, menu: string, query?: string[], proplist?: string[]): Promise<RosRow[]> {
  return client.exec(`${menu}/print`, undefined, { query, proplist });
}

export async function printOne(client: RosClient, menu: string): Promise<RosRow> {
  return (await print(client, menu))[0] ?? {};
}

/** `/x/add`; resolves the new `.id`. */
export async function add(client: RosClient, menu: string, props: Record<string, string>): Promise<string> {
  const rows = await client.exec(`${menu}/add`, props);
  return rows.find((r) => r.ret !== undefined)?.ret ?? '';
}

/** `/x/set`; `id` null for menus with one item (`/radius/incoming`). */
export async function set(client: RosClient, menu: string, id: string | null, props: Record<string, string>): Promise<void> {
  await client.exec(`${menu}/set`, id === null ? props : { '.id': id, ...props });
}

export async function remove(client: RosClient, menu: string, ids: string[]): Promise<void> {
  if (ids.length > 0) await client.exec(`${menu}/remove`, { '.id': ids.join(',') });
}

/** True when the error says the menu does not exist on this RouterOS (older version, no package). */
export function isNoSuchMenu(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : '';
  return /no such command|unknown command|no such directory/i.test(msg);
}
