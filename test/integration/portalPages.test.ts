import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTER_PAGES, chapPassword, decodeRouterOctal, encodeRouterOctal, packagesForRouter, parseDigits, renderRouterPage } from '../../src-main/portal';
import { en } from '../../src-main/portal/i18n/en';
import { bn } from '../../src-main/portal/i18n/bn';
import { chooseLanguage } from '../../src-main/portal/language';
import { signState, verifyState } from '../../src-main/portal/stateToken';
import { parseRouterValues } from '../../src-main/portal/routerValues';
import { fillTemplate, octal } from '../virtual-mikrotik/hotspot-http';
import { pkg, startPortal, type PortalRig } from '../helpers/portal';

const rigs: PortalRig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.close();
});
async function portal(opts: Parameters<typeof startPortal>[0] = {}) {
  const r = await startPortal(opts);
  rigs.push(r);
  return r;
}

const PACKAGES = [
  pkg({ id: 1, name: '1 Day 5 Mbps', price: 3000 }),
  pkg({ id: 2, name: 'Roof only 2 GB', price: 5000, validitySeconds: 7 * 86_400, dataLimitBytes: 2 * 2 ** 30, routerIds: [2] }),
  pkg({ id: 3, name: 'Zone 7 night', price: 1000, validitySeconds: 3 * 3600 + 1800, zoneIds: [7], devices: 2 }),
  pkg({ id: 4, name: 'Archived', active: false }),
];

/** The router's values as our login.html posts them (after RouterOS filled it in). */
function routerForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    router: '1', mac: '30:39:26:86:cc:ea', ip: '10.5.50.10', 'link-login-only': 'http://10.5.50.1/login',
    'link-orig-esc': encodeURIComponent('http://example.com/news?id=1&x=2'), 'error-esc': '',
    'chap-id': '\\371', 'chap-challenge': octal(Buffer.from('00112233445566778899aabbccddeeff', 'hex')), ...over,
  };
}

