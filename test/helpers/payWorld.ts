import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../../src-main/config';
import { createEngine, type Engine } from '../../src-main/engine';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import type { OneShotTimer } from '../../src-main/gateways';
import { SecretText } from '../../src-shared/settings';
import { okFor } from './api';
import { startFakeBkash, type FakeBkashOptions } from '../fakes/bkash';
import { startFakeNagad } from '../fakes/nagad';
import { startFakeSslcommerz, type FakeSslcommerzOptions } from '../fakes/sslcommerz';
import { VirtualNas } from '../virtual-mikrotik/nas';
import { VirtualHotspot } from '../virtual-mikrotik/hotspot-http';

/**
 * Paying online end to end, for the vitest HTTP tests and the Playwright specs alike (no vitest
 * imports: call `stop()`): a started engine with its real gateway modules pointed at the fakes
 * (bKash, Nagad, SSLCommerz), the retry job on a timer the test fires by hand, gateway HTTP calls
 * cut short after `gatewayTimeoutMs` (so a held execute times out in a test's time), a virtual NAS
 * registered as a router and the virtual hotspot's front in front of the engine's own portal.
 */
export const SMS_TOKEN = 'sms-hook-token-42';
export const SHOP_BKASH = '01811111111';
export const SHOP_NAGAD = '01922222222';
const MERCHANT_ID = '683002007104225';

export async function payWorld(o: { bkash?: FakeBkashOptions; ssl?: FakeSslcommerzOptions; gatewayTimeoutMs?: number; sendMoney?: boolean } = {}) {
  const clock = manualClock(Date.UTC(2026, 5, 1, 6, 0, 0));
  const armed: Array<{ fn: () => void; live: boolean }> = [];
  const timer: OneShotTimer = {
    set(fn) {
      const t = { fn, live: true };
      armed.push(t);
      return () => void (t.live = false);
    },
  };
  const cut = o.gatewayTimeoutMs ?? 1500;
  const shortFetch: typeof fetch = (url, init) => fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(cut)]) : AbortSignal.timeout(cut) });
  // testConfig() of ./engine, without its vitest hooks (Playwright loads this file too).
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsd-pay-'));
  const config = { ...defaultConfig(), dataDir, bind: '127.0.0.1', adminBind: '127.0.0.1', adminPort: 0, portalPort: 0, radiusAuthPort: 0, radiusAcctPort: 0, logLevel: 'silent' as const };
  const engine: Engine = await createEngine(config, { clock, log: silentLogger(), gateways: { timer, fetch: shortFetch }, radius: { disconnectTimeoutMs: 150, disconnectAttempts: 2, kickViaApi: async () => true } });
  const stops: Array<() => Promise<void>> = [async () => fs.rmSync(dataDir, { recursive: true, force: true }), () => engine.stop()];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch(() => undefined);
  };
  try {
    await engine.start();
    const ok = okFor((m, i) => engine.call(m, i));
    const portalUrl = engine.portal!.url()!.replace(/\/$/, '');
    // The owner's portal URL: the gateways' return address, and where SSLCommerz's IPN goes.
    engine.deps.settings.update({ network: { portalUrl } });

    const ports = engine.radius.ports();
    const nas = new VirtualNas({ nasIp: '127.0.0.1', secret: 'router-secret-1', server: { host: '127.0.0.1', authPort: ports.auth!, acctPort: ports.acct! }, timeoutMs: 300 });
    await nas.start();
    stops.push(() => nas.stop());
    const router = await ok('routers.create', { name: 'Shop front', nasIp: '127.0.0.1', secret: 'router-secret-1', coaPort: nas.coaPort() });
    const hotspot = new VirtualHotspot({ portalUrl, routerId: router.id, nas, loginBy: ['http-chap', 'http-pap', 'mac'] });
    await hotspot.start();
    stops.push(() => hotspot.stop());

    const bkash = await startFakeBkash(o.bkash);
    stops.push(() => bkash.stop());
    await ok('gateways.configure', { gateway: 'bkash', enabled: true, baseUrl: bkash.url, appKey: bkash.credentials.appKey, appSecret: bkash.credentials.appSecret, username: bkash.credentials.username, password: bkash.credentials.password });

    const keys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const nagad = await startFakeNagad({ merchantId: MERCHANT_ID, merchantPublicKey: keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64') });
    stops.push(() => nagad.stop());
    await ok('gateways.configure', {
      gateway: 'nagad', enabled: true, baseUrl: nagad.baseUrl, merchantId: MERCHANT_ID, merchantNumber: '01711111111', gatewayPublicKey: nagad.publicKey,
      merchantPrivateKey: keys.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    });

    const ssl = await startFakeSslcommerz(o.ssl);
    stops.push(() => ssl.stop());
    await ok('gateways.configure', { gateway: 'sslcommerz', enabled: true, baseUrl: ssl.url, storeId: ssl.storeId, storePassword: ssl.storePassword });

    if (o.sendMoney !== false) engine.deps.settings.update({ sendMoney: { bkashNumber: SHOP_BKASH, nagadNumber: SHOP_NAGAD, smsWebhookToken: new SecretText(SMS_TOKEN) } });

    const pkg = async (over: Record<string, unknown> = {}) =>
      ok('packages.create', { name: `Day ${Math.random().toString(36).slice(2, 6)}`, price: 2000, validitySeconds: 86_400, downloadBps: 5_000_000, uploadBps: 2_000_000, ...over });
    /** The retry job's timer fired (the engine-side hook). */
    const fireRetryJob = async () => {
      for (const t of armed.splice(0)) t.live = false;
      await engine.gateways.retryJob.runDue();
    };
    const lastOtp = (e164: string): string => {
      const item = engine.sms.outbox({ limit: 50 }).items.find((i) => i.phone === e164);
      const code = item && /\b(\d{6})\b/.exec(item.text)?.[1];
      if (!code) throw new Error(`no code texted to ${e164}`);
      return code;
    };
    const payments = async () => (await ok('payments.list', {})).items as Array<{ id: number; status: string; problem: string | null; method: string; trxId: string | null; customerId: number | null }>;
    const subscriptions = () => (engine.db.prepare('SELECT COUNT(*) AS n FROM subscriptions').get() as { n: number }).n;
    const smsIn = (text: string) =>
      fetch(`${portalUrl}/hooks/sms-in`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-token': SMS_TOKEN }, body: JSON.stringify({ from: 'bKash', message: text }) });
    return { engine, clock, ok, portalUrl, nas, hotspot, routerId: router.id as number, bkash, nagad, ssl, pkg, fireRetryJob, lastOtp, payments, subscriptions, smsIn, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

export type PayWorld = Awaited<ReturnType<typeof payWorld>>;
