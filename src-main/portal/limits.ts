import express from 'express';
import { normalizeMac } from '../../src-shared/mac';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Lang } from './i18n';

/**
 * The portal door's limits (issue #13 "The doors"): every phone on the LAN can reach it, so a
 * body, a field and a rate are bounded before any handler runs. The values come from settings
 * (`portal` section); these are the defaults.
 */
export interface PortalLimits {
  maxBodyBytes: number;
  /** What a customer types (phone, code, PIN …); signed tokens and the router's URLs have LONG_FIELD_CHARS. */
  maxFieldChars: number;
  /** Form posts per phone (the MAC the router gave) per minute. */
  formPostsPerMacPerMinute: number;
  /** All requests per source address per minute: high, because a router's NAT puts many phones behind one. */
  requestsPerAddressPerMinute: number;
}

export const DEFAULT_PORTAL_LIMITS: PortalLimits = {
  maxBodyBytes: 16 * 1024,
  maxFieldChars: 200,
  formPostsPerMacPerMinute: 60,
  requestsPerAddressPerMinute: 600,
};

/**
 * Fields that legitimately run long: our signed tokens (they carry the router's values) and the
 * router's URLs (link-orig is whatever page the phone first asked for; routerValues caps each at
 * 1000 characters, URL-encoded forms can be three times that). Still bounded, well under the body limit.
 */
export const LONG_FIELDS: ReadonlySet<string> = new Set([
  't', 'a', 's', 'p', 'link-orig', 'link-orig-esc', 'link-login-only', 'link-login-only-esc', 'link-logout', 'link-logout-esc', 'dst', 'error', 'error-esc',
  // A payment gateway's return through the phone's browser posts its signature and the list of the
  // fields it signed (SSLCommerz: verify_key runs to several hundred characters).
  'verify_key', 'verify_sign', 'verify_sign_sha2', 'signature',
]);
export const LONG_FIELD_CHARS = 4096;

export type LimitRefusal =
  | { kind: 'too_large' }
  | { kind: 'field_too_long'; field: string; max: number }
  | { kind: 'too_many_posts'; retryAfterSeconds: number }
  | { kind: 'too_many_requests'; retryAfterSeconds: number };

export const LIMIT_STATUS: Record<LimitRefusal['kind'], number> = { too_large: 413, field_too_long: 400, too_many_posts: 429, too_many_requests: 429 };

/** What the customer reads, in the page's language (kept here so the limits stay one module). */
export function limitText(lang: Lang, r: LimitRefusal): string {
  const bn = lang === 'bn';
  switch (r.kind) {
    case 'too_large':
      return bn ? 'পাঠানো তথ্য অনেক বড়। পাতাটি আবার খুলে চেষ্টা করুন।' : 'What was sent is too large. Please open the page again and try once more.';
    case 'field_too_long':
      return bn ? `"${r.field}" ঘরের লেখা অনেক লম্বা (সর্বোচ্চ ${toBn(String(r.max))} অক্ষর)।` : `The field "${r.field}" is too long (at most ${r.max} characters).`;
    case 'too_many_posts':
    case 'too_many_requests': {
      const s = r.retryAfterSeconds;
      return bn
        ? `অনেক বেশি অনুরোধ এসেছে। ${toBn(String(s))} সেকেন্ড পরে আবার চেষ্টা করুন।`
        : `Too many requests. Please wait ${s} seconds and try again.`;
    }
  }
}

function toBn(s: string): string {
  return s.replace(/[0-9]/g, (d) => '০১২৩৪৫৬৭৮৯'[Number(d)]!);
}

/**
 * Fixed one-minute windows per key: one Map lookup per request (the portal's hot path after a power
 * cut). A burst across a window edge can reach twice the limit, which is fine for a flood guard.
 * Bounded: past `maxKeys` distinct keys in one window the map starts again (a spoofed-MAC flood
 * cannot grow memory).
 */
export interface WindowHit {
  count: number;
  retryAfterSeconds: number;
}

export interface WindowCounter {
  /** Counts one hit; returns the count in this window and the seconds until it ends. */
  hit(key: string, now: number): WindowHit;
}

export function createWindowCounter(windowMs: number, maxKeys = 50_000): WindowCounter {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return {
    hit(key, now) {
      if (now - windowStart >= windowMs || now < windowStart) {
        windowStart = now - (now % windowMs);
        counts = new Map();
      }
      if (counts.size >= maxKeys && !counts.has(key)) counts = new Map();
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return { count, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
    },
  };
}

/** The first field over its bound (names included), or null. Repeated parameters are checked one by one. */
export function tooLongField(params: unknown, maxFieldChars: number): { field: string; max: number } | null {
  if (typeof params !== 'object' || params === null) return null;
  for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
    const name = k.length > 40 ? `${k.slice(0, 40)}…` : k;
    if (k.length > maxFieldChars) return { field: name, max: maxFieldChars };
    const max = LONG_FIELDS.has(k) ? Math.max(LONG_FIELD_CHARS, maxFieldChars) : maxFieldChars;
    const values = Array.isArray(v) ? v : [v];
    for (const one of values) if (typeof one === 'string' && one.length > max) return { field: name, max };
  }
  return null;
}

