import fs from 'node:fs';
import path from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { PHONE_HEADER } from '../virtual-mikrotik/hotspot-http';
import type { PortalRig } from './portalRig';

/**
 * A phone in Chromium: its own context at 360×740 (cheap Android size), JavaScript on or off, its
 * language, and the `X-Virtual-Phone: <MAC>` header on every request so the virtual router tells
 * it apart from the other phones (all browsers here come from 127.0.0.1; the portal ignores it).
 *
 * It records what a reviewer of the flow needs afterwards: every request's URL (nothing but the
 * portal and the virtual router may be asked for: the phone is not online yet), every URL a page
 * links or posts to, and the bodies of the logins posted to the router's link-login-only.
 */
export const PHONE = { width: 360, height: 740 };
export const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'portal');

export interface Phone {
  page: Page;
  mac: string;
  /** Requests to anything but the portal and the virtual router (must stay empty). */
  foreign: string[];
  /** Every URL requested, and every href/action/src found on a page `step` looked at. */
  urls: string[];
  /** POST bodies sent to the router's link-login-only. */
  logins: Array<{ method: string; url: string; body: string }>;
  /** Asserts the page fits 360 px and keeps a screenshot `<flow>-<nn>-<step>.png`. */
  step(name: string): Promise<void>;
  /** The same phone goes on to another flow: its screenshots are named for that one. */
  flow(name: string): void;
  /** A phone joins the WiFi and opens a website: the router's login.html sends it to the portal. */
  arrive(): Promise<void>;
  close(): Promise<void>;
}

export async function openPhone(
  browser: Browser,
  rig: PortalRig,
  opts: { flow: string; mac: string; js?: boolean; locale?: string },
): Promise<Phone> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: false,
    javaScriptEnabled: opts.js ?? true,
    locale: opts.locale ?? 'en-US',
    extraHTTPHeaders: { [PHONE_HEADER]: opts.mac },
  });
  const page = await context.newPage();
  const foreign: string[] = [];
  const urls: string[] = [];
  const logins: Phone['logins'] = [];
  const routerLogin = `${rig.hotspot.url}/login`;
  page.on('request', (r) => {
    const u = r.url();
    urls.push(u);
    if (!u.startsWith(`${rig.portalUrl}/`) && !u.startsWith(`${rig.hotspot.url}/`)) foreign.push(u);
    if (u.split('?')[0] === routerLogin && r.method() === 'POST') logins.push({ method: r.method(), url: u, body: r.postData() ?? '' });
  });
  let n = 0;
  let flow = opts.flow;
  const phone: Phone = {
    page, mac: opts.mac, foreign, urls, logins,
    async step(name) {
      await page.waitForLoadState('load');
      const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body?.scrollWidth ?? 0));
      expect(width, `${flow} ${name}: the page is wider than the phone`).toBeLessThanOrEqual(PHONE.width);
      urls.push(...(await page.evaluate(() => [...document.querySelectorAll('[href],[action],[src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('action') ?? e.getAttribute('src') ?? ''))));
      n += 1;
      await page.screenshot({ path: path.join(SHOTS, `${flow}-${String(n).padStart(2, '0')}-${name}.png`), fullPage: true });
    },
    flow(name) {
      flow = name;
      n = 0;
    },
    async arrive() {
      await page.goto(`${rig.hotspot.url}/generate_204`);
      // login.html posts itself (JS) or refreshes (no JS) to the portal.
      await page.waitForURL((u) => u.toString().startsWith(`${rig.portalUrl}/portal`));
    },
    close: () => context.close(),
  };
  return phone;
}

/** What the pages must never do with the customer's hotspot password (CHAP is the only way it travels). */
export function expectPasswordKept(phone: Phone, password: string): void {
  expect(password.length).toBeGreaterThan(0);
  for (const u of phone.urls) expect(u, 'a URL carries the hotspot password').not.toContain(password);
  expect(phone.logins.length).toBeGreaterThan(0);
  for (const l of phone.logins) {
    expect(l.url, 'the login is a POST to link-login-only without a query').toBe(l.url.split('?')[0]);
    const body = new URLSearchParams(l.body);
    expect(body.get('password')).toMatch(/^[0-9a-f]{32}$/); // the CHAP hash
    expect(l.body).not.toContain(password);
  }
}
