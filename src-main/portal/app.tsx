import express from 'express';
import type http from 'node:http';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Package } from '../../src-shared/domain';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { safeBranding, type PortalBranding, type SafeBranding } from './branding';
import { createPageCache } from './pageCache';
import { seeOther } from './seeOther';
import { describePackageForPortal, type PackageView } from './format';
import { messagesFor, type Lang, type Messages } from './i18n';
import { chooseLanguage, type LanguageChoice } from './language';
import { createLanguageMemory } from './languageMemory';
import type { Chrome } from './pages/Layout';
import { PortalPage } from './pages/PortalPage';
import { ProblemPage } from './pages/ProblemPage';
import { ShopPage } from './pages/ShopPage';
import { StatusPage } from './pages/StatusPage';
import { isRouterPageName, renderRouterPage } from './routerPages';
import { cleanRouterText, isRouterValues, parseRouterId, parseRouterValues, type Params, type RouterValues } from './routerValues';
import { signState, verifyState } from './stateToken';
import type { CustomerAuth } from './customerAuth/types';
import { clientIp, registerCustomerFlow, type CustomerFlow, type FlowKit } from './customerFlow';
import { SCRIPT_SRC } from './scripts';
import type { PortalShop } from './shopPort';
import { DEFAULT_CARD_LIMITS, type CardGuardStore, type CardLimits } from './cardGuard';
import type { PortalPayments } from './payPort';
import { createDoorCounters, createPortalLimits, DEFAULT_PORTAL_LIMITS, LIMIT_STATUS, limitText, type PortalLimits } from './limits';
import { createPortalFastPath } from './fastPath';
import { isAllowedLoginUrl } from './safeUrls';

export interface PortalDeps {
  log: Logger;
  clock: Clock;
  branding: () => PortalBranding;
  languages: () => LanguageChoice;
  /** Packages on sale at a router (null: the shop's own page, every active package). */
  packagesFor: (routerId: number | null) => Package[];
  routerById: (id: number) => { id: number; name: string; zoneId: number | null } | null;
  /** HMAC key for the state token (keep it per installation, 32 random bytes). */
  signingKey: Buffer;
  /** The portal's base URL as phones reach it; default: the request's own Host. */
  portalUrl?: () => string | null;
  /** How long a portal page stays usable (default 30 minutes). */
  tokenTtlMs?: number;
  /**
   * The customer's flow (number, OTP, PIN, card, login). Both or neither: without them the portal
   * only shows the router's packages (the pages' own tests run that way).
   */
  auth?: CustomerAuth;
  shop?: PortalShop;
  /** Wrong recharge-card codes (portal_card_failures); without it codes are not limited. */
  cardGuard?: CardGuardStore;
  /** Default: 5 wrong codes per customer and per MAC in 15 minutes. */
  cardLimits?: CardLimits;
  /** Online payments (bKash, Nagad, SSLCommerz, Send Money); needs `auth` and `shop` too. */
  payments?: PortalPayments;
  /** Machine-to-machine hooks served on the portal's door (the shop phone's SMS forwarder: gateways/smsIn). */
  hooks?: express.RequestHandler;
  /** "Free minutes to pay" logins (RADIUS's radius/freeMinutes.ts); without it no button. */
  freeMinutes?: FlowKit['freeMinutes'];
  /** Body, field and rate limits (settings' portal section); default DEFAULT_PORTAL_LIMITS. */
  limits?: () => PortalLimits;
  /**
   * The router's hotspot address and DNS name as read from the router (null or empty: unknown, and
   * then link-login-only must be a private-range IPv4 address; safeUrls.ts).
   */
  loginHostsFor?: (routerId: number) => readonly string[] | null;
}

export const DEFAULT_TOKEN_TTL_MS = 30 * 60_000;
const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/** The portal as the engine serves it: the express app, and the request listener to serve (fast path in front). */
export interface PortalDoor {
  app: express.Express;
  /** `POST /portal` and `GET /portal?t=` answered without express when they can be (fastPath.ts); all else goes to `app`. */
  listener: http.RequestListener;
  /** Requests the fast path answered itself (the rest went to `app`). */
  fastAnswers(): number;
}

