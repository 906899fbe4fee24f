import fs from 'node:fs';
import type { EngineConfig } from './config';
import type { CoreDeps, Subsystem } from './deps';
import { systemClock, type Clock } from './clock';
import { createLogger, type Logger } from './log';
import { createSecretBox, fileKeyProvider, type KeyProvider } from './secrets';
import { createBus } from './bus';
import { createEvents } from './afterCommit';
import { openDataDirDatabase } from './db';
import { startCheckpointer, type Checkpointer } from './db/checkpointer';
import { createSettingsStore } from './settingsStore';
import { createBilling } from './billing';
import { createRouterStore } from './routers';
import { createAdmin, type Handlers } from './admin';
import { coreHandlers } from './admin/handlers/core';
import { radiusHandlers } from './admin/handlers/radius';
import { createRadiusServer, type KickViaApi } from './radius';
import { createRouterOs, type RouterOsDeps } from './routeros';
import { routerOsHandlers } from './admin/handlers/routeros';
import { AppError } from './errors';
import type { ApiReply } from '../src-shared/api';

export interface EngineOptions {
  clock?: Clock;
  log?: Logger;
  /** Electron passes a safeStorage-backed provider; headless uses a 0600 key file. */
  keyProvider?: KeyProvider;
  /** RADIUS Disconnect fallback (RouterOS API); tests pass their own. */
  kickViaApi?: KickViaApi;
  /** Disconnect-Request timeout per try and tries (tests shorten them). */
  disconnectTimeoutMs?: number;
  disconnectAttempts?: number;
  /** RouterOS sync: the portal URL source (until the portal runs), timeouts, status polling. */
  routerOs?: Pick<RouterOsDeps, 'portalUrl' | 'enabledGateways' | 'timeouts' | 'statusPollMs'>;
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
  const deps: CoreDeps = { config, db, clock, log, secrets: createSecretBox(key), bus, events: createEvents(db, bus), settings: createSettingsStore(db) };

  // The router store first: billing asks it which routers and zones exist.
  const routers = createRouterStore(deps);
  const billing = createBilling({ ...deps, routers });
  const routeros = createRouterOs({
    ...deps,
    routers,
    // The ports RADIUS really listens on (OS-assigned when configured as 0), for the /radius entry.
    radiusPorts: () => {
      const p = radius.ports();
      return { auth: p.auth ?? config.radiusAuthPort, acct: p.acct ?? config.radiusAcctPort };
    },
    ...opts.routerOs,
  });
  const radius = createRadiusServer({
    ...deps,
    billing,
    routers,
    // Disconnect fallback: remove the session through the RouterOS API.
    kickViaApi: opts.kickViaApi ?? ((routerId, match) => routeros.kickSession(routerId, match)),
    disconnectTimeoutMs: opts.disconnectTimeoutMs,
    disconnectAttempts: opts.disconnectAttempts,
  });

  const handlers: Handlers = {
    ...coreHandlers({ billing, routers, settings: deps.settings, clock, onlineCount: () => radius.onlineCount() }),
    ...radiusHandlers(radius),
    ...routerOsHandlers(routeros),
  };
  const admin = createAdmin({ db, clock, log, handlers });

  // WAL checkpoints off the event loop (src-main/db/checkpointer.ts). With SQLite's automatic
  // checkpoint, the commit that crosses 1000 WAL pages copies them into the database (with an
  // fsync) on the event loop, and every RADIUS request queued behind that auth-log flush waits
  // (p99 7–18 ms at half the peak). So while a worker thread checkpoints PASSIVE on its own
  // connection, the engine's connection runs `wal_autocheckpoint = 0`. It is switched off only
  // here, while that worker runs: the checkpointer turns it back on if the worker dies, and stop()
  // restores it, so the WAL is never left without someone checkpointing it.
  let checkpointer: Checkpointer | null = null;
  const walCheckpointer: Subsystem = {
    async start() {
      db.pragma('wal_autocheckpoint = 0');
      checkpointer = startCheckpointer(db.name, {
        fallbackDb: db,
        log: (level, msg, fields) => log[level](fields ?? {}, msg),
      });
      // Never rejects; a worker that could not start has already fallen back. One that hangs
      // while starting must not hang the engine: after 5 s SQLite's own autocheckpoint comes back
      // (two checkpointers are harmless; PASSIVE never blocks writers).
      let timer: NodeJS.Timeout | undefined;
      const started = await Promise.race([
        checkpointer.ready.then(() => true),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 5000))),
      ]);
      clearTimeout(timer);
      if (!started) {
        db.pragma('wal_autocheckpoint = 1000');
        log.warn('WAL checkpoint worker did not start in 5 s; SQLite checkpoints on the main thread');
      }
    },
    async stop() {
      await checkpointer?.stop();
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
    },
    status: () => checkpointer?.stats() ?? null,
  };

  // Start order matters: billing first (others read subscriptions), stop in reverse.
  // The checkpointer before the servers that write (and is stopped after them).
  // routeros before radius: radius (stopped first) may still be kicking a session through it.
  const subsystems: Array<[string, Subsystem]> = [
    ['billing', billing],
    ['checkpointer', walCheckpointer],
    ['routeros', routeros],
    ['radius', radius],
  ];
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
    admin,

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
