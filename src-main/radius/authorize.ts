import type { Clock } from '../clock';
import type { SecretBox } from '../secrets';
import type { Logger } from '../log';
import type { SettingsStore } from '../deps';
import { fastNormalizeMac, fastNormalizePhone } from './identity';
import { mikrotikRateLimit, splitGigawords } from '../../src-shared/units';
import { Attr, Mikrotik, Vendor } from './attributes';
import type { OutAttr } from './codec';
import { credentialsMatch } from './credentials';
import type { AccessRequest, AuthDecision, Authorizer } from './protocol';
import type { LoginRecord, RadiusBilling } from './billingPort';
import { secondsLeft, subscriptionSpent } from '../billing/spent';
import { isSoldAt } from '../billing/soldAt';
import { monotonicMs } from './duplicates';
import { isFreeMinutesUsername, type FreeMinutes } from './freeMinutes';

/** The auth-log detail of every free-minutes decision, so the owner can tell them apart. */
export const FREE_MINUTES_DETAIL = {
  accepted: 'free_minutes',
  unknown: 'free_minutes_unknown',
  off: 'free_minutes_off',
  otherDevice: 'free_minutes_other_device',
  used: 'free_minutes_used',
  expired: 'free_minutes_expired',
} as const;

/**
 * Who may go online, and with what limits (issue #3 "Authentication"). Checks run in an order that
 * tells a password guesser nothing: the password is checked before anything about the account.
 *
 * Usernames: the 11-digit local phone number (credential login: PAP or CHAP against the
 * customer's hotspot password), or a MAC in any RouterOS `radius-mac-format` (MAC login: the
 * password is empty or the MAC itself, per `mac-auth-mode`).
 */

/** How long an Accept holds a device slot before the router's Accounting-Start arrives. */
const RESERVATION_MS = 60_000;
const PASSWORD_CACHE_MAX = 100_000;

export interface AuthorizerHandle extends Authorizer {
  /** Forgets expired device reservations of customers who did not log in again. */
  sweepReservations(): void;
  /** Accounting-Start arrived for this device: its slot is now an online session. */
  sessionStarted(customerId: number | null, mac: string | null): void;
}

