import { afterEach, describe, expect, it } from 'vitest';
import { chapPassword, packagesForRouter } from '../../src-main/portal';
import { parseRouterValues } from '../../src-main/portal/routerValues';
import { radiusWorld, until } from '../helpers/radius';
import { startPortal, type PortalRig } from '../helpers/portal';
import { PHONE_HEADER, VirtualHotspot, type VirtualHotspotOptions } from '../virtual-mikrotik/hotspot-http';

// The router's HTTP front against a real engine (RADIUS on port 0, a customer made through the
// admin API) and a real portal app: the path a phone takes before and after it pays.
const MAC_A = '30:39:26:86:CC:EA';
const MAC_B = '30:39:26:86:CC:EB';

const fronts: VirtualHotspot[] = [];
const portals: PortalRig[] = [];
afterEach(async () => {
  for (const f of fronts.splice(0)) await f.stop();
  for (const p of portals.splice(0)) await p.close();
});

async function world(front: Partial<VirtualHotspotOptions> = {}) {
  const w = await radiusWorld();
  const c = await w.customer('01712345678', { name: '1 Day 5 Mbps' });
  const packages = await w.ok('packages.list');
  const router = { id: w.routerId, name: 'Shop front', zoneId: null };
  const portal = await startPortal({
    deps: { routerById: (id) => (id === w.routerId ? router : null), packagesFor: (id) => packagesForRouter(packages, id === null ? null : router) },
  });
  portals.push(portal);
  const hotspot = new VirtualHotspot({ portalUrl: portal.url, routerId: w.routerId, nas: w.nas, ...front });
  await hotspot.start();
  fronts.push(hotspot);
  return { w, c, portal, hotspot };
}

/** A phone's request to the router (the header tells the virtual router which phone it is). */
function phone(mac: string) {
  return (url: string, init: RequestInit = {}) => fetch(url, { redirect: 'manual', ...init, headers: { [PHONE_HEADER]: mac, ...(init.headers as Record<string, string>) } });
}

function formFields(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
}

/** Opens a website while offline: the router redirects to its login page, which is ours, filled in. */
async function landOnLogin(get: ReturnType<typeof phone>, hotspotUrl: string) {
  const first = await get(`${hotspotUrl}/generate_204`);
  expect(first.status).toBe(302);
  const login = await get(first.headers.get('location')!);
  expect(login.status).toBe(200);
  return login.text();
}

describe('virtual MikroTik hotspot front + portal + engine RADIUS', () => {
  it('redirects to our login.html, the portal shows the router’s packages, a CHAP login is accepted and the phone stays online until a Disconnect', async () => {
    const { w, c, portal, hotspot } = await world();
    const get = phone(MAC_A);
    const html = await landOnLogin(get, hotspot.url);
    expect(html).toContain(`action="${portal.url}/portal"`);
    const f = formFields(html);
    expect(f.mac).toBe(MAC_A);
    expect(f['link-login-only']).toBe(`${hotspot.url}/login`);
    expect(decodeURIComponent(f['link-orig-esc']!)).toBe(`${hotspot.url}/generate_204`);
    expect(f['chap-id']).toMatch(/^\\[0-7]{3}$/);
    expect(f['chap-challenge']).toMatch(/^(\\[0-7]{3}){16}$/);

    // The phone's browser posts the form to the portal: signed token, then this router's packages.
    const toPortal = await fetch(`${portal.url}/portal`, { method: 'POST', body: new URLSearchParams(f), redirect: 'manual' });
    expect(toPortal.status).toBe(303);
    const page = await (await fetch(`${portal.url}${toPortal.headers.get('location')!}`)).text();
    expect(page).toContain('1 Day 5 Mbps');

    // After payment (next session) the portal answers the router's challenge with the password hashed.
    const password = chapPassword(f['chap-id']!, c.password, f['chap-challenge']!)!;
    const ok = await get(f['link-login-only']!, { method: 'POST', body: new URLSearchParams({ username: c.username, password, dst: 'http://example.com/' }) });
    const alogin = await ok.text();
    expect(alogin).toContain(`${portal.url}/status?router=${w.routerId}`);
    expect(hotspot.logins.at(-1)).toMatchObject({ mac: MAC_A, method: 'chap', accepted: true });
    expect(hotspot.isOnline(MAC_A)).toBe(true);
    expect((await get(`${hotspot.url}/anything`)).status).toBe(200); // online: no redirect

    // The owner kicks it: the engine sends Disconnect-Request, the NAS obeys, the phone is captive again.
    const sessions = await w.ok('sessions.list', { status: 'online' });
    const s = sessions.items.find((x) => x.mac === MAC_A)!;
    expect(s).toBeDefined();
    expect((await w.ok('sessions.kick', { id: s.id })).outcome).toBe('ack');
    await until(() => !hotspot.isOnline(MAC_A), 'the client to go offline');
    expect((await get(`${hotspot.url}/anything`)).status).toBe(302);
  });

  it('a wrong password is refused with the router’s error, which the portal shows', async () => {
    const { c, portal, hotspot } = await world();
    const get = phone(MAC_B);
    const f = formFields(await landOnLogin(get, hotspot.url));
    const wrong = chapPassword(f['chap-id']!, `${c.password}x`, f['chap-challenge']!)!;
    const res = await get(f['link-login-only']!, { method: 'POST', body: new URLSearchParams({ username: c.username, password: wrong }) });
    const flogin = formFields(await res.text());
    expect(hotspot.isOnline(MAC_B)).toBe(false);
    expect(hotspot.logins.at(-1)).toMatchObject({ accepted: false, method: 'chap' });
    const parsed = parseRouterValues(flogin, true);
    expect(parsed.ok && parsed.values.error).toMatch(/Wrong password/);
    // A fresh challenge came with the failure page: the old one cannot be replayed.
    expect(flogin['chap-challenge']).not.toBe(f['chap-challenge']);
    const toPortal = await fetch(`${portal.url}/portal`, { method: 'POST', body: new URLSearchParams(flogin), redirect: 'manual' });
    const page = await (await fetch(`${portal.url}${toPortal.headers.get('location')!}`)).text();
    expect(page).toContain('The WiFi router said:');
    expect(page).toMatch(/Wrong password/);
  });

  it('a PAP-only router sends no chap values and accepts the cleartext password', async () => {
    const { c, hotspot } = await world({ loginBy: ['http-pap'] });
    const get = phone(MAC_A);
    const html = await landOnLogin(get, hotspot.url);
    expect(html).not.toContain('chap-');
    const f = formFields(html);
    await get(f['link-login-only']!, { method: 'POST', body: new URLSearchParams({ username: c.username, password: c.password }) });
    expect(hotspot.logins.at(-1)).toMatchObject({ method: 'pap', accepted: true });
    expect(hotspot.isOnline(MAC_A)).toBe(true);
    // Logging out at the router ends the session and sends the phone to the portal's start page.
    const out = await (await get(`${hotspot.url}/logout`)).text();
    expect(out).toContain('msg=logout');
    expect(hotspot.isOnline(MAC_A)).toBe(false);
  });
});
