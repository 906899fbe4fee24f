import type {
  ActiveSession, ConfigureResult, CustomWalledGardenEntry, Diagnosis, DiagnoseCheck, RouterPlan, RouterTestResult,
  WalledGardenPushResult, WalledGardenView,
} from '../../src-shared/api/routers';
import type { CoreDeps, Subsystem } from '../deps';
import { AppError, isAppError } from '../errors';
import { applyPlan, fetchExpectedLoginPage, readSnapshot, ROUTER_PAGE_NAMES } from './configure';
import { planConfiguration, publicStep, type DesiredInputs, type PlannedStep, type RouterPageWant, type RouterSnapshot } from './configurePlan';
import { hotspotHostsOf } from './hotspotHosts';
import { createRosConnection, defaultTimeouts, isNodeRouterosPatched, type ConnectionTimeouts, type RosConnection } from './connection';
import { addCustomEntry, listCustomEntries, removeCustomEntry } from './customWalledGarden';
import { checkZoneSsids, readSsids, runRouterChecks, ssidProblem, zoneExpectedSsid, type ZoneInputs } from './diagnose';
import { readClockOffset } from './routerClock';
import { readRouterInfo } from './routerInfo';
import { createRouterPool, type ClientOptions } from './routerPool';
import { listRouters, routerTarget, zoneOf, type RouterRecord } from './routerRecord';
import type { RouterStore } from '../routers';
import { recordContact, recordFailure } from './routerStatus';
import { resolveServerAddress } from './serverAddress';
import { activeSessions, kickById, kickMatching, type SessionMatch } from './sessions';
import type { RosClient, RouterTarget } from './types';
import { desiredWalledGarden, pushWalledGarden } from './walledGarden';
import { ALL_GATEWAYS, type GatewayId } from './walledGardenDefaults';
import { createContactLog } from './contactLog';
import { noProgress, type OnProgress } from '../jobs';

/**
 * RouterOS sync: configures routers for hotspot-with-RADIUS, keeps their walled garden right,
 * lists and kicks online sessions, and diagnoses why customers cannot get in. Talks to routers
 * through node-routeros (patched, see patches/) behind the RosClient interface.
 */

export interface RouterOsDeps extends CoreDeps {
  /** The routers table (records, decrypted credentials, status columns). */
  routers: RouterStore;
  /** The captive portal's base URL as this router reaches it; null until the portal runs. */
  portalUrl?: (router?: Pick<RouterRecord, 'host'>) => string | null;
  /** Payment gateways whose hosts go into the walled garden. Default: all three (payments come later). */
  enabledGateways?: () => readonly GatewayId[];
  /** The walled-garden hosts of an enabled gateway (for its mode); default: all it has. */
  gatewayHosts?: (gateway: GatewayId) => readonly string[];
  timeouts?: Partial<ConnectionTimeouts>;
  /**
   * The RADIUS ports routers must send to: the ones the server actually bound (with port 0 in the
   * config the OS picks them). Default: the configured ports.
   */
  radiusPorts?: () => { auth: number; acct: number };
  /** How often router status is refreshed in the background; 0 turns it off. Default 60 s. */
  statusPollMs?: number;
}

export interface RouterOsStatus {
  running: boolean;
  /** False when patches/node-routeros+1.6.9.patch is missing: routers are then refused. */
  clientPatched: boolean;
  connectedRouters: number;
}

export type { SessionMatch } from './sessions';
export type { GatewayId } from './walledGardenDefaults';
export { ROUTER_LOGIN_PAGE_PATH } from './configure';

const CONNECTION_CODES = new Set(['ROUTER_UNREACHABLE', 'ROUTER_AUTH_FAILED', 'ROUTER_TIMEOUT', 'ROUTER_API_DISABLED', 'ROUTER_TRAP', 'ROUTER_CERT_CHANGED']);

