import type { Db } from '../db';

/**
 * The RADIUS login read (the hot path): billing owns customers, devices and subscriptions, so it
 * provides the one statement RADIUS runs per Access-Request, through radius/billingPort.ts.
 */

/** The customer, their active subscription (if any) and their devices online, in one read. */
export interface LoginRecord {
  customerId: number;
  status: string;
  hotspotPasswordEnc: string;
  /** The active subscription; null (and the fields below it meaningless) when none is active. */
  subId: number | null;
  expiresAt: number | null;
  dataLimitBytes: number | null;
  bytesUsed: number;
  downloadBps: number;
  uploadBps: number;
  devices: number;
  /** JSON arrays of the package's router and zone scope (snapshots). */
  routerIds: string;
  zoneIds: string;
  /** The clock as sold ('purchase' | 'firstLogin' | 'onlineTime'). */
  clock: string;
  /** The validity (for 'onlineTime': the online allowance), and online seconds charged. */
  validitySeconds: number | null;
  secondsUsed: number;
  /** Null for a 'firstLogin' subscription whose first Accept has not gone out. */
  clockStartedAt: number | null;
  /** MACs of this customer's online sessions, comma separated. */
  onlineMacs: string | null;
  /** Customer the Calling-Station-Id MAC is bound to (null: unbound). */
  deviceOwner: number | null;
}

export interface LoginRead {
  /** Credential login: the customer with this phone (E.164); `mac` is the Calling-Station-Id. */
  loginByPhone(mac: string | null, e164: string): LoginRecord | undefined;
  /** MAC login: the customer `userMac` is bound to; `mac` is the Calling-Station-Id. */
  loginByMac(mac: string | null, userMac: string): LoginRecord | undefined;
  /** Why the customer's last subscription ended, when it ran out (not cancelled); else null. */
  lastEndedReason(customerId: number): 'expired' | 'exhausted' | null;
}

export function createLoginRead(db: Db): LoginRead {
  // One statement per login: customer, active subscription, online devices and the device
  // binding together. Every lookup is by a unique or leading index column.
  // Rows come back as arrays (`raw`) with positional parameters and are turned into a record
  // here: better-sqlite3 builds a named-column row object through the V8 C++ API, one property
  // at a time, and binds named parameters by name; on this statement that was half its cost.
  // The `sessions` subquery is a read-only join into RADIUS's table (which devices are online):
  // reading it here keeps the login to one statement; only radius writes sessions.
  const loginColumns = `c.id AS customer_id, c.status, c.hotspot_password_enc,
      s.id AS sub_id, s.expires_at, s.data_limit_bytes, s.bytes_used, s.download_bps, s.upload_bps, s.devices,
      s.router_ids, s.zone_ids, s.clock, s.validity_seconds, s.seconds_used, s.clock_started_at,
      (SELECT group_concat(mac) FROM sessions o WHERE o.customer_id = c.id AND o.status = 'online') AS online_macs, -- read-only join: devices online
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
  const lastEnded = db.prepare<[number], { status: string }>(
    `SELECT status FROM subscriptions WHERE customer_id = ? AND status IN ('expired', 'exhausted')
      ORDER BY COALESCE(ended_at, 0) DESC, id DESC LIMIT 1`,
  );

  function toRecord(r: unknown[] | undefined): LoginRecord | undefined {
    if (!r) return undefined;
    // Same order as loginColumns.
    return {
      customerId: r[0] as number,
      status: r[1] as string,
      hotspotPasswordEnc: r[2] as string,
      subId: r[3] as number | null,
      expiresAt: r[4] as number | null,
      dataLimitBytes: r[5] as number | null,
      bytesUsed: r[6] as number,
      downloadBps: r[7] as number,
      uploadBps: r[8] as number,
      devices: r[9] as number,
      routerIds: r[10] as string,
      zoneIds: r[11] as string,
      clock: r[12] as string,
      validitySeconds: r[13] as number | null,
      secondsUsed: r[14] as number,
      clockStartedAt: r[15] as number | null,
      onlineMacs: r[16] as string | null,
      deviceOwner: r[17] as number | null,
    };
  }

  return {
    loginByPhone: (mac, e164) => toRecord(byPhone.get(mac, e164)),
    loginByMac: (mac, userMac) => toRecord(byMac.get(mac, userMac)),
    lastEndedReason(customerId) {
      const s = lastEnded.get(customerId)?.status;
      return s === 'expired' || s === 'exhausted' ? s : null;
    },
  };
}
