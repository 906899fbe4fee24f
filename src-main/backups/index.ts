import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { SettingsStore, Subsystem } from '../deps';
import { AppError, invalidInput, isAppError } from '../errors';
import type { BackupItem, BackupList, RestoreResult } from '../../src-shared/api/backups';
import { backupFileName, newestFirst, parseBackupFileName } from './names';
import { checkDatabaseFile } from './check';
import { removeWithCompanions, stageCopy, swapInDatabase, type Swap } from './swap';

export { parseBackupFileName, backupFileName } from './names';

/** A one-shot timer; returns its cancel. Tests pass one they fire by hand (with a manual clock). */
export interface BackupTimer {
  set(fn: () => void, ms: number): () => void;
}

// setTimeout holds at most 2^31-1 ms (~24.8 days); a longer wait fires early and is re-armed.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export const realTimer: BackupTimer = {
  set(fn, ms) {
    const t = setTimeout(fn, Math.min(Math.max(0, ms), MAX_TIMEOUT_MS));
    // The engine's stop() cancels it; it must never keep a stopping process alive by itself.
    t.unref();
    return () => clearTimeout(t);
  },
};

export interface BackupsDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  settings: SettingsStore;
  dataDir: string;
  /**
   * Brings the engine back on another database: stops every subsystem (closing the database),
   * runs `swapFiles`, and starts everything again on the file now in place — or, if that fails,
   * runs the returned `undo` and starts again on the previous one (then rejects). The engine's.
   */
  reload?: (swapFiles: () => Swap) => Promise<void>;
  timer?: BackupTimer;
  /** A backup that is due (or missed while the PC was off) runs this long after start. Default 60 s. */
  soonMs?: number;
  /** After a failed scheduled backup, the next try. Default 15 min. */
  retryMs?: number;
}

export interface BackupsStatus {
  folder: string;
  /** The newest backup of ours in the folder (epoch ms); null when there is none. */
  lastBackupAt: number | null;
  nextBackupAt: number | null;
  /** Why the last scheduled backup failed (plain words); null after a success. */
  lastError: string | null;
}

export interface Backups extends Subsystem<BackupsStatus> {
  create(): Promise<BackupItem>;
  list(): BackupList;
  restore(file: string): Promise<RestoreResult>;
  /** Re-reads the backup settings and re-arms the timer (settings.update calls it). */
  reschedule(): void;
  /** Whether the owner should be told backups are overdue (the dashboard's backup_overdue). */
  overdue(): BackupOverdue;
}

export interface BackupOverdue {
  overdue: boolean;
  lastBackupAt: number | null;
  /** The schedule (hours; 0 = automatic backups off). */
  intervalHours: number;
}

/** With automatic backups off, the owner is reminded when none was made in this long. */
export const MANUAL_BACKUP_REMINDER_MS = 7 * 24 * 3_600_000;

const HOUR_MS = 3_600_000;

/**
 * Backups of the live database: an online copy with SQLite's backup API, scheduled every
 * `backups.intervalHours` by one timer armed for the next due backup (no polling), keeping the
 * newest `backups.keep` of our files, and restore (checked, then swapped in by the engine).
 */
/** A backup being written; renamed to its final name once complete. */
const PARTIAL = '.partial';

