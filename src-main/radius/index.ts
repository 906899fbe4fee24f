import type { CoreDeps, Subsystem } from '../deps';
import type { RadiusStatus, KickResult, SessionInfo, AuthLogEntry } from '../../src-shared/api/radius';
import type { Page } from '../../src-shared/domain';
import { createCounters } from './counters';
import { createDuplicateCache } from './duplicates';
import { createRouterDirectory } from './routers';
import { createAuthorizer } from './authorize';
import { createFreeMinutes } from './freeMinutes';
import { createAccountingStore } from './accounting';
import { createAuthLogWriter } from './authLog';
import { createProtocol } from './protocol';
import { createUdpListener } from './transport';
import { createReadBatch } from '../db/readBatch';
import { createDisconnector, type KickViaApi } from './disconnect';
import { createCoaSender, type CoaLimitBasis } from './coa';
import { createDashboardReads } from './dashboardReads';
import { createQueries, type AuthLogFilter, type LastLogin, type SessionFilter } from './queries';
import type { RadiusBilling } from './billingPort';
import type { RouterStore } from '../routers';

export type { KickViaApi, KickMatch } from './disconnect';
export type { CoaLimitBasis, CoaResult } from './coa';
export type { RadiusBilling } from './billingPort';
export type { LastLogin } from './queries';
export type { FreeMinutes, FreeMinutesIssue } from './freeMinutes';

/** RFC 5080 suggests keeping replies for the NAS's whole retransmission window; RouterOS retries
 * within a few seconds, so 30 s is ample and memory stays bounded by (source, identifier). */
const DUPLICATE_WINDOW_MS = 30_000;
/** A session with no interim update for this many intervals is closed as stale (issue #3). */
const STALE_INTERVALS = 3;
const AUTH_LOG_RETENTION_MS = 90 * 86_400_000;

export interface RadiusServerDeps extends CoreDeps {
  billing: RadiusBilling;
  /** The routers table (NAS IPs, decrypted secrets, CoA ports). */
  routers: RouterStore;
  /** RouterOS API fallback when a Disconnect-Request is NAKed or unanswered. */
  kickViaApi?: KickViaApi;
  /** Disconnect-Request timeout per try and tries (tests shorten them). */
  disconnectTimeoutMs?: number;
  disconnectAttempts?: number;
  /** How a CoA's limits count (reference §1.5 [U]; radius/coa.ts). Default 'sessionStart'. */
  coaLimitBasis?: CoaLimitBasis;
}

/**
 * The RADIUS subsystem: authentication and accounting servers for the MikroTik hotspots, and the
 * Disconnect client that enforces package ends. One factory, no module state: tests run several.
 */
