import type { CoreDeps } from '../deps';
import type { Distributor, DistributorCardLine, DistributorPayment, DistributorStatement } from '../../src-shared/domain';
import { toLocalPhone } from '../../src-shared/phone';
import { invalidInput, notFound } from '../errors';
import { whereClause } from '../db/where';
import { CARDS_FROM } from './vouchers';

/** A distributor's commission terms as stored: exactly one is set. */
export interface CommissionTerms {
  /** Hundredths of a percent of face value (1250 = 12.50 %). */
  bp: number | null;
  /** Paisa per card. */
  perCard: number | null;
}

/**
 * The commission on one used card, in whole paisa. Computed per card (what the distributor sees on
 * each line adds up to the total) and rounded half up: a card whose commission is exactly half a
 * paisa gives the distributor that paisa. Integer arithmetic only, so 12.5 % of ৳10.10 is
 * (1010 × 1250 + 5000) ÷ 10000 = 126 paisa, never 126.24999…. A per-card amount is capped at
 * the face value: a card never leaves the distributor owing less than nothing.
 */
export function cardCommission(faceValue: number, terms: CommissionTerms): number {
  if (terms.bp != null) return Math.floor((faceValue * terms.bp + 5000) / 10000);
  return Math.min(terms.perCard ?? 0, faceValue);
}

interface DistributorRow {
  id: number;
  name: string;
  phone: string;
  commission_bp: number | null;
  commission_per_card: number | null;
  created_at: number;
  held: number;
  balance: number;
}

interface LedgerRow {
  id: number;
  distributor_id: number;
  kind: 'card' | 'payment';
  voucher_id: number | null;
  face_value: number;
  commission: number;
  amount: number;
  note: string | null;
  created_at: number;
}

function toDistributor(r: DistributorRow): Distributor {
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    localPhone: toLocalPhone(r.phone),
    commissionPercent: r.commission_bp == null ? null : r.commission_bp / 100,
    commissionPerCard: r.commission_per_card,
    cardsHeld: r.held,
    balance: r.balance,
    createdAt: r.created_at,
  };
}

function toPayment(r: LedgerRow): DistributorPayment {
  return { id: r.id, distributorId: r.distributor_id, amount: r.amount, note: r.note, createdAt: r.created_at };
}

// Cards held = assigned and still usable (the state rule of billing/vouchers.ts; bind now first);
// balance = owed for used cards minus payments, all time.
const SELECT = `SELECT d.*,
  (SELECT COUNT(*) FROM ${CARDS_FROM} WHERE c.distributor_id = d.id AND c.state = 'assigned') AS held,
  (SELECT COALESCE(SUM(CASE l.kind WHEN 'card' THEN l.amount ELSE -l.amount END), 0) FROM distributor_ledger l WHERE l.distributor_id = d.id) AS balance
  FROM distributors d`;

/**
 * Distributors: the shops and agents who resell cards. They take cards (vouchers.assign), owe the
 * face value less their commission for each card a customer uses, and pay the shop. Their own
 * append-only ledger (distributor_ledger) holds one row per used card and one per payment; a
 * statement is sums over it, so it matches the ledger to the paisa by construction.
 */
