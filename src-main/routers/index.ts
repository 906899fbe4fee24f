import type { CoreDeps } from '../deps';
import type { Router, Zone } from '../../src-shared/domain';
import { AppError, invalidInput, notFound } from '../errors';

interface RouterRow {
  id: number;
  name: string;
  host: string | null;
  api_port: number | null;
  api_tls: number;
  api_user: string | null;
  api_password_enc: string | null;
  nas_ip: string;
  radius_secret_enc: string;
  coa_port: number;
  zone_id: number | null;
  hotspot_interface: string | null;
  require_message_authenticator: number;
  status_reachable: number | null;
  status_last_sync_at: number | null;
  status_last_error: string | null;
  status_version: string | null;
  status_identity: string | null;
  api_cert_sha256: string | null;
  api_cert_pending_sha256: string | null;
  hotspot_dns_name: string | null;
  hotspot_address: string | null;
  created_at: number;
  updated_at: number;
  removed_at: number | null;
  status_since: number | null;
  clock_offset_ms: number | null;
  clock_checked_at: number | null;
  ssid_problem: string | null;
}

/** A router's health as the router store remembers it between polls (see migration 0160). */
export interface RouterHealthRecord {
  id: number;
  name: string;
  reachable: boolean | null;
  since: number | null;
  lastError: string | null;
  clockOffsetMs: number | null;
  clockCheckedAt: number | null;
  ssidProblem: string | null;
}

export interface RouterInput {
  name: string;
  nasIp: string;
  secret: string;
  host?: string | null;
  apiPort?: number | null;
  apiTls?: boolean;
  apiUser?: string | null;
  apiPassword?: string | null;
  coaPort?: number;
  zoneId?: number | null;
  hotspotInterface?: string | null;
  requireMessageAuthenticator?: boolean;
}

