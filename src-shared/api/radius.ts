import { z } from 'zod';
import { def, id, mac, pageInput } from './def';
import type { Page } from '../domain';

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
  rejectsByReason: Record<string, number>;
  dropped: Record<string, number>;
  duplicates: number;
  accounting: { start: number; interim: number; stop: number; accountingOn: number; accountingOff: number; other: number };
  staleClosed: number;
  disconnects: { sent: number; acked: number; naked: number; timedOut: number; apiRemoved: number; failed: number };
}

export const rejectReasonSchema = z.enum([
  'unknown_user', 'bad_password', 'no_active_package', 'expired', 'data_exhausted', 'device_limit', 'wrong_router',
  'disabled', 'unknown_nas', 'bad_authenticator', 'missing_message_authenticator', 'malformed', 'oversized',
  'unexpected_code', 'db_error', 'internal_error',
]);

export const radiusApi = {
  'sessions.list': def<Page<SessionInfo>>()(
    z.strictObject({
      status: z.enum(['online', 'stopped', 'stale', 'all']).optional(),
      routerId: id.optional(),
      customerId: id.optional(),
      /** Matches the username, phone, MAC or IP (substring). */
      search: z.string().trim().max(50).optional(),
      ...pageInput,
    }),
  ),
  'sessions.kick': def<KickResult>()(z.strictObject({ id })),
  'authLog.list': def<Page<AuthLogEntry>>()(
    z.strictObject({
      routerId: id.optional(),
      username: z.string().trim().max(64).optional(),
      mac: mac.optional(),
      result: z.enum(['accept', 'reject', 'drop']).optional(),
      reason: rejectReasonSchema.optional(),
      from: z.number().int().optional(),
      to: z.number().int().optional(),
      ...pageInput,
    }),
  ),
  'radius.status': def<RadiusStatus>()(z.strictObject({})),
};
