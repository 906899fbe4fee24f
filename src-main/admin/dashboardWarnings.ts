import type { DashboardWarning } from '../../src-shared/api/dashboard';
import { formatDateTime, formatTaka, type TimeDisplay } from '../../src-shared/format';
import type { RouterHealthRecord } from '../routers';
import type { BackupOverdue } from '../backups';

/**
 * The dashboard's warnings, composed from what each owner reports (the router store's health
 * records, the SMS gateway's status, the backups' schedule). Pure: the facts in, each warning
 * with plain words, what to do and the page that fixes it out. The UI words them again in Bangla
 * from the code and the facts; these English words are also what scripts read.
 */

/** A router's clock further than this from this PC's is worth the owner's attention. */
export const CLOCK_SKEW_LIMIT_MS = 2 * 60_000;

export interface WarningFacts {
  routers: RouterHealthRecord[];
  sms: { lowBalance: boolean; balance: number | null };
  backups: BackupOverdue;
  display: TimeDisplay;
}

function minutes(ms: number): string {
  const m = Math.round(Math.abs(ms) / 60_000);
  if (m < 120) return `${m} minutes`;
  const h = Math.round(m / 60);
  return h < 48 ? `${h} hours` : `${Math.round(h / 24)} days`;
}

export function dashboardWarnings(f: WarningFacts): DashboardWarning[] {
  const out: DashboardWarning[] = [];
  for (const r of f.routers) {
    const router = { id: r.id, name: r.name };
    const href = `#/routers/${r.id}`;
    if (r.reachable === false) {
      out.push({
        code: 'router_unreachable',
        message: `Router "${r.name}" cannot be reached${r.since ? ` since ${formatDateTime(r.since, f.display)}` : ''}. Customers on it may not get online.`,
        fix: 'Check that the router is switched on and connected to this PC’s network, then open it and run Diagnose.',
        href,
        router,
        at: r.since,
      });
    }
    if (r.ssidProblem) {
      out.push({
        code: 'ssid_mismatch',
        message: `Router "${r.name}" broadcasts the wrong WiFi name: ${r.ssidProblem}. Phones moving to it are not recognised and must log in again.`,
        fix: 'Set the WiFi name (SSID) of the router to the zone’s (Wireless or WiFi > Interfaces on the router), then run Diagnose again.',
        href,
        router,
        detail: r.ssidProblem,
      });
    }
    if (r.clockOffsetMs !== null && Math.abs(r.clockOffsetMs) > CLOCK_SKEW_LIMIT_MS) {
      out.push({
        code: 'clock_skew',
        message: `The clock of router "${r.name}" is ${minutes(r.clockOffsetMs)} ${r.clockOffsetMs > 0 ? 'ahead of' : 'behind'} this PC’s. Package end times and the logs will not match.`,
        fix: 'Turn on the SNTP client on the router (System > SNTP Client) and check this PC’s date, time and time zone.',
        href,
        router,
        offsetMs: r.clockOffsetMs,
      });
    }
  }
  if (f.sms.lowBalance) {
    const left = f.sms.balance === null ? '' : ` (${formatTaka(f.sms.balance)} left)`;
    out.push({
      code: 'sms_balance_low',
      message: `The SMS gateway balance is low${left}. Top it up: without it, new customers get no login code.`,
      fix: 'Top up the SMS gateway account, or choose another gateway in SMS settings.',
      href: '#/settings',
      balance: f.sms.balance,
    });
  }
  if (f.backups.overdue) {
    const last = f.backups.lastBackupAt;
    out.push({
      code: 'backup_overdue',
      message: last === null ? 'No backup of the database has been made yet.' : `The last backup was made ${formatDateTime(last, f.display)}: backups are overdue.`,
      fix:
        f.backups.intervalHours === 0
          ? 'Make a backup now on the Backups page, or turn on automatic backups in Settings.'
          : 'Make a backup now on the Backups page, and check that the backup folder exists and has room.',
      href: '#/backups',
      at: last,
    });
  }
  return out;
}
