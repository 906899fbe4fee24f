import * as nodeRouteros from 'node-routeros';
import { RouterOSAPI } from 'node-routeros';
import { TLSSocket, type TlsOptions } from 'node:tls';
import type { AppError } from '../errors';
import type { Logger } from '../log';
import { mapRosError, routerError } from './rosErrors';
import type { ExecOptions, RosArgValue, RosClient, RosRow, RouterTarget } from './types';

/**
 * One long-lived API connection to one router, over node-routeros:
 * - commands are serialised (one in flight), because node-routeros multiplexes tags but
 *   RouterOS answers slow commands (/tool/fetch, /ping) out of order and a hung command must not
 *   leave others half-answered;
 * - our own timeouts: node-routeros `write()` has none, and its socket timeout is an idle timer;
 * - a connection that times out, drops or gets `!fatal` is torn down; the next call reconnects.
 * Every failure is an AppError with a ROUTER_* code. Passwords are never logged.
 */

export interface ConnectionTimeouts {
  /** TCP connect + login. */
  connectTimeoutMs: number;
  /** Default per command. */
  callTimeoutMs: number;
  /** The socket is closed after this long without traffic (node-routeros socket timeout). */
  idleTimeoutMs: number;
}

export const defaultTimeouts: ConnectionTimeouts = { connectTimeoutMs: 8000, callTimeoutMs: 15000, idleTimeoutMs: 120000 };

export interface RosConnection extends RosClient {
  readonly target: RouterTarget;
  isConnected(): boolean;
  /** Connects now (and logs in); rejects with a coded error. */
  open(): Promise<void>;
  close(): Promise<void>;
}

/**
 * True when patches/node-routeros+1.6.9.patch is applied (patch-package, run by postinstall). Without
 * it a RouterOS 7.18+ `!empty` reply throws inside a socket handler and kills the process.
 */
export function isNodeRouterosPatched(): boolean {
  return (nodeRouteros as Record<string, unknown>).hotspotdeskPatchLevel === 1;
}

// node-routeros keeps its socket wrapper private; we need it to tear a connection down without
// waiting for the peer (close() waits for the router's FIN, which a hung router never sends).
interface ApiInternals {
  connector?: { connected?: boolean; destroy(): void; socket?: unknown } | null;
}

/** The fingerprint pinned for a router that shows no certificate (api-ssl with anonymous DH). */
export const ANONYMOUS_CERTIFICATE = 'anonymous';

/** The peer certificate's SHA-256 fingerprint (AA:BB:… as Node prints it), or 'anonymous'. */
export function certificateFingerprint(socket: TLSSocket): string {
  const cert = socket.getPeerCertificate();
  return cert && typeof cert.fingerprint256 === 'string' && cert.fingerprint256 !== '' ? cert.fingerprint256 : ANONYMOUS_CERTIFICATE;
}

function tlsOptions(): TlsOptions {
  // RouterOS api-ssl usually has a self-signed certificate (or none: anonymous DH), and the shop
  // has no CA to check it against; we encrypt (passwords travel in /login) and pin the certificate
  // on first use instead (checkCertificate in the target, watchCertificate below).
  return { rejectUnauthorized: false, ciphers: 'DEFAULT:ADH-AES256-GCM-SHA384:ADH-AES128-GCM-SHA256:@SECLEVEL=0' };
}

