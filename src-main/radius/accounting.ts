import type { Db } from '../db';
import type { Clock } from '../clock';
import { normalizePhone } from '../../src-shared/phone';
import { normalizeMac } from '../../src-shared/mac';
import { AcctStatus } from './attributes';
import type { AccountingRecord, AccountingSink } from './protocol';
import type { RadiusBilling } from './billingPort';
import { isFreeMinutesUsername } from './freeMinutes';
import { createGroupCommitter, type GroupCommitter } from './groupCommit';

/**
 * Accounting: one `sessions` row per (router, Acct-Session-Id), charged exactly once.
 *
 * Routers report cumulative counters. The row keeps the largest totals seen and `charged_bytes`,
 * how much of them the subscription has been charged; a record charges max(0, total − charged)
 * and raises charged_bytes in the same transaction. So a retransmit, a duplicate that slipped past
 * the cache (after a restart), or an older interim arriving after a newer one charges nothing twice,
 * and nothing is lost when a record is missed (the next one carries the total).
 *
 * Online time is charged the same way from Acct-Session-Time (as the router reports it):
 * `charged_seconds` per session, each record charging max(0, session time − charged). After a
 * lost Stop or an Accounting-On, time is charged up to the last record received, never guessed.
 */

interface SessionRow {
  id: number;
  status: string;
  subscription_id: number | null;
  customer_id: number | null;
  charged_bytes: number;
  charged_seconds: number;
}

export interface AccountingStore extends AccountingSink {
  /** Marks online sessions without an update for `olderThanMs` as stale; returns how many. */
  closeStale(olderThanMs: number): number;
  committer: GroupCommitter<AccountingRecord>;
}

