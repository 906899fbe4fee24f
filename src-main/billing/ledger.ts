import type { CoreDeps } from '../deps';
import type { Page, Payment, PaymentMethod } from '../../src-shared/domain';
import { AppError, notFound } from '../errors';
import { toPayment, type PaymentRow } from './rows';
import { whereClause } from '../db/where';
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
}

const SELECT = `SELECT p.*, c.phone AS customer_phone, k.name AS package_name
  FROM payments p LEFT JOIN customers c ON c.id = p.customer_id LEFT JOIN packages k ON k.id = p.package_id`;

/** Shop-style invoice number HD-YYMMDD-000123: the date in the shop's time zone, then the sequence. */
export function formatInvoiceNo(now: number, timeZone: string, seq: number): string {
  const d = zonedParts(now, timeZone);
  const ymd = `${String(d.year % 100).padStart(2, '0')}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
  return `HD-${ymd}-${String(seq).padStart(6, '0')}`;
}

/**
 * The payments ledger. Append-only (triggers in the schema refuse deletes and rewrites): a
 * payment is inserted once and may only move pending → completed | failed.
 * (payments.ts before; renamed so it does not clash with src-main/gateways, the online payments.)
 */
export function createLedger(
  { db, clock, events }: Pick<CoreDeps, 'db' | 'clock' | 'events'>,
  /** The shop's time zone for invoice dates (billing/shopTimeZone.ts). */
  timeZone: () => string,
) {
  const byId = db.prepare<[number], PaymentRow>(`${SELECT} WHERE p.id = ?`);
  const byRef = db.prepare<[string], PaymentRow>(`${SELECT} WHERE p.gateway_ref = ?`);
  const maxId = db.prepare<[], { m: number | null }>('SELECT MAX(id) AS m FROM payments');
  // The status guard makes exactly one of two racing completions win.
  const completeStmt = db.prepare<[number, number]>("UPDATE payments SET status = 'completed', completed_at = ? WHERE id = ? AND status = 'pending'");

  /** Sequence = next payment id: unique by construction inside the writing transaction. */
  function invoiceNo(now: number): string {
    return formatInvoiceNo(now, timeZone(), (maxId.get()?.m ?? 0) + 1);
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

    record(p: NewPayment): Payment {
      return events.tx(() => {
        const now = clock.now();
        if (p.gatewayRef && byRef.get(p.gatewayRef)) throw new AppError('PAYMENT_DUPLICATE');
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO payments (invoice_no, customer_id, package_id, amount, method, status, gateway_ref, gateway_session, note,
               created_by, created_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(invoiceNo(now), p.customerId, p.packageId, p.amount, p.method, p.status, p.gatewayRef ?? null, p.gatewaySession ?? null,
            p.note ?? null, p.createdBy, now, p.status === 'completed' ? now : null);
        const id = Number(lastInsertRowid);
        if (p.status === 'completed') announceCompleted(id, p.customerId, p.amount);
        return this.get(id);
      });
    },

    /**
     * Moves a pending payment to completed. False when it was not pending any more (another
     * caller completed it first); the caller decides what that means.
     */
    complete(id: number): boolean {
      return events.tx(() => {
        if (completeStmt.run(clock.now(), id).changes !== 1) return false;
        const r = byId.get(id)!;
        announceCompleted(id, r.customer_id, r.amount);
        return true;
      });
    },

    list(f: { method?: PaymentMethod; status?: string; customerId?: number; from?: number; to?: number; limit?: number; offset?: number }): Page<Payment> {
      const { sql: w, args } = whereClause()
        .add(f.method, 'p.method = ?', f.method!)
        .add(f.status, 'p.status = ?', f.status!)
        .add(f.customerId, 'p.customer_id = ?', f.customerId!)
        .add(f.from != null, 'p.created_at >= ?', f.from!)
        .add(f.to != null, 'p.created_at < ?', f.to!);
      const total = (db.prepare(`SELECT COUNT(*) AS n FROM payments p ${w}`).get(...args) as { n: number }).n;
      const items = db
        .prepare<(string | number)[], PaymentRow>(`${SELECT} ${w} ORDER BY p.id DESC LIMIT ? OFFSET ?`)
        .all(...args, f.limit ?? 100, f.offset ?? 0)
        .map(toPayment);
      return { items, total };
    },

    /** Completed sales in [from, to): count and sum. */
    totals(from: number, to: number): { count: number; amount: number } {
      const r = db
        .prepare<[number, number], { n: number; s: number | null }>(
          "SELECT COUNT(*) AS n, SUM(amount) AS s FROM payments WHERE status = 'completed' AND completed_at >= ? AND completed_at < ?",
        )
        .get(from, to)!;
      return { count: r.n, amount: r.s ?? 0 };
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