export function createRosConnection(target: RouterTarget, timeouts: ConnectionTimeouts, log: Logger): RosConnection {
  const label = target.label;
  let api: RouterOSAPI | null = null;
  let connecting: Promise<RouterOSAPI> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  /** Rejects the command in flight when the connection dies under it. */
  let failInFlight: ((e: AppError) => void) | null = null;

  function teardown(a: RouterOSAPI, reason: string): void {
    if (api === a) api = null;
    const internals = a as unknown as ApiInternals;
    const connector = internals.connector;
    // close() clears node-routeros' keepalive/hold timers; its promise may never settle on a
    // dead socket, so it is not awaited, and the socket is destroyed at once.
    a.close().catch(() => undefined);
    try {
      connector?.destroy();
    } catch {
      // already destroyed
    }
    a.removeAllListeners();
    // A late 'error' from node-routeros after we stopped listening must not become unhandled.
    a.on('error', () => undefined);
    log.debug({ router: target.routerId, reason }, 'routeros connection closed');
  }

  function connect(): Promise<RouterOSAPI> {
    if (api) return Promise.resolve(api);
    if (connecting) return connecting;
    const a = new RouterOSAPI({
      host: target.host,
      port: target.port, // passed explicitly: node-routeros defaults 8728 even with TLS
      user: target.user,
      password: target.password,
      timeout: timeouts.idleTimeoutMs / 1000,
      ...(target.tls ? { tls: tlsOptions() } : {}),
    });
    const attempt = new Promise<RouterOSAPI>((resolve, reject) => {
      let settled = false;
      const settle = (err: AppError | null): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) {
          teardown(a, err.code);
          reject(err);
        } else resolve(a);
      };
      const timer = setTimeout(() => {
        const tcpUp = (a as unknown as ApiInternals).connector?.connected === true;
        settle(
          tcpUp
            ? routerError('ROUTER_TIMEOUT', label, 'the router accepted the connection but did not answer the login.')
            : routerError('ROUTER_UNREACHABLE', label, `no answer from ${target.host}:${target.port}.`),
        );
      }, timeouts.connectTimeoutMs);
      // Errors after login (socket error, idle timeout) and the router closing the connection.
      a.on('error', (e: unknown) => {
        const err = mapRosError(e, 'command', label);
        if (!settled) settle(err);
        else dropLive(a, err);
      });
      a.on('close', () => {
        const err = settled
          ? routerError('ROUTER_UNREACHABLE', label, 'the router closed the API connection.')
          : routerError('ROUTER_API_DISABLED', label, 'the router closed the connection before login; check IP > Services > api ("available from", max sessions).');
        if (!settled) settle(err);
        else dropLive(a, err);
      });
      a.connect().then(
        () => settle(null),
        (e: unknown) => settle(mapRosError(e, 'connect', label)),
      );
      if (target.tls && target.checkCertificate) watchCertificate(a, target.checkCertificate, settle);
    });
    connecting = attempt;
    return attempt.then(
      (ok) => {
        connecting = null;
        api = ok;
        log.debug({ router: target.routerId, host: target.host, port: target.port }, 'routeros connected');
        return ok;
      },
      (e: unknown) => {
        connecting = null;
        throw e;
      },
    );
  }

  /**
   * Checks the router's certificate after the TLS handshake and before node-routeros sends the
   * login (which carries the password): our listener is put in front of node-routeros' own
   * 'secureConnect' handler, and a refused certificate destroys the socket there, so the
   * login is never written. connect() has created the socket synchronously by now.
   */
  function watchCertificate(a: RouterOSAPI, check: (fingerprint: string) => boolean, settle: (err: AppError | null) => void): void {
    const socket = (a as unknown as ApiInternals).connector?.socket;
    if (!(socket instanceof TLSSocket)) {
      // node-routeros changed under us: refuse rather than log in unpinned.
      settle(routerError('ROUTER_CERT_CHANGED', label, 'the router\'s certificate could not be checked.'));
      return;
    }
    socket.prependOnceListener('secureConnect', () => {
      const fingerprint = certificateFingerprint(socket);
      let trusted = false;
      try {
        trusted = check(fingerprint);
      } catch (e) {
        log.warn({ router: target.routerId, err: e instanceof Error ? e.message : String(e) }, 'routeros certificate check failed');
      }
      if (trusted) return;
      log.warn({ router: target.routerId, fingerprint }, 'routeros api-ssl certificate changed: refused until the owner accepts it');
      socket.destroy();
      settle(
        routerError(
          'ROUTER_CERT_CHANGED',
          label,
          'the router\'s certificate changed: if you replaced it or reset the router, accept the new one on the router page.',
        ),
      );
    });
  }

  function dropLive(a: RouterOSAPI, err: AppError): void {
    if (api !== a) return;
    teardown(a, err.code);
    failInFlight?.(err);
  }

  function words(args: Record<string, RosArgValue> | undefined, opts: ExecOptions | undefined): string[] {
    const out: string[] = [];
    for (const [k, v] of Object.entries(args ?? {})) {
      out.push(`=${k}=${typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)}`);
    }
    if (opts?.proplist?.length) out.push(`=.proplist=${opts.proplist.join(',')}`);
    for (const q of opts?.query ?? []) out.push(q);
    return out;
  }

  async function runOne(command: string, args?: Record<string, RosArgValue>, opts?: ExecOptions): Promise<RosRow[]> {
    const a = await connect();
    const timeoutMs = opts?.timeoutMs ?? timeouts.callTimeoutMs;
    return new Promise<RosRow[]>((resolve, reject) => {
      let done = false;
      const finish = (err: AppError | null, rows?: RosRow[]): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        failInFlight = null;
        if (err) reject(err);
        else resolve(rows ?? []);
      };
      const timer = setTimeout(() => {
        // A router that stops answering mid-command is in an unknown state: start afresh.
        const err = routerError('ROUTER_TIMEOUT', label, `no answer to ${command} within ${Math.round(timeoutMs / 1000)} s.`);
        teardown(a, 'timeout');
        finish(err);
      }, timeoutMs);
      failInFlight = (e) => finish(e);
      a.write(command, words(args, opts)).then(
        (rows) => finish(null, rows as unknown as RosRow[]),
        (e: unknown) => {
          const err = mapRosError(e, 'command', label, command);
          // An unknown reply (e.g. a tagged !fatal) leaves the session unusable.
          if (err.code !== 'ROUTER_TRAP') teardown(a, err.code);
          finish(err);
        },
      );
    });
  }

  return {
    target,
    isConnected: () => api !== null,
    open: async () => {
      await connect();
    },
    exec(command, args, opts) {
      const run = queue.then(() => runOne(command, args, opts));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      const pending = connecting;
      if (pending) await pending.catch(() => undefined);
      if (api) teardown(api, 'closed by us');
    },
  };
}