export function createDistributors({ db, clock }: Pick<CoreDeps, 'db' | 'clock'>) {
  const byId = db.prepare<[number, number], DistributorRow>(`${SELECT} WHERE d.id = ?`);
  const termsOf = db.prepare<[number], { commission_bp: number | null; commission_per_card: number | null }>(
    'SELECT commission_bp, commission_per_card FROM distributors WHERE id = ?',
  );
  const insertLedger = db.prepare(
    'INSERT INTO distributor_ledger (distributor_id, kind, voucher_id, face_value, commission, amount, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );

  function get(id: number): Distributor {
    const r = byId.get(clock.now(), id);
    if (!r) throw notFound(`distributor ${id}`);
    return toDistributor(r);
  }

  return {
    get,

    create(input: { name: string; phone: string; commissionPercent?: number; commissionPerCard?: number }): Distributor {
      // The API schema already insists on exactly one; this keeps the rule for any other caller.
      const hasPercent = input.commissionPercent != null;
      if (hasPercent === (input.commissionPerCard != null)) throw invalidInput('commissionPercent', 'give either commissionPercent or commissionPerCard');
      const bp = hasPercent ? Math.round(input.commissionPercent! * 100) : null;
      const { lastInsertRowid } = db
        .prepare('INSERT INTO distributors (name, phone, commission_bp, commission_per_card, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(input.name, input.phone, bp, hasPercent ? null : input.commissionPerCard!, clock.now());
      return get(Number(lastInsertRowid));
    },

    list(): Distributor[] {
      return db.prepare<[number], DistributorRow>(`${SELECT} ORDER BY d.name COLLATE NOCASE, d.id`).all(clock.now()).map(toDistributor);
    },

    /** Books a used card: face value, commission (per card, rounded) and what is owed. In the redeem transaction. */
    accrueCard(c: { distributorId: number; voucherId: number; faceValue: number; at: number }): void {
      const t = termsOf.get(c.distributorId);
      if (!t) throw notFound(`distributor ${c.distributorId}`);
      const commission = cardCommission(c.faceValue, { bp: t.commission_bp, perCard: t.commission_per_card });
      insertLedger.run(c.distributorId, 'card', c.voucherId, c.faceValue, commission, c.faceValue - commission, null, c.at);
    },

    recordPayment(id: number, amount: number, note?: string): DistributorPayment {
      get(id);
      const { lastInsertRowid } = insertLedger.run(id, 'payment', null, 0, 0, amount, note ?? null, clock.now());
      const r = db.prepare<[number], LedgerRow>('SELECT * FROM distributor_ledger WHERE id = ?').get(Number(lastInsertRowid))!;
      return toPayment(r);
    },

    /** [from, to) in epoch ms, either end open: cards by redeem time, payments by payment time, taken by assignment time. */
    statement(id: number, from?: number, to?: number): DistributorStatement {
      const distributor = get(id);
      const range = (col: string) => whereClause().add(true, 'l.distributor_id = ?', id).add(from != null, `${col} >= ?`, from!).add(to != null, `${col} < ?`, to!);
      const lw = range('l.created_at');
      const cards = db
        .prepare<(string | number)[], LedgerRow & { batch_id: number; package_name: string }>(
          `SELECT l.*, v.batch_id, p.name AS package_name FROM distributor_ledger l
             JOIN vouchers v ON v.id = l.voucher_id JOIN packages p ON p.id = v.package_id
             ${lw.sql} AND l.kind = 'card' ORDER BY l.created_at, l.id`,
        )
        .all(...lw.args)
        .map((r): DistributorCardLine => ({
          voucherId: r.voucher_id!,
          batchId: r.batch_id,
          packageName: r.package_name,
          faceValue: r.face_value,
          commission: r.commission,
          owed: r.amount,
          redeemedAt: r.created_at,
        }));
      const payments = db
        .prepare<(string | number)[], LedgerRow>(`SELECT l.* FROM distributor_ledger l ${lw.sql} AND l.kind = 'payment' ORDER BY l.created_at, l.id`)
        .all(...lw.args)
        .map(toPayment);
      const tw = range('l.assigned_at');
      const taken = db.prepare<(string | number)[], { n: number }>(`SELECT COUNT(*) AS n FROM vouchers l ${tw.sql}`).get(...tw.args)!.n;
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const faceValueUsed = sum(cards.map((c) => c.faceValue));
      const commission = sum(cards.map((c) => c.commission));
      const owed = faceValueUsed - commission;
      const paid = sum(payments.map((p) => p.amount));
      return { distributor, from: from ?? null, to: to ?? null, taken, used: cards.length, faceValueUsed, commission, owed, paid, balance: owed - paid, cards, payments };
    },
  };
}

export type Distributors = ReturnType<typeof createDistributors>;
