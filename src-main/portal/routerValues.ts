import net from 'node:net';
import { normalizeMac } from '../../src-shared/mac';
import { decodeRouterOctal } from './chap';

/**
 * The values a MikroTik hotspot hands the portal through our login.html (reference §2.2, §2.4).
 * They come from the phone's browser, so the portal never trusts them for billing or access
 * (RADIUS decides); it uses them to pick this router's packages and to send the login back.
 */
export interface RouterValues {
  routerId: number;
  /** `AA:BB:CC:DD:EE:FF`, or null when the router did not know it (`---`). */
  mac: string | null;
  ip: string | null;
  /** Where the login is posted (`http://10.5.50.1/login`); null on pages after login. */
  linkLoginOnly: string | null;
  linkOrig: string | null;
  linkLogout: string | null;
  /** Octal-escaped as RouterOS writes them; decode with decodeRouterOctal before hashing. */
  chapId: string | null;
  chapChallenge: string | null;
  error: string | null;
}

export type Params = Record<string, unknown>;
export type ParseResult = { ok: true; values: RouterValues } | { ok: false; field: string };

const MAX_URL = 1000;
const MAX_ERROR = 200;

/**
 * A router variable as our pages send it: `<name>-esc` carries RouterOS's URL-encoded form (safe
 * inside HTML attributes whatever the value holds) and is decoded once more here; the plain
 * `<name>` is the value itself. Repeated parameters count as absent.
 */
function field(p: Params, name: string): string | undefined {
  const esc = p[`${name}-esc`];
  if (typeof esc === 'string') {
    try {
      return decodeURIComponent(esc.replace(/\+/g, ' '));
    } catch {
      return esc;
    }
  }
  const plain = p[name];
  return typeof plain === 'string' ? plain : undefined;
}

function httpUrl(s: string | undefined): string | null | 'bad' {
  if (s === undefined || s.trim() === '') return null;
  if (s.length > MAX_URL) return 'bad';
  try {
    const u = new URL(s.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : 'bad';
  } catch {
    return 'bad';
  }
}

export function parseRouterId(v: unknown): number | null {
  return typeof v === 'string' && /^[1-9]\d{0,8}$/.test(v) ? Number(v) : null;
}

/**
 * Validates what can be validated: the router id, the MAC (normalised), the IPv4 address,
 * http(s) links, chap values that decode. `needLogin`: the page must be able to log in later,
 * so link-login-only is required. A bad value names its field (the page tells the customer to
 * reconnect); an unusable link-orig is only dropped, since it merely says where to go afterwards.
 */
export function parseRouterValues(p: Params, needLogin: boolean): ParseResult {
  const routerId = parseRouterId(p.router);
  if (routerId === null) return { ok: false, field: 'router' };

  const macRaw = field(p, 'mac')?.trim();
  let mac: string | null = null;
  if (macRaw && macRaw !== '---') {
    mac = normalizeMac(macRaw);
    if (!mac) return { ok: false, field: 'mac' };
  }

  const ipRaw = field(p, 'ip')?.trim();
  const ip = ipRaw ? (net.isIPv4(ipRaw) ? ipRaw : undefined) : null;
  if (ip === undefined) return { ok: false, field: 'ip' };

  const linkLoginOnly = httpUrl(field(p, 'link-login-only'));
  if (linkLoginOnly === 'bad' || (needLogin && linkLoginOnly === null)) return { ok: false, field: 'link-login-only' };
  const linkLogout = httpUrl(field(p, 'link-logout'));
  if (linkLogout === 'bad') return { ok: false, field: 'link-logout' };
  const orig = httpUrl(field(p, 'link-orig'));

  const chapId = field(p, 'chap-id') || null;
  const chapChallenge = field(p, 'chap-challenge') || null;
  if (chapId !== null && decodeRouterOctal(chapId)?.length !== 1) return { ok: false, field: 'chap-id' };
  if (chapChallenge !== null && !decodeRouterOctal(chapChallenge)?.length) return { ok: false, field: 'chap-challenge' };
  // CHAP needs both halves; one without the other is a broken page, not PAP.
  if ((chapId === null) !== (chapChallenge === null)) return { ok: false, field: chapId === null ? 'chap-id' : 'chap-challenge' };

  const error = cleanRouterText(field(p, 'error'));

  return {
    ok: true,
    values: { routerId, mac, ip, linkLoginOnly, linkOrig: orig === 'bad' ? null : orig, linkLogout, chapId, chapChallenge, error },
  };
}

/**
 * The router's error text is shown to the customer: plain text, one line, bounded, and without
 * bidi controls (a crafted link could otherwise make the text read differently from what it says).
 */
export function cleanRouterText(s: string | undefined): string | null {
  // eslint-disable-next-line no-control-regex
  const plain = (s ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  return plain.trim().slice(0, MAX_ERROR) || null;
}

const KEYS: Array<keyof RouterValues> = ['routerId', 'mac', 'ip', 'linkLoginOnly', 'linkOrig', 'linkLogout', 'chapId', 'chapChallenge', 'error'];

/** Shape check for values read back from a signed token (defence in depth: the HMAC already held). */
export function isRouterValues(v: unknown): v is RouterValues {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  if (typeof o.routerId !== 'number' || !Number.isInteger(o.routerId)) return false;
  return KEYS.every((k) => k === 'routerId' || o[k] === null || typeof o[k] === 'string');
}