async function post(url: string, form: Record<string, string>) {
  return fetch(url, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
}

describe('the router pages (templates RouterOS fills in)', () => {
  const VARS = /\$\(([^()]*)\)/g;

  it('each page names only RouterOS variables, balances its conditionals and markup, and carries the router id', () => {
    const known = new Set(['mac', 'ip', 'link-login-only', 'link-orig-esc', 'link-logout', 'chap-id', 'chap-challenge', 'error-esc', 'if chap-id', 'endif']);
    for (const page of ROUTER_PAGES) {
      const html = renderRouterPage(page, 'http://192.168.88.2:8080', 5);
      expect(/^[\x20-\x7e\n]*$/.test(html), `${page} is plain ASCII`).toBe(true);
      for (const m of html.matchAll(VARS)) expect(known.has(m[1]!), `${page}: $(${m[1]})`).toBe(true);
      // No "$(" left without its ")": every variable is complete.
      expect(html.split('$(').length - 1).toBe([...html.matchAll(VARS)].length);
      expect(html.split('$(if ').length).toBe(html.split('$(endif)').length);
      // Markup balance: every opened element (bar void ones) is closed, in order.
      const stack: string[] = [];
      for (const m of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
        const [, close, tag] = m as unknown as [string, string, string];
        if (['meta', 'link', 'input', 'br'].includes(tag)) continue;
        if (close) expect(stack.pop(), `${page}: </${tag}>`).toBe(tag);
        else stack.push(tag);
      }
      expect(stack, page).toEqual([]);
      expect(html).toContain('router=5');
      expect(html).toContain('http://192.168.88.2:8080/');
    }
    const login = renderRouterPage('login.html', 'http://p:8080', 5);
    for (const v of ['$(mac)', '$(ip)', '$(link-login-only)', '$(link-orig-esc)', '$(chap-id)', '$(chap-challenge)', '$(error-esc)']) expect(login).toContain(v);
    expect(login).toContain('<form id="go" method="post" action="http://p:8080/portal">');
    expect(login).toContain('<noscript><meta http-equiv="refresh"');
    expect(renderRouterPage('flogin.html', 'http://p:8080', 5)).toContain('$(error-esc)');
    expect(renderRouterPage('alogin.html', 'http://p:8080', 5)).toContain('http://p:8080/status?router=5');
    expect(renderRouterPage('logout.html', 'http://p:8080', 5)).toContain('http://p:8080/?router=5&amp;msg=logout');
  });

  it('filled in as RouterOS fills it, login.html yields a form and a fallback link the portal accepts; PAP-only routers send no chap fields', () => {
    const tpl = renderRouterPage('login.html', 'http://p:8080', 1);
    const vars = { mac: '30:39:26:86:CC:EA', ip: '10.5.50.10', 'link-login-only': 'http://10.5.50.1/login', 'link-orig': 'http://example.com/?a="b"&c=<d>', 'chap-id': '\\371', 'chap-challenge': '\\357\\015', error: '' };
    const filled = fillTemplate(tpl, vars);
    expect(filled).not.toContain('$(');
    expect(filled).not.toContain('"b"'); // arbitrary text only travels URL-encoded
    const fields = Object.fromEntries([...filled.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const parsed = parseRouterValues(fields, true);
    expect(parsed).toEqual({ ok: true, values: expect.objectContaining({ mac: vars.mac, linkOrig: 'http://example.com/?a=%22b%22&c=%3Cd%3E', chapId: '\\371', chapChallenge: '\\357\\015' }) });
    const href = /<a href="([^"]+)"/.exec(filled)![1]!.replace(/&amp;/g, '&');
    const q = Object.fromEntries(new URL(href).searchParams);
    expect(parseRouterValues(q, true)).toEqual(parsed);

    const pap = fillTemplate(tpl, { ...vars, 'chap-id': '', 'chap-challenge': '' });
    expect(pap).not.toContain('chap-');
  });
});

describe('portal helpers', () => {
  it('the Bangla catalogue has exactly the English keys', () => {
    expect(Object.keys(bn).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as Array<keyof typeof en>) expect(typeof bn[k]).toBe(typeof en[k]);
  });

  it('parseDigits takes Bangla and Arabic-Indic digits', () => {
    expect(parseDigits('০১৭১২-৩৪৫ ৬৭৮')).toBe('01712345678');
    expect(parseDigits('٠١٢٣')).toBe('0123');
    expect(parseDigits('12.34')).toBe('1234');
  });

  it('chooses the language: explicit switch, then Accept-Language by q, then the default, only among enabled ones', () => {
    const both = { available: ['en', 'bn'] as const, default: 'en' as const };
    expect(chooseLanguage(undefined, 'bn-BD,bn;q=0.9,en;q=0.8', { ...both, available: [...both.available] })).toBe('bn');
    expect(chooseLanguage(undefined, 'en;q=0.5, bn;q=0.9', { ...both, available: [...both.available] })).toBe('bn');
    expect(chooseLanguage('en', 'bn', { ...both, available: [...both.available] })).toBe('en');
    expect(chooseLanguage(undefined, 'fr,de', { available: ['en', 'bn'], default: 'bn' })).toBe('bn');
    expect(chooseLanguage('bn', 'bn', { available: ['en'], default: 'en' })).toBe('en');
  });

  it('lists the packages sold at a router: everywhere, listed router, listed zone; never inactive', () => {
    expect(packagesForRouter(PACKAGES, { id: 1, zoneId: null }).map((p) => p.id)).toEqual([1]);
    expect(packagesForRouter(PACKAGES, { id: 2, zoneId: 7 }).map((p) => p.id)).toEqual([3, 1, 2]);
    expect(packagesForRouter(PACKAGES, null).map((p) => p.id)).toEqual([3, 1, 2]);
  });

  it('decodes RouterOS octal strings and hashes CHAP as MD5(id + password + challenge)', () => {
    expect(decodeRouterOctal('\\371\\357\\015')).toEqual(Buffer.from([0o371, 0o357, 0o15]));
    expect(decodeRouterOctal('a\\101')).toEqual(Buffer.from('aA'));
    expect(decodeRouterOctal('\\39')).toBeNull();
    expect(encodeRouterOctal(Buffer.from([1, 255]))).toBe('\\001\\377');
    const expected = crypto.createHash('md5').update(Buffer.from([1])).update('secret').update(Buffer.from([2, 3])).digest('hex');
    expect(chapPassword('\\001', 'secret', '\\002\\003')).toBe(expected);
    expect(chapPassword('\\001\\002', 'x', '\\003')).toBeNull();
  });

  it('a state token verifies, and is refused when tampered, signed with another key, or expired', () => {
    const key = Buffer.alloc(32, 1);
    const isObj = (v: unknown): v is { a: number } => typeof v === 'object' && v !== null;
    const t = signState(key, { a: 1 }, 1000);
    expect(verifyState(key, t, 999, isObj)).toEqual({ ok: true, value: { a: 1 }, expiresAt: 1000 });
    expect(verifyState(key, t, 1000, isObj)).toEqual({ ok: false, reason: 'expired' });
    const [body, sig] = t.split('.');
    const forged = Buffer.from(JSON.stringify({ v: { a: 2 }, exp: 9e15 })).toString('base64url');
    expect(verifyState(key, `${forged}.${sig}`, 0, isObj).ok).toBe(false);
    expect(verifyState(Buffer.alloc(32, 2), t, 0, isObj).ok).toBe(false);
    expect(verifyState(key, `${body}.`, 0, isObj).ok).toBe(false);
    expect(verifyState(key, 42, 0, isObj).ok).toBe(false);
  });

  it('refuses router values it cannot use, naming the field', () => {
    const bad = (over: Record<string, string>) => parseRouterValues(routerForm(over), true);
    expect(bad({ 'link-login-only': 'javascript:alert(1)' })).toEqual({ ok: false, field: 'link-login-only' });
    expect(bad({ 'link-login-only': '' })).toEqual({ ok: false, field: 'link-login-only' });
    expect(bad({ mac: 'zz:zz' })).toEqual({ ok: false, field: 'mac' });
    expect(bad({ ip: '10.5.50' })).toEqual({ ok: false, field: 'ip' });
    expect(bad({ 'chap-id': '\\371\\372' })).toEqual({ ok: false, field: 'chap-id' });
    expect(bad({ 'chap-challenge': '' })).toEqual({ ok: false, field: 'chap-challenge' });
    expect(bad({ router: 'x' })).toEqual({ ok: false, field: 'router' });
    const unknownMac = bad({ mac: '---', 'link-orig-esc': 'ftp%3A%2F%2Fx' });
    expect(unknownMac.ok && unknownMac.values.mac).toBeNull();
    expect(unknownMac.ok && unknownMac.values.linkOrig).toBeNull(); // not http(s): dropped, not fatal
  });
});

describe('the portal over HTTP', () => {
  it('serves the router pages with the router id baked in; unknown router or page refused', async () => {
    const p = await portal();
    const res = await fetch(`${p.url}/router/login.html?router=2`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`action="${p.url}/portal"`);
    expect(html).toContain('name="router" value="2"');
    expect((await fetch(`${p.url}/router/login.html?router=9`)).status).toBe(404);
    expect((await fetch(`${p.url}/router/login.html`)).status).toBe(400);
    expect((await fetch(`${p.url}/router/evil.html?router=1`)).status).toBe(404);
  });

  it('/portal: the router values become a signed token; the page shows this router’s packages, English and Bangla', async () => {
    const p = await portal({ packages: PACKAGES });
    const res = await post(`${p.url}/portal`, routerForm({ router: '2' }));
    expect(res.status).toBe(303);
    const loc = res.headers.get('location')!;
    expect(loc).toMatch(/^\/portal\?t=[\w-]+\.[\w-]+$/);
    const page = await fetch(`${p.url}${loc}`, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html; charset=utf-8/);
    expect(page.headers.get('set-cookie')).toBeNull();
    const html = await page.text();
    expect(html).toContain('Roof only 2 GB');
    expect(html).toContain('Zone 7 night');
    expect(html).toContain('৳50');
    expect(html).toContain('7 d');
    expect(html).toContain('3 h 30 min');
    expect(html).toContain('2 GB');
    expect(html).toContain('5 Mbps down / 2 Mbps up');
    expect(html).toContain('2 at once');
    expect(html).not.toContain('Archived');
    expect(html).toContain('<html lang="en">');
    // The switch keeps the token and sets the language.
    const sw = /<a href="([^"]+)" hrefLang="bn">বাংলা<\/a>/.exec(html)![1]!.replace(/&amp;/g, '&');
    expect(sw).toBe(`${loc}&lang=bn`);
    const bnHtml = await (await fetch(`${p.url}${sw}`, { headers: { 'accept-language': 'en' } })).text();
    expect(bnHtml).toContain('<html lang="bn">');
    expect(bnHtml).toContain('প্যাকেজ');
    expect(bnHtml).toContain('৳৫০');
    expect(bnHtml).toContain('৭ দিন');
    // Router 1 sees only the package sold everywhere.
    const one = await post(`${p.url}/portal`, routerForm({ router: '1' }));
    const oneHtml = await (await fetch(`${p.url}${one.headers.get('location')!}`)).text();
    expect(oneHtml).toContain('1 Day 5 Mbps');
    expect(oneHtml).not.toContain('Roof only');
    // Bangla from Accept-Language alone.
    expect(await (await fetch(`${p.url}${loc}`, { headers: { 'accept-language': 'bn-BD' } })).text()).toContain('<html lang="bn">');
  });

  it('GET fallback (JavaScript off) works like the POST; lang is carried through the redirect', async () => {
    const p = await portal({ packages: PACKAGES });
    const q = new URLSearchParams({ ...routerForm(), lang: 'bn' });
    const res = await fetch(`${p.url}/portal?${q}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/&lang=bn$/);
  });

  it('tampered and expired tokens are refused with a clear page; bad router values name the field', async () => {
    const p = await portal({ packages: PACKAGES });
    const loc = (await post(`${p.url}/portal`, routerForm())).headers.get('location')!;
    const t = new URL(loc, p.url).searchParams.get('t')!;
    const [body, sig] = t.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    payload.v.routerId = 2;
    const tampered = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${sig}`;
    const r1 = await fetch(`${p.url}/portal?t=${tampered}`);
    expect(r1.status).toBe(400);
    expect(await r1.text()).toContain('This link is not valid');
    p.clock.advance(31 * 60_000);
    const r2 = await fetch(`${p.url}${loc}`);
    expect(r2.status).toBe(410);
    expect(await r2.text()).toContain('This page is too old');
    const r3 = await post(`${p.url}/portal`, routerForm({ 'link-login-only': 'javascript:alert(1)' }));
    expect(r3.status).toBe(400);
    expect(await r3.text()).toContain('(link-login-only)');
    const r4 = await post(`${p.url}/portal`, routerForm({ router: '9' }));
    expect(r4.status).toBe(404);
    expect(await r4.text()).toContain('not known to the shop');
  });

  it('escapes every value: package names, the router error, the notice', async () => {
    const p = await portal({ packages: [pkg({ id: 1, name: '<script>alert(1)</script>' })], branding: { notice: '"><img src=x onerror=alert(1)>', shopName: '<b>Shop</b>', colour: 'red;}body{display:none', logo: 'javascript:alert(1)' } });
    const loc = (await post(`${p.url}/portal`, routerForm({ 'error-esc': encodeURIComponent('<i>invalid</i> password') }))).headers.get('location')!;
    const html = await (await fetch(`${p.url}${loc}`)).text();
    expect(html).not.toMatch(/<script|<img|<b>|<i>|javascript:|display:none/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;i&gt;invalid&lt;/i&gt; password');
  });

  it('the shop page (no router values): packages, how to connect, support phone, notice; under 30 KB with everything it loads', async () => {
    const many = Array.from({ length: 12 }, (_, i) => pkg({ id: i + 1, name: `Package number ${i + 1} with a long name`, price: 1000 * (i + 1), dataLimitBytes: (i + 1) * 2 ** 30 }));
    // A logo at the size limit rides inline: it counts in the page.
    const logo = `data:image/png;base64,${Buffer.alloc(8000, 7).toString('base64').slice(0, 11_900)}`;
    const p = await portal({ packages: many, branding: { logo } });
    for (const lang of ['en', 'bn']) {
      const res = await fetch(`${p.url}/?lang=${lang}`);
      const bytes = Buffer.from(await res.arrayBuffer());
      const html = bytes.toString('utf8');
      expect(html).toContain('Package number 12');
      expect(html).toContain('tel:01712345678');
      expect(html).toContain('Open 9am to 11pm.');
      expect(html).toContain(lang === 'en' ? 'How to connect' : 'কীভাবে যুক্ত হবেন');
      expect(html).toContain(`src="${logo}"`);
      // Nothing else is loaded: no src/href to another resource, no link/script elements (the one
      // link is the empty data: icon, there so the browser does not ask for /favicon.ico).
      expect(html).toContain('<link rel="icon" href="data:,"/>');
      expect(html.replace('<link rel="icon" href="data:,"/>', '')).not.toMatch(/<link|<script|@import|url\(/);
      expect([...html.matchAll(/src="([^"]+)"/g)].every((m) => m[1]!.startsWith('data:'))).toBe(true);
      const headers = [...res.headers].map(([k, v]) => `${k}: ${v}\r\n`).join('');
      expect(bytes.length + headers.length).toBeLessThan(30 * 1024);
    }
    const out = await (await fetch(`${p.url}/?router=1&msg=logout`)).text();
    expect(out).toContain('You are logged out.');
  });

  it('/api/captive answers RFC 8908 JSON: captive, with the portal URL', async () => {
    const p = await portal();
    const res = await fetch(`${p.url}/api/captive`);
    expect(res.headers.get('content-type')).toBe('application/captive+json');
    expect(await res.json()).toEqual({ captive: true, 'user-portal-url': `${p.url}/` });
    const configured = await portal({ deps: { portalUrl: () => 'http://192.168.88.2:8080/' } });
    expect(await (await fetch(`${configured.url}/api/captive`)).json()).toEqual({ captive: true, 'user-portal-url': 'http://192.168.88.2:8080/' });
  });

  it('the status page shows online with the continue and logout links; unknown paths get a plain 404 page', async () => {
    const p = await portal();
    const q = new URLSearchParams({ router: '1', mac: '30:39:26:86:CC:EA', ip: '10.5.50.10', 'link-logout': 'http://10.5.50.1/logout', 'link-orig': 'http://example.com/' });
    const html = await (await fetch(`${p.url}/status?${q}`)).text();
    expect(html).toContain('You are online');
    expect(html).toContain('href="http://example.com/"');
    expect(html).toContain('href="http://10.5.50.1/logout"');
    const nf = await fetch(`${p.url}/nope`);
    expect(nf.status).toBe(404);
    expect(await nf.text()).toContain('This page does not exist.');
  });
});
