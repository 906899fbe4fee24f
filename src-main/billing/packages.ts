import type { CoreDeps } from '../deps';
import type { Package, PackageClock, PackageRepeat } from '../../src-shared/domain';
import { AppError, invalidInput, notFound } from '../errors';
import { toPackage, type PackageRow } from './rows';

export interface PackageInput {
  name: string;
  price: number;
  validitySeconds?: number | null;
  dataLimitBytes?: number | null;
  downloadBps: number;
  uploadBps: number;
  devices?: number;
  routerIds?: number[];
  zoneIds?: number[];
  clock?: PackageClock;
  useWithinSeconds?: number | null;
  onRepeat?: PackageRepeat;
}

/** How names are compared: case, surrounding and repeated spaces do not make a name different. */
export function packageNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The rules that tie a package's fields together (create and the merged update). */
function checkTerms(p: { validitySeconds: number | null; dataLimitBytes: number | null; clock: PackageClock; useWithinSeconds: number | null }): void {
  if (p.validitySeconds == null && p.dataLimitBytes == null) {
    throw invalidInput('validitySeconds', 'a package needs validitySeconds or dataLimitBytes (or both)');
  }
  if (p.clock === 'onlineTime' && p.validitySeconds == null) {
    throw invalidInput('validitySeconds', 'an online-time package needs validitySeconds (the online time it gives)');
  }
  if (p.clock === 'firstLogin' && p.validitySeconds == null) {
    throw invalidInput('validitySeconds', 'a package whose validity starts at first login needs validitySeconds');
  }
  if (p.useWithinSeconds != null && p.clock !== 'onlineTime') {
    throw invalidInput('useWithinSeconds', 'useWithinSeconds applies only to online-time packages (clock "onlineTime")');
  }
}

/** What packages ask the router store (src-main/routers), which owns routers and zones. */
export interface RouterDirectory {
  exists(routerId: number): boolean;
  zones: { exists(zoneId: number): boolean };
}