export function createRouterOs(deps: RouterOsDeps) {
  const { db, clock, log, settings, config, routers } = deps;
  const timeouts: ConnectionTimeouts = { ...defaultTimeouts, ...deps.timeouts };
  const pool = createRouterPool(timeouts, clock, log);
  const contactLog = createContactLog(log);
  const pollMs = deps.statusPollMs ?? 60_000;
  const radiusPorts = deps.radiusPorts ?? (() => ({ auth: config.radiusAuthPort, acct: config.radiusAcctPort }));
  let running = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;
  let unsubscribe: (() => void) | null = null;

  function ensurePatched(): void {
    if (!isNodeRouterosPatched()) {
      // Without the patch a RouterOS 7.18+ reply would crash the whole engine.
      throw new AppError('internal', 'The RouterOS client is missing its safety patch. Reinstall HotspotDesk (npm install applies patches/).');
    }
  }

  /**
   * Runs `fn` against the router's API and keeps the router's status columns current. `fresh`
   * logs in on a connection of its own, closed afterwards: the pooled session stays logged in
   * after the password changes on the router, so only a new login proves the saved one works.
   */
  async function withRouter<T>(
    id: number,
    fn: (client: RosClient, target: RouterTarget, router: RouterRecord) => Promise<T>,
    opts: ClientOptions & { fresh?: boolean } = {},
  ): Promise<T> {
    const router = routers.get(id);
    const target = routerTarget(routers, id);
    ensurePatched();
    let own: RosConnection | null = null;
    if (opts.fresh) own = createRosConnection(target, timeouts, log);
    const client: RosClient = own ?? pool.client(target, opts);
    try {
      const result = await fn(client, target, router);
      recordContact(routers, id);
      contactLog.succeeded(id);
      return result;
    } catch (e) {
      if (isAppError(e) && CONNECTION_CODES.has(e.code)) {
        recordFailure(routers, id, e);
        // A !trap is one command refused by a router that answered: worth a line each time.
        if (e.code === 'ROUTER_TRAP') log.warn({ router: id, code: e.code, reason: e.message }, 'routeros command refused');
        else contactLog.failed(id, e.code, e.message);
        // The saved login no longer works: the pooled session must not keep pretending it does.
        if (own && e.code === 'ROUTER_AUTH_FAILED') await pool.drop(id);
      }
      throw e;
    } finally {
      await own?.close();
    }
  }

  function serverAddress(router: RouterRecord) {
    return resolveServerAddress(settings.get().network.serverAddress, router.host);
  }

  /** Portal base for the walled garden: the running portal, else the owner's setting, else this PC. */
  function portalBase(router: RouterRecord): string | null {
    const running = deps.portalUrl?.(router) ?? null;
    if (running) return running;
    const configured = settings.get().network.portalUrl.trim();
    if (configured) return configured;
    const addr = serverAddress(router).address;
    return addr ? `http://${addr}:${config.portalPort}` : null;
  }

  function enabledGateways(): readonly GatewayId[] {
    return deps.enabledGateways?.() ?? ALL_GATEWAYS;
  }

  function walledGardenFor(router: RouterRecord) {
    return desiredWalledGarden({ portalUrl: portalBase(router), enabledGateways: enabledGateways(), gatewayHosts: deps.gatewayHosts, custom: listCustomEntries(db, router.id) });
  }

  /** Every page the portal serves for routers, as it serves them now (fetched side by side). */
  function wantedRouterPages(base: string, routerId: number): Promise<RouterPageWant[]> {
    return Promise.all(
      ROUTER_PAGE_NAMES.map(async (name) => {
        const url = `${base}/router/${name}?router=${routerId}`;
        return { name, url, expectedBody: await fetchExpectedLoginPage(url) };
      }),
    );
  }

  async function buildPlan(client: RosClient, router: RouterRecord): Promise<{ plan: RouterPlan; steps: PlannedStep[] }> {
    const addr = serverAddress(router);
    const portal = deps.portalUrl?.(router) ?? null;
    // The router id rides in the URL: the page sends phones to the portal with it (its packages).
    const base = portal ? portal.replace(/\/+$/, '') : null;
    const desired: DesiredInputs = {
      hotspotInterface: router.hotspotInterface,
      coaPort: router.coaPort,
      requireMessageAuthenticator: router.requireMessageAuthenticator,
      radiusSecret: routers.credentials(router.id).radiusSecret,
      serverAddress: addr.address,
      radiusAuthPort: radiusPorts().auth,
      radiusAcctPort: radiusPorts().acct,
      routerPages: base ? await wantedRouterPages(base, router.id) : null,
    };
    const snapshot = await readSnapshot(client, router.hotspotInterface);
    recordContact(routers, router.id, { version: snapshot.version || undefined });
    keepHotspotHosts(router, snapshot);
    const steps = planConfiguration(snapshot, desired);
    const notes: string[] = [];
    if (addr.detected && addr.address) {
      notes.push(`Server address ${addr.address} was detected on this PC (Settings > Server address is empty); set it if routers reach this PC by another address.`);
    }
    if (!portal) notes.push('portal not running: the login page step is skipped; everything else is applied.');
    return {
      plan: { routerId: router.id, serverAddress: addr.address, serverAddressDetected: addr.detected, notes, steps: steps.map(publicStep) },
      steps,
    };
  }

  /** The portal's link-login-only check reads these from the router's row (hotspotHosts.ts). */
  function keepHotspotHosts(router: RouterRecord, snapshot: RouterSnapshot): void {
    const hosts = hotspotHostsOf(snapshot, router.hotspotInterface);
    if (hosts) routers.setHotspotHosts(router.id, hosts);
  }

  async function zoneInputs(router: RouterRecord, thisClient: RosClient): Promise<ZoneInputs | null> {
    if (router.zoneId === null) return null;
    const zone = zoneOf(routers, router.zoneId);
    if (!zone) return null;
    const members = listRouters(routers, zone.id);
    // In parallel: an unreachable access point should cost one connect timeout, not one each.
    const seen: ZoneInputs['routers'] = await Promise.all(
      members.map(async (m) => {
        try {
          const ssids = m.id === router.id ? await readSsids(thisClient, m.name) : await withRouter(m.id, (c) => readSsids(c, m.name));
          return { routerName: m.name, routerId: m.id, ssids };
        } catch (e) {
          return { routerName: m.name, routerId: m.id, ssids: null, error: e instanceof Error ? e.message : String(e) };
        }
      }),
    );
    return { zoneName: zone.name, zoneSsid: zone.ssid, routers: seen };
  }

  /** What Diagnose's zone check found, kept per router for the dashboard (routers it could read). */
  function recordSsidProblems(zone: ZoneInputs): void {
    const expected = zoneExpectedSsid(zone);
    if (expected === null) return;
    for (const m of zone.routers) {
      if (m.routerId !== undefined && m.ssids !== null) routers.setSsidProblem(m.routerId, ssidProblem(m.ssids, expected));
    }
  }

  /**
   * The poll's health readings besides reachability: the router's clock against this PC's, and
   * (in a zone whose SSID the owner set) whether it broadcasts that SSID. Either failing to read
   * (an old RouterOS without a menu, a !trap) leaves the last reading as it was.
   */
  async function pollHealth(c: RosClient, r: RouterRecord): Promise<void> {
    try {
      const offset = await readClockOffset(c, clock.now);
      if (offset !== null) routers.setClockOffset(r.id, offset);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'ROUTER_TRAP') throw e;
    }
    const zone = r.zoneId === null ? null : zoneOf(routers, r.zoneId);
    if (zone?.ssid) {
      try {
        routers.setSsidProblem(r.id, ssidProblem(await readSsids(c, r.name), zone.ssid));
      } catch (e) {
        if (!isAppError(e) || e.code !== 'ROUTER_TRAP') throw e;
      }
    }
  }

  async function pollOnce(): Promise<void> {
    for (const r of listRouters(routers)) {
      if (!running) return;
      if (!r.host || !r.apiUser) continue;
      try {
        await withRouter(
          r.id,
          async (c) => {
            const identity = (await c.exec('/system/identity/print'))[0]?.name;
            const version = (await c.exec('/system/resource/print', undefined, { proplist: ['version'] }))[0]?.version;
            recordContact(routers, r.id, { identity, version });
            await pollHealth(c, r);
          },
          { background: true },
        );
      } catch {
        // recorded in the router's status by withRouter
      }
    }
  }

  function schedulePoll(): void {
    if (!running || pollMs <= 0) return;
    pollTimer = setTimeout(() => {
      polling = pollOnce().finally(() => {
        polling = null;
        schedulePoll();
      });
    }, pollMs);
    pollTimer.unref();
  }

  const subsystem = {
    async start(): Promise<void> {
      running = true;
      if (!isNodeRouterosPatched()) log.error('node-routeros is not patched (patches/node-routeros+1.6.9.patch): RouterOS calls are refused');
      // A removed or edited router must not keep its old connection.
      unsubscribe = deps.bus.on('routers.changed', ({ routerId }) => {
        if (routerId !== null) {
          void pool.drop(routerId);
          contactLog.forget(routerId);
        }
      });
      schedulePoll();
    },

    async stop(): Promise<void> {
      running = false;
      if (pollTimer) clearTimeout(pollTimer);
      pollTimer = null;
      unsubscribe?.();
      unsubscribe = null;
      await polling?.catch(() => undefined);
      await pool.closeAll();
    },

    status(): RouterOsStatus {
      return { running, clientPatched: isNodeRouterosPatched(), connectedRouters: pool.connectedCount() };
    },

    /** routers.test */
    test(id: number): Promise<RouterTestResult> {
      return withRouter(id, async (client, target) => {
        const info = await readRouterInfo(client, target.user);
        recordContact(routers, id, { identity: info.identity, version: info.version });
        return { routerId: id, ...info };
      }, { fresh: true });
    },

    /** routers.plan: what configure would change, without changing anything. */
    plan(id: number): Promise<RouterPlan> {
      return withRouter(id, async (client, _t, router) => (await buildPlan(client, router)).plan);
    },

    /** routers.configure: apply the plan; running it again changes nothing. */
    configure(id: number, onProgress: OnProgress = noProgress): Promise<ConfigureResult> {
      return withRouter(id, async (client, _t, router) => {
        onProgress({ done: 0, total: 0, step: 'Reading the router' });
        const { plan, steps } = await buildPlan(client, router);
        const results = await applyPlan(client, steps, onProgress);
        const failed = results.filter((s) => s.result === 'failed');
        log.info({ router: id, applied: results.filter((s) => s.result === 'applied').map((s) => s.key), failed: failed.map((s) => s.key) }, 'router configured');
        return { ...plan, steps: results, changed: results.filter((s) => s.result === 'applied').length, failed: failed.length };
      });
    },

    /** routers.walledGarden: default and custom entries for this router (from HotspotDesk, no router call). */
    walledGarden(id: number): WalledGardenView {
      const router = routers.get(id);
      return { routerId: id, entries: walledGardenFor(router), enabledGateways: [...enabledGateways()] };
    },

    pushWalledGarden(id: number, onProgress: OnProgress = noProgress): Promise<WalledGardenPushResult> {
      return withRouter(id, async (client, _t, router) => {
        const result = await pushWalledGarden(client, id, walledGardenFor(router), onProgress);
        log.info({ router: id, added: result.added.length, removed: result.removed.length }, 'walled garden pushed');
        return result;
      });
    },

    listWalledGardenEntries(routerId?: number | null): CustomWalledGardenEntry[] {
      return listCustomEntries(db, routerId);
    },

    addWalledGardenEntry(e: { routerId: number | null; host: string; https: boolean; comment: string | null }): CustomWalledGardenEntry {
      return addCustomEntry(db, routers, clock.now(), e);
    },

    removeWalledGardenEntry(entryId: number): void {
      removeCustomEntry(db, entryId);
    },

    activeSessions(id: number): Promise<ActiveSession[]> {
      return withRouter(id, (client) => activeSessions(client));
    },

    /** routers.kick: remove one /ip/hotspot/active entry by its `.id`. */
    kick(id: number, sessionId: string): Promise<{ removed: boolean }> {
      return withRouter(id, async (client) => ({ removed: await kickById(client, sessionId) }));
    },

    /**
     * Fallback for RADIUS when a Disconnect-Request is not ACKed: removes the matching active
     * session(s). True when one was removed. Rejects with a ROUTER_* error when the router
     * cannot be asked (respecting the reconnect backoff, as this runs unattended).
     */
    kickSession(routerId: number, match: SessionMatch): Promise<boolean> {
      return withRouter(routerId, (client) => kickMatching(client, match), { background: true });
    },

    /** routers.diagnose */
    async diagnose(id: number): Promise<Diagnosis> {
      const router = routers.get(id);
      let checks: DiagnoseCheck[];
      try {
        checks = await withRouter(id, async (client) => {
          const identity = (await client.exec('/system/identity/print'))[0]?.name ?? '';
          const out: DiagnoseCheck[] = [{ key: 'api', title: 'RouterOS API login', status: 'pass', detail: `Logged in to ${identity || router.name}.` }];
          out.push(
            ...(await runRouterChecks(client, {
              hotspotInterface: router.hotspotInterface,
              coaPort: router.coaPort,
              radiusSecret: routers.credentials(id).radiusSecret,
              serverAddress: serverAddress(router).address,
              desiredWalledGarden: walledGardenFor(router),
              onSnapshot: (snapshot) => keepHotspotHosts(router, snapshot),
            })),
          );
          const zone = await zoneInputs(router, client);
          if (zone) {
            out.push(checkZoneSsids(zone));
            recordSsidProblems(zone);
          }
          return out;
        });
      } catch (e) {
        if (!isAppError(e) || !(CONNECTION_CODES.has(e.code) || e.code === 'ROUTER_NOT_CONFIGURED')) throw e;
        checks = [{ key: 'api', title: 'RouterOS API login', status: 'fail', detail: e.message, fix: e.code === 'ROUTER_NOT_CONFIGURED' ? 'Fill in the API address, user and password in the router settings.' : (AppErrorFix[e.code] ?? 'Check the router settings.') }];
      }
      return { routerId: id, ok: checks.every((c) => c.status === 'pass'), checks };
    },

    /** One status refresh of every router (the background poller calls this). */
    pollOnce,
  };
  return subsystem satisfies Subsystem<RouterOsStatus>;
}

const AppErrorFix: Record<string, string> = {
  ROUTER_UNREACHABLE: 'Check that the router is on, its address is right and this PC can reach it.',
  ROUTER_AUTH_FAILED: 'Check the API user name and password in the router settings.',
  ROUTER_TIMEOUT: 'The router is slow to answer: check its CPU load and the link, then try again.',
  ROUTER_API_DISABLED: 'Enable the api (8728) or api-ssl (8729) service under IP > Services, and allow this PC in "Available From".',
  ROUTER_TRAP: 'The API user needs a group with read, write and api policies.',
  ROUTER_CERT_CHANGED: 'If you replaced the router\'s certificate or reset the router, accept the new certificate on the router page; otherwise someone may be pretending to be the router.',
};

export type RouterOs = ReturnType<typeof createRouterOs>;
