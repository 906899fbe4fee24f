import type { CoreDeps } from '../deps';
import type { Page, Payment, PaymentMethod } from '../../src-shared/domain';
import { AppError, notFound } from '../errors';
import { toPayment, type PaymentRow } from './rows';
import { whereClause } from '../db/where';

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

/**
 * The payments ledger. Append-only (triggers in the schema refuse deletes and rewrites): a
 * payment is inserted once and may only move pending → completed | failed.
 */
export function createPayments({ db, clock, bus }: Pick<CoreDeps, 'db' | 'clock' | 'bus'>) {
  const byId = db.prepare<[number], PaymentRow>(`${SELECT} WHERE p.id = ?`);
  const byRef = db.prepare<[string], PaymentRow>(`${SELECT} WHERE p.gateway_ref = ?`);
  const maxId = db.prepare<[], { m: number | null }>('SELECT MAX(id) AS m FROM payments');

  /** Shop-style invoice numbers: HD-YYMMDD-000123 (sequence = payment id, unique by construction). */
  function invoiceNo(now: number): string {
    const d = new Date(now + 6 * 3600_000); // Bangladesh time (UTC+6, no DST) for the date part
    const ymd = d.toISOString().slice(2, 10).replaceAll('-', '');
    const seq = (maxId.get()?.m ?? 0) + 1;
    return `HD-${ymd}-${String(seq).padStart(6, '0')}`;
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
      return db.transaction(() => {
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
        if (p.status === 'completed') bus.emit('payment.completed', { paymentId: id, customerId: p.customerId, amount: p.amount });
        return this.get(id);
      })();
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

export type Payments = ReturnType<typeof createPayments>;
