import fs from 'node:fs';
import path from 'node:path';

/** SQLite's companions of a database file in WAL mode. */
const COMPANIONS = ['-wal', '-shm'];

function moveIfExists(from: string, to: string): void {
  if (fs.existsSync(from)) fs.renameSync(from, to);
}

/** Removes a file and its -wal/-shm, ignoring the ones that are not there. */
export function removeWithCompanions(file: string): void {
  for (const suffix of ['', ...COMPANIONS]) fs.rmSync(file + suffix, { force: true });
}

/** Where a restore copies the backup before checking it: beside the live database, never over it. */
export function stagingPath(dbFile: string): string {
  return `${dbFile}.restoring`;
}

/**
 * Copies `source` to the staging file in the data folder. The copy is what gets checked and then
 * put in place, so what passed integrity_check is byte for byte what the engine opens, and the
 * owner's backup (perhaps on a USB stick) is never renamed, opened for writing or left with
 * -shm files.
 */
export function stageCopy(source: string, dbFile: string): string {
  const staged = stagingPath(dbFile);
  removeWithCompanions(staged);
  fs.copyFileSync(source, staged);
  return staged;
}

export interface Swap {
  /** The file name (in the data folder) the previous database now has. */
  keptAs: string;
  /** Puts the previous database back (the restored one is kept as `<keptAs>.failed`). */
  undo(): void;
}

/**
 * Puts the staged copy in place of the live database, keeping the live one as `aside`.
 * Must run with every connection to `dbFile` closed (the engine stopped): a clean close leaves no
 * -wal, but whatever -wal/-shm there is belongs to that database and moves with it, FIRST — a
 * -wal left behind under the live name would be replayed into the restored file and corrupt it.
 * Renames within one folder, so each step is atomic.
 */
export function swapInDatabase(dbFile: string, staged: string, asideName: string): Swap {
  const aside = path.join(path.dirname(dbFile), asideName);
  for (const suffix of COMPANIONS) moveIfExists(dbFile + suffix, aside + suffix);
  moveIfExists(dbFile, aside);
  for (const suffix of COMPANIONS) fs.rmSync(staged + suffix, { force: true });
  fs.renameSync(staged, dbFile);
  return {
    keptAs: asideName,
    undo() {
      const failed = `${aside}.failed`;
      for (const suffix of COMPANIONS) moveIfExists(dbFile + suffix, failed + suffix);
      moveIfExists(dbFile, failed);
      for (const suffix of COMPANIONS) moveIfExists(aside + suffix, dbFile + suffix);
      moveIfExists(aside, dbFile);
    },
  };
}
