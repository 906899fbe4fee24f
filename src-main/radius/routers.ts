import type { Db } from '../db';
import type { SecretBox } from '../secrets';
import type { Logger } from '../log';
import type { RouterInfo, RouterLookup } from './protocol';

/**
 * The router table in memory, keyed by NAS IP (the source address of its RADIUS packets).
 * Every packet needs it, and secrets are stored encrypted, so decrypting per packet would cost
 * more than the rest of the request. The admin API calls reload() after router changes.
 */
export interface RouterDirectory extends RouterLookup {
  reload(): void;
  byId(id: number): RouterInfo | undefined;
  all(): RouterInfo[];
}

interface RouterRow {
  id: number;
  name: string;
  nas_ip: string;
  radius_secret_enc: string;
  coa_port: number;
  zone_id: number | null;
  require_message_authenticator: number;
}

export function createRouterDirectory(db: Db, secrets: SecretBox, log: Logger): RouterDirectory {
  const select = db.prepare<[], RouterRow>(
    `SELECT id, name, nas_ip, radius_secret_enc, coa_port, zone_id, require_message_authenticator
       FROM routers WHERE removed_at IS NULL`,
  );
  let byIp = new Map<string, RouterInfo>();
  let byId = new Map<number, RouterInfo>();

  function reload(): void {
    const ip = new Map<string, RouterInfo>();
    const id = new Map<number, RouterInfo>();
    for (const r of select.all()) {
      let secret: Buffer;
      try {
        secret = Buffer.from(secrets.decrypt(r.radius_secret_enc), 'utf8');
      } catch {
        // A secret sealed with another data key (restored backup): this router cannot talk to us
        // until its secret is saved again; the others keep working.
        log.error({ routerId: r.id }, 'radius: cannot decrypt the router secret; re-enter it in the router settings');
        continue;
      }
      const info: RouterInfo = {
        id: r.id,
        name: r.name,
        nasIp: r.nas_ip,
        secret,
        coaPort: r.coa_port,
        zoneId: r.zone_id,
        requireMessageAuthenticator: r.require_message_authenticator === 1,
      };
      ip.set(normalizeIp(r.nas_ip), info);
      id.set(r.id, info);
    }
    // Swap whole maps so a packet never sees a half-built table.
    byIp = ip;
    byId = id;
  }

  return {
    reload,
    byIp: (addr) => byIp.get(normalizeIp(addr)),
    byId: (rid) => byId.get(rid),
    all: () => [...byId.values()],
  };
}

/** A dual-stack socket reports IPv4 senders as `::ffff:a.b.c.d`. */
export function normalizeIp(addr: string): string {
  return addr.startsWith('::ffff:') ? addr.slice(7) : addr;
}