/**
 * The captive portal: the pages routers fetch (`/router/*.html`), the shop's page (`/`), the
 * page login.html sends phones to (`/portal`), the status page and RFC 8908's `/api/captive`.
 * Returns the express app without listening (the engine serves it).
 */
export function createPortalApp(deps: PortalDeps): express.Express {
  return createPortalDoor(deps).app;
}

/**
 * The portal app plus its fast path: after a power cut every phone posts the router's values
 * and fetches its first page at once, and express's per-request machinery (router stack, body
 * parser, response helpers) was most of what those cost. The fast path answers exactly those
 * two requests with the same bytes, through the same checks and counters; anything else, and
 * every refusal, is express's.
 */
export function createPortalDoor(deps: PortalDeps): PortalDoor {
  const ttl = deps.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  const limits = deps.limits ?? (() => DEFAULT_PORTAL_LIMITS);
  const counters = createDoorCounters();
  const app = express();
  const languages = createLanguageMemory();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', 'simple');

  app.use((_req, res, next) => {
    // Pages are per phone and short-lived; the token in the URL must not leak to link-orig's site.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });

  // Before every route (the hooks included): a flood or an oversized body never reaches a handler.
  app.use(
    createPortalLimits({
      clock: deps.clock,
      log: deps.log,
      limits,
      counters,
      addressOf: clientIp,
      tokenMac: (t) => {
        const check = verifyState(deps.signingKey, t, deps.clock.now(), isRouterValues);
        return check.ok ? check.value.mac : null;
      },
      refuse: (req, res, r) => problem(req, res, LIMIT_STATUS[r.kind], (_m, lang) => limitText(lang, r)),
    }),
  );

  /** The portal as phones reach it: the configured URL, else this request's own Host. */
  function baseUrl(req: express.Request): string | null {
    const configured = deps.portalUrl?.();
    if (configured) return configured.replace(/\/+$/, '');
    const host = req.get('host');
    return host && HOST.test(host) ? `${req.protocol}://${host}` : null;
  }

  // The same branding object (the factory keeps one per settings save) gives the same safe one,
  // so pages rendered from it can be reused (pageCache.ts compares by identity).
  const safeOf = new WeakMap<PortalBranding, SafeBranding>();
  function safe(b: PortalBranding): SafeBranding {
    let out = safeOf.get(b);
    if (!out) safeOf.set(b, (out = safeBranding(b)));
    return out;
  }

  function chrome(req: express.Request, explicitLang: unknown, hrefFor: (lang: Lang) => string): Chrome {
    return chromeFor(req.get('accept-language'), explicitLang, hrefFor);
  }

  /** chrome() from the request's Accept-Language alone (the fast path has no express request). */
  function chromeFor(acceptLanguage: string | undefined, explicitLang: unknown, hrefFor: (lang: Lang) => string): Chrome {
    const choice = deps.languages();
    const lang = chooseLanguage(explicitLang, acceptLanguage, choice);
    const other: Lang = lang === 'en' ? 'bn' : 'en';
    const offered = choice.available.includes(other);
    return { lang, m: messagesFor(lang), branding: safe(deps.branding()), switchHref: offered ? hrefFor(other) : null };
  }

  const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; ${SCRIPT_SRC}; form-action 'self' http: https:; base-uri 'none'; frame-ancestors 'none'`;
  const render = (page: ReactElement) => `<!DOCTYPE html>${renderToStaticMarkup(page)}`;

  function sendHtml(res: express.Response, status: number, html: string): void {
    res.status(status).type('html').setHeader('Content-Security-Policy', CSP);
    res.send(html);
  }

  function send(res: express.Response, status: number, page: ReactElement): void {
    sendHtml(res, status, render(page));
  }

  const pages = createPageCache();
  /**
   * A page every phone of a router gets alike but for its token `t` (the first page): rendered
   * once per router, language and what it shows (branding, messages, this router's packages).
   */
  const firstPageKey = (kind: string, routerId: number, c: Chrome) => `${kind}:${routerId}:${c.lang}:${c.switchHref === null ? '-' : '+'}`;
  function sendFirstPage(res: express.Response, kind: string, routerId: number, c: Chrome, t: string, page: () => ReactElement): void {
    sendHtml(res, 200, pages.page(firstPageKey(kind, routerId, c), [c.branding, c.m, deps.packagesFor(routerId)], [t], () => render(page())));
  }
  /** The bytes sendFirstPage would send, when its template is already rendered (else null). */
  function firstPageBytes(kind: string, routerId: number, c: Chrome, t: string): Buffer | null {
    return pages.cachedBytes(firstPageKey(kind, routerId, c), [c.branding, c.m, deps.packagesFor(routerId)], [t]);
  }

  function problem(req: express.Request, res: express.Response, status: number, message: (m: Messages, lang: Lang) => string): void {
    // A posted form carries its language in the body (the query is empty then).
    const lang = stringParam(req.query.lang) ?? stringParam((req.body as Params | undefined)?.lang);
    const c = chrome(req, lang, (l) => `/?lang=${l}`);
    send(res, status, <ProblemPage chrome={c} message={message(c.m, c.lang)} homeHref={`/?lang=${c.lang}`} />);
  }

  /** link-login-only receives the customer's hotspot password: only the router's own address (safeUrls.ts). */
  const loginUrlAllowed = (v: RouterValues) => v.linkLoginOnly === null || isAllowedLoginUrl(v.linkLoginOnly, deps.loginHostsFor?.(v.routerId) ?? null);
  function loginUrlRefused(req: express.Request, res: express.Response, v: RouterValues): boolean {
    if (loginUrlAllowed(v)) return false;
    deps.log.warn({ portal: 'login_url_refused', routerId: v.routerId }, 'portal: refused a link-login-only that is not the router');
    problem(req, res, 400, (m) => m.badRouterValue('link-login-only'));
    return true;
  }

  // Described once per package list (the factory's list is the same array until a write) and language.
  const viewsOf = new WeakMap<Package[], Map<Lang, PackageView[]>>();
  function packageViews(routerId: number | null, c: Chrome): PackageView[] {
    const list = deps.packagesFor(routerId);
    let byLang = viewsOf.get(list);
    if (!byLang) viewsOf.set(list, (byLang = new Map()));
    let views = byLang.get(c.lang);
    if (!views) byLang.set(c.lang, (views = list.map((p) => describePackageForPortal(p, c.lang, c.m))));
    return views;
  }

  if (deps.hooks) app.use(deps.hooks);

  const flow: CustomerFlow | null =
    deps.auth && deps.shop
      ? registerCustomerFlow(app, {
          log: deps.log, clock: deps.clock, signingKey: deps.signingKey, ttlMs: ttl, auth: deps.auth, shop: deps.shop,
          timezone: () => deps.branding().timezone,
          chrome, chromeFor, send, problem, packageViews, sendFirstPage, firstPageBytes,
          routerKnown: (id) => deps.routerById(id) !== null,
          cardGuard: deps.cardGuard,
          cardLimits: deps.cardLimits ?? DEFAULT_CARD_LIMITS,
          languages,
          payments: deps.payments,
          baseUrl,
          configuredUrl: () => deps.portalUrl?.() ?? null,
          freeMinutes: deps.freeMinutes,
        })
      : null;

  // --- the router's pages (fetched by /tool/fetch into the hotspot html directory) ---
  app.get('/router/:page', (req, res) => {
    const page = String(req.params.page);
    if (!isRouterPageName(page)) return void res.status(404).type('text').send('No such router page.\n');
    const routerId = parseRouterId(req.query.router);
    if (routerId === null) return void res.status(400).type('text').send('router: give the router id, e.g. ?router=1\n');
    if (!deps.routerById(routerId)) return void res.status(404).type('text').send(`router: there is no router ${routerId}.\n`);
    const base = baseUrl(req);
    if (!base) return void res.status(400).type('text').send('host: the request has no usable Host header.\n');
    res.type('html').send(renderRouterPage(page, base, routerId));
  });

  // --- the shop's own page ---
  app.get('/', (req, res) => {
    // A login.html pointed at "/" instead of "/portal" still works.
    if (req.query['link-login-only'] !== undefined) return void entry(req, res, req.query);
    const routerId = parseRouterId(req.query.router);
    const known = routerId !== null && deps.routerById(routerId) ? routerId : null;
    const keep = new URLSearchParams();
    if (known !== null) keep.set('router', String(known));
    if (req.query.msg === 'logout') keep.set('msg', 'logout');
    const c = chrome(req, req.query.lang, (l) => `/?${withLang(keep, l)}`);
    const routerError = cleanRouterText(stringParam(req.query.error));
    send(res, 200, <ShopPage chrome={c} packages={packageViews(known, c)} loggedOut={req.query.msg === 'logout'} routerError={routerError} />);
  });

  // --- where login.html sends the phone ---
  app.post('/portal', express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 50 }), (req, res) => {
    entry(req, res, (req.body ?? {}) as Params);
  });
  app.get('/portal', (req, res) => {
    if (req.query.t === undefined) return void entry(req, res, req.query);
    if (flow) return flow.entry(req, res);
    const check = verifyState(deps.signingKey, req.query.t, deps.clock.now(), isRouterValues);
    if (!check.ok) return problem(req, res, check.reason === 'expired' ? 410 : 400, (m) => (check.reason === 'expired' ? m.tokenExpired : m.tokenInvalid));
    const v = check.value;
    if (!deps.routerById(v.routerId)) return problem(req, res, 404, (m) => m.unknownRouter);
    const t = String(req.query.t);
    const c = chrome(req, req.query.lang, (l) => `/portal?${withLang(new URLSearchParams({ t }), l)}`);
    const page = () => <PortalPage chrome={c} packages={packageViews(v.routerId, c)} routerError={v.error} />;
    if (v.error) return send(res, 200, page());
    sendFirstPage(res, 'portal', v.routerId, c, t, page);
  });

  /** The router's values arrive (POST form or GET fallback): check them, sign them, redirect. */
  function entry(req: express.Request, res: express.Response, params: Params): void {
    const parsed = parseRouterValues(params, true);
    if (!parsed.ok) {
      deps.log.info({ portal: 'bad_router_value', field: parsed.field }, 'portal: refused a router value');
      return problem(req, res, 400, (m) => m.badRouterValue(parsed.field));
    }
    const v: RouterValues = parsed.values;
    if (!deps.routerById(v.routerId)) return problem(req, res, 404, (m) => m.unknownRouter);
    if (loginUrlRefused(req, res, v)) return;
    // Post/redirect/get: a reload or the back button never re-posts, and the URL holds the state.
    seeOther(res, entryLocation(v, params));
  }

  function entryLocation(v: RouterValues, params: Params): string {
    const q = new URLSearchParams({ t: signState(deps.signingKey, v, deps.clock.now() + ttl) });
    const lang = stringParam(params.lang);
    if (lang) q.set('lang', lang);
    return `/portal?${q.toString()}`;
  }

  /** entry()'s redirect when it would give one; null for every refusal (express answers those, logging as it does). */
  function fastEntry(params: Params): string | null {
    const parsed = parseRouterValues(params, true);
    if (!parsed.ok || !deps.routerById(parsed.values.routerId) || !loginUrlAllowed(parsed.values)) return null;
    return entryLocation(parsed.values, params);
  }

  // --- after login (alogin.html, status.html) ---
  app.get('/status', (req, res) => {
    const parsed = parseRouterValues(req.query, false);
    if (!parsed.ok) return problem(req, res, 400, (m) => m.badRouterValue(parsed.field));
    const keep = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query)) if (k !== 'lang' && typeof v === 'string') keep.set(k, v);
    const v = parsed.values;
    if (loginUrlRefused(req, res, v)) return;
    // alogin.html comes from the router, which does not carry the language the phone chose.
    const explicit = stringParam(req.query.lang);
    const c = chrome(req, explicit || languages.recall(v.mac), (l) => `/status?${withLang(keep, l)}`);
    if (explicit) languages.remember(v.mac, c.lang);
    // The MAC is the router's word, so this page only shows; buying more still needs the card.
    const cust = flow && deps.routerById(v.routerId) ? flow.customerByMac(v.mac) : null;
    let buyHref: string | null = null;
    if (flow && cust && v.linkLoginOnly) {
      const tok = flow.authFor(v, cust.customerId);
      buyHref = `/portal/account?${new URLSearchParams({ t: tok.t, a: tok.a, lang: c.lang }).toString()}`;
    }
    send(res, 200, <StatusPage chrome={c} linkOrig={v.linkOrig} linkLogout={v.linkLogout} view={cust && flow ? flow.view(c, cust) : null} buyHref={buyHref} />);
  });

  // --- RFC 8908 captive-portal API ---
  app.get('/api/captive', (req, res) => {
    const base = baseUrl(req);
    const body: Record<string, unknown> = { captive: true };
    if (base) body['user-portal-url'] = `${base}/`;
    if (flow && deps.shop) {
      // The client: the router's MAC in a portal token, else the online session with this address.
      const token = verifyState(deps.signingKey, req.query.t, deps.clock.now(), isRouterValues);
      const cust = token.ok ? flow.customerByMac(token.value.mac) : (() => {
        const cid = deps.shop.onlineCustomerByIp(clientIp(req));
        return cid !== null ? deps.shop.customer(cid) : null;
      })();
      const a = cust?.active;
      if (cust && a) {
        const online = token.ok ? token.value.mac !== null && cust.onlineMacs.includes(token.value.mac) : true;
        body.captive = !online;
        if (a.secondsLeft !== null) body['seconds-remaining'] = a.secondsLeft;
        if (a.bytesLeft !== null) body['bytes-remaining'] = a.bytesLeft;
        body['can-extend-session'] = true;
      }
    }
    // end(), not send(): RFC 8908 names the media type exactly, without express's charset suffix.
    res.status(200).setHeader('Content-Type', 'application/captive+json');
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(JSON.stringify(body));
  });

  app.use((req, res) => problem(req, res, 404, (m) => m.notFound));

  // One bad request never escapes its handler (convention 5): plain page, no stack trace.
  app.use((err: Error & { status?: number; type?: string }, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    void _next;
    const status = err.status && err.status < 500 ? err.status : 500;
    if (status >= 500) deps.log.error({ err: err.message }, 'portal request failed');
    if (res.headersSent) return;
    try {
      // The customer's page in their language; never the error's own text, stack or paths.
      problem(req, res, status, (m, lang) => (status === 413 ? limitText(lang, { kind: 'too_large' }) : status < 500 ? m.tokenInvalid : lang === 'bn' ? 'কিছু একটা ভুল হয়েছে। একটু পরে আবার চেষ্টা করুন।' : 'Something went wrong. Please try again in a moment.'));
    } catch {
      // The page itself failed (a broken dependency): plain words are still better than nothing.
      if (!res.headersSent) res.status(status).type('text').send(status < 500 ? 'Bad request.\n' : 'Something went wrong. Please try again.\n');
    }
  });
  const fast = createPortalFastPath({
    clock: deps.clock,
    limits,
    counters,
    addressOf: clientIp,
    csp: CSP,
    entryLocation: fastEntry,
    // Without the customer's flow GET /portal?t= is the pages-only portal: express answers it.
    firstPage: flow ? flow.newPhonePage : null,
    fallback: app,
  });
  return { app, listener: fast.listener, fastAnswers: fast.answered };
}

function stringParam(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function withLang(q: URLSearchParams, lang: Lang): string {
  const out = new URLSearchParams(q);
  out.set('lang', lang);
  return out.toString();
}
