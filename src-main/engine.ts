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
import { createAdmin, type Caller } from './admin';
import { createAccounts } from './admin/auth/accounts';
import { createShopTimeZone } from './billing/shopTimeZone';
import { createHandlers, type HandlerDeps } from './admin/handlers';
import { createRadiusServer, type RadiusServer, type RadiusServerDeps } from './radius';
import { createRouterOs, type RouterOsDeps } from './routeros';
import { createHttpDoor, type HttpDoor } from './httpDoor';
import { late } from './late';
import { createSms } from './sms';
import { smsConfigFromSettings } from './sms/fromSettings';
import { AppError } from './errors';
import { createBackups, watchBackupSettings, type Backups, type BackupsDeps } from './backups';
import type { Swap } from './backups/swap';
import { contract, isMethod, type ApiReply } from '../src-shared/api';
import { createPortal } from './portal';
import { resolveServerAddress } from './routeros/serverAddress';
import { createGateways, type GatewaysDeps } from './gateways';
import { createBkashGateway } from './gateways/bkash';
import { createNagadGateway } from './gateways/nagad';
import { createSslcommerzGateway } from './gateways/sslcommerz';
import { createPortalPayments } from './portal/payPort';

/** What a replacement portal app is built from (tests serve their own app on the portal door). */
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
  /** Backups: the scheduler's timer and delays (tests fire the timer by hand on a manual clock). */
  backups?: Pick<BackupsDeps, 'timer' | 'soonMs' | 'retryMs'>;
  /**
   * Online payments: the gateway modules (bkash, nagad, sslcommerz; tests pass stand-ins) and the
   * retry job's timer (tests fire it by hand on a manual clock).
   */
  gateways?: Pick<GatewaysDeps, 'modules' | 'timer' | 'fetch'>;
  /** Replaces the portal's customer auth for the owner's PIN reset (tests pass a stand-in). */
  customerAuth?: HandlerDeps['customerAuth'];
  /**
   * The captive portal door on `bind:portalPort`: the real portal by default; `app` serves another
   * HTTP app there instead (tests), `enabled: false` opens no portal door.
   */
  portal?: { app?: (deps: PortalAppDeps) => http.RequestListener; enabled?: boolean };
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
 * One core per database: a restore builds a new one (see createEngine below).
 */
