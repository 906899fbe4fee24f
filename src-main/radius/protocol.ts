import { AcctStatus, Attr, Code, Mikrotik, Vendor, terminateCauseNames } from './attributes';
import {
  attrBuffer, decodePacket, encodePacket, findAttr, getInt, getIp, getString,
  type OutAttr, type Packet,
} from './codec';
import { decryptUserPassword, signResponse, verifyMessageAuthenticator, verifyRequestAuthenticator } from './crypto';
import type { Credentials } from './credentials';
import type { DuplicateCache } from './duplicates';
import type { Counters, DropReason, RejectReason } from './counters';
import { fastNormalizeMac } from './identity';
import { joinGigawords } from '../../src-shared/units';

/**
 * The RADIUS protocol, without sockets: a datagram and its source in, the reply datagram out (or
 * null: drop). Policy lives here (who may talk, Message-Authenticator, duplicates, what a reply
 * carries); the customer decision is the Authorizer's and the durable write the AccountingSink's.
 */

/** A router as RADIUS sees it (the cache in routers.ts). The secret never leaves this process. */
export interface RouterInfo {
  id: number;
  name: string;
  nasIp: string;
  secret: Buffer;
  coaPort: number;
  zoneId: number | null;
  requireMessageAuthenticator: boolean;
}

export interface RouterLookup {
  byIp(ip: string): RouterInfo | undefined;
}

export interface AccessRequest {
  router: RouterInfo;
  username: string;
  credentials: Credentials;
  /** Calling-Station-Id normalised, or null when absent/not a MAC. */
  mac: string | null;
  framedIp: string | undefined;
  /** The request carried a valid Message-Authenticator: it provably came from the router. */
  signed: boolean;
}

/** `detail`: a note for the auth log beside the reason (free-minutes logins are marked so). */
export type AuthDecision =
  | { accept: true; attrs: OutAttr[]; customerId: number; detail?: string }
  | { accept: false; reason: RejectReason; customerId?: number; detail?: string };

export interface Authorizer {
  authorize(req: AccessRequest): AuthDecision;
}

export interface AccountingRecord {
  routerId: number;
  statusType: number;
  acctSessionId: string;
  username: string | undefined;
  mac: string | null;
  ip: string | undefined;
  nasPort: string | undefined;
  /** Class echoed from our Access-Accept: the subscription id. */
  classValue: string | undefined;
  sessionTime: number;
  /** Cumulative totals (octets + gigawords), bytes. */
  inputBytes: number;
  outputBytes: number;
  terminateCause: string | undefined;
}

export interface AccountingSink {
  /** Resolves once the record is durable; rejects when it could not be stored. */
  record(r: AccountingRecord): Promise<void>;
}

export interface AuthEvent {
  router: RouterInfo;
  username: string;
  mac: string | null;
  result: 'accept' | 'reject';
  reason: RejectReason | null;
  customerId: number | null;
  detail: string | null;
}

export interface ProtocolDeps {
  routers: RouterLookup;
  authorizer: Authorizer;
  accounting: AccountingSink;
  duplicates: DuplicateCache;
  counters: Counters;
  onAuth(e: AuthEvent): void;
  /** Dropped datagram. `router` is known unless the reason is unknown_nas/malformed-before-lookup. */
  onDrop(reason: DropReason, srcIp: string, router: RouterInfo | undefined, detail?: string): void;
  onError(err: unknown, where: string): void;
}

/** Reply-Message per reject reason: RouterOS shows it as $(error) on the login page. */
export const rejectMessages: Record<RejectReason, string> = {
  unknown_user: 'Unknown user. Register on the WiFi page first.',
  bad_password: 'Wrong password.',
  no_active_package: 'You have no active package. Buy a package to go online.',
  expired: 'Your package has expired. Buy a new package to go online.',
  data_exhausted: 'Your data is used up. Buy a new package to go online.',
  device_limit: 'Your package allows no more devices online at once. Log out another device first.',
  wrong_router: 'Your package is not valid on this WiFi.',
  disabled: 'Your account is disabled. Please contact the shop.',
};

export interface Protocol {
  /** Auth port. Synchronous: the decision is in-memory plus indexed SQLite reads. */
  handleAuth(datagram: Buffer, srcIp: string, srcPort: number): Buffer | null;
  /** Accounting port. A promise when the record must first become durable. */
  handleAcct(datagram: Buffer, srcIp: string, srcPort: number): Buffer | null | Promise<Buffer | null>;
}