function toRouter(r: RouterRow): Router {
  return {
    id: r.id,
    name: r.name,
    host: r.host,
    apiPort: r.api_port,
    apiTls: r.api_tls === 1,
    apiUser: r.api_user,
    hasApiPassword: r.api_password_enc != null,
    nasIp: r.nas_ip,
    coaPort: r.coa_port,
    zoneId: r.zone_id,
    hotspotInterface: r.hotspot_interface,
    requireMessageAuthenticator: r.require_message_authenticator === 1,
    apiCertSha256: r.api_cert_sha256,
    apiCertPendingSha256: r.api_cert_pending_sha256,
    hotspotDnsName: r.hotspot_dns_name,
    hotspotAddress: r.hotspot_address,
    status: {
      reachable: r.status_reachable == null ? null : r.status_reachable === 1,
      lastSyncAt: r.status_last_sync_at,
      lastError: r.status_last_error,
      version: r.status_version,
      identity: r.status_identity,
    },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * Routers (the NASes) and zones. Secrets (RADIUS shared secret, API password) are encrypted at
 * rest and never returned by the API; `credentials()` decrypts them for the subsystems that
 * talk to the router. Removal is soft so past sessions keep their router.
 */
export function createRouterStore({ db, clock, secrets, events }: Pick<CoreDeps, 'db' | 'clock' | 'secrets' | 'events'>) {
  const byId = db.prepare<[number], RouterRow>('SELECT * FROM routers WHERE id = ? AND removed_at IS NULL');
  const liveRouter = db.prepare<[number], { id: number }>('SELECT id FROM routers WHERE id = ? AND removed_at IS NULL');
  const zoneById = db.prepare<[number], { id: number }>('SELECT id FROM zones WHERE id = ?');
  const hostsById = db.prepare<[number], { hotspot_dns_name: string | null; hotspot_address: string | null }>(
    'SELECT hotspot_dns_name, hotspot_address FROM routers WHERE id = ? AND removed_at IS NULL',
  );

  /** RADIUS reloads its NAS table on this; raised after the write commits. */
  function changed(routerId: number | null): void {
    events.afterCommit('routers.changed', { routerId });
  }

  function row(id: number): RouterRow {
    const r = byId.get(id);
    if (!r) throw notFound(`router ${id}`);
    return r;
  }

  function checkUnique(field: 'name' | 'nasIp', value: string, exceptId: number | null): void {
    const col = field === 'name' ? 'name' : 'nas_ip';
    const other = db
      .prepare<[string, number], { id: number }>(`SELECT id FROM routers WHERE ${col} = ? AND removed_at IS NULL AND id <> ?`)
      .get(value, exceptId ?? 0);
    if (other) {
      throw new AppError('conflict', `${field}: another router already uses ${value}`, { field });
    }
  }

  function checkZone(zoneId: number | null | undefined): void {
    if (zoneId != null && !zoneById.get(zoneId)) throw invalidInput('zoneId', `zone ${zoneId} does not exist`);
  }

  return {
    get: (id: number) => toRouter(row(id)),

    /** True for a router that exists and is not removed (packages, walled-garden entries ask). */
    exists: (id: number): boolean => liveRouter.get(id) !== undefined,

    list(): Router[] {
      return db.prepare<[], RouterRow>('SELECT * FROM routers WHERE removed_at IS NULL ORDER BY name').all().map(toRouter);
    },

    /** Decrypted secrets, for RADIUS and RouterOS only. Never return this through the API. */
    credentials(id: number): { radiusSecret: string; apiPassword: string | null } {
      const r = row(id);
      return {
        radiusSecret: secrets.decrypt(r.radius_secret_enc),
        apiPassword: r.api_password_enc ? secrets.decrypt(r.api_password_enc) : null,
      };
    },

    create(input: RouterInput): Router {
      const id = events.tx(() => {
        checkUnique('name', input.name, null);
        checkUnique('nasIp', input.nasIp, null);
        checkZone(input.zoneId);
        const now = clock.now();
        const res = db
          .prepare(
            `INSERT INTO routers (name, host, api_port, api_tls, api_user, api_password_enc, nas_ip, radius_secret_enc, coa_port, zone_id,
               hotspot_interface, require_message_authenticator, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(input.name, input.host ?? null, input.apiPort ?? null, input.apiTls ? 1 : 0, input.apiUser ?? null,
            input.apiPassword ? secrets.encrypt(input.apiPassword) : null, input.nasIp, secrets.encrypt(input.secret),
            input.coaPort ?? 3799, input.zoneId ?? null, input.hotspotInterface ?? null,
            input.requireMessageAuthenticator === false ? 0 : 1, now, now);
        const newId = Number(res.lastInsertRowid);
        changed(newId);
        return newId;
      });
      return toRouter(row(id));
    },

    update(id: number, patch: Partial<RouterInput>): Router {
      events.tx(() => {
        row(id);
        if (patch.name !== undefined) checkUnique('name', patch.name, id);
        if (patch.nasIp !== undefined) checkUnique('nasIp', patch.nasIp, id);
        checkZone(patch.zoneId);
        const sets: string[] = [];
        const args: (string | number | null)[] = [];
        const set = (col: string, v: string | number | null) => (sets.push(`${col} = ?`), args.push(v));
        if (patch.name !== undefined) set('name', patch.name);
        if (patch.host !== undefined) set('host', patch.host);
        if (patch.apiPort !== undefined) set('api_port', patch.apiPort);
        if (patch.apiTls !== undefined) set('api_tls', patch.apiTls ? 1 : 0);
        if (patch.apiUser !== undefined) set('api_user', patch.apiUser);
        if (patch.apiPassword !== undefined) set('api_password_enc', patch.apiPassword ? secrets.encrypt(patch.apiPassword) : null);
        if (patch.nasIp !== undefined) set('nas_ip', patch.nasIp);
        if (patch.secret !== undefined) set('radius_secret_enc', secrets.encrypt(patch.secret));
        if (patch.coaPort !== undefined) set('coa_port', patch.coaPort);
        if (patch.zoneId !== undefined) set('zone_id', patch.zoneId);
        if (patch.hotspotInterface !== undefined) set('hotspot_interface', patch.hotspotInterface);
        if (patch.requireMessageAuthenticator !== undefined) set('require_message_authenticator', patch.requireMessageAuthenticator ? 1 : 0);
        const now = clock.now();
        set('updated_at', now);
        db.prepare(`UPDATE routers SET ${sets.join(', ')} WHERE id = ?`).run(...args, id);
        changed(id);
      });
      return toRouter(row(id));
    },

    remove(id: number): void {
      events.tx(() => {
        row(id);
        const now = clock.now();
        db.prepare('UPDATE routers SET removed_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
        changed(id);
      });
    },

    /**
     * RouterOS sync records what it last saw. status_since moves only when reachability changes
     * (the right-hand side reads the row as it was), so "unreachable since" is the first failure.
     */
    setStatus(id: number, s: { reachable: boolean; error?: string | null; version?: string | null; identity?: string | null; synced?: boolean }): void {
      const now = clock.now();
      const reachable = s.reachable ? 1 : 0;
      db.prepare(
        `UPDATE routers SET status_reachable = ?, status_last_error = ?, status_version = COALESCE(?, status_version),
           status_identity = COALESCE(?, status_identity), status_last_sync_at = CASE WHEN ? THEN ? ELSE status_last_sync_at END,
           status_since = CASE WHEN status_reachable IS ? THEN COALESCE(status_since, ?) ELSE ? END WHERE id = ?`,
      ).run(reachable, s.error ?? null, s.version ?? null, s.identity ?? null, s.synced ? 1 : 0, now, reachable, now, now, id);
    },

    /** The poller's last reading of the router's clock: its offset from this PC's (ms). */
    setClockOffset(id: number, offsetMs: number): void {
      db.prepare('UPDATE routers SET clock_offset_ms = ?, clock_checked_at = ? WHERE id = ?').run(Math.round(offsetMs), clock.now(), id);
    },

    /** The last SSID mismatch found on the router (plain words), or null once it broadcasts the right one. */
    setSsidProblem(id: number, problem: string | null): void {
      db.prepare('UPDATE routers SET ssid_problem = ? WHERE id = ?').run(problem, id);
    },

    /** What the dashboard shows of each router: reachability and since when, clock offset, SSID problem. */
    health(): RouterHealthRecord[] {
      return db
        .prepare<[], RouterRow>('SELECT * FROM routers WHERE removed_at IS NULL ORDER BY name')
        .all()
        .map((r) => ({
          id: r.id,
          name: r.name,
          reachable: r.status_reachable == null ? null : r.status_reachable === 1,
          since: r.status_since,
          lastError: r.status_last_error,
          clockOffsetMs: r.clock_offset_ms,
          clockCheckedAt: r.clock_checked_at,
          ssidProblem: r.ssid_problem,
        }));
    },

    /**
     * API-SSL certificate pinning (trust on first use). `certificateSeen` is asked by the RouterOS
     * connection after the TLS handshake and before anything is sent: true lets it go on. The first
     * fingerprint is pinned; a different one is kept as pending and refused until `acceptCertificate`.
     */
    certificateSeen(id: number, fingerprint: string): boolean {
      return events.tx(() => {
        const r = row(id);
        const now = clock.now();
        if (r.api_cert_sha256 === null) {
          db.prepare('UPDATE routers SET api_cert_sha256 = ?, api_cert_pending_sha256 = NULL, api_cert_seen_at = ? WHERE id = ?').run(fingerprint, now, id);
          return true;
        }
        if (r.api_cert_sha256 === fingerprint) return true;
        db.prepare('UPDATE routers SET api_cert_pending_sha256 = ?, api_cert_seen_at = ? WHERE id = ?').run(fingerprint, now, id);
        return false;
      });
    },

    /** The owner trusts the certificate the router shows now (the pending one) from here on. */
    acceptCertificate(id: number): Router {
      events.tx(() => {
        const r = row(id);
        if (r.api_cert_pending_sha256 === null) {
          throw new AppError('conflict', 'id: this router has no new certificate waiting to be accepted', { field: 'id' });
        }
        db.prepare('UPDATE routers SET api_cert_sha256 = api_cert_pending_sha256, api_cert_pending_sha256 = NULL, updated_at = ? WHERE id = ?').run(clock.now(), id);
        changed(id);
      });
      return toRouter(row(id));
    },

    /**
     * What RouterOS sync read from the router's hotspot profile. Not a settings change (no
     * routers.changed): only the portal's link-login-only check reads it, straight from the row.
     */
    setHotspotHosts(id: number, hosts: { dnsName: string | null; address: string | null }): void {
      db.prepare('UPDATE routers SET hotspot_dns_name = ?, hotspot_address = ? WHERE id = ?').run(hosts.dnsName || null, hosts.address || null, id);
    },

    /**
     * The hosts link-login-only may point at for this router: its hotspot DNS name and address as
     * read from it. null when unknown (or no such router): the portal then falls back to
     * private-range IPv4 addresses.
     */
    loginHosts(id: number): string[] | null {
      const r = hostsById.get(id);
      if (!r) return null;
      const hosts = [r.hotspot_dns_name, r.hotspot_address].filter((h): h is string => h !== null && h.trim() !== '');
      return hosts.length > 0 ? hosts : null;
    },

    zones: {
      list(): Zone[] {
        const zones = db.prepare<[], { id: number; name: string; ssid: string | null }>('SELECT id, name, ssid FROM zones ORDER BY name').all();
        const members = db.prepare<[number], { id: number }>('SELECT id FROM routers WHERE zone_id = ? AND removed_at IS NULL ORDER BY id');
        return zones.map((z) => ({ ...z, routerIds: members.all(z.id).map((r) => r.id) }));
      },
      exists: (id: number): boolean => zoneById.get(id) !== undefined,
      create(name: string, ssid: string | null): Zone {
        return events.tx(() => {
          if (db.prepare('SELECT id FROM zones WHERE name = ?').get(name)) throw new AppError('conflict', `name: a zone called ${name} exists`, { field: 'name' });
          const id = Number(db.prepare('INSERT INTO zones (name, ssid, created_at) VALUES (?, ?, ?)').run(name, ssid, clock.now()).lastInsertRowid);
          changed(null);
          return { id, name, ssid, routerIds: [] };
        });
      },
    },
  };
}

export type RouterStore = ReturnType<typeof createRouterStore>;
