import type { CoreDeps } from '../deps';
import type { Page, Payment, PaymentMethod, PaymentStatus } from '../../src-shared/domain';
import { AppError, notFound } from '../errors';
import { toPayment, type PaymentRow } from './rows';
import { whereClause } from '../db/where';
import { orderBy, prefixRange } from '../db/listSql';
import { phonePrefix } from '../../src-shared/phoneSearch';
import type { PaymentSortKey } from '../../src-shared/api/payments';
import type { Sort, SortDir } from '../../src-shared/api/listQuery';
import { zonedParts } from '../../src-shared/time';

export interface NewPayment {
  customerId: number | null;
  packageId: number | null;
  amount: number;
  method: PaymentMethod;
  status: 'pending' | 'completed';
  gatewayRef?: string | null;
  gatewaySession?: string | null;
  note?: string | null;
  createdBy: string;
  /** Upper-case wallet transaction id (Send Money): unique across the ledger. */
  trxId?: string | null;
  senderPhone?: string | null;
  /** A pending online payment: the retry job's first look (null: none). */
  nextCheckAt?: number | null;
}

/** What the confirmation flow (src-main/gateways) needs beyond the Payment it shows. */
export interface PaymentFlowState {
  payment: Payment;
  /** When the one money-moving call was tried (null: never): never try it twice. */
  executeAttemptedAt: number | null;
  nextCheckAt: number | null;
  checkStep: number;
  checkingSince: number | null;
}

/** payments.list's filters (every one optional). */
export interface PaymentFilter {
  method?: PaymentMethod;
  status?: PaymentStatus;
  customerId?: number;
  from?: number;
  to?: number;
  gatewayRef?: string;
  invoiceNo?: string;
  phone?: string;
  trxId?: string;
  /** A prefix of the invoice number, gateway reference, transaction id or a phone number. */
  search?: string;
  sort?: Sort<PaymentSortKey>;
  limit?: number;
  offset?: number;
}

// Each key's columns; an index holds its rows in (columns, id) order (0120's, and 0150's). Method
// and status sort newest first within one (the time in the key), so that a filter on either and
// the default sort by time read one index in order too.
const paymentSortSql: Record<PaymentSortKey, string[]> = {
  at: ['p.created_at'],
  amount: ['p.amount'],
  method: ['p.method', 'p.created_at'],
  status: ['p.status', 'p.created_at'],
};
const paymentSortIndex: Record<PaymentSortKey, string> = {
  at: 'payments_created',
  amount: 'payments_amount',
  method: 'payments_method_created',
  status: 'payments_status_created',
};
/** Matches above which a search walks the sort's index instead of the search's indexes. */
const BROAD_SEARCH = 2000;
const paymentSortDefaults: Record<PaymentSortKey, SortDir> = { at: 'desc', amount: 'desc', method: 'asc', status: 'asc' };

// The reversal join finds a payment's refund or void through refund_of's unique index.
const SELECT = `SELECT p.*, c.phone AS customer_phone, k.name AS package_name, rv.id AS reversed_by, rv.gateway_ref AS reversed_by_ref
  FROM payments p LEFT JOIN customers c ON c.id = p.customer_id LEFT JOIN packages k ON k.id = p.package_id
  LEFT JOIN payments rv ON rv.refund_of = p.id`;

