import http from 'node:http';
import type { Clock } from '../clock';
import { FORM_TYPE, MAX_FORM_PARAMS, postedMac, tooLongField, type DoorCounters, type PortalLimits, type WindowHit } from './limits';
import type { Params } from './routerValues';

/**
 * The portal's fast path (issue #9 benchmark, #13 power-cut storm): a plain `http` listener in
 * front of the express app that answers the two requests every phone makes after a power cut —
 * `POST /portal` with the router's values (303 to the signed token) and `GET /portal?t=` (a new
 * phone's first page) — with precomputed headers and one write, and hands everything else to
 * express untouched.
 *
 * It answers only when it is sure the express path would give the same answer: the same door
 * guards in the same order (per-address count, body size, field lengths, per-MAC count: the very
 * counters, shared through DoorCounters), the same checks (parseRouterValues, safeUrls through
 * `entryLocation`), the same page bytes (the page cache). Every refusal (429, 413, 400, 404 …),
 * every unusual request (other content types, chunked bodies, repeated or bracketed fields,
 * conditional GETs, HEAD) goes to express, with the hits already counted attached so nothing is
 * counted twice; a body already read is replayed to express as a fresh request stream.
 * test/integration/portalFastPath.test.ts holds the two paths to identical bytes.
 */
export interface FastPathDeps {
  clock: Clock;
  limits: () => PortalLimits;
  counters: DoorCounters;
  /** The source address as the door counts it (clientIp). */
  addressOf: (req: http.IncomingMessage) => string;
  /** The page's Content-Security-Policy, as express sends it. */
  csp: string;
  /** POST /portal's Location for these router values, or null when express must answer (any refusal). */
  entryLocation: (params: Params) => string | null;
  /** GET /portal?t=: a new phone's first page, or null when express must answer. Null: never fast. */
  firstPage: ((q: { t: string; lang: string | undefined }, acceptLanguage: string | undefined) => Buffer | null) | null;
  /** The express app: everything the fast path does not answer. */
  fallback: http.RequestListener;
}

// The headers express's first middleware sets on every portal answer (app.tsx), in its order.
const SECURITY_HEADERS = ['Cache-Control', 'no-store', 'X-Content-Type-Options', 'nosniff', 'Referrer-Policy', 'no-referrer'] as const;
const HTML_TYPE = 'text/html; charset=utf-8';

/** A field name the qs parser express uses reads exactly as written (no brackets, dots or escapes). */
const PLAIN_KEY = /^[a-z][a-z0-9-]*$/;
/** Printable ASCII without spaces: a body a browser form-encoded (anything else: express parses it). */
const PLAIN_BODY = /^[\x21-\x7e]+$/;
/** qs reads brackets (also written %5B/%5D) as nesting, even in a value ("a=x]=y"): leave those to qs. */
const BRACKETS = /[[\]]|%5[bd]/i;
/** Token and language values that need no decoding (base64url, '.', letters). */
const PLAIN_VALUE = /^[A-Za-z0-9._-]*$/;

/**
 * A form body as express's urlencoded parser (qs, depth 0) would give it, when the body is plain
 * enough that the two readings cannot differ: distinct plain names, every part `name=value`,
 * values percent-decoded as qs does ('+' is a space). Null otherwise (express parses it).
 */
export function parsePlainForm(body: string): Params | null {
  if (!PLAIN_BODY.test(body) || BRACKETS.test(body)) return null;
  const parts = body.split('&');
  if (parts.length > MAX_FORM_PARAMS) return null;
  const out: Params = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const k = part.slice(0, eq);
    if (!PLAIN_KEY.test(k) || Object.hasOwn(out, k)) return null;
    let v = part.slice(eq + 1);
    if (v.includes('%') || v.includes('+')) {
      try {
        v = decodeURIComponent(v.replace(/\+/g, ' '));
      } catch {
        // qs keeps a broken escape as it is; rather than copy that rule, let express read it.
        return null;
      }
    }
    out[k] = v;
  }
  return out;
}

/** `t` and an optional `lang`, each once, needing no decoding; null for any other query. */
export function parseTokenQuery(query: string): { t: string; lang: string | undefined } | null {
  let t: string | undefined;
  let lang: string | undefined;
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const k = part.slice(0, eq);
    const v = part.slice(eq + 1);
    if (!PLAIN_VALUE.test(v)) return null;
    if (k === 't' && t === undefined) t = v;
    else if (k === 'lang' && lang === undefined) lang = v;
    else return null;
  }
  return t === undefined ? null : { t, lang };
}

/**
 * The posted request again, as a fresh stream express can read (the fast path consumed the
 * original's body). `complete` so body-parser sees it finished once read, as it sees a real one.
 */
