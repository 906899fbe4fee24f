import { AppError, notFound } from '../errors';
import type { Db } from '../db';
import type { SecretBox } from '../secrets';
import type { RouterTarget } from './types';

/** The routers-table fields RouterOS sync needs (secrets decrypted only when asked). */
export interface RouterRecord {
  id: number;
  name: string;
  host: string | null;
  apiPort: number | null;
  apiTls: boolean;
  apiUser: string | null;
  hasApiPassword: boolean;
  nasIp: string;
  coaPort: number;
  zoneId: number | null;
  hotspotInterface: string | null;
  requireMessageAuthenticator: boolean;
}

interface Row {
  id: number;
  name: string;
  host: string | null;
  api_port: number | null;
  api_tls: number;
  api_user: string | null;
  api_password_enc: string | null;
  nas_ip: string;
  coa_port: number;
  zone_id: number | null;
  hotspot_interface: string | null;
  require_message_authenticator: number;
}

const COLUMNS = `id, name, host, api_port, api_tls, api_user, api_password_enc, nas_ip, coa_port, zone_id,
  hotspot_interface, require_message_authenticator`;

function toRecord(r: Row): RouterRecord {
  return {
    id: r.id,
    name: r.name,
    host: r.host,
    apiPort: r.api_port,
    apiTls: r.api_tls === 1,
    apiUser: r.api_user,
    hasApiPassword: r.api_password_enc !== null,
    nasIp: r.nas_ip,
    coaPort: r.coa_port,
    zoneId: r.zone_id,
    hotspotInterface: r.hotspot_interface,
    requireMessageAuthenticator: r.require_message_authenticator === 1,
  };
}

export function getRouter(db: Db, id: number): RouterRecord {
  const r = db.prepare(`SELECT ${COLUMNS} FROM routers WHERE id = ? AND removed_at IS NULL`).get(id) as Row | undefined;
  if (!r) throw notFound(`router ${id}`);
  return toRecord(r);
}

export function listRouters(db: Db, zoneId?: number): RouterRecord[] {
  const rows = (
    zoneId === undefined
      ? db.prepare(`SELECT ${COLUMNS} FROM routers WHERE removed_at IS NULL ORDER BY id`).all()
      : db.prepare(`SELECT ${COLUMNS} FROM routers WHERE removed_at IS NULL AND zone_id = ? ORDER BY id`).all(zoneId)
  ) as Row[];
  return rows.map(toRecord);
}

/** How to reach the router's API; ROUTER_NOT_CONFIGURED when the owner has not filled it in. */
export function routerTarget(db: Db, secrets: SecretBox, id: number): RouterTarget {
  const r = db.prepare(`SELECT ${COLUMNS} FROM routers WHERE id = ? AND removed_at IS NULL`).get(id) as Row | undefined;
  if (!r) throw notFound(`router ${id}`);
  if (!r.host || !r.api_user) throw new AppError('ROUTER_NOT_CONFIGURED', undefined, { router: r.name });
  return {
    routerId: r.id,
    label: r.name,
    host: r.host,
    port: r.api_port ?? (r.api_tls === 1 ? 8729 : 8728),
    tls: r.api_tls === 1,
    user: r.api_user,
    password: r.api_password_enc ? secrets.decrypt(r.api_password_enc) : '',
  };
}

export function routerRadiusSecret(db: Db, secrets: SecretBox, id: number): string {
  const r = db.prepare('SELECT radius_secret_enc FROM routers WHERE id = ?').get(id) as { radius_secret_enc: string } | undefined;
  if (!r) throw notFound(`router ${id}`);
  return secrets.decrypt(r.radius_secret_enc);
}

export function zoneOf(db: Db, zoneId: number): { id: number; name: string; ssid: string | null } | null {
  return (db.prepare('SELECT id, name, ssid FROM zones WHERE id = ?').get(zoneId) as { id: number; name: string; ssid: string | null } | undefined) ?? null;
}
