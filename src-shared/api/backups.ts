import { z } from 'zod';
import { command, query } from './def';

/** One backup file of ours in the backup folder. */
export interface BackupItem {
  /** The file name (what `backups.restore` takes back). */
  file: string;
  /** Full path, for the owner to find it. */
  path: string;
  size: number;
  /** When it was taken (epoch ms). */
  at: number;
  /** Opens as a HotspotDesk database this version can restore (the full integrity check runs on restore). */
  readable: boolean;
  /** Why not, in plain words; null when readable. */
  problem: string | null;
}

export interface BackupList {
  /** The folder backups go to (the setting, or `<data folder>/backups`). */
  folder: string;
  lastBackupAt: number | null;
  /** When the next scheduled backup runs; null when automatic backups are off. */
  nextBackupAt: number | null;
  /** Newest first. */
  backups: BackupItem[];
}

export interface RestoreResult {
  /** The backup's file name or path, as given. */
  restoredFrom: string;
  /** The file name, in the data folder, the database in use before the restore was kept as. */
  keptAs: string;
}

/** A bare file name (one from the list) or a full path: nothing relative that could climb out of the folder. */
const backupFile = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(1000, 'must be at most 1000 characters')
  .refine(
    (s) => s.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s) || s.startsWith('\\\\') || (!/[\\/]/.test(s) && s !== '.' && s !== '..'),
    'must be a backup file name from the list, or a full path such as D:\\backups\\hotspotdesk.db',
  );

export const backupsApi = {
  'backups.list': query<BackupList>()(z.strictObject({})),
  'backups.create': command<BackupItem>()(z.strictObject({})),
  'backups.restore': command<RestoreResult>()(z.strictObject({ file: backupFile })),
};
