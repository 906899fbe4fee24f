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

/**
 * Keys are numbers on the packet path (protocol.ts packs router, port and identifier into one):
 * a string key was built, flattened and hashed per request, which the profile showed. Strings
 * still work (tests, tools).
 */
export type DuplicateKey = number | string;

// Shared results: 'new' is the answer to nearly every request, so it allocates nothing.
const NEW: DuplicateCheck = Object.freeze({ state: 'new' });
const PENDING: DuplicateCheck = Object.freeze({ state: 'pending' });

interface Entry {
  authenticator: Buffer;
  reply: Buffer | null;
  at: number;
}

export interface DuplicateCache {
  /** Looks the request up; a miss records it as pending. */
  begin(key: DuplicateKey, authenticator: Buffer): DuplicateCheck;
  /** The reply to resend for retransmits within the window. */
  finish(key: DuplicateKey, authenticator: Buffer, reply: Buffer): void;
  /** Processing failed without a reply: let a retransmit be processed afresh. */
  abort(key: DuplicateKey, authenticator: Buffer): void;
  size(): number;
  clear(): void;
}

/** `now` is a monotonic millisecond clock (a cache detail, not domain time). */
export function createDuplicateCache(windowMs: number, now: () => number = monotonicMs): DuplicateCache {
  const map = new Map<DuplicateKey, Entry>();

  // Eviction runs at most every `sweepMs`, not on every request: each pass allocates an iterator
  // and walks from the front. Lookups still compare `at` with the window, so a stale entry that
  // is not evicted yet is never answered from; it only lives up to `sweepMs` longer.
  const sweepMs = Math.min(1000, windowMs / 8);
  let lastSweep = -Infinity;
  function evictExpired(t: number): void {
    if (t - lastSweep < sweepMs) return;
    lastSweep = t;
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
      if (e) {
        if (t - e.at < windowMs && e.authenticator.equals(authenticator)) {
          return e.reply ? { state: 'done', reply: e.reply } : PENDING;
        }
        // A new request on this (source, identifier): reuse the entry and its authenticator
        // buffer instead of allocating both per request (fewer short-lived objects for the
        // scavenger). Re-inserted so the map stays in touch order for evictExpired.
        map.delete(key);
        if (e.authenticator.length === authenticator.length) authenticator.copy(e.authenticator);
        else e.authenticator = Buffer.from(authenticator);
        e.reply = null;
        e.at = t;
        map.set(key, e);
        return NEW;
      }
      // Copy: the authenticator is a view into a datagram buffer that we do not own.
      map.set(key, { authenticator: Buffer.from(authenticator), reply: null, at: t });
      return NEW;
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

/** performance.now(): monotonic like hrtime, without a BigInt and a division per call (it is
 * read several times per Access-Request). Fractional milliseconds; only compared and added. */
export function monotonicMs(): number {
  return performance.now();
}