function replay(req: http.IncomingMessage, body: Buffer): http.IncomingMessage {
  const r = new http.IncomingMessage(req.socket);
  r.method = req.method;
  r.url = req.url;
  r.headers = req.headers;
  r.rawHeaders = req.rawHeaders;
  r.httpVersion = req.httpVersion;
  r.httpVersionMajor = req.httpVersionMajor;
  r.httpVersionMinor = req.httpVersionMinor;
  r.complete = true;
  r.push(body);
  r.push(null);
  return r;
}

const noop = () => {};

export interface FastPath {
  listener: http.RequestListener;
  /** Requests answered here rather than by express (the tests check the fast path is really taken). */
  answered(): number;
}

export function createPortalFastPath(deps: FastPathDeps): FastPath {
  const { counters } = deps;
  let answered = 0;
  type Hits = { address?: WindowHit; mac?: WindowHit };

  /** To express, with what was counted so its guards do not count it again. */
  function hand(req: http.IncomingMessage, res: http.ServerResponse, hits: Hits): void {
    counters.counted.set(req, hits);
    deps.fallback(req, res);
  }

  function post(req: http.IncomingMessage, res: http.ServerResponse): void {
    const h = req.headers;
    const declared = h['content-length'];
    // Only what a browser's form post looks like; the rest (charset parameters, chunked or
    // compressed bodies, a query string) keeps express's own reading.
    if (h['content-type'] !== FORM_TYPE || declared === undefined || !/^\d{1,9}$/.test(declared) || h['transfer-encoding'] !== undefined || h['content-encoding'] !== undefined) {
      return deps.fallback(req, res);
    }
    const lim = deps.limits();
    const hits: Hits = { address: counters.perAddress.hit(deps.addressOf(req), deps.clock.now()) };
    if (hits.address!.count > lim.requestsPerAddressPerMinute || Number(declared) > lim.maxBodyBytes) return hand(req, res, hits);
    const chunks: Buffer[] = [];
    let size = 0;
    // An aborted upload has nobody to answer; without a listener its 'error' would be thrown.
    req.on('error', noop);
    req.on('data', (c: Buffer) => {
      chunks.push(c);
      size += c.length;
    });
    req.on('end', () => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      try {
        const params = parsePlainForm(body.toString('latin1'));
        // A token in the form makes the MAC the token's (limits.ts postedMac): express's case.
        if (!params || params.t !== undefined || tooLongField(params, lim.maxFieldChars)) return hand(replay(req, body), res, hits);
        const mac = postedMac(params, () => null);
        if (mac) {
          hits.mac = counters.perMac.hit(mac, deps.clock.now());
          if (hits.mac.count > lim.formPostsPerMacPerMinute) return hand(replay(req, body), res, hits);
        }
        const location = deps.entryLocation(params);
        if (location === null) return hand(replay(req, body), res, hits);
        res.writeHead(303, [...SECURITY_HEADERS, 'Location', location, 'Content-Length', '0']);
        res.end();
        answered++;
      } catch {
        // Express answers it (its error page), without counting the request again.
        if (!res.headersSent) hand(replay(req, body), res, hits);
      }
    });
  }

  function get(req: http.IncomingMessage, res: http.ServerResponse, firstPage: NonNullable<FastPathDeps['firstPage']>, query: string): void {
    const h = req.headers;
    // A body on a GET, or a conditional GET (express may answer 304): express's case.
    const plain = h['content-length'] === undefined && h['transfer-encoding'] === undefined && h['if-none-match'] === undefined && h['if-modified-since'] === undefined;
    const q = plain ? parseTokenQuery(query) : null;
    if (!q) return deps.fallback(req, res);
    const lim = deps.limits();
    const hits: Hits = { address: counters.perAddress.hit(deps.addressOf(req), deps.clock.now()) };
    try {
      if (hits.address!.count > lim.requestsPerAddressPerMinute || tooLongField(q, lim.maxFieldChars)) return hand(req, res, hits);
      const page = firstPage(q, h['accept-language']);
      if (!page) return hand(req, res, hits);
      res.writeHead(200, [...SECURITY_HEADERS, 'Content-Type', HTML_TYPE, 'Content-Security-Policy', deps.csp, 'Content-Length', String(page.length)]);
      res.end(page);
      answered++;
    } catch {
      if (!res.headersSent) hand(req, res, hits);
    }
  }

  const listener: http.RequestListener = (req, res) => {
    const url = req.url ?? '';
    if (req.method === 'POST' && url === '/portal') return post(req, res);
    if (req.method === 'GET' && deps.firstPage && url.startsWith('/portal?')) return get(req, res, deps.firstPage, url.slice('/portal?'.length));
    deps.fallback(req, res);
  };
  return { listener, answered: () => answered };
}
