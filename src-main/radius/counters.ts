/** Counters behind `radius.status`. Plain numbers: incremented on the hot path, read rarely. */
export const dropReasons = [
  'malformed',
  'oversized',
  'unknown_nas',
  'bad_authenticator',
  'missing_message_authenticator',
  'unexpected_code',
  'db_error',
  'internal_error',
] as const;
export type DropReason = (typeof dropReasons)[number];

export const rejectReasons = [
  'unknown_user',
  'bad_password',
  'no_active_package',
  'expired',
  'data_exhausted',
  'device_limit',
  'wrong_router',
  'disabled',
] as const;
export type RejectReason = (typeof rejectReasons)[number];

function zeroed<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export function createCounters() {
  return {
    authRequests: 0,
    acctRequests: 0,
    accepts: 0,
    rejects: 0,
    rejectsByReason: zeroed(rejectReasons),
    dropped: zeroed(dropReasons),
    duplicates: 0,
    accounting: { start: 0, interim: 0, stop: 0, accountingOn: 0, accountingOff: 0, other: 0 },
    staleClosed: 0,
    disconnects: { sent: 0, acked: 0, naked: 0, timedOut: 0, apiRemoved: 0, failed: 0 },
  };
}

export type Counters = ReturnType<typeof createCounters>;
