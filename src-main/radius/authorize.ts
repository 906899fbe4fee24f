import type { Db } from '../db';
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
import type { RadiusBilling } from './billingPort';
import { monotonicMs } from './duplicates';

/**
 * Who may go online, and with what limits (issue #3 "Authentication"). Checks run in an order that
 * tells a password guesser nothing: the password is checked before anything about the account.
 *
 * Usernames: the 11-digit local phone number (credential login: PAP or CHAP against the
 * customer's hotspot password), or a MAC in any RouterOS `radius-mac-format` (MAC login: the
 * password is empty or the MAC itself, per `mac-auth-mode`).
 */

/** The customer, their active subscription (if any) and their devices online, in one read. */
interface LoginRow {
  customer_id: number;
  status: string;
  hotspot_password_enc: string;
  sub_id: number | null;
  expires_at: number | null;
  data_limit_bytes: number | null;
  bytes_used: number;
  download_bps: number;
  upload_bps: number;
  devices: number;
  router_ids: string;
  zone_ids: string;
  /** MACs of this customer's online sessions, comma separated. */
  online_macs: string | null;
  /** Customer the Calling-Station-Id MAC is bound to (null: unbound). */
  device_owner: number | null;
}

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
  db: Db;
  clock: Clock;
  secrets: SecretBox;
  log: Logger;
  settings: SettingsStore;
  billing: RadiusBilling;
}): AuthorizerHandle {
  const { db, clock, billing } = deps;
  // One statement per login (the hot path): customer, active subscription, online devices and
  // the device binding together. Every lookup is by a unique or leading index column.
  // Rows come back as arrays (`raw`) with positional parameters and are turned into a LoginRow
  // here: better-sqlite3 builds a named-column row object through the V8 C++ API, one property
  // at a time, and binds named parameters by name; on this statement that was half its cost.
  const loginColumns = `c.id AS customer_id, c.status, c.hotspot_password_enc,
      s.id AS sub_id, s.expires_at, s.data_limit_bytes, s.bytes_used, s.download_bps, s.upload_bps, s.devices,
      s.router_ids, s.zone_ids,
      (SELECT group_concat(mac) FROM sessions o WHERE o.customer_id = c.id AND o.status = 'online') AS online_macs,
      (SELECT customer_id FROM devices dv WHERE dv.mac = ?) AS device_owner`;
  // Parameters in SQL text order: the device MAC (in the column list), then the key.
  const byPhone = db.prepare<[string | null, string], unknown[]>(
    `SELECT ${loginColumns} FROM customers c
       LEFT JOIN subscriptions s ON s.customer_id = c.id AND s.status = 'active'
      WHERE c.phone = ?`,
  ).raw(true);
  const byMac = db.prepare<[string | null, string], unknown[]>(
    `SELECT ${loginColumns} FROM devices d JOIN customers c ON c.id = d.customer_id
       LEFT JOIN subscriptions s ON s.customer_id = c.id AND s.status = 'active'
      WHERE d.mac = ?`,
  ).raw(true);
  function toRow(r: unknown[] | undefined): LoginRow | undefined {
    if (!r) return undefined;
    // Same order as loginColumns.
    return {
      customer_id: r[0] as number,
      status: r[1] as string,
      hotspot_password_enc: r[2] as string,
      sub_id: r[3] as number | null,
      expires_at: r[4] as number | null,
      data_limit_bytes: r[5] as number | null,
      bytes_used: r[6] as number,
      download_bps: r[7] as number,
      upload_bps: r[8] as number,
      devices: r[9] as number,
      router_ids: r[10] as string,
      zone_ids: r[11] as string,
      online_macs: r[12] as string | null,
      device_owner: r[13] as number | null,
    };
  }
  const lastEnded = db.prepare<[number], { status: string }>(
    `SELECT status FROM subscriptions WHERE customer_id = ? AND status IN ('expired', 'exhausted')
      ORDER BY COALESCE(ended_at, 0) DESC, id DESC LIMIT 1`,
  );

  // Decrypted hotspot passwords, keyed by the sealed value: a password reset stores a new sealed
  // value, so a stale entry can never match. AES-GCM per request would be a third of the budget.
  const passwords = new Map<string, string>();
  function hotspotPassword(c: LoginRow): string {
    let p = passwords.get(c.hotspot_password_enc);
    if (p === undefined) {
      p = deps.secrets.decrypt(c.hotspot_password_enc);
      if (passwords.size >= PASSWORD_CACHE_MAX) passwords.clear();
      passwords.set(c.hotspot_password_enc, p);
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
    const r = lastEnded.get(customerId);
    if (r?.status === 'expired') return 'expired';
    if (r?.status === 'exhausted') return 'data_exhausted';
    return 'no_active_package';
  }

  function authorize(req: AccessRequest): AuthDecision {
    const username = req.username.trim();
    const userMac = fastNormalizeMac(username);
    const phone = userMac ? null : fastNormalizePhone(username);
    const lookup = () =>
      toRow(userMac ? byMac.get(req.mac, userMac) : phone?.ok ? byPhone.get(req.mac, phone.e164) : undefined);
    let row = lookup();
    if (!row) return { accept: false, reason: 'unknown_user' };
    const customerId = row.customer_id;

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
    if (row.sub_id !== null && ((row.expires_at !== null && row.expires_at <= now) || (row.data_limit_bytes !== null && row.bytes_used >= row.data_limit_bytes))) {
      // The scheduler has not ended it yet: let billing settle it (and promote a queued one).
      billing.settle(customerId);
      row = lookup() ?? row;
      if (row.sub_id !== null && row.expires_at !== null && row.expires_at <= now) row = { ...row, sub_id: null };
    }
    if (row.sub_id === null) return { accept: false, reason: endedReason(customerId), customerId };

    const routerIds = ids(row.router_ids);
    const zoneIds = ids(row.zone_ids);
    if (routerIds.length + zoneIds.length > 0) {
      const here = routerIds.includes(req.router.id) || (req.router.zoneId !== null && zoneIds.includes(req.router.zoneId));
      if (!here) return { accept: false, reason: 'wrong_router', customerId };
    }

    const device = req.mac ?? userMac;
    if (devicesInUse(customerId, row.online_macs, device) >= row.devices) return { accept: false, reason: 'device_limit', customerId };

    if (!userMac && req.mac && row.device_owner === null) {
      // First credential login from this device binds it, so the next visit is a MAC login.
      try {
        billing.bindDevice(customerId, req.mac);
      } catch (err) {
        // Losing the binding only costs the customer a password login next time.
        deps.log.warn({ customerId, err: (err as Error).message }, 'radius: device binding failed');
      }
    }
    reserve(customerId, device);

    // The settings store keeps its values in memory (refreshed on every write), so a change of
    // interval or idle timeout applies to the very next Accept.
    const { acctInterimInterval: interimS, idleTimeout: idleS } = deps.settings.get().network;
    const attrs: OutAttr[] = [{ type: Attr.Class, value: String(row.sub_id) }];
    if (row.expires_at !== null) attrs.push({ type: Attr.SessionTimeout, value: Math.max(1, Math.ceil((row.expires_at - now) / 1000)) });
    if (idleS > 0) attrs.push({ type: Attr.IdleTimeout, value: idleS });
    attrs.push({ type: Attr.AcctInterimInterval, value: interimS });
    if (row.data_limit_bytes !== null) {
      const { octets, gigawords } = splitGigawords(Math.max(1, row.data_limit_bytes - row.bytes_used));
      attrs.push({ type: Mikrotik.TotalLimit, vendor: Vendor.Mikrotik, value: octets });
      if (gigawords > 0) attrs.push({ type: Mikrotik.TotalLimitGigawords, vendor: Vendor.Mikrotik, value: gigawords });
    }
    if (row.upload_bps > 0 || row.download_bps > 0) {
      attrs.push({ type: Mikrotik.RateLimit, vendor: Vendor.Mikrotik, value: mikrotikRateLimit(row.upload_bps, row.download_bps) });
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
