import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../../src-main/config';
import { createEngine, type Engine } from '../../src-main/engine';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import { okFor, type Ok } from '../helpers/api';
import { VirtualNas } from '../virtual-mikrotik/nas';
import { VirtualHotspot, type VirtualHotspotOptions } from '../virtual-mikrotik/hotspot-http';

/**
 * The portal's end-to-end world, in the Playwright worker: a real engine (its own data dir, its
 * real portal door and RADIUS server on OS-assigned loopback ports) on a MANUAL clock, a virtual
 * MikroTik NAS registered as a router, and the virtual hotspot's HTTP front in front of the portal
 * with HTTP-CHAP, HTTP-PAP and MAC login on, like a shop's router.
 *
 * Why in-process and not the built headless server: the abuse limits are time rules (a new code
 * only after 60 s — 15 s at the least the settings allow — three an hour, a PIN lock for 15
 * minutes). On the headless server's wall clock, flow 5 would have to sleep through them; here
 * the test moves the engine's clock. Everything a phone touches is still a real socket.
 *
 * Kept free of vitest (test/helpers/radius.ts registers vitest hooks, which Playwright cannot load).
 */
export const SECRET = 'router-secret-e2e';
export const GiB = 2 ** 30;

export interface PortalRig {
  engine: Engine;
  clock: ReturnType<typeof manualClock>;
  ok: Ok;
  nas: VirtualNas;
  routerId: number;
  hotspot: VirtualHotspot;
  portalUrl: string;
  pkg(over?: Record<string, unknown>): Promise<{ id: number; name: string }>;
  cards(packageId: number, count?: number): Promise<string[]>;
  /** Every text the outbox holds for a number (E.164), newest first, read over the admin API. */
  outboxFor(e164: string): Promise<Array<{ phone: string; text: string; status: string }>>;
  /** The newest 6-digit code texted to a number. */
  lastOtp(e164: string): Promise<string>;
  /** The customer's hotspot password (the secret that must never show in a URL or a form). */
  hotspotPassword(phone: string): Promise<string>;
  close(): Promise<void>;
}

/** `hotspot` adjusts the virtual router (e.g. its CHAP challenge behaviour, unverified on RouterOS). */
export async function startPortalRig(opts: { hotspot?: Partial<VirtualHotspotOptions> } = {}): Promise<PortalRig> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotspotdesk-portal-e2e-'));
  const clock = manualClock(Date.UTC(2026, 5, 1, 6, 0, 0));
  const engine = await createEngine(
    {
      ...defaultConfig(),
      dataDir, bind: '127.0.0.1', adminBind: '127.0.0.1', adminPort: 0, portalPort: 0, radiusAuthPort: 0, radiusAcctPort: 0, logLevel: 'silent',
    },
    // No RouterOS API here: when a Disconnect is not ACKed the fallback reports failure.
    { clock, log: silentLogger(), radius: { kickViaApi: async () => false, disconnectTimeoutMs: 300, disconnectAttempts: 2 } },
  );
  const cleanups: Array<() => Promise<void> | void> = [() => fs.rmSync(dataDir, { recursive: true, force: true }), () => engine.stop()];
  const close = async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  };
  try {
    await engine.start();
    const ok = okFor((m, i) => engine.call(m, i));
    const ports = engine.radius.ports();
    const nas = new VirtualNas({ nasIp: '127.0.0.1', secret: SECRET, server: { host: '127.0.0.1', authPort: ports.auth!, acctPort: ports.acct! }, timeoutMs: 500 });
    await nas.start();
    cleanups.push(() => nas.stop());
    const router = await ok('routers.create', { name: 'Shop front', nasIp: '127.0.0.1', secret: SECRET, coaPort: nas.coaPort() });
    await ok('settings.update', { shop: { name: 'Rahim WiFi Zone', supportPhone: '01712-345678', notice: 'Open 9am to 11pm.' } });
    const portalUrl = engine.portal!.url()!.replace(/\/$/, '');
    const hotspot = new VirtualHotspot({ portalUrl, routerId: router.id, nas, loginBy: ['http-chap', 'http-pap', 'mac'], ...opts.hotspot });
    await hotspot.start();
    cleanups.push(() => hotspot.stop());

    const outboxFor: PortalRig['outboxFor'] = async (e164) => (await ok('sms.outbox', { limit: 100 })).items.filter((i) => i.phone === e164);
    return {
      engine, clock, ok, nas, routerId: router.id, hotspot, portalUrl, close, outboxFor,
      async pkg(over = {}) {
        const p = await ok('packages.create', { name: `Day ${Math.random().toString(36).slice(2, 6)}`, price: 2000, validitySeconds: 86_400, downloadBps: 5_000_000, uploadBps: 2_000_000, ...over });
        return { id: p.id, name: p.name };
      },
      async cards(packageId, count = 1) {
        return (await ok('vouchers.generate', { packageId, count })).codes;
      },
      async lastOtp(e164) {
        const item = (await outboxFor(e164))[0];
        const code = item && /\b(\d{6})\b/.exec(item.text)?.[1];
        if (!code) throw new Error(`no code texted to ${e164}`);
        return code;
      },
      async hotspotPassword(phone) {
        return (await ok('customers.get', { phone })).hotspotPassword;
      },
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Waits (without sleeping a fixed time) until `cond` holds, yielding to the event loop between checks. */
export async function until(cond: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