/** Shop-style invoice number HD-YYMMDD-000123: the date in the shop's time zone, then the sequence. */
export function formatInvoiceNo(now: number, timeZone: string, seq: number): string {
  const d = zonedParts(now, timeZone);
  const ymd = `${String(d.year % 100).padStart(2, '0')}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
  return `HD-${ymd}-${String(seq).padStart(6, '0')}`;
}

/**
 * The payments ledger. Append-only (triggers in the schema refuse deletes and rewrites): a
 * payment is inserted once and may only move pending → completed | failed | needs_review, and
 * needs_review → completed | failed; a refund is a new row (migration 0120).
 * (payments.ts before; renamed so it does not clash with src-main/gateways, the online payments.)
 */
export function createLedger(
  { db, clock, events }: Pick<CoreDeps, 'db' | 'clock' | 'events'>,
  /** The shop's time zone for invoice dates (billing/shopTimeZone.ts). */
  timeZone: () => string,
) {
  const byId = db.prepare<[number], PaymentRow>(`${SELECT} WHERE p.id = ?`);
  const byRef = db.prepare<[string], PaymentRow>(`${SELECT} WHERE p.gateway_ref = ?`);
  const byTrx = db.prepare<[string], PaymentRow>(`${SELECT} WHERE p.trx_id = ?`);
  const byInvoice = db.prepare<[string], PaymentRow>(`${SELECT} WHERE p.invoice_no = ?`);
  const byRefundOf = db.prepare<[number], PaymentRow>(`${SELECT} WHERE p.refund_of = ?`);
  const maxId = db.prepare<[], { m: number | null }>('SELECT MAX(id) AS m FROM payments');
  // The status guard makes exactly one of two racing completions win. A needs_review payment may
  // still complete: the owner's decision, or a later confirmation that is right after all.
  const completeStmt = db.prepare<[number, number]>("UPDATE payments SET status = 'completed', completed_at = ?, next_check_at = NULL WHERE id = ? AND status IN ('pending', 'needs_review')");
  const setTrx = db.prepare<[string, number]>('UPDATE payments SET trx_id = ? WHERE id = ? AND trx_id IS NULL');
  const attachRefStmt = db.prepare<[string, number]>("UPDATE payments SET gateway_ref = ? WHERE id = ? AND gateway_ref IS NULL AND status = 'pending'");
  const claimExecuteStmt = db.prepare<[number, number]>("UPDATE payments SET execute_attempted_at = ? WHERE id = ? AND execute_attempted_at IS NULL AND status = 'pending'");
  const scheduleStmt = db.prepare<[number | null, number, number | null, number]>(
    "UPDATE payments SET next_check_at = ?, check_step = ?, checking_since = ? WHERE id = ? AND status = 'pending'",
  );
  const reviewStmt = db.prepare<[string, string | null, number]>(
    "UPDATE payments SET status = 'needs_review', problem = ?, failure_reason = COALESCE(?, failure_reason), next_check_at = NULL WHERE id = ? AND status = 'pending'",
  );
  const failStmt = db.prepare<[string, number]>(
    "UPDATE payments SET status = 'failed', failure_reason = ?, next_check_at = NULL WHERE id = ? AND status IN ('pending', 'needs_review')",
  );
  const nextDueStmt = db.prepare<[], { at: number | null }>("SELECT MIN(next_check_at) AS at FROM payments WHERE status = 'pending' AND next_check_at IS NOT NULL");
  const dueStmt = db.prepare<[number, number], { id: number }>(
    "SELECT id FROM payments WHERE status = 'pending' AND next_check_at IS NOT NULL AND next_check_at <= ? ORDER BY next_check_at LIMIT ?",
  );

  /** Sequence = next payment id: unique by construction inside the writing transaction. */
  function invoiceNo(now: number): string {
    return formatInvoiceNo(now, timeZone(), (maxId.get()?.m ?? 0) + 1);
  }

  function attachTrx(id: number, trxId: string): void {
    const other = byTrx.get(trxId);
    if (other && other.id !== id) throw new AppError('TRX_ID_USED');
    setTrx.run(trxId, id);
  }

  function announceCompleted(id: number, customerId: number | null, amount: number): void {
    events.afterCommit('payment.completed', { paymentId: id, customerId, amount });
  }

  return {
    get(id: number): Payment {
      const r = byId.get(id);
      if (!r) throw notFound(`payment ${id}`);
      return toPayment(r);
    },

    findByGatewayRef(ref: string): Payment | null {
      const r = byRef.get(ref);
      return r ? toPayment(r) : null;
    },

    /** The payment that used this wallet transaction id (upper-case), if any. */
    findByTrxId(trxId: string): Payment | null {
      const r = byTrx.get(trxId);
      return r ? toPayment(r) : null;
    },

    findByInvoice(invoiceNo: string): Payment | null {
      const r = byInvoice.get(invoiceNo);
      return r ? toPayment(r) : null;
    },

    /** The refund row of a payment, if it was refunded. */
    refundOf(paymentId: number): Payment | null {
      const r = byRefundOf.get(paymentId);
      return r ? toPayment(r) : null;
    },

    flowState(id: number): PaymentFlowState {
      const r = byId.get(id);
      if (!r) throw notFound(`payment ${id}`);
      return { payment: toPayment(r), executeAttemptedAt: r.execute_attempted_at, nextCheckAt: r.next_check_at, checkStep: r.check_step, checkingSince: r.checking_since };
    },

    record(p: NewPayment): Payment {
      return events.tx(() => {
        const now = clock.now();
        if (p.gatewayRef && byRef.get(p.gatewayRef)) throw new AppError('PAYMENT_DUPLICATE');
        if (p.trxId && byTrx.get(p.trxId)) throw new AppError('TRX_ID_USED');
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO payments (invoice_no, customer_id, package_id, amount, method, status, gateway_ref, gateway_session, note,
               created_by, created_at, completed_at, trx_id, sender_phone, next_check_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(invoiceNo(now), p.customerId, p.packageId, p.amount, p.method, p.status, p.gatewayRef ?? null, p.gatewaySession ?? null,
            p.note ?? null, p.createdBy, now, p.status === 'completed' ? now : null, p.trxId ?? null, p.senderPhone ?? null,
            p.status === 'pending' ? (p.nextCheckAt ?? null) : null);
        const id = Number(lastInsertRowid);
        if (p.status === 'completed') announceCompleted(id, p.customerId, p.amount);
        return this.get(id);
      });
    },

    /**
     * Moves a pending payment to completed. False when it was not pending any more (another
     * caller completed it first); the caller decides what that means.
     */
    complete(id: number, trxId?: string | null): boolean {
      return events.tx(() => {
        // The TrxID first: one already used by another payment throws TRX_ID_USED and rolls back.
        if (trxId) attachTrx(id, trxId);
        if (completeStmt.run(clock.now(), id).changes !== 1) return false;
        const r = byId.get(id)!;
        announceCompleted(id, r.customer_id, r.amount);
        return true;
      });
    },

    /** Stores the gateway's reference on a pending payment that has none yet (before the redirect). */
    attachReference(id: number, reference: string): void {
      events.tx(() => {
        if (byRef.get(reference)) throw new AppError('PAYMENT_DUPLICATE');
        if (attachRefStmt.run(reference, id).changes !== 1) throw new AppError('PAYMENT_NOT_PENDING');
      });
    },

    /**
     * Records that the money-moving call is about to be made. True for exactly one caller per
     * payment, across processes too (the row is the lock): everyone else must query instead.
     */
    claimExecute(id: number): boolean {
      return events.tx(() => claimExecuteStmt.run(clock.now(), id).changes === 1, { immediate: true });
    },

    /** The retry job's bookkeeping on a pending payment (null next: not scheduled). */
    scheduleCheck(id: number, next: { at: number | null; step: number; checkingSince: number | null }): void {
      scheduleStmt.run(next.at, next.step, next.checkingSince, id);
    },

    /** Earliest due check of any pending payment, or null. */
    nextCheckAt(): number | null {
      return nextDueStmt.get()?.at ?? null;
    },

    dueChecks(now: number, limit = 50): number[] {
      return dueStmt.all(now, limit).map((r) => r.id);
    },

    /** pending → needs_review with a problem code for the owner. False when it was not pending. */
    markNeedsReview(id: number, problem: string, detail?: { trxId?: string | null; reason?: string | null }): boolean {
      return events.tx(() => {
        if (detail?.trxId && !byTrx.get(detail.trxId)) attachTrx(id, detail.trxId);
        return reviewStmt.run(problem, detail?.reason ?? null, id).changes === 1;
      });
    },

    /** pending | needs_review → failed (the gateway says not paid, or the owner rejected it). */
    markFailed(id: number, reason: string): boolean {
      return failStmt.run(reason, id).changes === 1;
    },

    /**
     * A refund: a NEW row in status refunded naming the payment it refunds (at most one). A void
     * is one too, with the reference voidRef(original.id) (src-shared/payments.ts).
     */
    recordRefund(original: Payment, r: { gatewayRef: string | null; note: string; createdBy: string }): Payment {
      return events.tx(() => {
        if (original.status !== 'completed') throw new AppError('PAYMENT_NOT_REFUNDABLE');
        if (byRefundOf.get(original.id)) throw new AppError('PAYMENT_ALREADY_REFUNDED');
        const now = clock.now();
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO payments (invoice_no, customer_id, package_id, amount, method, status, gateway_ref, note, created_by, created_at,
               completed_at, refund_of) VALUES (?, ?, ?, ?, ?, 'refunded', ?, ?, ?, ?, ?, ?)`,
          )
          .run(invoiceNo(now), original.customerId, original.packageId, original.amount, original.method, r.gatewayRef, r.note, r.createdBy, now, now, original.id);
        return this.get(Number(lastInsertRowid));
      });
    },

    list(f: PaymentFilter): Page<Payment> {
      const w = whereClause()
        .add(f.method, 'p.method = ?', f.method!)
        .add(f.status, 'p.status = ?', f.status!)
        .add(f.customerId, 'p.customer_id = ?', f.customerId!)
        .add(f.from != null, 'p.created_at >= ?', f.from!)
        .add(f.to != null, 'p.created_at < ?', f.to!)
        .add(f.gatewayRef, 'p.gateway_ref = ?', f.gatewayRef!)
        .add(f.invoiceNo, 'p.invoice_no = ?', f.invoiceNo?.trim().toUpperCase() ?? '')
        .add(f.trxId, 'p.trx_id = ?', f.trxId?.trim().toUpperCase() ?? '')
        // The customer's number or the Send Money sender's: either is what the owner has in hand.
        .add(f.phone, '(p.sender_phone = ? OR p.customer_id = (SELECT id FROM customers WHERE phone = ?))', f.phone!, f.phone!);
      const search = f.search?.trim();
      if (search) {
        // Invoice numbers and transaction ids are stored upper-case; gateway references as the gateway gave them.
        const upper = search.toUpperCase();
        const terms = [prefixRange('p.invoice_no', upper), prefixRange('p.trx_id', upper), prefixRange('p.gateway_ref', search)];
        const e164 = phonePrefix(search);
        if (e164) {
          const phoneRange = prefixRange('phone', e164);
          terms.push(prefixRange('p.sender_phone', e164), {
            sql: `p.customer_id IN (SELECT id FROM customers WHERE ${phoneRange.sql})`,
            args: phoneRange.args,
          });
        }
        w.add(true, `(${terms.map((t) => t.sql).join(' OR ')})`, ...terms.flatMap((t) => t.args));
      }
      const by = f.sort?.by ?? 'at';
      const order = orderBy(paymentSortSql[by], 'p.id', f.sort?.dir ?? paymentSortDefaults[by]);
      const total = (db.prepare(`SELECT COUNT(*) AS n FROM payments p ${w.sql}`).get(...w.args) as { n: number }).n;
      // The page's ids first, off the sort index alone; then the joins for just those rows. Joined
      // in one query, SQLite would join every row an OFFSET skips (~0.4 s at offset 100,000).
      // A broad search (HD-2612… matches a month of invoices) walks the sort's index and filters as
      // it goes, instead of sorting every match (see customers.list).
      const walk = search && total > BROAD_SEARCH ? `INDEXED BY ${paymentSortIndex[by]}` : '';
      const ids = db
        .prepare<(string | number)[], number>(`SELECT p.id FROM payments p ${walk} ${w.sql} ${order} LIMIT ? OFFSET ?`)
        .pluck()
        .all(...w.args, f.limit ?? 100, f.offset ?? 0);
      if (ids.length === 0) return { items: [], total };
      const rows = new Map(
        db.prepare<number[], PaymentRow>(`${SELECT} WHERE p.id IN (${ids.map(() => '?').join(', ')})`).all(...ids).map((r) => [r.id, r]),
      );
      const items = ids.map((id) => toPayment(rows.get(id)!));
      return { items, total };
    },

    /**
     * Sales in [from, to), net of reversals: completed payments count and add, refund and void
     * rows (dated when they were made, as the money went back then) subtract.
     */
    totals(from: number, to: number): { count: number; amount: number } {
      const r = db
        .prepare<[number, number], { n: number | null; s: number | null }>(
          `SELECT SUM(CASE status WHEN 'completed' THEN 1 ELSE -1 END) AS n, SUM(CASE status WHEN 'completed' THEN amount ELSE -amount END) AS s
             FROM payments WHERE status IN ('completed', 'refunded') AND completed_at >= ? AND completed_at < ?`,
        )
        .get(from, to)!;
      return { count: r.n ?? 0, amount: r.s ?? 0 };
    },

    /**
     * Sales and refunds in [from, to) per method (the dashboard's sales by method). A refund row's
     * completed_at is when it was made, so a window shows the refunds made in it.
     */
    totalsByMethod(from: number, to: number): Array<{ method: PaymentMethod; status: 'completed' | 'refunded'; count: number; amount: number }> {
      return db
        .prepare<[number, number], { method: PaymentMethod; status: 'completed' | 'refunded'; n: number; s: number }>(
          `SELECT method, status, COUNT(*) AS n, SUM(amount) AS s FROM payments
           WHERE status IN ('completed', 'refunded') AND completed_at >= ? AND completed_at < ? GROUP BY method, status`,
        )
        .all(from, to)
        .map((r) => ({ method: r.method, status: r.status, count: r.n, amount: r.s }));
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
