import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NasSession, VirtualNas } from './nas';

/**
 * The HTTP front of a MikroTik hotspot, in software, for tests and the demo. Like a router it:
 * - fetches its html directory from the portal as /tool/fetch does (plain GET of
 *   `<portal>/router/<page>?router=<id>`), once at start (refetch() to pick up changes);
 * - redirects an unauthenticated client to `/login?dst=<original URL>` and serves login.html
 *   with RouterOS's variables filled in (reference §2.2): `$(name)`, `$(name-esc)` URL-encoded,
 *   `$(if name)…$(elif name)…$(else)…$(endif)`, chap-id / chap-challenge as `\ooo` octal strings,
 *   a fresh challenge each time the page is served (`chapChallenge: 'per-page'`, the default), or
 *   one challenge per host kept until a login uses it (`'per-host'`): which one RouterOS does is
 *   not documented, so both are offered and the portal must work with either;
 * - accepts logins at link-login-only (`/login`, GET or POST, `username` + `password`): a 32-hex
 *   password with a challenge issued is HTTP-CHAP (forwarded as CHAP-Password + CHAP-Challenge),
 *   anything else HTTP-PAP when `loginBy` allows it; RADIUS decides through the virtual NAS;
 * - keeps the client online (Accounting Start) until it logs out or a Disconnect-Request arrives:
 *   the NAS drops its session on an obeyed Disconnect, and "online" is read from the NAS;
 * - with `mac` in `loginBy`, tries MAC authentication (mac-as-username-and-password) once when a
 *   client first shows up (again after it left): accepted, the client is online without any page.
 *
 * A phone is told apart by the `X-Virtual-Phone: <MAC>` header (browsers in a test all come from
 * 127.0.0.1); without it, `defaultMac`. Each MAC gets an address from 10.5.50.0/24 as DHCP would.
 */
export interface VirtualHotspotOptions {
  portalUrl: string;
  routerId: number;
  /** Needed for logins; without it the front only redirects and serves pages. */
  nas?: VirtualNas;
  loginBy?: Array<'http-chap' | 'http-pap' | 'mac'>;
  identity?: string;
  defaultMac?: string;
  /** When the router makes a new CHAP challenge: each time it serves the login page, or once per host until used. */
  chapChallenge?: 'per-page' | 'per-host';
}

export const PHONE_HEADER = 'x-virtual-phone';

interface Client {
  mac: string;
  ip: string;
  chap: { ident: number; challenge: Buffer } | null;
  session: NasSession | null;
  username: string | null;
  /** MAC authentication was tried since the client appeared (RouterOS tries once per host). */
  macTried: boolean;
}

export interface LoginAttempt {
  mac: string;
  username: string;
  method: 'chap' | 'pap' | 'mac';
  accepted: boolean;
  error: string | null;
}

export const PAGE_NAMES = ['login.html', 'flogin.html', 'alogin.html', 'status.html', 'logout.html', 'error.html'] as const;

export class VirtualHotspot {
  readonly opts: Required<Omit<VirtualHotspotOptions, 'nas'>> & { nas?: VirtualNas };
  readonly pages = new Map<string, string>();
  readonly logins: LoginAttempt[] = [];
  private clients = new Map<string, Client>();
  private server: http.Server | null = null;
  private nextHost = 10;

  constructor(opts: VirtualHotspotOptions) {
    this.opts = { loginBy: ['http-chap', 'http-pap'], identity: 'MikroTik', defaultMac: '02:00:00:00:00:01', chapChallenge: 'per-page', ...opts };
  }

  async start(): Promise<void> {
    await this.refetch();
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`virtual hotspot error: ${(err as Error).message}\n`);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** The router's own address as phones see it (`http://127.0.0.1:<port>`). */
  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** /tool/fetch of every page; login.html is required, the others fall back like RouterOS. */
  async refetch(): Promise<void> {
    this.pages.clear();
    for (const name of PAGE_NAMES) {
      const res = await fetch(`${this.opts.portalUrl.replace(/\/+$/, '')}/router/${name}?router=${this.opts.routerId}`);
      if (res.ok) this.pages.set(name, Buffer.from(await res.arrayBuffer()).toString('latin1'));
    }
    if (!this.pages.has('login.html')) throw new Error('the portal did not serve login.html');
  }

