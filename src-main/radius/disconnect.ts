import crypto from 'node:crypto';
import dgram from 'node:dgram';
import net from 'node:net';
import type { Db } from '../db';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { Attr, Code } from './attributes';
import { decodePacket, encodePacket, getInt, type OutAttr } from './codec';
import { signRequest, verifyResponseAuthenticator } from './crypto';
import type { Counters } from './counters';
import type { RouterDirectory } from './routers';
import { normalizeIp } from './routers';

/**
 * Enforcement: Disconnect-Request (RFC 5176) to the router's CoA port, with retries; a NAK or
 * no answer falls back to removing the session through the RouterOS API. Every attempt is a row
 * in `disconnects` saying which way worked.
 *
 * The request names the session three ways (User-Name, Framed-IP-Address, Acct-Session-Id): a
 * hotspot needs more than the user name to find the session (reference §1.5: with only User-Name
 * RouterOS may act on the wireless registration table instead). Event-Timestamp lets the router
 * refuse a replay (RFC 5176 §3.2). No Message-Authenticator: the Request Authenticator already
 * covers the packet, and implementations disagree on how MA is computed for CoA requests.
 */

export type KickMatch = { acctSessionId?: string; ip?: string; mac?: string; user?: string };
export type KickViaApi = (routerId: number, match: KickMatch) => Promise<boolean>;

export type DisconnectOutcome = 'ack' | 'nak' | 'timeout' | 'api_removed' | 'failed' | 'not_online';

export interface DisconnectResult {
  sessionId: number;
  outcome: DisconnectOutcome;
  detail: string | null;
}

interface SessionRow {
  id: number;
  router_id: number;
  acct_session_id: string;
  username: string | null;
  mac: string | null;
  ip: string | null;
  status: string;
}

/** The RADIUS router entry a dynamic-authorization request goes to (routers.ts's shape). */
export interface DynamicAuthTarget {
  nasIp: string;
  coaPort: number;
  secret: Buffer;
}

/** An exchange's answer: the reply code (null: no answer after every try) and its Error-Cause. */
export interface ExchangeResult {
  code: number | null;
  errorCause?: number;
  tries: number;
}

/**
 * How a Disconnect- or CoA-Request names the hotspot session: User-Name, Framed-IP-Address and
 * Acct-Session-Id (reference §1.5), plus NAS-IP-Address, Calling-Station-Id and Event-Timestamp.
 */
export function sessionIdentity(
  nasIp: string,
  s: { acct_session_id: string; username: string | null; ip: string | null; mac: string | null },
  now: number,
): OutAttr[] {
  const attrs: OutAttr[] = [
    { type: Attr.NasIpAddress, value: { ip: nasIp } },
    { type: Attr.AcctSessionId, value: s.acct_session_id },
    { type: Attr.EventTimestamp, value: Math.floor(now / 1000) },
  ];
  if (s.username) attrs.push({ type: Attr.UserName, value: s.username });
  if (s.ip && net.isIPv4(s.ip)) attrs.push({ type: Attr.FramedIpAddress, value: { ip: s.ip } });
  if (s.mac) attrs.push({ type: Attr.CallingStationId, value: s.mac });
  return attrs;
}

export interface Disconnector {
  start(): Promise<void>;
  /**
   * One RFC 5176 request (Disconnect or CoA) to a router, with retransmits, over the same socket
   * and identifier space: the CoA client (radius/coa.ts) sends through here.
   */
  request(code: typeof Code.DisconnectRequest | typeof Code.CoaRequest, to: DynamicAuthTarget, attrs: OutAttr[]): Promise<ExchangeResult>;
  stop(): Promise<void>;
  disconnectSession(sessionId: number, reason: string): Promise<DisconnectResult>;
  disconnectWhere(sel: { subscriptionId: number } | { customerId: number }, reason: string): Promise<DisconnectResult[]>;
  inFlight(): number;
}

