import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { forms, phoneBrowser, text } from '../helpers/phoneBrowser';
import { portalWorld } from '../helpers/portalWorld';
import { BRANDING, pkg, startPortal } from '../helpers/portal';
import { INJECTIONS, expectInert, expectSafeLocation, navTargets } from '../helpers/portalDoor';
import { octal } from '../virtual-mikrotik/hotspot-http';

// The portal door under hostile input (issue #13 "The doors"), over real HTTP against the app.
const MAC = '30:39:26:86:CC:EA';

function routerForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    router: '1', mac: MAC, ip: '10.5.50.10', 'link-login-only': 'http://10.5.50.1/login',
    'link-orig-esc': encodeURIComponent('http://example.com/news'), 'error-esc': '',
    'chap-id': '\\371', 'chap-challenge': octal(Buffer.from('00112233445566778899aabbccddeeff', 'hex')), ...over,
  };
}

const post = (url: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual', headers });

/** Posts the router's values and follows the 303 to the portal's page. */
async function arrive(url: string, form: Record<string, string>): Promise<{ status: number; html: string }> {
  const r = await post(`${url}/portal`, form);
  expectSafeLocation(r, 'POST /portal');
  if (r.status !== 303) return { status: r.status, html: await r.text() };
  const page = await fetch(new URL(r.headers.get('location')!, url), { redirect: 'manual' });
  return { status: page.status, html: await page.text() };
}

describe('every value the router, the customer and the owner give is escaped', () => {
  it('router values (error, link-orig, mac, ip, link-logout) with injection strings: shown as text, never markup or a script: link', async () => {
    const p = await startPortal({ packages: [pkg({ id: 1, name: 'Day' })] });
    try {
      for (const inj of INJECTIONS) {
        const a = await arrive(p.url, routerForm({ 'error-esc': encodeURIComponent(inj), 'link-orig-esc': encodeURIComponent(`http://example.com/?q=${inj}`) }));
        expect(a.status).toBe(200);
        expectInert(a.html, `portal page, error=${inj}`);
        // Shown, not dropped: the customer reads what the router said (bidi controls taken out).
        expect(text(a.html)).toContain(inj.replace(/[\u202a-\u202e]/g, '').slice(0, 30));
        expect(a.html).not.toContain('\u202e');

        const shop = await fetch(`${p.url}/?${new URLSearchParams({ error: inj, router: '1', lang: inj })}`);
        expect(shop.status).toBe(200);
        expectInert(await shop.text(), `shop page, error=${inj}`);

        // Values that must be well-formed are refused by name, never echoed.
        for (const field of ['mac', 'ip', 'link-login-only', 'chap-id']) {
          const bad = await arrive(p.url, routerForm({ [field]: inj }));
          expect(bad.status, `${field}=${inj}`).toBe(400);
          expectInert(bad.html, `refused ${field}`);
          expect(text(bad.html)).toContain(`(${field})`);
        }

        const status = await fetch(`${p.url}/status?${new URLSearchParams({ router: '1', mac: MAC, 'link-orig': `http://example.com/${inj}`, 'link-logout': `http://10.5.50.1/logout?${inj}` })}`);
        expect(status.status).toBe(200);
        expectInert(await status.text(), `status page ${inj}`);
        const badLogout = await fetch(`${p.url}/status?${new URLSearchParams({ router: '1', mac: MAC, 'link-logout': inj })}`);
        expect(badLogout.status).toBe(400);
        expectInert(await badLogout.text(), 'status page, bad link-logout');
      }
    } finally {
      await p.close();
    }
  });

  it('the owner\'s shop name, notice, support phone and package names with injection strings are text', async () => {
    for (const inj of INJECTIONS) {
      const p = await startPortal({ branding: { shopName: inj, notice: inj, supportPhone: inj }, packages: [pkg({ id: 1, name: inj })] });
      try {
        for (const path of ['/', '/?router=1', '/nope']) {
          const html = await (await fetch(`${p.url}${path}`)).text();
          expectInert(html, `${path} with ${inj}`);
          expect(text(html)).toContain(inj.slice(0, 20).trim());
        }
        const a = await arrive(p.url, routerForm());
        expectInert(a.html, `portal page with ${inj}`);
        expect(text(a.html)).toContain(inj.slice(0, 20).trim());
      } finally {
        await p.close();
      }
    }
  });
});

describe('no link leads to javascript: or data:, and link-login-only leads only to the router', () => {
  it('javascript:/data: link-orig is dropped; as link-login-only or link-logout the page refuses it by name', async () => {
    const p = await startPortal({ packages: [pkg({ id: 1, name: 'Day' })] });
    try {
      for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'data:,x', 'vbscript:x']) {
        const a = await arrive(p.url, routerForm({ 'link-orig-esc': encodeURIComponent(bad) }));
        expect(a.status).toBe(200);
        expectInert(a.html, `link-orig ${bad}`);
        const lo = await arrive(p.url, routerForm({ 'link-login-only': bad }));
        expect(lo.status).toBe(400);
        expect(text(lo.html)).toContain('(link-login-only)');
        const st = await fetch(`${p.url}/status?${new URLSearchParams({ router: '1', mac: MAC, 'link-orig': bad })}`);
        const html = await st.text();
        expectInert(html, `status link-orig ${bad}`);
        expect(html).not.toContain('Continue to the page you wanted');
      }
    } finally {
      await p.close();
    }
  });

  it('link-login-only: a public address or an unknown name gets a clear page, not a redirect; a private address is accepted', async () => {
    const p = await startPortal();
    try {
      for (const bad of ['http://203.0.113.9/login', 'https://evil.example/login', 'http://10.5.50.1.evil.example/login', 'http://user@8.8.8.8/login', 'http://[2001:db8::1]/login']) {
        const r = await post(`${p.url}/portal`, routerForm({ 'link-login-only': bad }));
        expect(r.status, bad).toBe(400);
        expect(r.headers.get('location')).toBeNull();
        expect(text(await r.text())).toContain('The WiFi router sent a value we cannot use (link-login-only)');
        // The status page signs its values into the "buy more" link: refused there too.
        const st = await fetch(`${p.url}/status?${new URLSearchParams({ router: '1', mac: MAC, 'link-login-only': bad })}`, { redirect: 'manual' });
        expect(st.status, `status ${bad}`).toBe(400);
      }
      for (const good of ['http://10.5.50.1/login', 'http://192.168.88.1/login', 'https://172.20.0.1/login', 'http://100.64.1.1/login']) {
        const r = await post(`${p.url}/portal`, routerForm({ 'link-login-only': good }));
        expect(r.status, good).toBe(303);
        expectSafeLocation(r, good);
      }
    } finally {
      await p.close();
    }
  });

  it('when the router\'s hotspot address and DNS name are known, only those are accepted', async () => {
    const p = await startPortal({ deps: { loginHostsFor: (id) => (id === 1 ? ['login.wifi', '10.5.50.1'] : null) } });
    try {
      expect((await post(`${p.url}/portal`, routerForm({ 'link-login-only': 'http://login.wifi/login' }))).status).toBe(303);
      expect((await post(`${p.url}/portal`, routerForm({ 'link-login-only': 'http://10.5.50.1/login' }))).status).toBe(303);
      expect((await post(`${p.url}/portal`, routerForm({ 'link-login-only': 'http://192.168.1.1/login' }))).status).toBe(400);
      // Router 2's hosts are unknown: the private-range fallback applies to it.
      expect((await post(`${p.url}/portal`, routerForm({ router: '2', 'link-login-only': 'http://192.168.1.1/login' }))).status).toBe(303);
      expect((await post(`${p.url}/portal`, routerForm({ router: '2', 'link-login-only': 'http://login.wifi/login' }))).status).toBe(400);
    } finally {
      await p.close();
    }
  });
});

