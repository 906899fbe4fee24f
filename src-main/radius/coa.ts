import type { Db } from '../db';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { SubscriptionLimits } from '../billing';
import { secondsLeft } from '../billing/spent';
import { mikrotikRateLimit, splitGigawords } from '../../src-shared/units';
import { Attr, Code, Mikrotik, Vendor } from './attributes';
import type { OutAttr } from './codec';
import type { RadiusBilling } from './billingPort';
import type { RouterDirectory } from './routers';
import { sessionIdentity, type Disconnector } from './disconnect';

/**
 * CoA after a top-up (RFC 5176 CoA-Request, code 43): the online sessions of a subscription that
 * just got more time or data are told its new limits (Session-Timeout, Mikrotik-Total-Limit
 * (+Gigawords), Mikrotik-Rate-Limit), named like a Disconnect names them. A NAK or no answer
 * falls back to a Disconnect, so the device logs in again and its Accept carries the new limits.
 *
 * Which basis RouterOS applies a CoA's limits on is unverified (reference §1.5 [U]). A hotspot
 * compares Session-Timeout with the session's uptime and Total-Limit with its byte counters, so
 * the default ('sessionStart') sends the session's own counters plus what is left; 'now' sends
 * only what is left, as an Accept does. Both are one switch (RadiusServerDeps.coaLimitBasis).
 */
export type CoaLimitBasis = 'sessionStart' | 'now';

export type CoaOutcome = 'ack' | 'disconnected' | 'failed';

export interface CoaResult {
  sessionId: number;
  outcome: CoaOutcome;
  detail: string;
}

/** What the router last reported for a session (the sessions row). */
export interface SessionCounters {
  /** Acct-Session-Time of its last record. */
  sessionTime: number;
  /** Input + output octets of its last record. */
  bytes: number;
  /** When that record arrived (epoch ms). */
  updatedAt: number;
}

/** The limit attributes of a CoA for one session. Pure, so both bases are tested without a router. */
export function coaLimitAttrs(limits: SubscriptionLimits, session: SessionCounters, now: number, basis: CoaLimitBasis): OutAttr[] {
  const attrs: OutAttr[] = [];
  // Time this session has run since its last record: online time spent but not charged yet.
  const elapsed = Math.max(0, (now - session.updatedAt) / 1000);
  const left = secondsLeft(limits.clock === 'onlineTime' ? { ...limits, secondsUsed: (limits.secondsUsed ?? 0) + elapsed } : limits, now);
  if (left !== null) {
    const timeout = basis === 'sessionStart' ? session.sessionTime + elapsed + left : left;
    attrs.push({ type: Attr.SessionTimeout, value: Math.max(1, Math.ceil(timeout)) });
  }
  if (limits.dataLimitBytes !== null) {
    const bytesLeft = Math.max(0, limits.dataLimitBytes - limits.bytesUsed);
    const total = Math.max(1, basis === 'sessionStart' ? session.bytes + bytesLeft : bytesLeft);
    const { octets, gigawords } = splitGigawords(total);
    attrs.push({ type: Mikrotik.TotalLimit, vendor: Vendor.Mikrotik, value: octets });
    if (gigawords > 0) attrs.push({ type: Mikrotik.TotalLimitGigawords, vendor: Vendor.Mikrotik, value: gigawords });
  }
  if (limits.uploadBps > 0 || limits.downloadBps > 0) {
    attrs.push({ type: Mikrotik.RateLimit, vendor: Vendor.Mikrotik, value: mikrotikRateLimit(limits.uploadBps, limits.downloadBps) });
  }
  return attrs;
}

interface SessionRow {
  id: number;
  router_id: number;
  acct_session_id: string;
  username: string | null;
  mac: string | null;
  ip: string | null;
  session_time: number;
  input_octets: number;
  output_octets: number;
  updated_at: number;
}

export interface CoaSender {
  /** Sends the subscription's current limits to each of its online sessions. */
  sendLimits(subscriptionId: number): Promise<CoaResult[]>;
}

export function createCoaSender(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  routers: RouterDirectory;
  billing: RadiusBilling;
  disconnector: Disconnector;
  basis?: CoaLimitBasis;
}): CoaSender {
  const { db, clock, log, routers, billing, disconnector } = deps;
  const basis = deps.basis ?? 'sessionStart';
  const onlineOf = db.prepare<[number], SessionRow>(
    `SELECT id, router_id, acct_session_id, username, mac, ip, session_time, input_octets, output_octets, updated_at
       FROM sessions WHERE subscription_id = ? AND status = 'online'`,
  );

  async function one(s: SessionRow, limits: SubscriptionLimits): Promise<CoaResult> {
    const router = routers.byId(s.router_id);
    if (!router) return { sessionId: s.id, outcome: 'failed', detail: 'router removed or its secret unreadable' };
    const now = clock.now();
    const attrs = [
      ...sessionIdentity(router.nasIp, s, now),
      ...coaLimitAttrs(limits, { sessionTime: s.session_time, bytes: s.input_octets + s.output_octets, updatedAt: s.updated_at }, now, basis),
    ];
    const r = await disconnector.request(Code.CoaRequest, router, attrs);
    if (r.code === Code.CoaAck) return { sessionId: s.id, outcome: 'ack', detail: 'CoA-ACK' };
    const refused = r.code === Code.CoaNak ? `CoA-NAK${r.errorCause ? ` (Error-Cause ${r.errorCause})` : ''}` : `no answer to CoA after ${r.tries} tries`;
    // The router keeps the old limits: a fresh login gets the new ones in its Accept.
    const d = await disconnector.disconnectSession(s.id, 'topup_coa_refused');
    return { sessionId: s.id, outcome: d.outcome === 'not_online' || d.outcome === 'failed' ? 'failed' : 'disconnected', detail: `${refused}; disconnect ${d.outcome}` };
  }

  return {
    async sendLimits(subscriptionId) {
      const limits = billing.activeLimits(subscriptionId);
      if (!limits) return [];
      const results = await Promise.all(onlineOf.all(subscriptionId).map((s) => one(s, limits)));
      for (const r of results) log.info({ subscriptionId, sessionId: r.sessionId, outcome: r.outcome, detail: r.detail }, 'radius: CoA after top-up');
      return results;
    },
  };
}
