import fs from 'node:fs';
import type http from 'node:http';
import type { EngineConfig } from './config';
import type { CoreDeps, Subsystem } from './deps';
import { systemClock, type Clock } from './clock';
import { createLogger, type Logger } from './log';
import { createSecretBox, fileKeyProvider, type KeyProvider } from './secrets';
import { createBus } from './bus';
import { createEvents } from './afterCommit';
import { openDataDirDatabase } from './db';
import { createWalCheckpointer } from './db/checkpointer';
import { createSettingsStore } from './settingsStore';
import { createBilling } from './billing';
import { createRouterStore, type RouterStore } from './routers';
import { createAdmin } from './admin';
import { createHandlers } from './admin/handlers';
import { createRadiusServer, type RadiusServer, type RadiusServerDeps } from './radius';
import { createRouterOs, type RouterOsDeps } from './routeros';
import { createHttpDoor, type HttpDoor } from './httpDoor';
import { late } from './late';
import { createSms } from './sms';
import { smsConfigFromSettings } from './sms/fromSettings';
import { AppError } from './errors';
import type { ApiReply } from '../src-shared/api';

/** What the captive portal's app is built from (the portal lands in the next issue). */
export interface PortalAppDeps extends CoreDeps {
  billing: ReturnType<typeof createBilling>;
  routers: RouterStore;
  radius: RadiusServer;
}

/** How the engine is built beyond its config: one entry per subsystem that takes options. */
export interface EngineOptions {
  clock?: Clock;
  log?: Logger;
  /** Electron passes a safeStorage-backed provider; headless uses a 0600 key file. */
  keyProvider?: KeyProvider;
  /** RADIUS: the Disconnect fallback (RouterOS API by default; tests pass their own), and the
   *  Disconnect-Request timeout per try and tries (tests shorten them). */
  radius?: Pick<RadiusServerDeps, 'kickViaApi' | 'disconnectTimeoutMs' | 'disconnectAttempts' | 'coaLimitBasis'>;
  /** RouterOS sync: the portal URL source (until the portal runs), timeouts, status polling. */
  routerOs?: Pick<RouterOsDeps, 'portalUrl' | 'enabledGateways' | 'timeouts' | 'statusPollMs'>;
  /** The captive portal's HTTP app; the engine serves it on `bind:portalPort`. None: no portal door. */
  portal?: { app?: (deps: PortalAppDeps) => http.RequestListener };
}

/** Makes sure the data dir exists and is writable, or fails with DATA_DIR_UNUSABLE. */
function prepareDataDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.R_OK);
    if (!fs.statSync(dir).isDirectory()) throw new Error('not a directory');
  } catch (e) {
    throw new AppError('DATA_DIR_UNUSABLE', `The data folder ${dir} cannot be used: ${(e as Error).message}`);
  }
}

/**
 * The composition root: builds every subsystem from one config and wires them together.
 * It never imports electron; the Electron shell and the headless server both drive it.
 */