describe('limits (defaults: 16 KB bodies, 200-character fields, 60 posts a minute per MAC, 600 requests a minute per address)', () => {
  it('a body over 16 KB gets a clear 413 page (English and Bangla); one under it is served', async () => {
    const p = await startPortal();
    try {
      const big = await post(`${p.url}/portal`, { ...routerForm(), ...Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`f${i}`, 'y'.repeat(190)])) });
      expect(big.status).toBe(413);
      expect(big.headers.get('content-type')).toContain('text/html');
      expect(text(await big.text())).toContain('What was sent is too large');
      const bn = await post(`${p.url}/portal?lang=bn`, { ...routerForm(), pad: 'x'.repeat(17 * 1024) });
      expect(bn.status).toBe(413);
      expect(text(await bn.text())).toContain('পাঠানো তথ্য অনেক বড়');
      // Just under the limit (with fields of allowed length) still reaches the portal.
      const fill = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}`, 'y'.repeat(200)]));
      const body = new URLSearchParams({ ...routerForm(), ...fill }).toString();
      expect(body.length).toBeLessThan(16 * 1024);
      expect((await post(`${p.url}/portal`, { ...routerForm(), ...fill })).status).toBe(303);
      // Any body type is bounded by its declared size; a form sent in chunks (no size) while it is read.
      const json = await fetch(`${p.url}/portal`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x: 'j'.repeat(17 * 1024) }) });
      expect(json.status).toBe(413);
      const chunks = new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode(`f${i}=${'z'.repeat(1000)}&`));
          c.close();
        },
      });
      const chunked = await fetch(`${p.url}/portal`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: chunks, duplex: 'half' } as RequestInit);
      expect(chunked.status).toBe(413);
      expect(text(await chunked.text())).toContain('What was sent is too large');
    } finally {
      await p.close();
    }
  });

  it('a field over 200 characters is refused by name (form and query); 200 is fine; the router\'s long URLs and tokens are not cut', async () => {
    const p = await startPortal();
    try {
      expect((await post(`${p.url}/portal`, routerForm({ note: 'n'.repeat(200) }))).status).toBe(303);
      const r = await post(`${p.url}/portal`, routerForm({ note: 'n'.repeat(201) }));
      expect(r.status).toBe(400);
      expect(text(await r.text())).toContain('The field "note" is too long (at most 200 characters)');
      const q = await fetch(`${p.url}/?error=${'e'.repeat(5000)}`);
      expect(q.status).toBe(400);
      expect(text(await q.text())).toContain('"error" is too long');
      const longOrig = `http://example.com/${'p'.repeat(900)}`;
      const ok = await post(`${p.url}/portal`, routerForm({ 'link-orig-esc': encodeURIComponent(longOrig) }));
      expect(ok.status).toBe(303);
      // The signed token carrying it is well over 200 characters and still works.
      const loc = ok.headers.get('location')!;
      expect(loc.length).toBeGreaterThan(1000);
      expect((await fetch(new URL(loc, p.url))).status).toBe(200);
    } finally {
      await p.close();
    }
  });

  it('the 61st form post in a minute from one MAC gets a 429 page (English and Bangla); other phones and the next minute are served', async () => {
    const p = await startPortal();
    try {
      for (let i = 0; i < 60; i++) expect((await post(`${p.url}/portal`, routerForm())).status).toBe(303);
      const r = await post(`${p.url}/portal`, routerForm());
      expect(r.status).toBe(429);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(text(await r.text())).toMatch(/Too many requests\. Please wait \d+ seconds/);
      const bn = await post(`${p.url}/portal`, routerForm({ lang: 'bn' }));
      expect(bn.status).toBe(429);
      expect(text(await bn.text())).toContain('অনেক বেশি অনুরোধ এসেছে');
      // The same MAC inside a signed token counts too (the flow's posts carry the token, not the MAC).
      const other = routerForm({ mac: '30:39:26:86:CC:EB' });
      expect((await post(`${p.url}/portal`, other)).status).toBe(303);
      p.clock.advance(60_000);
      expect((await post(`${p.url}/portal`, routerForm())).status).toBe(303);
    } finally {
      await p.close();
    }
  });

  it('the 601st request in a minute from one address gets a 429 page with Retry-After; the next minute is served', async () => {
    const p = await startPortal();
    try {
      for (let i = 0; i < 600; i++) {
        const r = await fetch(`${p.url}/api/captive`);
        expect(r.status).toBe(200);
        await r.arrayBuffer();
      }
      const r = await fetch(`${p.url}/?lang=bn`);
      expect(r.status).toBe(429);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      const html = await r.text();
      expect(text(html)).toContain('অনেক বেশি অনুরোধ এসেছে');
      expect(html).toContain(BRANDING.shopName);
      p.clock.advance(60_000);
      expect((await fetch(`${p.url}/`)).status).toBe(200);
    } finally {
      await p.close();
    }
  });

  it('limits come from the deps (settings): a lower address limit applies at once', async () => {
    let perAddress = 600;
    const p = await startPortal({ deps: { limits: () => ({ maxBodyBytes: 1024, maxFieldChars: 50, formPostsPerMacPerMinute: 60, requestsPerAddressPerMinute: perAddress }) } });
    try {
      expect((await post(`${p.url}/portal`, routerForm({ note: 'n'.repeat(51) }))).status).toBe(400);
      expect((await post(`${p.url}/portal`, { ...routerForm(), pad: 'x'.repeat(1100) })).status).toBe(413);
      perAddress = 2;
      expect((await fetch(`${p.url}/`)).status).toBe(429);
    } finally {
      await p.close();
    }
  });
});

