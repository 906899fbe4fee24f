import type { Db } from '../db';
import type { HourOnline, LoginsLastHour } from '../../src-shared/api/dashboard';

/**
 * What the owner's dashboard asks of RADIUS's tables (sessions, auth_log): devices online per
 * hour, logins of the last hour, sessions open per router. Read side only, off the packet path.
 */

const HOUR_MS = 3_600_000;

interface SpanRow {
  mac: string | null;
  id: number;
  started_at: number;
  ended_at: number | null;
}

export function createDashboardReads(db: Db) {
  // Open sessions, and closed ones that were still open after `from` (stop and the stale sweep
  // both set updated_at, so the (status, updated_at) index finds them without a table scan).
  const spans = db.prepare<{ from: number; to: number }, SpanRow>(
    `SELECT mac, id, started_at, NULL AS ended_at FROM sessions WHERE status = 'online' AND started_at < @to
     UNION ALL
     SELECT mac, id, started_at, COALESCE(stopped_at, updated_at) AS ended_at FROM sessions
      WHERE status IN ('stopped', 'stale') AND updated_at >= @from AND started_at < @to`,
  );
  const logins = db.prepare<[number], { result: string; reason: string | null; n: number }>(
    `SELECT result, reason, COUNT(*) AS n FROM auth_log WHERE at >= ? AND result IN ('accept', 'reject') GROUP BY result, reason`,
  );
  const perRouter = db.prepare<[], { router_id: number; n: number }>(
    "SELECT router_id, COUNT(*) AS n FROM sessions WHERE status = 'online' GROUP BY router_id",
  );

  return {
    /**
     * Distinct devices (by MAC; a session without one counts alone) with a session open at any
     * moment of each of `hours` hours starting at `from` (an hour boundary of the shop's clock).
     */
    onlinePerHour(from: number, hours: number): HourOnline[] {
      const to = from + hours * HOUR_MS;
      const buckets = Array.from({ length: hours }, () => new Set<string>());
      for (const s of spans.iterate({ from, to })) {
        const device = s.mac ?? `session:${s.id}`;
        const first = Math.max(0, Math.floor((s.started_at - from) / HOUR_MS));
        const last = s.ended_at === null ? hours - 1 : Math.min(hours - 1, Math.floor((s.ended_at - from) / HOUR_MS));
        for (let h = first; h <= last; h++) buckets[h]!.add(device);
      }
      return buckets.map((b, i) => ({ from: from + i * HOUR_MS, devices: b.size }));
    },

    /** Logins accepted and refused since `from`, with the 3 commonest refusal reasons. */
    loginsSince(from: number): LoginsLastHour {
      let accepted = 0;
      let refused = 0;
      const reasons: Array<{ reason: string; count: number }> = [];
      for (const r of logins.all(from)) {
        if (r.result === 'accept') accepted += r.n;
        else {
          refused += r.n;
          reasons.push({ reason: r.reason ?? 'unknown', count: r.n });
        }
      }
      reasons.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
      return { accepted, refused, topReasons: reasons.slice(0, 3) };
    },

    /** Sessions open now, per router id. */
    onlineByRouter(): Map<number, number> {
      return new Map(perRouter.all().map((r) => [r.router_id, r.n]));
    },
  };
}
