import { z } from 'zod';
import { query } from './def';
import type { DropReason, RejectReason } from '../radiusReasons';

/*
 * The RADIUS server's shapes as the admin API returns them: sessions (api/sessions.ts), auth log
 * (api/authLog.ts) and status (here). They stay together because the RADIUS subsystem produces all
 * of them and the UI imports them from here.
 */

/** One RADIUS accounting session (a device online on a router), as the admin API shows it. */
export interface SessionInfo {
  id: number;
  routerId: number;
  routerName: string | null;
  acctSessionId: string;
  customerId: number | null;
  phone: string | null;
  subscriptionId: number | null;
  username: string | null;
  mac: string | null;
  ip: string | null;
  status: 'online' | 'stopped' | 'stale';
  startedAt: number;
  updatedAt: number;
  stoppedAt: number | null;
  sessionTime: number;
  /** Bytes from the client (upload) and to it (download), cumulative for the session. */
  inputBytes: number;
  outputBytes: number;
  terminateCause: string | null;
}

export interface AuthLogEntry {
  id: number;
  at: number;
  routerId: number | null;
  nasIp: string | null;
  username: string | null;
  mac: string | null;
  customerId: number | null;
  result: 'accept' | 'reject' | 'drop';
  /** One of authLogReasons (src-shared/radiusReasons.ts); stored lines are read back as text. */
  reason: string | null;
  detail: string | null;
}

export interface KickResult {
  sessionId: number;
  /** ack: the router confirmed; api_removed: Disconnect failed, RouterOS API removed it; not_online: nothing to do. */
  outcome: 'ack' | 'nak' | 'timeout' | 'api_removed' | 'failed' | 'not_online';
  detail: string | null;
}

export interface RadiusStatus {
  listening: boolean;
  authPort: number | null;
  acctPort: number | null;
  routers: number;
  online: number;
  authRequests: number;
  acctRequests: number;
  accepts: number;
  rejects: number;
  rejectsByReason: Record<RejectReason, number>;
  dropped: Record<DropReason, number>;
  duplicates: number;
  accounting: { start: number; interim: number; stop: number; accountingOn: number; accountingOff: number; other: number };
  staleClosed: number;
  disconnects: { sent: number; acked: number; naked: number; timedOut: number; apiRemoved: number; failed: number };
}

export const radiusApi = {
  'radius.status': query<RadiusStatus>()(z.strictObject({})),
};
