import Database from 'better-sqlite3';
import { loadMigrations } from '../db';
import { AppError } from '../errors';

/** Tables every HotspotDesk database has had since its first migration: how we tell one of ours. */
const OUR_TABLES = ['settings', 'customers', 'packages', 'audit_log'];

export interface DatabaseFileInfo {
  /** Schema version (PRAGMA user_version). */
  version: number;
}

/** The newest schema version this build's migrations bring. */
export function latestSchemaVersion(): number {
  return loadMigrations().at(-1)?.version ?? 0;
}

/**
 * Whether `file` is a HotspotDesk database this build can open: ours (our tables and a schema
 * version), not newer than our migrations (DB_TOO_NEW, the same refusal as opening the data
 * folder's database), and — with `integrity` — passing `PRAGMA integrity_check` (DB_CORRUPT).
 * Read-only: the file is never changed. The list uses the cheap check; restore the full one.
 */
export function checkDatabaseFile(file: string, opts: { integrity: boolean }): DatabaseFileInfo {
  const latest = latestSchemaVersion();
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new AppError('DB_CORRUPT', `That file cannot be opened as a database (${(e as Error).message}). Choose another backup.`);
  }
  try {
    let version: number;
    let found: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
      const placeholders = OUR_TABLES.map(() => '?').join(', ');
      found = (db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN (${placeholders})`).get(...OUR_TABLES) as { n: number }).n;
    } catch (e) {
      // SQLITE_NOTADB / SQLITE_CORRUPT: not SQLite at all, or its first page is damaged.
      throw new AppError('DB_CORRUPT', `That file is not a HotspotDesk backup or is damaged (${(e as Error).message}). Choose another backup.`);
    }
    if (version === 0 || found < OUR_TABLES.length) {
      throw new AppError('DB_CORRUPT', 'That file is an SQLite database but not a HotspotDesk one. Choose a HotspotDesk backup.');
    }
    if (version > latest) {
      throw new AppError(
        'DB_TOO_NEW',
        `That backup was made by a newer HotspotDesk (database version ${version}; this one knows up to ${latest}). Install that version or newer to restore it; nothing was changed.`,
      );
    }
    if (opts.integrity) {
      let problems: string[];
      try {
        problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
      } catch (e) {
        problems = [(e as Error).message];
      }
      if (problems.length !== 1 || problems[0] !== 'ok') {
        throw new AppError('DB_CORRUPT', `That backup is damaged (${problems.slice(0, 3).join('; ')}). Choose another backup; nothing was changed.`);
      }
    }
    return { version };
  } finally {
    db.close();
  }
}
