import type { RouterStore } from '../routers';
import type { Logger } from '../log';
import type { RouterInfo, RouterLookup } from './protocol';

/**
 * The router table in memory, keyed by NAS IP (the source address of its RADIUS packets).
 * Every packet needs it, and secrets are stored encrypted, so decrypting per packet would cost
 * more than the rest of the request. Reloaded on the bus event `routers.changed`.
 */
export interface RouterDirectory extends RouterLookup {
  reload(): void;
  byId(id: number): RouterInfo | undefined;
  all(): RouterInfo[];
}

/**
 * Built from the router store (src-main/routers), the one owner of the routers table and its
 * secret decryption; this module only indexes it for the per-packet lookup.
 */
export function createRouterDirectory(routers: RouterStore, log: Logger): RouterDirectory {
  let byIp = new Map<string, RouterInfo>();
  let byId = new Map<number, RouterInfo>();

  function reload(): void {
    const ip = new Map<string, RouterInfo>();
    const id = new Map<number, RouterInfo>();
    for (const r of routers.list()) {
      let secret: Buffer;
      try {
        secret = Buffer.from(routers.credentials(r.id).radiusSecret, 'utf8');
      } catch {
        // A secret sealed with another data key (restored backup): this router cannot talk to us
        // until its secret is saved again; the others keep working.
        log.error({ routerId: r.id }, 'radius: cannot decrypt the router secret; re-enter it in the router settings');
        continue;
      }
      const info: RouterInfo = {
        id: r.id,
        name: r.name,
        nasIp: r.nasIp,
        secret,
        coaPort: r.coaPort,
        zoneId: r.zoneId,
        requireMessageAuthenticator: r.requireMessageAuthenticator,
      };
      ip.set(normalizeIp(r.nasIp), info);
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
