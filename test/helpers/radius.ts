import { afterEach } from 'vitest';
import { createEngine, type Engine } from '../../src-main/engine';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import type { KickViaApi, KickMatch } from '../../src-main/radius';
import { testConfig } from './engine';
import { okFor } from './api';
import { VirtualNas, type NasOptions } from '../virtual-mikrotik/nas';

const engines: Engine[] = [];
const nases: VirtualNas[] = [];

afterEach(async () => {
  for (const n of nases.splice(0)) await n.stop();
  for (const e of engines.splice(0)) await e.stop();
});

export const SECRET = 'router-secret-1';
export const GiB = 2 ** 30;

/**
 * A started engine (own data dir, OS-assigned RADIUS ports, manual clock) with a virtual
 * MikroTik NAS registered as a router. `kicks` records RouterOS-API fallbacks asked for.
 */
export async function radiusWorld(opts: {
  nas?: Partial<NasOptions>;
  router?: Record<string, unknown>;
  apiKickResult?: boolean | 'throw';
} = {}) {
  const clock = manualClock(Date.UTC(2026, 5, 1, 6, 0, 0));
  const kicks: Array<{ routerId: number; match: KickMatch }> = [];
  const kickViaApi: KickViaApi = async (routerId, match) => {
    kicks.push({ routerId, match });
    if (opts.apiKickResult === 'throw') throw new Error('api unreachable');
    return opts.apiKickResult ?? true;
  };
  const engine = await createEngine(testConfig(), {
    clock, log: silentLogger(), radius: { kickViaApi, disconnectTimeoutMs: 150, disconnectAttempts: 2 },
  });
  engines.push(engine);
  await engine.start();
  const ports = engine.radius.ports();

  const ok = okFor((m, i) => engine.call(m, i));

  async function addNas(o: Partial<NasOptions> = {}, router: Record<string, unknown> = {}) {
    const nas = new VirtualNas({
      nasIp: '127.0.0.1',
      secret: SECRET,
      server: { host: '127.0.0.1', authPort: ports.auth!, acctPort: ports.acct! },
      timeoutMs: 300,
      ...o,
    });
    await nas.start();
    nases.push(nas);
    const r = await ok('routers.create', {
      name: `router-${nas.opts.nasIp}`, nasIp: nas.opts.nasIp, secret: nas.opts.secret, coaPort: nas.coaPort(), ...router,
    });
    return { nas, routerId: r.id as number };
  }

  const first = await addNas(opts.nas, opts.router);

  /** Sells a package to a phone; returns the customer's hotspot login and ids. */
  async function customer(phone: string, pkg: Record<string, unknown> = {}) {
    const p = await ok('packages.create', {
      name: `pkg-${phone}-${Math.random()}`.slice(0, 40), price: 3000, validitySeconds: 86_400,
      downloadBps: 5_000_000, uploadBps: 2_000_000, ...pkg,
    });
    const sale = await ok('customers.sellPackage', { phone, packageId: p.id, method: 'cash' });
    const c = await ok('customers.get', { id: sale.customerId });
    return {
      customerId: sale.customerId as number,
      subscriptionId: sale.subscriptionId as number,
      packageId: p.id as number,
      username: c.hotspotUsername as string,
      password: c.hotspotPassword as string,
    };
  }

  return { engine, clock, ok, kicks, ports, nas: first.nas, routerId: first.routerId, addNas, customer };
}

/** Waits (without sleeping) until `cond` holds, yielding to the event loop between checks. */
export async function until(cond: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}
