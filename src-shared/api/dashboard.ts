import { z } from 'zod';
import { query } from './def';
import type { DashboardSummary } from '../domain';

/** One shop day's sales, net of the voids and refunds made that day (as reports.daily counts them). */
export interface DaySales {
  /** YYYY-MM-DD in the shop's time zone. */
  day: string;
  /** The day's start (epoch ms). */
  from: number;
  /** Completed sales minus voids and refunds made that day. */
  count: number;
  /** Paisa, net. */
  amount: number;
}

/** Devices online during one hour of the shop's clock. */
export interface HourOnline {
  /** The hour's start (epoch ms, on the shop's wall-clock hour). */
  from: number;
  /** Distinct devices (MACs) with a session open at any time in the hour. */
  devices: number;
}

export interface TopPackage {
  packageId: number;
  name: string;
  /** Sales in the last 30 days, net of voids and refunds. */
  count: number;
  amount: number;
}

export interface LoginsLastHour {
  accepted: number;
  refused: number;
  /** The most frequent refusal reasons (src-shared/radiusReasons.ts codes), most first, at most 3. */
  topReasons: Array<{ reason: string; count: number }>;
}

export interface RouterHealth {
  id: number;
  name: string;
  /** null: never contacted (no API login saved, or not polled yet). */
  reachable: boolean | null;
  /** When `reachable` last changed (epoch ms); null when unknown. */
  since: number | null;
  /** The last problem the router's API reported, in plain words. */
  lastError: string | null;
  /** RADIUS sessions open on it now. */
  online: number;
  /** The router's clock minus this PC's (ms), as last measured; null: never read. */
  clockOffsetMs: number | null;
}

export const DASHBOARD_WARNING_CODES = ['router_unreachable', 'ssid_mismatch', 'sms_balance_low', 'backup_overdue', 'clock_skew'] as const;
export type DashboardWarningCode = (typeof DASHBOARD_WARNING_CODES)[number];

/**
 * Something the owner should act on: a code, plain words, what to do and where (an admin route
 * such as `#/routers/3`). The facts behind it ride along so the UI can say it in Bangla too.
 */
export interface DashboardWarning {
  code: DashboardWarningCode;
  message: string;
  fix: string;
  href: string;
  router?: { id: number; name: string };
  /** router_unreachable: since when; backup_overdue: the last backup (null: none yet). */
  at?: number | null;
  /** sms_balance_low: the balance in paisa (null: the gateway refused for lack of balance). */
  balance?: number | null;
  /** clock_skew: the router's clock minus this PC's (ms). */
  offsetMs?: number;
  /** ssid_mismatch: the router's own words of what is wrong. */
  detail?: string;
}

/** dashboard.overview: everything the owner's dashboard shows, in one round. */
export interface DashboardOverview extends Omit<DashboardSummary, 'warnings'> {
  timeZone: string;
  now: number;
  /** The last 30 shop days, oldest first (today last). */
  salesPerDay: DaySales[];
  /** The last 24 hours of the shop's clock, oldest first (the current hour last). */
  onlinePerHour: HourOnline[];
  /** At most 5, by sales count then amount. */
  topPackages: TopPackage[];
  logins: LoginsLastHour;
  routerHealth: RouterHealth[];
  warnings: DashboardWarning[];
}

export const dashboardApi = {
  /** The older, smaller answer (kept for scripts); its warnings are the overview's. */
  'dashboard.summary': query<DashboardSummary>()(z.strictObject({})),
  'dashboard.overview': query<DashboardOverview>()(z.strictObject({})),
};