export function createProtocol(deps: ProtocolDeps): Protocol {
  const { routers, counters, duplicates } = deps;

  function drop(reason: DropReason, srcIp: string, router?: RouterInfo, detail?: string): null {
    counters.dropped[reason]++;
    deps.onDrop(reason, srcIp, router, detail);
    return null;
  }

  /** Decodes and finds the router; null (already counted) when the datagram must be dropped. */
  function admit(datagram: Buffer, srcIp: string): { p: Packet; router: RouterInfo } | null {
    const p = decodePacket(datagram);
    if (typeof p === 'string') return drop(p === 'oversized' ? 'oversized' : 'malformed', srcIp, routers.byIp(srcIp), p);
    const router = routers.byIp(srcIp);
    if (!router) return drop('unknown_nas', srcIp);
    return { p, router };
  }

  function proxyStates(p: Packet): { type: number; value: Buffer }[] | undefined {
    let out: { type: number; value: Buffer }[] | undefined;
    for (const a of p.attrs) {
      if (a.type === Attr.ProxyState && a.vendor === 0) (out ??= []).push({ type: a.type, value: attrBuffer(p, a) });
    }
    return out;
  }

  /**
   * Duplicate-cache key (RFC 5080: source, port, Identifier) as one number instead of a string
   * built per request. The router stands for the source address: every admitted packet has one,
   * and a router has exactly one NAS IP (byIp also folds `::ffff:a.b.c.d` into `a.b.c.d`, which is
   * the same sender). Layout: router id, auth/accounting bit, 16-bit port, 8-bit Identifier;
   * exact (below 2^53) for router ids under 2^28.
   */
  function dupKey(router: RouterInfo, acct: 0 | 1, srcPort: number, identifier: number): number {
    return ((router.id * 2 + acct) * 65536 + srcPort) * 256 + identifier;
  }

  function respond(p: Packet, router: RouterInfo, code: number, attrs: OutAttr[], withMa: boolean): Buffer {
    const { packet, maOffset } = encodePacket(code, p.identifier, p.authenticator, attrs, {
      messageAuthenticator: withMa,
      rawAttrs: proxyStates(p),
    });
    return signResponse(packet, maOffset, router.secret);
  }

  function credentialsOf(p: Packet, router: RouterInfo): Credentials {
    const pw = findAttr(p, Attr.UserPassword);
    if (pw) return { kind: 'pap', password: decryptUserPassword(attrBuffer(p, pw), router.secret, p.authenticator) };
    const chap = findAttr(p, Attr.ChapPassword);
    if (chap) {
      const ch = findAttr(p, Attr.ChapChallenge);
      return { kind: 'chap', chapPassword: attrBuffer(p, chap), challenge: ch ? attrBuffer(p, ch) : p.authenticator };
    }
    return { kind: 'none' };
  }

  function handleAuth(datagram: Buffer, srcIp: string, srcPort: number): Buffer | null {
    counters.authRequests++;
    const admitted = admit(datagram, srcIp);
    if (!admitted) return null;
    const { p, router } = admitted;
    if (p.code !== Code.AccessRequest && p.code !== Code.StatusServer) {
      return drop('unexpected_code', srcIp, router, `code ${p.code} on the auth port`);
    }

    // BlastRADIUS (CVE-2024-3596): an Access-Request is only trusted with a valid
    // Message-Authenticator; without one an attacker who can forge MD5 prefixes can turn a
    // Reject into an Accept. Verified before the duplicate cache so a forged copy cannot
    // poison the cached entry of a genuine request.
    const ma = findAttr(p, Attr.MessageAuthenticator);
    if (ma) {
      if (ma.end - ma.start !== 16 || !verifyMessageAuthenticator(p.raw, ma.start, router.secret)) {
        return drop('bad_authenticator', srcIp, router, 'Message-Authenticator does not verify (wrong secret?)');
      }
    } else if (router.requireMessageAuthenticator || p.code === Code.StatusServer) {
      return drop('missing_message_authenticator', srcIp, router);
    }

    const key = dupKey(router, 0, srcPort, p.identifier);
    const dup = duplicates.begin(key, p.authenticator);
    if (dup.state !== 'new') {
      counters.duplicates++;
      return dup.state === 'done' ? dup.reply : null;
    }

    let reply: Buffer;
    if (p.code === Code.StatusServer) {
      // RFC 5997 §4.1: an Access-Accept tells the NAS the server is alive.
      reply = respond(p, router, Code.AccessAccept, [], true);
    } else {
      const username = getString(p, Attr.UserName) ?? '';
      const callingId = getString(p, Attr.CallingStationId);
      const req: AccessRequest = {
        router,
        username,
        credentials: credentialsOf(p, router),
        mac: callingId ? fastNormalizeMac(callingId) : null,
        framedIp: getIp(p, Attr.FramedIpAddress),
        signed: ma !== undefined,
      };
      let decision: AuthDecision;
      try {
        decision = deps.authorizer.authorize(req);
      } catch (err) {
        // No reply: the NAS retries, and a transient error (a locked database) may clear.
        duplicates.abort(key, p.authenticator);
        deps.onError(err, 'authorize');
        return drop('internal_error', srcIp, router);
      }
      // Every Accept/Reject is signed with a Message-Authenticator, whatever the request had.
      if (decision.accept) {
        counters.accepts++;
        reply = respond(p, router, Code.AccessAccept, decision.attrs, true);
      } else {
        counters.rejects++;
        counters.rejectsByReason[decision.reason]++;
        reply = respond(p, router, Code.AccessReject, [{ type: Attr.ReplyMessage, value: rejectMessages[decision.reason] }], true);
      }
      deps.onAuth({
        router,
        username,
        mac: req.mac,
        result: decision.accept ? 'accept' : 'reject',
        reason: decision.accept ? null : decision.reason,
        customerId: decision.customerId ?? null,
        detail: decision.detail ?? null,
      });
    }
    duplicates.finish(key, p.authenticator, reply);
    return reply;
  }

  function accountingRecord(p: Packet, router: RouterInfo, statusType: number, acctSessionId: string): AccountingRecord {
    const callingId = getString(p, Attr.CallingStationId);
    const cause = getInt(p, Attr.AcctTerminateCause);
    const nasPortId = getString(p, Attr.NasPortId);
    const nasPort = getInt(p, Attr.NasPort);
    return {
      routerId: router.id,
      statusType,
      acctSessionId,
      username: getString(p, Attr.UserName),
      mac: callingId ? fastNormalizeMac(callingId) : null,
      ip: getIp(p, Attr.FramedIpAddress) ?? getIp(p, Mikrotik.HostIp, Vendor.Mikrotik),
      nasPort: nasPortId ?? (nasPort !== undefined ? String(nasPort) : undefined),
      classValue: getString(p, Attr.Class),
      sessionTime: getInt(p, Attr.AcctSessionTime) ?? 0,
      inputBytes: joinGigawords(getInt(p, Attr.AcctInputOctets) ?? 0, getInt(p, Attr.AcctInputGigawords) ?? 0),
      outputBytes: joinGigawords(getInt(p, Attr.AcctOutputOctets) ?? 0, getInt(p, Attr.AcctOutputGigawords) ?? 0),
      terminateCause: cause === undefined ? undefined : (terminateCauseNames[cause] ?? String(cause)),
    };
  }

  function handleAcct(datagram: Buffer, srcIp: string, srcPort: number): Buffer | null | Promise<Buffer | null> {
    counters.acctRequests++;
    const admitted = admit(datagram, srcIp);
    if (!admitted) return null;
    const { p, router } = admitted;
    if (p.code !== Code.AccountingRequest) return drop('unexpected_code', srcIp, router, `code ${p.code} on the accounting port`);
    // The Request Authenticator is a keyed MD5 of the whole packet: it authenticates accounting.
    if (!verifyRequestAuthenticator(p.raw, router.secret)) {
      return drop('bad_authenticator', srcIp, router, 'Accounting-Request authenticator does not verify (wrong secret?)');
    }
    const statusType = getInt(p, Attr.AcctStatusType);
    if (statusType === undefined) return drop('malformed', srcIp, router, 'no Acct-Status-Type');
    const acctSessionId = getString(p, Attr.AcctSessionId) ?? '';
    const perSession = statusType === AcctStatus.Start || statusType === AcctStatus.Stop || statusType === AcctStatus.InterimUpdate;
    if (perSession && acctSessionId === '') return drop('malformed', srcIp, router, 'no Acct-Session-Id');

    const key = dupKey(router, 1, srcPort, p.identifier);
    const dup = duplicates.begin(key, p.authenticator);
    if (dup.state !== 'new') {
      counters.duplicates++;
      return dup.state === 'done' ? dup.reply : null;
    }

    const reply = () => {
      const r = respond(p, router, Code.AccountingResponse, [], false);
      duplicates.finish(key, p.authenticator, r);
      return r;
    };
    const c = counters.accounting;
    switch (statusType) {
      case AcctStatus.Start: c.start++; break;
      case AcctStatus.InterimUpdate: c.interim++; break;
      case AcctStatus.Stop: c.stop++; break;
      case AcctStatus.AccountingOn: c.accountingOn++; break;
      case AcctStatus.AccountingOff: c.accountingOff++; break;
      default:
        // Tunnel and failed-session records carry nothing we bill: acknowledge so the NAS stops.
        c.other++;
        return reply();
    }
    // node:dgram hands each message its own Buffer, so the packet stays valid across the await.
    return deps.accounting.record(accountingRecord(p, router, statusType, acctSessionId)).then(
      reply,
      (err) => {
        // Not durable, so not acknowledged: the NAS retransmits and we try again.
        duplicates.abort(key, p.authenticator);
        deps.onError(err, 'accounting');
        return drop('db_error', srcIp, router);
      },
    );
  }

  return { handleAuth, handleAcct };
}
