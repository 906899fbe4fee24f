import type { Db } from '../db';

/**
 * The limit on wrong recharge-card codes (issue #12 relies on "the portal's attempt limits cover
 * guessing"): at most `maxWrong` wrong codes per customer and per device MAC in any `windowMs`.
 * Counted per customer so a guesser cannot rotate MACs, and per MAC so one phone cannot rotate
 * numbers (each new number costs an OTP, which has its own limits). The SQL of
 * portal_card_failures (migration 0110), so the count survives a restart.
 */
export interface CardLimits {
  maxWrong: number;
  windowMs: number;
}

export const DEFAULT_CARD_LIMITS: CardLimits = { maxWrong: 5, windowMs: 15 * 60_000 };

/** Who is typing the code: the signed-in customer and, when the router sent one, the device. */
export interface CardTyper {
  customerId: number;
  mac: string | null;
}

export function createCardGuardStore(db: Db) {
  const byCustomer = db.prepare<[number, number], { at: number }>('SELECT at FROM portal_card_failures WHERE customer_id = ? AND at > ? ORDER BY at');
  const byMac = db.prepare<[string, number], { at: number }>('SELECT at FROM portal_card_failures WHERE mac = ? AND at > ? ORDER BY at');
  const insert = db.prepare<[number, string | null, number]>('INSERT INTO portal_card_failures (customer_id, mac, at) VALUES (?, ?, ?)');
  const prune = db.prepare<[number]>('DELETE FROM portal_card_failures WHERE at <= ?');

  /** When the failures `ats` (ascending, inside the window) leave room for one more try; null: now. */
  function freeAt(ats: number[], limits: CardLimits): number | null {
    if (ats.length < limits.maxWrong) return null;
    // The window slides: a try is free again once enough of the oldest failures have aged out.
    return ats[ats.length - limits.maxWrong]! + limits.windowMs;
  }

  /** The time until which this customer or device may not try a code (epoch ms), or null. */
  function blockedUntil(who: CardTyper, now: number, limits: CardLimits): number | null {
    const since = now - limits.windowMs;
    const times = [freeAt(byCustomer.all(who.customerId, since).map((r) => r.at), limits)];
    if (who.mac) times.push(freeAt(byMac.all(who.mac, since).map((r) => r.at), limits));
    const until = Math.max(...times.map((t) => t ?? 0));
    return until > now ? until : null;
  }

  return {
    blockedUntil,

    /** Counts a wrong code; answers the block it causes (epoch ms), or null when tries are left. */
    recordWrong(who: CardTyper, now: number, limits: CardLimits): number | null {
      db.transaction(() => {
        // Old rows go as new ones come: the table never holds more than one window of failures.
        prune.run(now - limits.windowMs);
        insert.run(who.customerId, who.mac, now);
      })();
      return blockedUntil(who, now, limits);
    },
  };
}

export type CardGuardStore = ReturnType<typeof createCardGuardStore>;