export async function createEngine(config: EngineConfig, opts: EngineOptions = {}) {
  prepareDataDir(config.dataDir);
  const log = opts.log ?? createLogger({ level: config.logLevel });
  const clock = opts.clock ?? systemClock;
  let key: Buffer;
  try {
    key = (opts.keyProvider ?? fileKeyProvider).loadKey(config.dataDir);
  } catch (e) {
    throw new AppError('DATA_DIR_UNUSABLE', `The data key in ${config.dataDir} cannot be read or created: ${(e as Error).message}`);
  }
  const db = openDataDirDatabase(config.dataDir);
  const bus = createBus((event, err) => log.error({ err, event }, 'event listener failed'));
  const secrets = createSecretBox(key);
  const deps: CoreDeps = { config, db, clock, log, secrets, bus, events: createEvents(db, bus), settings: createSettingsStore(db, secrets) };

  // The router store first: billing asks it which routers and zones exist.
  const routers = createRouterStore(deps);
  const billing = createBilling({ ...deps, routers });

  // RADIUS and RouterOS call each other: RouterOS tells routers the ports RADIUS bound, RADIUS
  // falls back to the RouterOS API to remove a session a router did not Disconnect. RouterOS is
  // built first with a late reference to RADIUS, bound as soon as RADIUS exists.
  const radiusRef = late<RadiusServer>('radius');
  const routeros = createRouterOs({
    ...deps,
    routers,
    // The ports RADIUS really listens on (OS-assigned when configured as 0), for the /radius entry.
    radiusPorts: () => {
      const p = radiusRef.get().ports();
      return { auth: p.auth ?? config.radiusAuthPort, acct: p.acct ?? config.radiusAcctPort };
    },
    ...opts.routerOs,
  });
  const radius = createRadiusServer({
    ...deps,
    billing,
    routers,
    // Disconnect fallback: remove the session through the RouterOS API.
    kickViaApi: opts.radius?.kickViaApi ?? ((routerId, match) => routeros.kickSession(routerId, match)),
    disconnectTimeoutMs: opts.radius?.disconnectTimeoutMs,
    disconnectAttempts: opts.radius?.disconnectAttempts,
    coaLimitBasis: opts.radius?.coaLimitBasis,
  });
  radiusRef.bind(radius);

  // Texts to customers (OTP, receipts): the gateway is read from settings on every send.
  const sms = createSms({
    db,
    clock,
    log,
    config: () => smsConfigFromSettings(deps.settings.get()),
    apiKey: () => deps.settings.secret('sms', 'apiKey'),
  });

  const handlers = createHandlers({ billing, routers, routeros, radius, settings: deps.settings, sms, clock });
  const admin = createAdmin({ db, clock, log, handlers });

  // WAL checkpoints off the event loop; see db/checkpointer.ts for why the engine needs one.
  const walCheckpointer = createWalCheckpointer(db, log);

  // Customer-facing HTTP doors are the engine's own (DESIGN.md convention 13), so the desktop app
  // and the headless server serve them alike; only the admin bridge is the headless server's.
  const portalApp = opts.portal?.app?.({ ...deps, billing, routers, radius });
  const portal: HttpDoor | null = portalApp
    ? createHttpDoor({ name: 'portal', app: portalApp, host: config.bind, port: config.portalPort, flag: '--portal-port', log })
    : null;

  // Start order matters: billing first (others read subscriptions), stop in reverse.
  // The checkpointer before the servers that write (and is stopped after them).
  // routeros before radius: radius (stopped first) may still be kicking a session through it.
  // Customer doors last: they sell and log in through everything above, and close first.
  const subsystems: Array<[string, Subsystem]> = [
    ['billing', billing],
    ['checkpointer', walCheckpointer],
    ['routeros', routeros],
    ['radius', radius],
    ['sms', sms],
  ];
  if (portal) subsystems.push(['portal', portal]);
  let started: Array<[string, Subsystem]> = [];
  let state: 'created' | 'starting' | 'running' | 'stopping' | 'stopped' = 'created';

  const engine = {
    config,
    deps,
    db,
    log,
    billing,
    routers,
    radius,
    routeros,
    sms,
    admin,
    /** The captive portal's door, when the engine was given a portal app. */
    portal,

    /** Starts every subsystem; on failure stops those already started and rejects with a coded error. */
    async start(): Promise<void> {
      if (state !== 'created') throw new Error(`engine cannot start from state ${state}`);
      state = 'starting';
      for (const entry of subsystems) {
        try {
          await entry[1].start();
          started.push(entry);
        } catch (e) {
          log.error({ err: e, subsystem: entry[0] }, 'subsystem failed to start');
          await engine.stop();
          throw e;
        }
      }
      state = 'running';
      log.info({ dataDir: config.dataDir }, 'engine started');
    },

    /** Stops everything and closes the database; safe to call twice. */
    async stop(): Promise<void> {
      if (state === 'stopped' || state === 'stopping') return;
      state = 'stopping';
      for (const [name, s] of started.reverse()) {
        try {
          await s.stop();
        } catch (e) {
          log.error({ err: e, subsystem: name }, 'subsystem failed to stop');
        }
      }
      started = [];
      db.close();
      state = 'stopped';
    },

    call(method: string, input: unknown): Promise<ApiReply<unknown>> {
      return admin.call(method, input);
    },

    status() {
      // Subsystems read the database for their status; once it is closed there is only the state.
      if (!db.open) return { state };
      return { state, ...Object.fromEntries(subsystems.map(([n, s]) => [n, s.status()])) };
    },
  };
  return engine;
}

export type Engine = Awaited<ReturnType<typeof createEngine>>;