  client(mac: string): Client {
    const key = mac.toUpperCase();
    let c = this.clients.get(key);
    if (!c) {
      c = { mac: key, ip: `10.5.50.${this.nextHost++}`, chap: null, session: null, username: null, macTried: false };
      this.clients.set(key, c);
    }
    return c;
  }

  /** Online until logout or an obeyed Disconnect-Request (which removes the NAS session). */
  isOnline(mac: string): boolean {
    const c = this.clients.get(mac.toUpperCase());
    return !!c?.session && !!this.opts.nas?.sessions.has(c.session.acctSessionId);
  }

  /** The client's accounting session while online (tests push traffic through it). */
  sessionOf(mac: string): NasSession | null {
    return this.isOnline(mac) ? this.clients.get(mac.toUpperCase())!.session : null;
  }

  /** The phone leaves the WiFi: its session stops (Lost-Carrier) and the router forgets the host. */
  async leave(mac: string): Promise<void> {
    const c = this.clients.get(mac.toUpperCase());
    if (!c) return;
    if (c.session && this.isOnline(c.mac)) await this.opts.nas!.stopSession(c.session, 'Lost-Carrier');
    c.session = null;
    c.macTried = false;
  }

  /** The variables RouterOS offers a page, for this client. */
  variables(c: Client, extra: { linkOrig?: string; error?: string } = {}): Record<string, string> {
    const base = this.url;
    const chapOn = this.opts.loginBy.includes('http-chap');
    const orig = extra.linkOrig ?? '';
    return {
      mac: c.mac,
      ip: c.ip,
      identity: this.opts.identity,
      hostname: new URL(base).host,
      username: c.username ?? '',
      user: c.username ?? '',
      'link-login-only': `${base}/login`,
      'link-login': `${base}/login?dst=${encodeURIComponent(orig)}`,
      'link-orig': orig,
      'link-logout': `${base}/logout`,
      'link-status': `${base}/status`,
      'link-redirect': orig,
      'chap-id': chapOn && c.chap ? octal(Buffer.of(c.chap.ident)) : '',
      'chap-challenge': chapOn && c.chap ? octal(c.chap.challenge) : '',
      error: extra.error ?? '',
      trial: 'no',
      popup: 'true',
      'session-id': c.session?.acctSessionId ?? '',
    };
  }

  /** A page as the router would send it to this client (flogin falls back to login). */
  renderPage(name: (typeof PAGE_NAMES)[number], c: Client, extra: { linkOrig?: string; error?: string } = {}): string {
    const tpl = this.pages.get(name) ?? (name === 'flogin.html' ? this.pages.get('login.html') : undefined);
    if (tpl === undefined) return `<html><body>${name} is missing</body></html>`;
    return fillTemplate(tpl, this.variables(c, extra));
  }

  private issueChallenge(c: Client): void {
    if (this.opts.chapChallenge === 'per-host' && c.chap) return;
    c.chap = this.opts.loginBy.includes('http-chap') ? { ident: crypto.randomInt(256), challenge: crypto.randomBytes(16) } : null;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const header = req.headers[PHONE_HEADER];
    const c = this.client(typeof header === 'string' ? header : this.opts.defaultMac);
    const params = new URLSearchParams(url.search);
    if (req.method === 'POST') for (const [k, v] of new URLSearchParams(await readBody(req))) params.set(k, v);
    const html = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/html', 'cache-control': 'no-cache' });
      res.end(body);
    };
    let online = this.isOnline(c.mac);
    if (!online && !c.macTried && this.opts.loginBy.includes('mac') && this.opts.nas) online = await this.macLogin(c);

