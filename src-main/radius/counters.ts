import { dropReasons, rejectReasons, type DropReason, type RejectReason } from '../../src-shared/radiusReasons';

// The reason lists live in src-shared (the API's auth-log filter and the UI's labels use them too).
export type { DropReason, RejectReason };

function zeroed<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Counters behind `radius.status`. Plain numbers: incremented on the hot path, read rarely. */
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
