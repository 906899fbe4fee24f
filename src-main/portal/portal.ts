import crypto from 'node:crypto';
import type express from 'express';
import type http from 'node:http';
import type { PortalPayments } from './payPort';
import type { Package } from '../../src-shared/domain';
import type { Settings } from '../../src-shared/settings';
import type { CoreDeps } from '../deps';
import type { Billing } from '../billing';
import type { RouterStore } from '../routers';
import type { RadiusServer } from '../radius';
import type { Sms } from '../sms';
import { createPortalDoor } from './app';
import type { PortalBranding } from './branding';
import { createCardGuardStore } from './cardGuard';
import { createCustomerAuth } from './customerAuth';
import type { CustomerAuth } from './customerAuth/types';
import type { LanguageChoice } from './language';
import type { PortalLimits } from './limits';
import { packagesForRouter } from './packageScope';
import { createPortalShop } from './shopPort';

/** What the portal is built from: the core plus the subsystems it reads and sells through. */
export interface PortalSubsystemDeps extends CoreDeps {
  billing: Billing;
  routers: RouterStore;
  radius: RadiusServer;
  sms: Sms;
  /** The installation's data key: the portal's token key is derived from it, once. */
  dataKey: Buffer;
  /** Machine-to-machine routes served on the portal's door (the shop phone's SMS forwarder). */
  hooks?: express.RequestHandler;
  /** Online payments (bKash, Nagad, SSLCommerz, Send Money) offered beside the recharge card. */
  payments?: PortalPayments;
}

export interface Portal {
  /** The captive portal's express app (not listening: the engine serves it on the portal door). */
  app: express.Express;
  /** What the engine serves: `app` behind the fast path for the power-cut requests (fastPath.ts). */
  listener: http.RequestListener;
  /** The customer's proofs (OTP, PIN); the owner's "reset PIN" goes through it too. */
  customerAuth: CustomerAuth;
}

/**
 * The portal's token key: derived from the data key (HKDF, its own label), so it is stable across
 * restarts without a setting, and a token or OTP proof never exposes the data key itself.
 */
export function portalSigningKey(dataKey: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', dataKey, Buffer.alloc(0), 'hotspotdesk portal tokens v1', 32));
}

/** `f` of a settings section, computed again only when settings hand out a new section object (a save). */
function perSection<S extends keyof Settings, T>(get: () => Settings, section: S, f: (s: Settings[S]) => T): () => T {
  let seen: Settings[S] | null = null;
  let value: T;
  return () => {
    const s = get()[section];
    if (s !== seen) {
      value = f(s);
      seen = s;
    }
    return value;
  };
}

/** A router id the portal was asked about too often to remember each (ids are probed by anyone). */
const MAX_REMEMBERED_ROUTERS = 1000;

/**
 * The captive portal (customers' door), composed from the engine's subsystems: branding and
 * languages from settings, each router's packages, customer auth, the shop port to billing and
 * RADIUS. After a power cut every phone asks for the same pages at once, so what they all read
 * is kept until a write announces a change (`packages.changed`, `routers.changed`, a settings
 * save) — never by wall-clock age — and the app can reuse rendered pages by identity.
 */
export function createPortal(deps: PortalSubsystemDeps): Portal {
  const { db, clock, log, settings, bus, billing, routers, radius, sms } = deps;
  const signingKey = portalSigningKey(deps.dataKey);

  const branding = perSection(settings.get, 'shop', (shop): PortalBranding => ({
    shopName: shop.name,
    supportPhone: shop.supportPhone || null,
    notice: shop.notice || null,
    colour: shop.colour || null,
    logo: shop.logo || null,
    timezone: shop.timezone,
  }));
  const languages = perSection(settings.get, 'portal', (p): LanguageChoice => ({ available: p.languages, default: p.defaultLanguage }));
  const limits = perSection(settings.get, 'portal', (p): PortalLimits => ({
    maxBodyBytes: p.maxBodyKb * 1024,
    maxFieldChars: p.maxFieldChars,
    formPostsPerMacPerMinute: p.formPostsPerMacPerMinute,
    requestsPerAddressPerMinute: p.requestsPerAddressPerMinute,
  }));

  // Per router (and 'shop' for the shop's own page): the same array until packages or routers
  // change, so the app's rendered lists stay valid exactly as long as this does.
  const packageLists = new Map<number | 'shop', Package[]>();
  const routerViews = new Map<number, { id: number; name: string; zoneId: number | null }>();
  const drop = () => {
    packageLists.clear();
    routerViews.clear();
  };
  // Zones and routers decide where a package is sold, so a router change drops the lists too.
  // The listeners live as long as the bus (one per engine core).
  bus.on('packages.changed', drop);
  bus.on('routers.changed', drop);

  function routerById(id: number) {
    const known = routerViews.get(id);
    if (known) return known;
    if (!routers.exists(id)) return null;
    const r = routers.get(id);
    const view = { id: r.id, name: r.name, zoneId: r.zoneId };
    if (routerViews.size >= MAX_REMEMBERED_ROUTERS) routerViews.clear();
    routerViews.set(id, view);
    return view;
  }

  function packagesFor(routerId: number | null): Package[] {
    const router = routerId !== null ? routerById(routerId) : null;
    const key = router ? router.id : 'shop';
    let list = packageLists.get(key);
    if (!list) {
      list = packagesForRouter(billing.packages.list(), router ? { id: router.id, zoneId: router.zoneId } : null);
      packageLists.set(key, list);
    }
    return list;
  }

  const customerAuth = createCustomerAuth({ db, clock, log, settings, sms, customers: billing.customers, signingKey });
  const { app, listener } = createPortalDoor({
    log,
    clock,
    signingKey,
    branding,
    languages,
    packagesFor,
    routerById,
    portalUrl: () => settings.get().network.portalUrl.trim() || null,
    auth: customerAuth,
    shop: createPortalShop({ billing, radius }),
    cardGuard: createCardGuardStore(db),
    hooks: deps.hooks,
    payments: deps.payments,
    freeMinutes: radius.freeMinutes,
    limits,
    // The hotspot address and DNS name RouterOS sync read from each router (routers store).
    loginHostsFor: (routerId) => routers.loginHosts(routerId),
  });
  return { app, listener, customerAuth };
}
