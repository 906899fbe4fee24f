import { zonedParts, zoneOffsetMs } from '../../src-shared/time';

/**
 * Backup file names: `hotspotdesk-2026-06-01_12-00-00+0600.db` — the shop's wall-clock date and
 * time (what the owner reads in the folder) with its UTC offset, so the name alone gives the exact
 * instant back (no need to trust file times, which copying a folder changes). `-` instead of `:`
 * because Windows forbids colons in names. Two backups in the same second get `-2`, `-3` ….
 *
 * Only names of this shape are ours: pruning and the list never touch any other file.
 */
const NAME = /^hotspotdesk-(\d{4})-(\d{2})-(\d{2})_(\d{2})-(\d{2})-(\d{2})([+-])(\d{2})(\d{2})(?:-(\d{1,4}))?\.db$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The file name of a backup taken at `ms`, as the shop's clock in `timeZone` shows it. */
export function backupFileName(ms: number, timeZone: string, seq = 1): string {
  const p = zonedParts(ms, timeZone);
  const offsetMin = Math.round(zoneOffsetMs(ms, timeZone) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const stamp = `${p.year}-${pad(p.month)}-${pad(p.day)}_${pad(p.hour)}-${pad(p.minute)}-${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
  return `hotspotdesk-${stamp}${seq > 1 ? `-${seq}` : ''}.db`;
}

/** When a backup of ours was taken (epoch ms, to the second) and its same-second sequence; null for any other name. */
export function parseBackupFileName(name: string): { at: number; seq: number } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const offsetMs = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) * 60_000;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls over impossible dates (month 13, 31 Feb): such a name was not written by us.
  const back = new Date(wall);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return { at: wall - offsetMs, seq: m[10] ? Number(m[10]) : 1 };
}

/** Newest first: by instant, then by same-second sequence. */
export function newestFirst<T extends { at: number; seq: number }>(a: T, b: T): number {
  return b.at - a.at || b.seq - a.seq;
}
