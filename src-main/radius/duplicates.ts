/**
 * Duplicate detection (RFC 5080 §2.2.2). A NAS retransmits with the same source address and
 * port, Identifier and Request Authenticator; a *new* request may reuse the Identifier only with
 * a new authenticator. So the cache is keyed by (socket, source, Identifier) and remembers the
 * last authenticator: its size is bounded by 256 entries per NAS source port, whatever the load,
 * instead of growing with the request rate.
 *
 * A retransmit of a request still being processed (accounting waits for its group commit) is
 * 'pending': it is dropped, because the reply to the original is about to go out and the NAS
 * accepts whichever copy's reply arrives.
 */
export type DuplicateCheck = { state: 'new' } | { state: 'pending' } | { state: 'done'; reply: Buffer };

interface Entry {
  authenticator: Buffer;
  reply: Buffer | null;
  at: number;
}

export interface DuplicateCache {
  /** Looks the request up; a miss records it as pending. */
  begin(key: string, authenticator: Buffer): DuplicateCheck;
  /** The reply to resend for retransmits within the window. */
  finish(key: string, authenticator: Buffer, reply: Buffer): void;
  /** Processing failed without a reply: let a retransmit be processed afresh. */
  abort(key: string, authenticator: Buffer): void;
  size(): number;
  clear(): void;
}

/** `now` is a monotonic millisecond clock (a cache detail, not domain time). */
export function createDuplicateCache(windowMs: number, now: () => number = monotonicMs): DuplicateCache {
  const map = new Map<string, Entry>();

  function evictExpired(t: number): void {
    // Map iteration is insertion order and every touch re-inserts, so expired entries are at the
    // front: the loop stops at the first live one (amortised O(1) per request).
    for (const [k, e] of map) {
      if (t - e.at < windowMs) break;
      map.delete(k);
    }
  }

  return {
    begin(key, authenticator) {
      const t = now();
      evictExpired(t);
      const e = map.get(key);
      if (e && t - e.at < windowMs && e.authenticator.equals(authenticator)) {
        return e.reply ? { state: 'done', reply: e.reply } : { state: 'pending' };
      }
      if (e) map.delete(key);
      // Copy: the authenticator is a view into a datagram buffer that we do not own.
      map.set(key, { authenticator: Buffer.from(authenticator), reply: null, at: t });
      return { state: 'new' };
    },
    finish(key, authenticator, reply) {
      const e = map.get(key);
      if (e && e.authenticator.equals(authenticator)) e.reply = reply;
    },
    abort(key, authenticator) {
      const e = map.get(key);
      if (e && e.authenticator.equals(authenticator)) map.delete(key);
    },
    size: () => map.size,
    clear: () => map.clear(),
  };
}

export function monotonicMs(): number {
  return Number(process.hrtime.bigint() / 1_000_000n);
}