describe('errors shown to customers', () => {
  it('an internal error (a failing dependency) gives a plain page: no message, stack trace or path', async () => {
    const boom = () => {
      throw new Error('SQLITE_CORRUPT at /work/secret/src-main/billing/packages.ts:42 (C:\\Users\\shop\\AppData\\HotspotDesk\\hotspotdesk.db)');
    };
    const p = await startPortal({ deps: { packagesFor: boom } });
    try {
      for (const path of ['/', '/?router=1']) {
        const r = await fetch(`${p.url}${path}`);
        expect(r.status).toBe(500);
        const body = await r.text();
        expect(text(body)).toContain('Something went wrong');
        for (const leak of ['SQLITE', '/work', 'src-main', 'packages.ts', 'AppData', '    at ', 'Error:', 'node_modules']) expect(body, leak).not.toContain(leak);
      }
    } finally {
      await p.close();
    }
    // The page itself cannot render (branding fails): still plain words, nothing internal.
    const q = await startPortal({ deps: { packagesFor: boom, branding: boom } });
    try {
      const r = await fetch(`${q.url}/`);
      expect(r.status).toBe(500);
      const body = await r.text();
      expect(body).toBe('Something went wrong. Please try again.\n');
    } finally {
      await q.close();
    }
  });
});

describe('the engine\'s portal: the customer\'s pages and the limits from settings', () => {
  it('shop name and package names from the admin API, and what the customer types, are text on every step', async () => {
    const w = await portalWorld();
    const inj = '"><img src=x onerror=alert(1)>';
    await w.ok('settings.update', { shop: { name: `Shop ${inj}`, notice: INJECTIONS[0]! } });
    const day = await w.pkg({ name: `Day ${INJECTIONS[2]!}`.slice(0, 60) });
    const { codes } = await w.cards(day.id, 1);
    const b = phoneBrowser(MAC);
    await b.open(`${w.hotspot.url}/generate_204`);
    await b.autoSubmit();
    expect(b.text).toContain(`Shop ${inj}`);
    expect(b.text).toContain(INJECTIONS[2]!.slice(0, 20));
    expectInert(b.page.html, 'phone page');
    for (const typed of INJECTIONS) {
      await b.submit('/portal/phone', { phone: typed });
      expect(b.page.status).toBe(400);
      expectInert(b.page.html, `phone page, typed ${typed}`);
    }
    await b.submit('/portal/phone', { phone: '01712345678' });
    await b.submit('/portal/code', { code: INJECTIONS[1]! });
    expectInert(b.page.html, 'code page, bad code');
    await b.submit('/portal/code', { code: w.lastOtp('+8801712345678') });
    await b.submit('/portal/newpin', { pin: '4321', pin2: '4321' });
    expect(b.page.url).toContain('/portal/account');
    expectInert(b.page.html, 'account page');
    await b.submit('/portal/card', { code: INJECTIONS[0]! });
    expect(b.page.status).toBe(400);
    expectInert(b.page.html, 'account page, bad card');
    await b.submit('/portal/card', { code: codes[0]! });
    // The login form: its action is the router's link-login-only, its dst the http(s) link-orig.
    const login = forms(b.page.html).find((f) => f.id === 'go')!;
    expect(login.action).toBe(`${w.hotspot.url}/login`);
    expectInert(b.page.html, 'login page');
  });

  it('the limits are settings: a lower per-address limit applies on save; values that would break the portal are refused by name', async () => {
    const w = await portalWorld();
    const s = (await w.ok('settings.get', {})) as { portal: Record<string, unknown> };
    expect(s.portal).toMatchObject({ maxBodyKb: 16, maxFieldChars: 200, formPostsPerMacPerMinute: 60, requestsPerAddressPerMinute: 600 });
    await w.ok('settings.update', { portal: { requestsPerAddressPerMinute: 60 } });
    let last = 0;
    for (let i = 0; i < 61; i++) {
      const r = await fetch(`${w.portalUrl}/api/captive`);
      await r.arrayBuffer();
      last = r.status;
    }
    expect(last).toBe(429);
    for (const [field, value] of [['maxBodyKb', 0], ['maxFieldChars', 5], ['formPostsPerMacPerMinute', 0], ['requestsPerAddressPerMinute', 10]] as const) {
      const r = await w.engine.call('settings.update', { portal: { [field]: value } });
      expect(r.ok, field).toBe(false);
      expect((r as { ok: false; error: { code: string; field?: string; message: string } }).error).toMatchObject({ code: 'invalid_input', field: `portal.${field}` });
    }
  });
});

describe('the router pages (login.html the router fetches)', () => {
  it('a hostile Host header never becomes the meta refresh or form action; a good one gives http(s) targets only', async () => {
    const p = await startPortal();
    const get = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const u = new URL(p.url);
        const req = http.request({ host: u.hostname, port: u.port, path: '/router/login.html?router=1', headers: { host } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      for (const host of ['evil"><script>alert(1)</script>', 'javascript:alert(1)', "x' onload='alert(1)", 'a b', 'x/y']) {
        const r = await get(host);
        expect(r.status, host).toBe(400);
        expect(r.body).not.toContain('<script>');
      }
      const ok = await get('192.168.88.2:8080');
      expect(ok.status).toBe(200);
      // A template (RouterOS fills in its variables): every target starts at the portal's own address.
      const targets = navTargets(ok.body);
      expect(targets.length).toBeGreaterThanOrEqual(3);
      for (const t of targets) expect(/^http:\/\/192\.168\.88\.2:8080\/portal(\?|$)/.test(t), t).toBe(true);
      expect(ok.body).toContain('content="0;url=http://192.168.88.2:8080/portal?');
    } finally {
      await p.close();
    }
  });
});