export function createAuthorizer(deps: {
  clock: Clock;
  secrets: SecretBox;
  log: Logger;
  settings: SettingsStore;
  billing: RadiusBilling;
  /** One-time "free minutes to pay" logins (radius/freeMinutes.ts); without it they are unknown users. */
  freeMinutes?: FreeMinutes;
}): AuthorizerHandle {
  const { clock, billing } = deps;
  // Decrypted hotspot passwords, keyed by the sealed value: a password reset stores a new sealed
  // value, so a stale entry can never match. AES-GCM per request would be a third of the budget.
  const passwords = new Map<string, string>();
  function hotspotPassword(c: LoginRecord): string {
    let p = passwords.get(c.hotspotPasswordEnc);
    if (p === undefined) {
      p = deps.secrets.decrypt(c.hotspotPasswordEnc);
      if (passwords.size >= PASSWORD_CACHE_MAX) passwords.clear();
      passwords.set(c.hotspotPasswordEnc, p);
    }
    return p;
  }

  const scopes = new Map<string, number[]>();
  function ids(json: string): number[] {
    let v = scopes.get(json);
    if (!v) {
      try {
        const parsed: unknown = JSON.parse(json);
        v = Array.isArray(parsed) ? parsed.filter((n): n is number => typeof n === 'number') : [];
      } catch {
        v = [];
      }
      if (scopes.size > 10_000) scopes.clear();
      scopes.set(json, v);
    }
    return v;
  }

  // customerId → devices accepted but not yet seen in accounting (mac, expiry). Small arrays, not
  // Maps: there is one entry per recently accepted customer, tens of thousands at peak.
  const reservations = new Map<number, Array<{ mac: string; until: number }>>();

  function devicesInUse(customerId: number, onlineMacs: string | null, mac: string | null): number {
    const inUse = new Set<string>(onlineMacs ? onlineMacs.split(',') : []);
    const res = reservations.get(customerId);
    if (res) {
      const t = monotonicMs();
      const live = res.filter((r) => r.until >= t);
      for (const r of live) inUse.add(r.mac);
      if (live.length === 0) reservations.delete(customerId);
      else if (live.length !== res.length) reservations.set(customerId, live);
    }
    // The same device logging in again (a new session after a lost Stop) takes no extra slot.
    if (mac) inUse.delete(mac);
    return inUse.size;
  }

  function reserve(customerId: number, mac: string | null): void {
    if (!mac) return;
    const until = monotonicMs() + RESERVATION_MS;
    const res = reservations.get(customerId);
    if (!res) reservations.set(customerId, [{ mac, until }]);
    else {
      const r = res.find((x) => x.mac === mac);
      if (r) r.until = until;
      else res.push({ mac, until });
    }
  }

  function endedReason(customerId: number): 'expired' | 'data_exhausted' | 'no_active_package' {
    const r = billing.lastEndedReason(customerId);
    if (r === 'expired') return 'expired';
    if (r === 'exhausted') return 'data_exhausted';
    return 'no_active_package';
  }

  /**
   * A free-minutes login: good once, from its own device, before it expires, while the owner has
   * the offer on. Same order as a customer login: the password before anything about the grant.
   */
  function authorizeFree(req: AccessRequest, username: string): AuthDecision {
    const D = FREE_MINUTES_DETAIL;
    const free = deps.freeMinutes;
    const g = free?.find(username);
    if (!free || !g) return { accept: false, reason: 'unknown_user', detail: D.unknown };
    const customerId = g.customerId;
    if (!credentialsMatch(req.credentials, free.password(g))) return { accept: false, reason: 'bad_password', customerId, detail: D.unknown };
    const settings = deps.settings.get();
    if (!settings.freeMinutes.enabled) return { accept: false, reason: 'no_active_package', customerId, detail: D.off };
    // Issued for one MAC: the same login typed on another phone is refused.
    if (req.mac !== g.mac) return { accept: false, reason: 'bad_password', customerId, detail: D.otherDevice };
    if (g.usedAt !== null) return { accept: false, reason: 'no_active_package', customerId, detail: D.used };
    if (clock.now() >= g.expiresAt) return { accept: false, reason: 'no_active_package', customerId, detail: D.expired };
    // The conditional write decides a race between two requests (a retransmission has its
    // duplicate-cache reply; this is a second login). It throws on SQLITE_BUSY like startClock:
    // the request is dropped and the router retries.
    if (!free.use(g.id)) return { accept: false, reason: 'no_active_package', customerId, detail: D.used };
    const { acctInterimInterval: interimS, idleTimeout: idleS } = settings.network;
    const attrs: OutAttr[] = [
      // Not a subscription id: accounting charges nothing for these sessions.
      { type: Attr.Class, value: `free-${g.id}` },
      { type: Attr.SessionTimeout, value: g.sessionSeconds },
    ];
    if (idleS > 0) attrs.push({ type: Attr.IdleTimeout, value: idleS });
    attrs.push({ type: Attr.AcctInterimInterval, value: interimS });
    const { octets, gigawords } = splitGigawords(g.dataCapBytes);
    attrs.push({ type: Mikrotik.TotalLimit, vendor: Vendor.Mikrotik, value: octets });
    if (gigawords > 0) attrs.push({ type: Mikrotik.TotalLimitGigawords, vendor: Vendor.Mikrotik, value: gigawords });
    attrs.push({ type: Mikrotik.RateLimit, vendor: Vendor.Mikrotik, value: g.rateLimit });
    return { accept: true, attrs, customerId, detail: D.accepted };
  }

  function authorize(req: AccessRequest): AuthDecision {
    const username = req.username.trim();
    if (isFreeMinutesUsername(username)) return authorizeFree(req, username);
    const userMac = fastNormalizeMac(username);
    const phone = userMac ? null : fastNormalizePhone(username);
    // The login read is billing's (billing/loginRead.ts), called directly: the hot path.
    const lookup = () =>
      userMac ? billing.loginByMac(req.mac, userMac) : phone?.ok ? billing.loginByPhone(req.mac, phone.e164) : undefined;
    let row = lookup();
    if (!row) return { accept: false, reason: 'unknown_user' };
    const customerId = row.customerId;

    if (userMac) {
      // mac-as-username: password empty (the profile's mac-auth-password default) or, with
      // mac-as-username-and-password, the MAC as sent. A MAC login from a different client MAC
      // than the one it names is someone replaying another device's identity. Some clients omit
      // an empty User-Password altogether; that is only trusted from a signed request, where the
      // Message-Authenticator (not the hidden password) proves the router sent it.
      const ok =
        credentialsMatch(req.credentials, '') ||
        credentialsMatch(req.credentials, username) ||
        (req.credentials.kind === 'none' && req.signed);
      if (!ok || (req.mac !== null && req.mac !== userMac)) return { accept: false, reason: 'bad_password', customerId };
    } else if (!credentialsMatch(req.credentials, hotspotPassword(row))) {
      return { accept: false, reason: 'bad_password', customerId };
    }
    if (row.status !== 'active') return { accept: false, reason: 'disabled', customerId };

    const now = clock.now();
    // Billing's one rule for "spent" (billing/spent.ts); the record has its field names.
    if (row.subId !== null && subscriptionSpent(row, now) !== null) {
      // The scheduler has not ended it yet: let billing settle it (and promote a queued one).
      billing.settle(customerId);
      row = lookup() ?? row;
      if (row.subId !== null && subscriptionSpent(row, now) !== null) row = { ...row, subId: null };
    }
    if (row.subId === null) return { accept: false, reason: endedReason(customerId), customerId };

    // Billing's one rule for "sold on this router" (billing/soldAt.ts), on the package snapshot.
    if (!isSoldAt({ routerIds: ids(row.routerIds), zoneIds: ids(row.zoneIds) }, req.router)) {
      return { accept: false, reason: 'wrong_router', customerId };
    }

    const device = req.mac ?? userMac;
    if (devicesInUse(customerId, row.onlineMacs, device) >= row.devices) return { accept: false, reason: 'device_limit', customerId };

    if (!userMac && req.mac && row.deviceOwner === null) {
      // First credential login from this device binds it, so the next visit is a MAC login.
      try {
        billing.bindDevice(customerId, req.mac);
      } catch (err) {
        // Losing the binding only costs the customer a password login next time.
        deps.log.warn({ customerId, err: (err as Error).message }, 'radius: device binding failed');
      }
    }
    reserve(customerId, device);

    if (row.clock === 'firstLogin' && row.clockStartedAt === null) {
      // This Accept is the first login: the validity starts now, exactly once (billing's
      // conditional write; a concurrent login gets the expiry the first one set). If the write
      // fails (SQLITE_BUSY in the read batch) it throws: the request is dropped and the router
      // retries, as for a failed settlement, rather than letting the customer on without a clock.
      row = { ...row, expiresAt: billing.startClock(row.subId), clockStartedAt: now };
    }

    // The settings store keeps its values in memory (refreshed on every write), so a change of
    // interval or idle timeout applies to the very next Accept.
    const { acctInterimInterval: interimS, idleTimeout: idleS } = deps.settings.get().network;
    const attrs: OutAttr[] = [{ type: Attr.Class, value: String(row.subId) }];
    // Time left (billing/spent.ts): to expiry, or the online time left of an 'onlineTime' package
    // (capped by its use-within deadline).
    const left = secondsLeft(row, now);
    if (left !== null) attrs.push({ type: Attr.SessionTimeout, value: Math.max(1, Math.ceil(left)) });
    if (idleS > 0) attrs.push({ type: Attr.IdleTimeout, value: idleS });
    attrs.push({ type: Attr.AcctInterimInterval, value: interimS });
    if (row.dataLimitBytes !== null) {
      const { octets, gigawords } = splitGigawords(Math.max(1, row.dataLimitBytes - row.bytesUsed));
      attrs.push({ type: Mikrotik.TotalLimit, vendor: Vendor.Mikrotik, value: octets });
      if (gigawords > 0) attrs.push({ type: Mikrotik.TotalLimitGigawords, vendor: Vendor.Mikrotik, value: gigawords });
    }
    if (row.uploadBps > 0 || row.downloadBps > 0) {
      attrs.push({ type: Mikrotik.RateLimit, vendor: Vendor.Mikrotik, value: mikrotikRateLimit(row.uploadBps, row.downloadBps) });
    }
    return { accept: true, attrs, customerId };
  }

  return {
    authorize,
    sweepReservations() {
      const t = monotonicMs();
      for (const [customerId, res] of reservations) {
        if (res.every((r) => r.until < t)) reservations.delete(customerId);
      }
    },
    sessionStarted(customerId, mac) {
      if (customerId === null || !mac) return;
      const res = reservations.get(customerId);
      if (!res) return;
      const left = res.filter((r) => r.mac !== mac);
      if (left.length === 0) reservations.delete(customerId);
      else reservations.set(customerId, left);
    },
  };
}
