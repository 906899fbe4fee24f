import { PHONE_HEADER } from '../virtual-mikrotik/hotspot-http';

/**
 * A phone's browser without JavaScript, over real HTTP: follows redirects, meta refreshes are not
 * needed (our pages post forms), submits forms by their action with their hidden fields. The
 * virtual router tells phones apart by a header, sent on every request (the portal ignores it).
 * `autoSubmit` plays the one script our pages have: a form with id "go" submitted at once.
 */
export interface Page {
  url: string;
  status: number;
  html: string;
}

function unescapeHtml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeHtml(m[1]!) : null;
}

export interface ParsedForm {
  action: string;
  method: string;
  id: string | null;
  fields: Record<string, string>;
}

export function forms(html: string): ParsedForm[] {
  return [...html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)].map((m) => {
    const fields: Record<string, string> = {};
    for (const input of m[2]!.matchAll(/<input[^>]*>/g)) {
      const name = attr(input[0], 'name');
      if (name && attr(input[0], 'type') === 'hidden') fields[name] = attr(input[0], 'value') ?? '';
    }
    return { action: attr(m[1]!, 'action') ?? '', method: (attr(m[1]!, 'method') ?? 'get').toLowerCase(), id: attr(m[1]!, 'id'), fields };
  });
}

export function links(html: string): Array<{ href: string; id: string | null; text: string }> {
  return [...html.matchAll(/<a([^>]*)>([\s\S]*?)<\/a>/g)].map((m) => ({ href: attr(m[1]!, 'href') ?? '', id: attr(m[1]!, 'id'), text: m[2]!.replace(/<[^>]+>/g, '') }));
}

/** The page's visible text, tags dropped, entities decoded (what a customer reads). */
export function text(html: string): string {
  return unescapeHtml(html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

export function phoneBrowser(mac: string, opts: { acceptLanguage?: string } = {}) {
  let current: Page = { url: 'about:blank', status: 0, html: '' };
  const headers = (extra: Record<string, string> = {}) => ({ [PHONE_HEADER]: mac, ...(opts.acceptLanguage ? { 'accept-language': opts.acceptLanguage } : {}), ...extra });

  async function request(url: string, init: RequestInit = {}): Promise<Page> {
    let res = await fetch(url, { ...init, redirect: 'manual', headers: headers(init.headers as Record<string, string>) });
    let at = url;
    for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 10; hops++) {
      at = new URL(res.headers.get('location')!, at).toString();
      res = await fetch(at, { redirect: 'manual', headers: headers() });
    }
    current = { url: at, status: res.status, html: await res.text() };
    return current;
  }

  const b = {
    get page() {
      return current;
    },
    get text() {
      return text(current.html);
    },
    open: (url: string) => request(url),
    /** Submits the page's form whose action ends with `action` (or has that id), with `fill` added. */
    async submit(action: string, fill: Record<string, string> = {}): Promise<Page> {
      const f = forms(current.html).find((x) => x.id === action || x.action === action || x.action.endsWith(action));
      if (!f) throw new Error(`no form ${action} on ${current.url}: ${text(current.html).slice(0, 300)}`);
      const target = new URL(f.action, current.url).toString();
      const body = new URLSearchParams({ ...f.fields, ...fill });
      if (f.method === 'post') return request(target, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      return request(`${target}?${body.toString()}`);
    },
    /** Follows the link whose id or visible text matches. */
    async click(which: string | RegExp): Promise<Page> {
      const l = links(current.html).find((x) => (typeof which === 'string' ? x.id === which || x.text.trim() === which : which.test(x.text)));
      if (!l) throw new Error(`no link ${String(which)} on ${current.url}: ${text(current.html).slice(0, 300)}`);
      return request(new URL(l.href, current.url).toString());
    },
    /** What JavaScript would do on our auto-submitting pages (login.html, the login form). */
    async autoSubmit(): Promise<Page> {
      while (/getElementById\("go"\)\.submit\(\)/.test(current.html)) await b.submit('go');
      return current;
    },
  };
  return b;
}
