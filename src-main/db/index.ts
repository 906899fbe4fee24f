import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

export type Db = Database.Database;

export const DB_FILE = 'hotspotdesk.db';
const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered SQL files `NNNN_name.sql`; the number is the schema version it brings. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

export interface OpenOptions {
  migrationsDir?: string;
}

/**
 * Opens (creating if needed) and migrates the database. A database whose schema version is newer
 * than this build knows is refused with DB_TOO_NEW *before* anything is written to it (we peek at
 * user_version on a read-only handle first, since even switching to WAL is a write).
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const migrations = loadMigrations(opts.migrationsDir);
  const latest = migrations.at(-1)?.version ?? 0;

  if (fs.existsSync(file)) {
    let current: number;
    try {
      const peek = new Database(file, { readonly: true, fileMustExist: true });
      try {
        current = peek.pragma('user_version', { simple: true }) as number;
      } finally {
        peek.close();
      }
    } catch (e) {
      throw new AppError('DB_CORRUPT', `${file}: ${(e as Error).message}`);
    }
    if (current > latest) {
      throw new AppError(
        'DB_TOO_NEW',
        `The database ${file} has schema version ${current}; this HotspotDesk knows up to ${latest}. Install a newer HotspotDesk; the database was left untouched.`,
      );
    }
  }

  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a commit is durable against process crashes; an OS crash/power cut can
    // lose the last commits. Accounting sets FULL on its own connection where it acknowledges
    // durability to routers.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    throw new AppError('DB_CORRUPT', `${file}: ${(e as Error).message}`);
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, migrations: Migration[]): void {
  const current = schemaVersion(db);
  for (const m of migrations) {
    if (m.version <= current) continue;
    // Each migration and its version bump commit together: a crash leaves the old or the new schema.
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** Opens the database in a data dir. */
export function openDataDirDatabase(dataDir: string, opts: OpenOptions = {}): Db {
  return openDatabase(path.join(dataDir, DB_FILE), opts);
}