export function createDisconnector(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  bind: string;
  routers: RouterDirectory;
  counters: Counters;
  kickViaApi?: KickViaApi;
  timeoutMs?: number;
  attempts?: number;
}): Disconnector {
  const { db, clock, log, routers, counters } = deps;
  const timeoutMs = deps.timeoutMs ?? 1500;
  const attempts = deps.attempts ?? 3;
  const sessionById = db.prepare<[number], SessionRow>(
    'SELECT id, router_id, acct_session_id, username, mac, ip, status FROM sessions WHERE id = ?',
  );
  const onlineBySub = db.prepare<[number], { id: number }>(
    "SELECT id FROM sessions WHERE subscription_id = ? AND status = 'online'",
  );
  const onlineByCustomer = db.prepare<[number], { id: number }>(
    "SELECT id FROM sessions WHERE customer_id = ? AND status = 'online'",
  );
  const insertRow = db.prepare('INSERT INTO disconnects (session_id, reason, outcome, attempts, created_at) VALUES (?, ?, ?, 0, ?)');
  const finishRow = db.prepare('UPDATE disconnects SET outcome = ?, attempts = ?, detail = ?, finished_at = ? WHERE id = ?');

  let socket: dgram.Socket | null = null;
  // Identifier → waiter. One socket, so at most 256 requests in flight; more wait for a free id.
  const waiting = new Map<number, { authenticator: Buffer; secret: Buffer; replies: number[]; done: (code: number | null, errorCause?: number) => void }>();
  const idQueue: Array<() => void> = [];
  let nextId = crypto.randomInt(256);
  const running = new Map<number, Promise<DisconnectResult>>();
  let stopping = false;

  function acquireId(): Promise<number> {
    for (let i = 0; i < 256; i++) {
      const id = (nextId + i) & 0xff;
      if (!waiting.has(id)) {
        nextId = (id + 1) & 0xff;
        return Promise.resolve(id);
      }
    }
    return new Promise((resolve) => idQueue.push(() => resolve(acquireId())));
  }

  function releaseId(id: number): void {
    waiting.delete(id);
    idQueue.shift()?.();
  }

  function onMessage(msg: Buffer): void {
    const p = decodePacket(msg);
    if (typeof p === 'string') return;
    const w = waiting.get(p.identifier);
    if (!w) return;
    // Only the answers to the request sent on this identifier (a Disconnect's, or a CoA's).
    if (!w.replies.includes(p.code)) return;
    // Only the router holding the secret can produce a valid Response Authenticator.
    if (!verifyResponseAuthenticator(p.raw, w.authenticator, w.secret)) return;
    w.done(p.code, getInt(p, Attr.ErrorCause));
  }

  /** Sends one request with retransmits; resolves with the reply code or null on timeout. */
  async function exchange(
    code: typeof Code.DisconnectRequest | typeof Code.CoaRequest,
    host: string,
    port: number,
    secret: Buffer,
    attrs: OutAttr[],
  ): Promise<ExchangeResult> {
    const s = socket;
    if (!s) return { code: null, tries: 0 };
    const id = await acquireId();
    const replies: number[] = code === Code.CoaRequest ? [Code.CoaAck, Code.CoaNak] : [Code.DisconnectAck, Code.DisconnectNak];
    const { packet } = encodePacket(code, id, Buffer.alloc(16), attrs);
    signRequest(packet, -1, secret);
    let tries = 0;
    try {
      return await new Promise((resolve) => {
        let timer: NodeJS.Timeout | null = null;
        const finish = (code: number | null, errorCause?: number) => {
          if (timer) clearTimeout(timer);
          resolve({ code, errorCause, tries });
        };
        waiting.set(id, { authenticator: packet.subarray(4, 20), secret, replies, done: finish });
        const send = () => {
          if (tries >= attempts || socket !== s) return finish(null);
          tries++;
          if (code === Code.DisconnectRequest) counters.disconnects.sent++;
          // A retransmit is the identical datagram (same id and authenticator), as RFC 5080 asks.
          s.send(packet, port, host, (err) => err && log.warn({ err: err.message, host }, 'radius: disconnect send failed'));
          timer = setTimeout(send, timeoutMs);
          timer.unref();
        };
        send();
      });
    } finally {
      releaseId(id);
    }
  }

  async function run(sessionId: number, reason: string): Promise<DisconnectResult> {
    const s = sessionById.get(sessionId);
    if (!s || s.status !== 'online') return { sessionId, outcome: 'not_online', detail: null };
    const router = routers.byId(s.router_id);
    const rowId = Number(insertRow.run(s.id, reason, 'pending', clock.now()).lastInsertRowid);
    let outcome: DisconnectOutcome;
    let detail: string;
    let tries = 0;
    if (!router) {
      outcome = 'failed';
      detail = 'router removed or its secret unreadable';
    } else {
      const attrs = sessionIdentity(router.nasIp, s, clock.now());
      const r = await exchange(Code.DisconnectRequest, normalizeIp(router.nasIp), router.coaPort, router.secret, attrs);
      tries = r.tries;
      if (r.code === Code.DisconnectAck) {
        counters.disconnects.acked++;
        outcome = 'ack';
        detail = 'Disconnect-ACK';
      } else {
        const first = r.code === Code.DisconnectNak ? `Disconnect-NAK${r.errorCause ? ` (Error-Cause ${r.errorCause})` : ''}` : `no answer after ${r.tries} tries`;
        if (r.code === Code.DisconnectNak) counters.disconnects.naked++;
        else counters.disconnects.timedOut++;
        outcome = r.code === Code.DisconnectNak ? 'nak' : 'timeout';
        detail = first;
        // While stopping, no fallback: stop() must not wait on a router API call.
        if (deps.kickViaApi && !stopping) {
          try {
            const ok = await deps.kickViaApi(router.id, {
              acctSessionId: s.acct_session_id, ip: s.ip ?? undefined, mac: s.mac ?? undefined, user: s.username ?? undefined,
            });
            outcome = ok ? 'api_removed' : 'failed';
            detail = `${first}; RouterOS API ${ok ? 'removed the session' : 'found no such session'}`;
          } catch (err) {
            outcome = 'failed';
            detail = `${first}; RouterOS API failed: ${(err as Error).message}`.slice(0, 300);
          }
          if (outcome === 'api_removed') counters.disconnects.apiRemoved++;
        }
        if (outcome !== 'api_removed') counters.disconnects.failed++;
      }
    }
    try {
      finishRow.run(outcome, tries, detail, clock.now(), rowId);
    } catch (err) {
      log.error({ err, sessionId }, 'radius: could not record disconnect outcome');
    }
    log.info({ sessionId, routerId: s.router_id, reason, outcome }, 'radius: disconnect');
    return { sessionId, outcome, detail };
  }

  function disconnectSession(sessionId: number, reason: string): Promise<DisconnectResult> {
    // The same session may be asked twice (subscription ended + owner kick): one exchange.
    let p = running.get(sessionId);
    if (!p) {
      p = run(sessionId, reason).finally(() => running.delete(sessionId));
      running.set(sessionId, p);
    }
    return p;
  }

  return {
    async start() {
      if (socket) return;
      stopping = false;
      const s = dgram.createSocket(net.isIPv6(deps.bind) ? 'udp6' : 'udp4');
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        // An ephemeral port: routers answer to whatever source port the request came from.
        s.bind(0, deps.bind, () => {
          s.off('error', reject);
          resolve();
        });
      });
      s.on('message', (m) => {
        try {
          onMessage(m);
        } catch (err) {
          log.error({ err }, 'radius: bad disconnect reply');
        }
      });
      s.on('error', (err) => log.warn({ err: err.message }, 'radius: disconnect socket error'));
      socket = s;
    },
    async stop() {
      stopping = true;
      const s = socket;
      socket = null;
      for (const w of [...waiting.values()]) w.done(null);
      await Promise.allSettled([...running.values()]);
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    disconnectSession,
    request: (code, to, attrs) => exchange(code, normalizeIp(to.nasIp), to.coaPort, to.secret, attrs),
    disconnectWhere(sel, reason) {
      const rows = 'subscriptionId' in sel ? onlineBySub.all(sel.subscriptionId) : onlineByCustomer.all(sel.customerId);
      return Promise.all(rows.map((r) => disconnectSession(r.id, reason)));
    },
    inFlight: () => running.size,
  };
}