/** Packages: what the shop sells. Editing one never touches subscriptions already sold (snapshots). */
export function createPackages({ db, clock, events }: Pick<CoreDeps, 'db' | 'clock' | 'events'>, routers: RouterDirectory) {
  const byId = db.prepare<[number], PackageRow>('SELECT * FROM packages WHERE id = ?');
  const routersOf = db.prepare<[number], { router_id: number }>('SELECT router_id FROM package_routers WHERE package_id = ? ORDER BY router_id');
  const zonesOf = db.prepare<[number], { zone_id: number }>('SELECT zone_id FROM package_zones WHERE package_id = ? ORDER BY zone_id');

  function load(id: number): Package {
    const row = byId.get(id);
    if (!row) throw notFound(`package ${id}`);
    return toPackage(
      row,
      routersOf.all(id).map((r) => r.router_id),
      zonesOf.all(id).map((z) => z.zone_id),
    );
  }

  function checkScope(routerIds: number[] | undefined, zoneIds: number[] | undefined): void {
    routerIds?.forEach((rid, i) => {
      if (!routers.exists(rid)) throw invalidInput(`routerIds.${i}`, `router ${rid} does not exist`);
    });
    zoneIds?.forEach((zid, i) => {
      if (!routers.zones.exists(zid)) throw invalidInput(`zoneIds.${i}`, `zone ${zid} does not exist`);
    });
  }

  const activeNames = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM packages WHERE active = 1');

  /** Names are unique among active packages (archived ones free theirs). A short table: scanned. */
  function checkNameFree(name: string, exceptId: number | null): void {
    const key = packageNameKey(name);
    const other = activeNames.all().find((p) => p.id !== exceptId && packageNameKey(p.name) === key);
    if (other) throw invalidInput('name', `a package named "${other.name}" already exists; choose another name or archive that one`);
  }

  function writeScope(id: number, routerIds: number[] | undefined, zoneIds: number[] | undefined): void {
    if (routerIds) {
      db.prepare('DELETE FROM package_routers WHERE package_id = ?').run(id);
      const ins = db.prepare('INSERT OR IGNORE INTO package_routers (package_id, router_id) VALUES (?, ?)');
      for (const r of routerIds) ins.run(id, r);
    }
    if (zoneIds) {
      db.prepare('DELETE FROM package_zones WHERE package_id = ?').run(id);
      const ins = db.prepare('INSERT OR IGNORE INTO package_zones (package_id, zone_id) VALUES (?, ?)');
      for (const z of zoneIds) ins.run(id, z);
    }
  }

  /** Raised once the write has committed: the portal's package lists are rendered from it. */
  function changed(p: Package): Package {
    events.afterCommit('packages.changed', { packageId: p.id });
    return p;
  }

  return {
    get: load,

    /** The row for selling; refuses archived packages. */
    getSellable(id: number): Package {
      const p = load(id);
      if (!p.active) throw new AppError('PACKAGE_INACTIVE');
      return p;
    },

    list(opts: { includeArchived?: boolean } = {}): Package[] {
      const rows = db
        .prepare<[], { id: number }>(`SELECT id FROM packages ${opts.includeArchived ? '' : 'WHERE active = 1'} ORDER BY price, id`)
        .all();
      return rows.map((r) => load(r.id));
    },

    create(input: PackageInput): Package {
      const terms = {
        validitySeconds: input.validitySeconds ?? null,
        dataLimitBytes: input.dataLimitBytes ?? null,
        clock: input.clock ?? 'purchase',
        useWithinSeconds: input.useWithinSeconds ?? null,
      };
      checkTerms(terms);
      // IMMEDIATE: two creates with one name serialise, so the second sees the first.
      return db.transaction(() => {
        checkScope(input.routerIds, input.zoneIds);
        checkNameFree(input.name, null);
        const now = clock.now();
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO packages (name, price, validity_seconds, data_limit_bytes, download_bps, upload_bps, devices, clock,
               use_within_seconds, on_repeat, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(input.name, input.price, terms.validitySeconds, terms.dataLimitBytes, input.downloadBps, input.uploadBps, input.devices ?? 1,
            terms.clock, terms.useWithinSeconds, input.onRepeat ?? 'queue', now, now);
        const id = Number(lastInsertRowid);
        writeScope(id, input.routerIds, input.zoneIds);
        return changed(load(id));
      }).immediate();
    },

    update(id: number, patch: Partial<PackageInput>): Package {
      return db.transaction(() => {
        const cur = load(id);
        checkScope(patch.routerIds, patch.zoneIds);
        const next = {
          name: patch.name ?? cur.name,
          price: patch.price ?? cur.price,
          validitySeconds: patch.validitySeconds === undefined ? cur.validitySeconds : patch.validitySeconds,
          dataLimitBytes: patch.dataLimitBytes === undefined ? cur.dataLimitBytes : patch.dataLimitBytes,
          downloadBps: patch.downloadBps ?? cur.downloadBps,
          uploadBps: patch.uploadBps ?? cur.uploadBps,
          devices: patch.devices ?? cur.devices,
          clock: patch.clock ?? cur.clock,
          // Leaving online time drops the use-within limit that only it has.
          useWithinSeconds:
            patch.useWithinSeconds !== undefined ? patch.useWithinSeconds : (patch.clock ?? cur.clock) === 'onlineTime' ? cur.useWithinSeconds : null,
          onRepeat: patch.onRepeat ?? cur.onRepeat,
        };
        checkTerms(next);
        if (patch.name !== undefined && cur.active) checkNameFree(next.name, id);
        db.prepare(
          `UPDATE packages SET name = ?, price = ?, validity_seconds = ?, data_limit_bytes = ?, download_bps = ?, upload_bps = ?,
             devices = ?, clock = ?, use_within_seconds = ?, on_repeat = ?, updated_at = ? WHERE id = ?`,
        ).run(next.name, next.price, next.validitySeconds, next.dataLimitBytes, next.downloadBps, next.uploadBps, next.devices,
          next.clock, next.useWithinSeconds, next.onRepeat, clock.now(), id);
        writeScope(id, patch.routerIds, patch.zoneIds);
        return changed(load(id));
      }).immediate();
    },

    /** Archived packages are no longer sold; subscriptions already sold are unaffected. */
    archive(id: number): Package {
      load(id);
      db.prepare('UPDATE packages SET active = 0, updated_at = ? WHERE id = ?').run(clock.now(), id);
      return changed(load(id));
    },
  };
}

export type Packages = ReturnType<typeof createPackages>;