export function createBackups(deps: BackupsDeps): Backups {
  const { db, clock, log, settings } = deps;
  const timer = deps.timer ?? realTimer;
  const soonMs = deps.soonMs ?? 60_000;
  const retryMs = deps.retryMs ?? 15 * 60_000;

  let started = false;
  let cancel: (() => void) | null = null;
  let lastBackupAt: number | null = null;
  let nextBackupAt: number | null = null;
  let retryAt: number | null = null;
  let lastError: string | null = null;
  let startedAt: number | null = null;
  // Backups run one at a time (a manual one and the scheduled one may coincide); stop() waits.
  let chain: Promise<unknown> = Promise.resolve();

  const folder = () => settings.get().backups.folder || path.join(deps.dataDir, 'backups');

  /** Our backup files in the folder, newest first (other files are never looked at again). */
  function ours(dir: string): Array<{ file: string; path: string; at: number; seq: number }> {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return [];
    }
    return names
      .map((file) => ({ file, parsed: parseBackupFileName(file) }))
      .filter((f): f is { file: string; parsed: { at: number; seq: number } } => f.parsed !== null)
      .map((f) => ({ file: f.file, path: path.join(dir, f.file), ...f.parsed }))
      .filter((f) => isFile(f.path))
      .sort(newestFirst);
  }

  /**
   * Half-written copies (`<one of ours>.partial`) a killed process left: backups run one at a time
   * in this process, so any there now is a dead one's, and each is as large as the database.
   */
  function removeLeftoverPartials(dir: string): void {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const f of names) {
      if (!f.endsWith(PARTIAL) || !parseBackupFileName(f.slice(0, -PARTIAL.length))) continue;
      try {
        removeWithCompanions(path.join(dir, f));
        log.info({ file: f }, 'half-written backup of an earlier run removed');
      } catch (e) {
        log.warn({ err: e, file: f }, 'half-written backup of an earlier run could not be removed');
      }
    }
  }

  function item(file: string, full: string, at: number): BackupItem {
    let problem: string | null = null;
    try {
      checkDatabaseFile(full, { integrity: false });
    } catch (e) {
      problem = isAppError(e) ? e.message : (e as Error).message;
    }
    return { file, path: full, size: sizeOf(full), at, readable: problem === null, problem };
  }

  function arm(): void {
    cancel?.();
    cancel = null;
    nextBackupAt = null;
    if (!started) return;
    const hours = settings.get().backups.intervalHours;
    if (hours === 0) return;
    const now = clock.now();
    // Never backed up, or the PC was off when one was due: soon after start, not at once (the
    // engine is still bringing routers and RADIUS up) and not never (a shop PC that is on for 12
    // hours a day would never reach a 24-hour interval counted from start).
    const due = retryAt ?? (lastBackupAt === null ? now : lastBackupAt + hours * HOUR_MS);
    const at = Math.max(due, now + soonMs);
    nextBackupAt = at;
    cancel = timer.set(() => void fire(at), at - now);
  }

  async function fire(at: number): Promise<void> {
    cancel = null;
    if (!started) return;
    // A timer can fire early (clock changed, a wait longer than setTimeout holds): check again.
    if (clock.now() < at) {
      arm();
      return;
    }
    try {
      await create();
    } catch (e) {
      lastError = (e as Error).message;
      retryAt = clock.now() + retryMs;
      log.error({ err: e, folder: folder() }, 'scheduled backup failed');
      arm();
    }
  }

  async function backupTo(file: string): Promise<void> {
    // better-sqlite3 copies 100 pages (400 KB at our 4 KB pages) per step and yields to the event
    // loop (setImmediate) between steps, so RADIUS waits at most one step's copy, never the whole
    // file. Writes through this connection update the copy in place; a write through another
    // connection (accounting has its own) makes SQLite restart the copy, so each restart doubles
    // the step to make sure a busy shop's backup still finishes.
    let step = 100;
    let remaining = Infinity;
    await db.backup(file, {
      progress: ({ remainingPages }) => {
        if (remainingPages > remaining) step = Math.min(step * 2, 1 << 20);
        remaining = remainingPages;
        return step;
      },
    });
    // One self-contained file: the copy carries the live database's WAL flag, and a WAL-mode file
    // opened (even read-only) leaves -wal/-shm beside it in the owner's folder or USB stick.
    const copy = new Database(file);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  }

  function prune(dir: string): void {
    const keep = settings.get().backups.keep;
    for (const old of ours(dir).slice(keep)) {
      try {
        fs.rmSync(old.path);
        log.info({ file: old.file }, 'old backup removed');
      } catch (e) {
        log.warn({ err: e, file: old.file }, 'old backup could not be removed');
      }
    }
  }

  function create(): Promise<BackupItem> {
    const run = chain.then(async () => {
      const dir = folder();
      const now = clock.now();
      const tz = settings.get().shop.timezone;
      let seq = 1;
      while (fs.existsSync(path.join(dir, backupFileName(now, tz, seq)))) seq++;
      const name = backupFileName(now, tz, seq);
      const final = path.join(dir, name);
      // Written under another name and renamed when complete: a half-written backup (disk full,
      // PC switched off) is never listed, restored, or counted as one of the N kept.
      const partial = `${final}${PARTIAL}`;
      try {
        fs.mkdirSync(dir, { recursive: true });
        removeLeftoverPartials(dir);
        await backupTo(partial);
        fs.renameSync(partial, final);
      } catch (e) {
        try {
          removeWithCompanions(partial);
        } catch {
          // The folder itself is unusable (that is the error reported below): nothing was written.
        }
        throw new AppError('BACKUP_FAILED', `The backup to ${dir} could not be written (${(e as Error).message}). Check that the folder exists, this user can write to it and the disk has room.`);
      }
      lastBackupAt = now;
      lastError = null;
      retryAt = null;
      log.info({ file: name, folder: dir }, 'backup written');
      prune(dir);
      arm();
      return item(name, final, parseBackupFileName(name)?.at ?? now);
    });
    chain = run.catch(() => {});
    return run;
  }

  function resolveFile(file: string): string {
    let full: string;
    if (path.isAbsolute(file)) full = path.resolve(file);
    else if (parseBackupFileName(file)) full = path.join(folder(), file);
    else throw invalidInput('file', 'is not the name of a HotspotDesk backup; choose one from the list, or give the full path of the file');
    if (!isFile(full)) throw new AppError('not_found', `There is no backup file ${full}. Choose one from the list.`);
    if (full === path.resolve(db.name)) throw invalidInput('file', 'is the database in use now; choose a backup');
    return full;
  }

  return {
    async start() {
      started = true;
      startedAt = clock.now();
      lastBackupAt = ours(folder())[0]?.at ?? null;
      arm();
    },
    async stop() {
      started = false;
      cancel?.();
      cancel = null;
      nextBackupAt = null;
      // A backup in progress reads the database the engine is about to close.
      await chain;
    },
    status: () => ({ folder: folder(), lastBackupAt, nextBackupAt, lastError }),
    create,
    list() {
      const dir = folder();
      return { folder: dir, lastBackupAt, nextBackupAt, backups: ours(dir).map((f) => item(f.file, f.path, f.at)) };
    },
    reschedule: arm,
    overdue() {
      const intervalHours = settings.get().backups.intervalHours;
      const now = clock.now();
      if (intervalHours === 0) {
        // Off: nothing will ever make one by itself, so "none yet" is already worth a word.
        return { overdue: lastBackupAt === null || now - lastBackupAt > MANUAL_BACKUP_REMINDER_MS, lastBackupAt, intervalHours };
      }
      // On: two intervals without a backup means the schedule is not working (a failing folder,
      // the PC off at every due time). A fresh install counts from start: its first one is due soon.
      const since = lastBackupAt ?? startedAt;
      return { overdue: since !== null && now - since > 2 * intervalHours * HOUR_MS, lastBackupAt, intervalHours };
    },
    async restore(file) {
      const reload = deps.reload;
      if (!reload) throw new Error('backups: restore needs the engine (reload was not given)');
      const source = resolveFile(file);
      const dbFile = db.name;
      // Checked as the copy that will be put in place; a refusal removes the copy, nothing else changed.
      const staged = stageCopy(source, dbFile);
      try {
        checkDatabaseFile(staged, { integrity: true });
      } catch (e) {
        removeWithCompanions(staged);
        throw e;
      }
      const keptAs = `before-restore-${backupFileName(clock.now(), settings.get().shop.timezone)}`;
      await reload(() => swapInDatabase(dbFile, staged, keptAs));
      log.info({ from: source, keptAs }, 'database restored from a backup');
      return { restoredFrom: file, keptAs };
    },
  };
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function sizeOf(p: string): number {
  try {
    return fs.statSync(p).size;
  } catch {
    return 0;
  }
}

/**
 * The settings store, with `onBackupsChange` called after an update that touched the backups
 * section (interval, folder), so the timer is re-armed at once instead of at its old due time.
 */
export function watchBackupSettings(store: SettingsStore, onBackupsChange: () => void): SettingsStore {
  return {
    ...store,
    update(patch) {
      const view = store.update(patch);
      if (patch.backups) onBackupsChange();
      return view;
    },
  };
}
