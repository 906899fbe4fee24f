import crypto from 'node:crypto';
import type { Db } from '../db';
import type { Clock } from '../clock';
import type { SecretBox } from '../secrets';
import type { SettingsStore } from '../deps';
import { parseRatePair } from '../../src-shared/settings';
import { mikrotikRateLimit } from '../../src-shared/units';
import { zonedYmd } from '../../src-shared/time';
import { createShopTimeZone } from '../billing/shopTimeZone';

/**
 * "N minutes free to pay" (issue #10). The portal never lets a phone online by itself: it asks for
 * a one-time login here, and the phone's browser posts it to the router like any login, so RADIUS
 * decides. RADIUS owns the grants (free_minute_grants) because it is the one that spends them.
 *
 * A grant is good once, from the MAC it was issued for, until `expires_at` (N minutes after it was
 * issued). A device gets one grant per shop day (the table's UNIQUE (mac, shop_day)).
 */

/** Every free-minutes username starts with this; no phone number or MAC can. */
export const FREE_USERNAME_PREFIX = 'free-';
const BYTES_PER_MB = 1_000_000;

export function isFreeMinutesUsername(username: string): boolean {
  return username.startsWith(FREE_USERNAME_PREFIX);
}

export type FreeMinutesIssue =
  | { ok: true; username: string; password: string; minutes: number; expiresAt: number }
  | { ok: false; reason: 'off' | 'no_device' | 'used_today' };

export interface FreeMinuteGrant {
  id: number;
  mac: string;
  customerId: number;
  expiresAt: number;
  sessionSeconds: number;
  rateLimit: string;
  dataCapBytes: number;
  usedAt: number | null;
  /** Sealed; `password(grant)` opens it. */
  passwordEnc: string;
}

export interface FreeMinutes {
  /** The offer the portal shows (minutes), or null when the owner has it off. */
  offer(): { minutes: number } | null;
  /** A one-time login for this device and customer, unless it had one this shop day. */
  issue(a: { mac: string | null; customerId: number }): FreeMinutesIssue;
  /** The grant behind a free-minutes username (RADIUS's read), or undefined. */
  find(username: string): FreeMinuteGrant | undefined;
  password(g: FreeMinuteGrant): string;
  /** Marks the grant used; false when it already was (a second login, or a race lost). */
  use(id: number): boolean;
}

interface GrantRow {
  id: number;
  mac: string;
  customer_id: number;
  expires_at: number;
  session_seconds: number;
  rate_limit: string;
  data_cap_bytes: number;
  used_at: number | null;
  password_enc: string;
}

export function createFreeMinutes(deps: { db: Db; clock: Clock; secrets: SecretBox; settings: SettingsStore }): FreeMinutes {
  const { db, clock, secrets, settings } = deps;
  const shopTimeZone = createShopTimeZone(settings);
  const insert = db.prepare(
    `INSERT INTO free_minute_grants (username, password_enc, mac, customer_id, shop_day, issued_at, expires_at, session_seconds, rate_limit, data_cap_bytes)
     VALUES (@username, @passwordEnc, @mac, @customerId, @shopDay, @now, @expiresAt, @sessionSeconds, @rateLimit, @dataCapBytes)
     ON CONFLICT (mac, shop_day) DO NOTHING`,
  );
  const byUsername = db.prepare<[string], GrantRow>(
    `SELECT id, mac, customer_id, expires_at, session_seconds, rate_limit, data_cap_bytes, used_at, password_enc
       FROM free_minute_grants WHERE username = ?`,
  );
  const markUsed = db.prepare(`UPDATE free_minute_grants SET used_at = ? WHERE id = ? AND used_at IS NULL`);

  return {
    offer() {
      const f = settings.get().freeMinutes;
      return f.enabled ? { minutes: f.minutes } : null;
    },

    issue({ mac, customerId }) {
      const f = settings.get().freeMinutes;
      if (!f.enabled) return { ok: false, reason: 'off' };
      // Without the router's MAC the grant could not be tied to a device (nor limited per day).
      if (!mac) return { ok: false, reason: 'no_device' };
      const rate = parseRatePair(f.rateLimit) ?? parseRatePair('256k/256k')!;
      const now = clock.now();
      const username = `${FREE_USERNAME_PREFIX}${crypto.randomBytes(9).toString('base64url')}`;
      const password = crypto.randomBytes(12).toString('base64url');
      const expiresAt = now + f.minutes * 60_000;
      const r = insert.run({
        username, passwordEnc: secrets.encrypt(password), mac, customerId, shopDay: zonedYmd(now, shopTimeZone()), now, expiresAt,
        sessionSeconds: f.minutes * 60, rateLimit: mikrotikRateLimit(rate.uploadBps, rate.downloadBps), dataCapBytes: f.dataCapMb * BYTES_PER_MB,
      });
      if (r.changes === 0) return { ok: false, reason: 'used_today' };
      return { ok: true, username, password, minutes: f.minutes, expiresAt };
    },

    find(username) {
      const r = byUsername.get(username);
      return r && {
        id: r.id, mac: r.mac, customerId: r.customer_id, expiresAt: r.expires_at, sessionSeconds: r.session_seconds,
        rateLimit: r.rate_limit, dataCapBytes: r.data_cap_bytes, usedAt: r.used_at, passwordEnc: r.password_enc,
      };
    },

    password: (g) => secrets.decrypt(g.passwordEnc),

    use: (id) => markUsed.run(clock.now(), id).changes === 1,
  };
}