export function createRadiusServer(deps: RadiusServerDeps) {
  const { config, db, clock, log, bus, settings } = deps;
  const counters = createCounters();
  const routers = createRouterDirectory(deps.routers, log);
  const freeMinutes = createFreeMinutes({ db, clock, secrets: deps.secrets, settings });
  const authorizer = createAuthorizer({ clock, secrets: deps.secrets, log, settings, billing: deps.billing, freeMinutes });
  const accounting = createAccountingStore({
    db, clock, billing: deps.billing, onSessionStarted: (c, m) => authorizer.sessionStarted(c, m),
  });
  const onError = (err: unknown, where: string) => log.error({ err, where }, 'radius: internal error');
  const authLog = createAuthLogWriter(db, clock, { onError: (err) => onError(err, 'auth log write') });
  const queries = createQueries(db);
  const dashboardReads = createDashboardReads(db);
  const duplicates = createDuplicateCache(DUPLICATE_WINDOW_MS);

  const protocol = createProtocol({
    routers,
    authorizer,
    accounting,
    duplicates,
    counters,
    onError,
    onAuth: (e) =>
      authLog.write({
        routerId: e.router.id, nasIp: e.router.nasIp, username: e.username, mac: e.mac, customerId: e.customerId,
        result: e.result, reason: e.reason, detail: e.detail,
      }),
    onDrop: (reason, srcIp, router, detail) =>
      authLog.writeDrop({
        routerId: router?.id ?? null, nasIp: srcIp, username: null, mac: null, customerId: null,
        result: 'drop', reason, detail: detail ?? null,
      }),
  });

  // Access-Requests that arrive together are answered inside one read transaction (db/readBatch.ts).
  const authBatch = createReadBatch(db, (err) => onError(err, 'auth batch transaction'));
  const authListener = createUdpListener({
    bind: config.bind, port: config.radiusAuthPort, name: 'auth', handler: protocol.handleAuth, onError,
    batch: authBatch,
  });
  const acctListener = createUdpListener({
    bind: config.bind, port: config.radiusAcctPort, name: 'accounting', handler: protocol.handleAcct, onError,
  });
  const disconnector = createDisconnector({
    db, clock, log, bind: config.bind, routers, counters, kickViaApi: deps.kickViaApi,
    timeoutMs: deps.disconnectTimeoutMs, attempts: deps.disconnectAttempts,
  });

  const coa = createCoaSender({ db, clock, log, routers, billing: deps.billing, disconnector, basis: deps.coaLimitBasis });

  let housekeeping: NodeJS.Timeout | null = null;
  let lastPrune = 0;
  const unsubscribe: Array<() => void> = [];

  function sweepStale(): number {
    const intervalMs = settings.get().network.acctInterimInterval * 1000;
    const n = accounting.closeStale(STALE_INTERVALS * intervalMs);
    counters.staleClosed += n;
    if (n > 0) log.info({ sessions: n }, 'radius: closed stale sessions');
    return n;
  }

  function runHousekeeping(): void {
    try {
      sweepStale();
      authorizer.sweepReservations();
      if (clock.now() - lastPrune > 3_600_000) {
        lastPrune = clock.now();
        authLog.prune(AUTH_LOG_RETENTION_MS);
      }
      // The auth log's search mirror, a batch at a time off the packet path (queries.ts).
      queries.catchUpAuthLogMirror().catch((err: unknown) => onError(err, 'housekeeping'));
    } catch (err) {
      onError(err, 'housekeeping');
    }
  }

  function disconnectInBackground(sel: { subscriptionId: number } | { customerId: number }, reason: string): void {
    // Bus listeners must not block the emitter (a billing write): start the I/O and return.
    disconnector.disconnectWhere(sel, reason).catch((err) => onError(err, 'disconnect'));
  }

  let listening = false;

  const subsystem: Subsystem<RadiusStatus> = {
    async start() {
      routers.reload();
      await disconnector.start();
      try {
        await authListener.start();
        await acctListener.start();
      } catch (err) {
        await authListener.stop();
        await disconnector.stop();
        throw err;
      }
      listening = true;
      unsubscribe.push(
        bus.on('routers.changed', () => routers.reload()),
        bus.on('subscription.ended', (e) => disconnectInBackground({ subscriptionId: e.subscriptionId }, e.reason)),
        bus.on('customer.disabled', (e) => disconnectInBackground({ customerId: e.customerId }, 'disabled')),
        // A top-up: online sessions get the new limits (CoA; a refusal falls back to Disconnect).
        bus.on('subscription.toppedUp', (e) => {
          coa.sendLimits(e.subscriptionId).catch((err) => onError(err, 'coa'));
        }),
      );
      const everyMs = Math.max(5_000, (settings.get().network.acctInterimInterval * 1000) / 2);
      housekeeping = setInterval(runHousekeeping, everyMs);
      housekeeping.unref();
      log.info({ authPort: authListener.port(), acctPort: acctListener.port(), routers: routers.all().length }, 'radius: listening');
    },
    async stop() {
      listening = false;
      for (const off of unsubscribe.splice(0)) off();
      if (housekeeping) clearInterval(housekeeping);
      housekeeping = null;
      await queries.stopAuthLogMirror();
      await authListener.stop();
      await acctListener.stop();
      // Records already received are committed (their replies are moot: the socket is closed,
      // the routers will retransmit to the next run and the charge is idempotent).
      accounting.committer.flushNow();
      await disconnector.stop();
      authLog.close();
      duplicates.clear();
    },
    status(): RadiusStatus {
      return {
        listening,
        authPort: authListener.port(),
        acctPort: acctListener.port(),
        routers: routers.all().length,
        online: queries.onlineCount(),
        ...structuredClone(counters),
      };
    },
  };

  return {
    ...subsystem,
    /** Bound ports (OS-assigned when configured as 0); null before start. */
    ports: () => ({ auth: authListener.port(), acct: acctListener.port() }),
    /** Re-reads the router table (NAS IPs, secrets). Also done on the bus's routers.changed. */
    reloadRouters: () => routers.reload(),
    onlineCount: () => queries.onlineCount(),
    sessionExists: (id: number) => queries.sessionExists(id),
    /** The customer's most recent session (when, which router, by MAC or password), or null. */
    lastLoginOf: (customerId: number): LastLogin | null => queries.lastLoginOf(customerId),
    listSessions: (f: SessionFilter): Page<SessionInfo> => queries.listSessions(f),
    listAuthLog: (f: AuthLogFilter): Promise<Page<AuthLogEntry>> => {
      authLog.flush();
      return queries.listAuthLog(f);
    },
    /** Sends a subscription's current limits to its online sessions (also done after a top-up). */
    sendLimits: (subscriptionId: number) => coa.sendLimits(subscriptionId),
    /** Owner's "kick": Disconnect-Request, falling back to the RouterOS API. */
    kick: (sessionId: number): Promise<KickResult> => disconnector.disconnectSession(sessionId, 'admin_kick'),
    /** Closes sessions silent for 3 interim intervals now (the timer does it periodically). */
    sweepStale,
    /** One-time "free minutes to pay" logins: the portal issues them, the authorizer spends them. */
    freeMinutes,
    /** The owner's dashboard: devices online per hour, logins of the last hour, online per router. */
    onlinePerHour: dashboardReads.onlinePerHour,
    loginsSince: (from: number) => {
      // Lines still in the write buffer are the last few ms of logins: count them too.
      authLog.flush();
      return dashboardReads.loginsSince(from);
    },
    onlineByRouter: dashboardReads.onlineByRouter,
    /** Writes buffered auth-log lines now (tests, shutdown). */
    flushAuthLog: () => authLog.flush(),
    /** The buffer-in/buffer-out protocol, for fuzzing and benchmarks without sockets. */
    protocol,
    /** How many Access-Request batches (one transaction each) the auth port has run. */
    authBatchStats: () => authBatch.stats(),
  };
}

export type RadiusServer = ReturnType<typeof createRadiusServer>;
