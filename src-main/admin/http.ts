import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { contract, isMethod, type ApiReply } from '../../src-shared/api';
import { errorMessages } from '../errors';
import { bearerMatches } from './token';
import { anonymousCaller, isLoopback, tokenCaller, type Caller, type SessionCookie } from './auth/caller';
import type { SessionUser } from './auth/accounts';

/** The browser session's cookie; scoped to the API, the only path that reads it. */
export const SESSION_COOKIE = 'hsd_session';
const COOKIE_ATTRS = 'Path=/api; HttpOnly; SameSite=Strict';

export interface AdminHttpDeps {
  call(method: string, input: unknown, caller: Caller): Promise<ApiReply<unknown>>;
  token: string;
  /** The signed-in user of a session cookie's token, or null. */
  session(token: string): SessionUser | null;
  /** Built renderer (index.html + assets) to serve at `/`, if present. */
  rendererDir?: string;
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** A request sent by a page of another site (or another port): refused when it rides on a cookie. */
function crossSite(req: express.Request): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

const FOREIGN_ORIGIN_MESSAGE = 'The admin API answers only its own pages: a request from another site cannot change anything.';

/**
 * From this PC: a loopback source address, and a loopback name in Host, so that a web page whose
 * domain was re-pointed at 127.0.0.1 (DNS rebinding) does not count as local for auth.setup.
 */
function isLocalRequest(req: express.Request): boolean {
  if (!isLoopback(req.socket.remoteAddress)) return false;
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return host === 'localhost' || isLoopback(host);
}

/**
 * Sent on every admin response (API replies, the UI's files, errors). The CSP is the one the
 * built UI declares in its own <meta> (src-renderer/index.html: local scripts only, inline styles
 * for React's style props, data: images for the logo preview and favicon) plus what a <meta>
 * cannot say: frame-ancestors 'none', so no other page can frame the admin UI (clickjacking).
 * X-Frame-Options says the same to browsers that predate frame-ancestors.
 */
export const ADMIN_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
export const ADMIN_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': ADMIN_CSP,
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/** Does this method change anything (declared with command() in the contract)? Unknown names: no (the dispatcher refuses them). */
function isCommand(method: string): boolean {
  return isMethod(method) && contract[method].kind === 'command';
}

const STATUS: Record<string, number> = { internal: 500, unknown_method: 404, unauthorized: 401, forbidden: 403, AUTH_LOCKED: 429 };

/**
 * The headless bridge: `POST /api/<method>` with a JSON body, answering the same
 * `{ ok, value | error }` as the IPC bridge. Also serves the built admin UI. Returns the express
 * app without listening (server.ts listens).
 *
 * Who is calling, decided here and checked by the dispatcher against each method's role:
 * - `Authorization: Bearer <admin-token>`: scripts (and `#token=` links), acting as the owner.
 *   A wrong token is refused outright, as before.
 * - the `hsd_session` cookie set by auth.setup / auth.login: a signed-in staff member. A cookie,
 *   not a bearer token the page keeps, because HttpOnly puts it out of reach of any script in
 *   the page (an injected script cannot carry it away), and SameSite=Strict plus the Origin check
 *   below keep other sites' pages from making the browser send it.
 * - neither: only the public methods (auth.status, auth.setup, auth.login).
 */
export function createAdminHttpApp({ call, token, session, rendererDir }: AdminHttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    for (const [name, value] of Object.entries(ADMIN_SECURITY_HEADERS)) res.setHeader(name, value);
    next();
  });

  app.use('/api', (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    if (req.headers.authorization !== undefined && !bearerMatches(req.headers.authorization, token)) {
      res.status(401).json({ ok: false, error: { code: 'unauthorized', message: errorMessages.unauthorized } });
      return;
    }
    // Browsers on other sites must not drive the admin API with the owner's cookie.
    if (req.headers.authorization === undefined && crossSite(req)) {
      res.status(403).json({ ok: false, error: { code: 'forbidden', message: 'The admin API answers only its own pages.' } });
      return;
    }
    next();
  });
  app.use('/api', express.json({ limit: '1mb' }));

  app.post('/api/:method', async (req, res) => {
    const method = String(req.params.method);
    // A command from another site's page is refused even with the token: a token a page got hold
    // of (a pasted #token= link, a leaked script) must not let that page change anything. Scripts
    // send no Origin and are unaffected; the admin UI's own pages send their own origin. Checked
    // on the decoded name the dispatcher runs, so `routers%2Ecreate` is caught too.
    if (crossSite(req) && isCommand(method)) {
      res.status(403).json({ ok: false, error: { code: 'forbidden', message: FOREIGN_ORIGIN_MESSAGE } });
      return;
    }
    const local = isLocalRequest(req);
    const cookie: SessionCookie = {
      set: (t) => res.append('Set-Cookie', `${SESSION_COOKIE}=${t}; ${COOKIE_ATTRS}`),
      clear: () => res.append('Set-Cookie', `${SESSION_COOKIE}=; ${COOKIE_ATTRS}; Max-Age=0`),
    };
    let caller: Caller;
    const sessionToken = cookieValue(req.headers.cookie, SESSION_COOKIE);
    const user = sessionToken ? session(sessionToken) : null;
    if (req.headers.authorization !== undefined) caller = { ...tokenCaller(local), cookie };
    else if (user && sessionToken) {
      caller = { role: user.role, actor: user.name, via: 'session', userId: user.userId, sessionToken, local, cookie };
    } else {
      // An ended or unknown session: drop the stale cookie so the browser stops sending it.
      if (sessionToken) cookie.clear();
      caller = anonymousCaller(local, cookie);
    }
    const reply = await call(method, req.body, caller);
    res.status(reply.ok ? 200 : (STATUS[reply.error.code] ?? 400)).json(reply);
  });
  app.all('/api/{*rest}', (_req, res) => {
    res.status(405).json({ ok: false, error: { code: 'invalid_input', message: 'method: use POST /api/<method>' } });
  });

  if (rendererDir && fs.existsSync(path.join(rendererDir, 'index.html'))) {
    app.use(express.static(rendererDir, { index: 'index.html', maxAge: '1h' }));
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('HotspotDesk admin API is running. Build the UI with `npm run build` to use it in a browser.\n');
    });
  }

  // Our own 404, so it carries the security headers (express's default one sets its own CSP).
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found.\n');
  });

  // Malformed JSON and other request errors become invalid_input, never a stack trace.
  app.use((err: Error & { type?: string; status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    void _next;
    const bad = err.type === 'entity.parse.failed' || (err.status ?? 500) < 500;
    res.status(bad ? 400 : 500).json({
      ok: false,
      error: bad
        ? { code: 'invalid_input', message: `input: the body must be JSON (${err.message})`, field: 'input' }
        : { code: 'internal', message: errorMessages.internal },
    });
  });
  return app;
}