    if (url.pathname === '/login') {
      const dst = params.get('dst') ?? '';
      if (params.has('username')) return html(200, await this.login(c, params.get('username')!, params.get('password') ?? '', dst));
      if (online) return html(200, this.renderPage('alogin.html', c, { linkOrig: dst }));
      this.issueChallenge(c);
      return html(200, this.renderPage('login.html', c, { linkOrig: dst }));
    }
    if (url.pathname === '/logout') {
      if (online && c.session) await this.opts.nas!.stopSession(c.session, 'User-Request');
      c.session = null;
      return html(200, this.renderPage('logout.html', c));
    }
    if (url.pathname === '/status' && online) return html(200, this.renderPage('status.html', c));
    if (online) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`online: ${url.pathname}\n`);
      return;
    }
    // Unauthenticated: every other request is sent to the login page, remembering where it went.
    res.writeHead(302, { location: `${this.url}/login?dst=${encodeURIComponent(url.toString())}` });
    res.end();
  }

  /** login-by=mac with mac-auth-mode=mac-as-username-and-password: the MAC as username and password. */
  private async macLogin(c: Client): Promise<boolean> {
    c.macTried = true;
    const nas = this.opts.nas!;
    const r = await nas.login({ username: c.mac, password: c.mac, method: 'mac', mac: c.mac, ip: c.ip });
    this.logins.push({ mac: c.mac, username: c.mac, method: 'mac', accepted: r.accepted, error: r.accepted ? null : 'mac auth refused' });
    if (!r.accepted) return false;
    c.username = c.mac;
    c.session = await nas.startSession({ username: c.mac, mac: c.mac, ip: c.ip, classValue: r.classValue });
    return true;
  }

  private async login(c: Client, username: string, password: string, dst: string): Promise<string> {
    const nas = this.opts.nas;
    const refuse = (error: string, method: 'chap' | 'pap') => {
      this.logins.push({ mac: c.mac, username, method, accepted: false, error });
      this.issueChallenge(c);
      return this.renderPage('flogin.html', c, { linkOrig: dst, error });
    };
    const chap = this.opts.loginBy.includes('http-chap') && c.chap && /^[0-9a-f]{32}$/i.test(password);
    const method = chap ? 'chap' : 'pap';
    if (!chap && !this.opts.loginBy.includes('http-pap')) return refuse('invalid username or password', method);
    if (!nas) return refuse('RADIUS server is not responding', method);
    const r = await nas.login({
      username,
      password,
      method,
      mac: c.mac,
      ip: c.ip,
      chap: chap && c.chap ? { ident: c.chap.ident, challenge: c.chap.challenge, hash: Buffer.from(password, 'hex') } : undefined,
    });
    // A challenge answers one login only.
    c.chap = null;
    if (!r.accepted) {
      const reply = r.attributes['Reply-Message'];
      return refuse(typeof reply === 'string' && reply ? reply : 'invalid username or password', method);
    }
    c.username = username;
    c.session = await nas.startSession({ username, mac: c.mac, ip: c.ip, classValue: r.classValue });
    this.logins.push({ mac: c.mac, username, method, accepted: true, error: null });
    return this.renderPage('alogin.html', c, { linkOrig: dst });
  }
}

/** RouterOS's form of chap values: every byte as a three-digit octal escape. */
export function octal(b: Buffer): string {
  return [...b].map((v) => `\\${v.toString(8).padStart(3, '0')}`).join('');
}

/**
 * RouterOS's page templating: `$(var)`, `$(var-esc)`, and `$(if var)` / `$(elif var)` /
 * `$(else)` / `$(endif)` (true when the variable is non-empty). Unknown variables are empty.
 * Throws on an unbalanced conditional so a broken page fails the test that serves it.
 */
export function fillTemplate(tpl: string, vars: Record<string, string>): string {
  const value = (name: string): string => {
    if (name in vars) return vars[name]!;
    if (name.endsWith('-esc') && name.slice(0, -4) in vars) return encodeURIComponent(vars[name.slice(0, -4)]!);
    return '';
  };
  // Each frame: is this branch shown, has any branch of this if been taken.
  const stack: Array<{ showing: boolean; taken: boolean }> = [];
  const visible = () => stack.every((f) => f.showing);
  let out = '';
  let last = 0;
  for (const m of tpl.matchAll(/\$\(([^()]*)\)/g)) {
    if (visible()) out += tpl.slice(last, m.index);
    last = m.index + m[0].length;
    const expr = m[1]!.trim();
    const [word, arg = ''] = expr.split(/\s+/, 2);
    if (word === 'if') {
      const yes = value(arg) !== '';
      stack.push({ showing: yes, taken: yes });
    } else if (word === 'elif' || word === 'else') {
      const f = stack.at(-1);
      if (!f) throw new Error(`$(${expr}) without $(if)`);
      const yes = !f.taken && (word === 'else' || value(arg) !== '');
      f.showing = yes;
      f.taken ||= yes;
    } else if (word === 'endif') {
      if (!stack.pop()) throw new Error('$(endif) without $(if)');
    } else if (visible()) {
      out += value(expr);
    }
  }
  if (stack.length) throw new Error('$(if) without $(endif)');
  return out + tpl.slice(last);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => {
      body += d;
      if (body.length > 64 * 1024) req.destroy(new Error('body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