/** The MAC a form post is about: the one inside its signed token, else the router's own `mac` field (login.html's post). */
export function postedMac(body: unknown, tokenMac: (t: unknown) => string | null): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const p = body as Record<string, unknown>;
  if (p.t !== undefined) return tokenMac(p.t);
  const raw = typeof p['mac-esc'] === 'string' ? p['mac-esc'] : p.mac;
  return normalizeMac(raw);
}

/**
 * The door's rate counters, shared by the express guards and the portal's fast path
 * (fastPath.ts), so a phone's requests count once whichever of them answers. A request the fast
 * path counted and then handed to express carries its hits in `counted`, and the guards use
 * those instead of counting it again.
 */
export interface DoorCounters {
  perAddress: WindowCounter;
  perMac: WindowCounter;
  counted: WeakMap<object, { address?: WindowHit; mac?: WindowHit }>;
}

export function createDoorCounters(): DoorCounters {
  return { perAddress: createWindowCounter(60_000), perMac: createWindowCounter(60_000), counted: new WeakMap() };
}

export interface PortalLimitsDeps {
  clock: Clock;
  log: Logger;
  limits: () => PortalLimits;
  /** The source address as the portal counts it (clientIp). */
  addressOf: (req: express.Request) => string;
  /** The MAC in a signed portal token, or null when it is not a good token. */
  tokenMac: (t: unknown) => string | null;
  /** Renders the refusal page (status from LIMIT_STATUS). */
  refuse: (req: express.Request, res: express.Response, r: LimitRefusal) => void;
  /** Shared with the fast path (default: the guards' own). */
  counters?: DoorCounters;
}

export const FORM_TYPE = 'application/x-www-form-urlencoded';
/** Parameters in one form body; more is refused as too large (the fast path keeps the same bound). */
export const MAX_FORM_PARAMS = 100;

/**
 * The door's guards, in order: requests per address, the body (size, then parsed once here so the
 * routes' own parsers find it done), field lengths in the query and the body, form posts per MAC.
 * Mount them before every route: app.use(...createPortalLimits(deps)).
 */
export function createPortalLimits(deps: PortalLimitsDeps): express.RequestHandler[] {
  const { perAddress, perMac, counted } = deps.counters ?? createDoorCounters();
  // One parser per body limit: settings change rarely, so this is built again only on a save.
  let parser: { max: number; parse: express.RequestHandler } | null = null;
  const formParser = (max: number) => {
    if (parser?.max !== max) parser = { max, parse: express.urlencoded({ extended: false, limit: max, parameterLimit: MAX_FORM_PARAMS, type: FORM_TYPE }) };
    return parser.parse;
  };

  const byAddress: express.RequestHandler = (req, res, next) => {
    const { requestsPerAddressPerMinute } = deps.limits();
    const h = counted.get(req)?.address ?? perAddress.hit(deps.addressOf(req), deps.clock.now());
    if (h.count <= requestsPerAddressPerMinute) return next();
    // Logged once per address and window, not per refused request (a flood would flood the log).
    if (h.count === requestsPerAddressPerMinute + 1) deps.log.warn({ portal: 'rate_limited', address: deps.addressOf(req) }, 'portal: too many requests from one address');
    res.setHeader('Retry-After', String(h.retryAfterSeconds));
    deps.refuse(req, res, { kind: 'too_many_requests', retryAfterSeconds: h.retryAfterSeconds });
  };

  const body: express.RequestHandler = (req, res, next) => {
    const { maxBodyBytes } = deps.limits();
    const declared = Number(req.get('content-length') ?? '0');
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      // The body is not read: close the connection rather than leave it for the next request.
      res.setHeader('Connection', 'close');
      return deps.refuse(req, res, { kind: 'too_large' });
    }
    // Other bodies (a hook's JSON) keep their own parser; the declared size above still bounds them.
    if (!req.is(FORM_TYPE)) return next();
    formParser(maxBodyBytes)(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { status?: number; type?: string };
      if (e.status === 413 || e.type === 'entity.too.large' || e.type === 'parameters.too.many') {
        res.setHeader('Connection', 'close');
        return deps.refuse(req, res, { kind: 'too_large' });
      }
      // A broken body (bad charset, aborted upload) is the client's problem: let the error page say so.
      next(err);
    });
  };

  const fields: express.RequestHandler = (req, res, next) => {
    const { maxFieldChars } = deps.limits();
    const bad = tooLongField(req.query, maxFieldChars) ?? tooLongField(req.body, maxFieldChars);
    if (!bad) return next();
    deps.refuse(req, res, { kind: 'field_too_long', ...bad });
  };

  const byMac: express.RequestHandler = (req, res, next) => {
    if (req.method !== 'POST') return next();
    const mac = postedMac(req.body, deps.tokenMac);
    // Without a MAC (the router said `---`), the address limit is the only one.
    if (!mac) return next();
    const { formPostsPerMacPerMinute } = deps.limits();
    const h = counted.get(req)?.mac ?? perMac.hit(mac, deps.clock.now());
    if (h.count <= formPostsPerMacPerMinute) return next();
    if (h.count === formPostsPerMacPerMinute + 1) deps.log.warn({ portal: 'rate_limited', mac }, 'portal: too many form posts from one phone');
    res.setHeader('Retry-After', String(h.retryAfterSeconds));
    deps.refuse(req, res, { kind: 'too_many_posts', retryAfterSeconds: h.retryAfterSeconds });
  };

  return [byAddress, body, fields, byMac];
}