export function createAccountingStore(deps: {
  db: Db;
  clock: Clock;
  billing: RadiusBilling;
  onSessionStarted?: (customerId: number | null, mac: string | null) => void;
}): AccountingStore {
  const { db, clock, billing } = deps;
  const find = db.prepare<[number, string], SessionRow>(
    `SELECT id, status, subscription_id, customer_id, charged_bytes, charged_seconds FROM sessions WHERE router_id = ? AND acct_session_id = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO sessions (router_id, acct_session_id, customer_id, subscription_id, username, mac, ip, nas_port,
                           status, started_at, updated_at, stopped_at, session_time, input_octets, output_octets,
                           charged_bytes, charged_seconds, terminate_cause)
     VALUES (@routerId, @acctSessionId, @customerId, @subscriptionId, @username, @mac, @ip, @nasPort,
             @status, @startedAt, @now, @stoppedAt, @sessionTime, @input, @output, @charged, @sessionTime, @cause)`,
  );
  // MAX() keeps the largest cumulative values: a reordered older record cannot lower them.
  // A stopped session stays stopped; a stale one that reports again is online again.
  const update = db.prepare(
    `UPDATE sessions SET
        updated_at = @now,
        session_time = MAX(session_time, @sessionTime),
        input_octets = MAX(input_octets, @input),
        output_octets = MAX(output_octets, @output),
        charged_bytes = MAX(charged_bytes, @charged),
        charged_seconds = MAX(charged_seconds, @sessionTime),
        ip = COALESCE(ip, @ip),
        mac = COALESCE(mac, @mac),
        status = CASE WHEN @stop = 1 THEN 'stopped' WHEN status = 'stale' THEN 'online' ELSE status END,
        stopped_at = CASE WHEN @stop = 1 AND stopped_at IS NULL THEN @now ELSE stopped_at END,
        terminate_cause = CASE WHEN @stop = 1 THEN COALESCE(@cause, terminate_cause) ELSE terminate_cause END
      WHERE id = @id`,
  );
  const closeRouter = db.prepare(
    `UPDATE sessions SET status = 'stopped', stopped_at = ?, updated_at = ?, terminate_cause = ?
      WHERE router_id = ? AND status = 'online'`,
  );
  const staleStmt = db.prepare(
    `UPDATE sessions SET status = 'stale', stopped_at = updated_at, terminate_cause = 'Stale'
      WHERE status = 'online' AND updated_at < ?`,
  );
  /**
   * The subscription to charge: the Class we put in the Accept, else the customer's active one.
   * Customers, devices and subscriptions are billing's: asked through the port.
   */
  function owner(r: AccountingRecord): { customerId: number | null; subscriptionId: number | null } {
    // A free-minutes session (radius/freeMinutes.ts) belongs to no package: never charge one that
    // the customer buys while it runs, nor count it as one of that package's devices.
    if (r.username && isFreeMinutesUsername(r.username)) return { customerId: null, subscriptionId: null };
    if (r.classValue && /^\d{1,15}$/.test(r.classValue)) {
      const subscriptionId = Number(r.classValue);
      const customerId = billing.subscriptionOwner(subscriptionId);
      if (customerId !== null) return { customerId, subscriptionId };
    }
    let customerId: number | null = null;
    const userMac = r.username ? normalizeMac(r.username) : null;
    if (userMac) customerId = billing.customerIdByMac(userMac);
    else if (r.username) {
      const p = normalizePhone(r.username);
      if (p.ok) customerId = billing.customerIdByPhone(p.e164);
    }
    if (customerId === null && r.mac) customerId = billing.customerIdByMac(r.mac);
    return { customerId, subscriptionId: customerId === null ? null : billing.activeSubscriptionId(customerId) };
  }

  function apply(r: AccountingRecord): void {
    const now = clock.now();
    if (r.statusType === AcctStatus.AccountingOn || r.statusType === AcctStatus.AccountingOff) {
      // The router (re)booted or turned accounting off: none of its sessions survive that.
      closeRouter.run(now, now, r.statusType === AcctStatus.AccountingOn ? 'Accounting-On' : 'Accounting-Off', r.routerId);
      return;
    }
    const stop = r.statusType === AcctStatus.Stop ? 1 : 0;
    const total = r.inputBytes + r.outputBytes;
    const row = find.get(r.routerId, r.acctSessionId);
    if (!row) {
      // Usually a Start; an Interim/Stop whose Start was lost opens the row too.
      const o = owner(r);
      insert.run({
        routerId: r.routerId, acctSessionId: r.acctSessionId.slice(0, 64), customerId: o.customerId,
        subscriptionId: o.subscriptionId, username: r.username?.slice(0, 64) ?? null, mac: r.mac, ip: r.ip ?? null,
        nasPort: r.nasPort?.slice(0, 64) ?? null, status: stop ? 'stopped' : 'online',
        startedAt: now - r.sessionTime * 1000, now, stoppedAt: stop ? now : null, sessionTime: r.sessionTime,
        input: r.inputBytes, output: r.outputBytes, charged: total, cause: r.terminateCause ?? null,
      });
      if ((total > 0 || r.sessionTime > 0) && o.subscriptionId !== null) billing.chargeUsage(o.subscriptionId, total, r.sessionTime);
      // In memory only (the device's Accept reservation becomes this row); harmless if the batch
      // rolls back, since the retransmitted record re-creates the row.
      deps.onSessionStarted?.(o.customerId, r.mac);
      return;
    }
    const delta = total - row.charged_bytes;
    const seconds = r.sessionTime - row.charged_seconds;
    update.run({
      id: row.id, now, sessionTime: r.sessionTime, input: r.inputBytes, output: r.outputBytes,
      charged: total, ip: r.ip ?? null, mac: r.mac, stop, cause: r.terminateCause ?? null,
    });
    if ((delta > 0 || seconds > 0) && row.subscription_id !== null) {
      billing.chargeUsage(row.subscription_id, Math.max(0, delta), Math.max(0, seconds));
    }
  }

  const committer = createGroupCommitter(db, apply);

  return {
    committer,
    record: (r) => committer.submit(r),
    closeStale(olderThanMs) {
      return staleStmt.run(clock.now() - olderThanMs).changes;
    },
  };
}
