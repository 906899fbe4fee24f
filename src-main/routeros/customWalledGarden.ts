import type { CustomWalledGardenEntry } from '../../src-shared/api/routers';
import type { Db } from '../db';
import { notFound } from '../errors';

/** The owner's own walled-garden hosts (walled_garden_entries; router_id null = every router). */

interface Row {
  id: number;
  router_id: number | null;
  host: string;
  https: number;
  comment: string | null;
  created_at: number;
}

const toEntry = (r: Row): CustomWalledGardenEntry => ({
  id: r.id,
  routerId: r.router_id,
  host: r.host,
  https: r.https === 1,
  comment: r.comment,
  createdAt: r.created_at,
});

/** Entries that apply to `routerId` (its own and the all-router ones); all entries when undefined. */
export function listCustomEntries(db: Db, routerId?: number | null): CustomWalledGardenEntry[] {
  const rows = (
    routerId === undefined
      ? db.prepare('SELECT * FROM walled_garden_entries ORDER BY id').all()
      : routerId === null
        ? db.prepare('SELECT * FROM walled_garden_entries WHERE router_id IS NULL ORDER BY id').all()
        : db.prepare('SELECT * FROM walled_garden_entries WHERE router_id IS NULL OR router_id = ? ORDER BY id').all(routerId)
  ) as Row[];
  return rows.map(toEntry);
}

export function addCustomEntry(
  db: Db,
  /** The router store (src-main/routers) owns the routers table. */
  routers: { exists(routerId: number): boolean },
  now: number,
  e: { routerId: number | null; host: string; https: boolean; comment: string | null },
): CustomWalledGardenEntry {
  if (e.routerId !== null && !routers.exists(e.routerId)) {
    throw notFound(`router ${e.routerId}`);
  }
  const existing = db
    .prepare('SELECT * FROM walled_garden_entries WHERE host = ? AND https = ? AND router_id IS ?')
    .get(e.host, e.https ? 1 : 0, e.routerId) as Row | undefined;
  if (existing) return toEntry(existing); // adding the same host twice is a no-op
  const info = db
    .prepare('INSERT INTO walled_garden_entries (router_id, host, https, comment, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(e.routerId, e.host, e.https ? 1 : 0, e.comment, now);
  return toEntry(db.prepare('SELECT * FROM walled_garden_entries WHERE id = ?').get(info.lastInsertRowid) as Row);
}

export function removeCustomEntry(db: Db, id: number): void {
  const info = db.prepare('DELETE FROM walled_garden_entries WHERE id = ?').run(id);
  if (info.changes === 0) throw notFound(`walled-garden entry ${id}`);
}