async function createEngineCore(config: EngineConfig, opts: EngineOptions, reload: BackupsDeps['reload']) {
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
  // A change to the backup settings re-arms the backup timer (bound once backups exist, below).
  const backupsRef = late<Backups>('backups');
  const settings = watchBackupSettings(createSettingsStore(db, secrets), () => backupsRef.get().reschedule());
  const deps: CoreDeps = { config, db, clock, log, secrets, bus, events: createEvents(db, bus), settings };

  // The router store first: billing asks it which routers and zones exist.
  const routers = createRouterStore(deps);
  const billing = createBilling({ ...deps, routers });
  // Online payments ask billing for every ledger change; RouterOS asks them for walled-garden hosts.
  // The real gateway modules unless a test passes stand-ins; each reads its settings on every call.
  const gatewayModules: GatewaysDeps['modules'] = opts.gateways?.modules ?? {
    bkash: createBkashGateway({ log }),
    nagad: createNagadGateway(),
    sslcommerz: createSslcommerzGateway(),
  };
  const gateways = createGateways({ ...deps, billing, ...opts.gateways, modules: gatewayModules });

  // RADIUS and RouterOS call each other: RouterOS tells routers the ports RADIUS bound, RADIUS
  // falls back to the RouterOS API to remove a session a router did not Disconnect. RouterOS is
  // built first with a late reference to RADIUS, bound as soon as RADIUS exists.
  const radiusRef = late<RadiusServer>('radius');
  // The portal door is made after RouterOS, which points routers' login page at it once it listens.
  let portal: HttpDoor | null = null;
  const routeros = createRouterOs({
    ...deps,
    routers,
    // The ports RADIUS really listens on (OS-assigned when configured as 0), for the /radius entry.
    radiusPorts: () => {
      const p = radiusRef.get().ports();
      return { auth: p.auth ?? config.radiusAuthPort, acct: p.acct ?? config.radiusAcctPort };
    },
    // Where routers fetch our login page and send phones: the owner's portal URL, else this PC's
    // address (as that router reaches it) with the port the portal really bound; null while it is down.
    portalUrl: (router) => {
      const port = portal?.port() ?? null;
      if (port === null) return null;
      const { serverAddress, portalUrl } = deps.settings.get().network;
      if (portalUrl.trim()) return portalUrl.trim().replace(/\/+$/, '');
      const addr = resolveServerAddress(serverAddress, router?.host ?? null).address;
      return addr ? `http://${addr}:${port}` : null;
    },
    // Only enabled gateways, only their mode's hosts (issue 10); a test may still pass its own list.
    enabledGateways: () => gateways.enabledIds(),
    gatewayHosts: (g) => gateways.hosts(g),
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

  const backups = createBackups({ db, clock, log, settings, dataDir: config.dataDir, reload, ...opts.backups });
  backupsRef.bind(backups);

  // Admin accounts and browser sessions; "locked until" is told in the shop's time zone.
  const accounts = createAccounts({ db, clock, timeZone: createShopTimeZone(deps.settings) });


  // WAL checkpoints off the event loop; see db/checkpointer.ts for why the engine needs one.
  const walCheckpointer = createWalCheckpointer(db, log);

  // Customer-facing HTTP doors are the engine's own (DESIGN.md convention 13), so the desktop app
  // and the headless server serve them alike; only the admin bridge is the headless server's.
  const portalParts = createPortal({
    ...deps,
    billing,
    routers,
    radius,
    sms,
    dataKey: key,
    // Payment returns come back to the portal URL (the configured one, else the request's Host).
    payments: createPortalPayments({ gateways, billing, settings: deps.settings }),
    // The shop phone's SMS forwarder posts to the portal's door (on the LAN).
    hooks: gateways.smsInRouter(),
  });
  const customerAuth = portalParts.customerAuth;

  const handlers = createHandlers({ billing, routers, routeros, radius, settings: deps.settings, sms, backups, customerAuth: opts.customerAuth ?? customerAuth, clock, accounts, gateways });
  const admin = createAdmin({ db, clock, log, handlers });
  const portalApp: http.RequestListener | null =
    opts.portal?.enabled === false ? null : (opts.portal?.app?.({ ...deps, billing, routers, radius }) ?? portalParts.listener);
  portal = portalApp ? createHttpDoor({ name: 'portal', app: portalApp, host: config.bind, port: config.portalPort, flag: '--portal-port', log }) : null;

  // Start order matters: billing first (others read subscriptions), stop in reverse.
  // The checkpointer before the servers that write (and is stopped after them).
  // routeros before radius: radius (stopped first) may still be kicking a session through it.
  // Customer doors last: they sell and log in through everything above, and close first.
  const subsystems: Array<[string, Subsystem]> = [
    ['billing', billing],
    ['checkpointer', walCheckpointer],
    ['gateways', gateways],
    ['routeros', routeros],
    ['radius', radius],
    ['sms', sms],
    ['backups', backups],
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
    gateways,
    sms,
    backups,
    admin,
    customerAuth,
    accounts,
    /** The captive portal's door (null when disabled). */
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

    /** An admin API call; without a caller it acts as the desktop window (the owner). */
    call(method: string, input: unknown, caller?: Caller): Promise<ApiReply<unknown>> {
      return admin.call(method, input, caller);
    },

    status() {
      // Subsystems read the database for their status; once it is closed there is only the state.
      if (!db.open) return { state };
      return { state, ...Object.fromEntries(subsystems.map(([n, s]) => [n, s.status()])) };
    },
  };
  return engine;
}

type EngineCore = Awaited<ReturnType<typeof createEngineCore>>;

/**
 * The engine the hosts hold: one object for the life of the process, whose subsystems can be
 * rebuilt on another database (a restore, `backups.restore`). Rebuilding inside the engine keeps
 * the Electron shell and the headless server unchanged: their IPC handler and admin HTTP bridge
 * call `engine.call`, which always reaches the current core, and calls that arrive while it is
 * being rebuilt wait for it. Every other field (`db`, `radius`, `billing` …) reads the current
 * core's, so a test or host holding the engine sees the restored subsystems.
 */
export async function createEngine(config: EngineConfig, opts: EngineOptions = {}) {
  const log = opts.log ?? createLogger({ level: config.logLevel });
  const clock = opts.clock ?? systemClock;
  // The data key is asked for once: a rebuild must not prompt Electron's safeStorage again.
  const keys = opts.keyProvider ?? fileKeyProvider;
  let key: Buffer | undefined;
  const coreOpts: EngineOptions = { ...opts, log, clock, keyProvider: { loadKey: (dir) => (key ??= keys.loadKey(dir)) } };

  let reloading: Promise<void> | null = null;
  let core: EngineCore = await createEngineCore(config, coreOpts, (swap) => reload(swap));

  async function startCore(cfg: EngineConfig): Promise<EngineCore> {
    const next = await createEngineCore(cfg, coreOpts, (swap) => reload(swap));
    await next.start();
    return next;
  }

  async function reload(swapFiles: () => Swap): Promise<void> {
    if (reloading) throw new AppError('conflict', 'A restore is already running; wait for it to finish.');
    const run = (async () => {
      const old = core;
      // The rebuilt engine listens where this one did (OS-chosen ports included), so routers'
      // RADIUS entries and the portal address stay right.
      const ports = old.radius.ports();
      const cfg: EngineConfig = {
        ...old.config,
        radiusAuthPort: ports.auth ?? old.config.radiusAuthPort,
        radiusAcctPort: ports.acct ?? old.config.radiusAcctPort,
        portalPort: old.portal?.port() ?? old.config.portalPort,
      };
      // Every subsystem stops and the database closes (checkpointing its WAL) before files move.
      await old.stop();
      const swap = swapFiles();
      try {
        core = await startCore(cfg);
      } catch (err) {
        log.error({ err }, 'the restored database did not start; putting the previous one back');
        swap.undo();
        core = await startCore(cfg);
        throw new AppError('RESTORE_FAILED', `The restored database could not be started (${(err as Error).message}), so the database in use before was put back.`);
      }
    })();
    reloading = run;
    try {
      await run;
    } finally {
      reloading = null;
    }
  }

  const engine = {
    start: () => core.start(),
    stop(): Promise<void> {
      // No extra await when no restore runs: stopping closes the database in this very turn,
      // before any event deferred to a microtask (billing.test.ts "shutdown" relies on it).
      if (reloading) return reloading.catch(() => {}).then(() => core.stop());
      return core.stop();
    },
    async call(method: string, input: unknown, caller?: Caller): Promise<ApiReply<unknown>> {
      while (reloading) await reloading.catch(() => {});
      const before = core;
      const reply = await before.call(method, input, caller);
      // A command that replaced the database (a restore) is audited in the database now in use;
      // the one it ran against was closed and kept aside.
      if (core !== before && reply.ok && isMethod(method) && contract[method].kind === 'command') {
        try {
          core.admin.record(method, input, caller?.actor ?? 'desktop');
        } catch (err) {
          log.warn({ err, method }, 'audit log write failed');
        }
      }
      return reply;
    },
    status: () => core.status(),
  };
  // Every other field of the core, read through to the current one.
  for (const name of Object.keys(core) as Array<keyof EngineCore>) {
    if (!(name in engine)) Object.defineProperty(engine, name, { enumerable: true, get: () => core[name] });
  }
  return engine as EngineCore;
}

export type Engine = Awaited<ReturnType<typeof createEngine>>;
