import type { Db } from '../../db';
import type { Page } from '../../../src-shared/domain';
import type { IncomingSms, SmsInOutcome } from '../../../src-shared/api/payments';
import type { MoneyReceivedSms } from './parse';

interface SmsInRow {
  id: number;
  received_at: number;
  sender: string | null;
  text: string;
  wallet: IncomingSms['wallet'];
  amount: number | null;
  trx_id: string | null;
  from_phone: string | null;
  outcome: SmsInOutcome;
  payment_id: number | null;
}

function toIncomingSms(r: SmsInRow): IncomingSms {
  return { id: r.id, receivedAt: r.received_at, sender: r.sender, text: r.text, wallet: r.wallet, amount: r.amount, trxId: r.trx_id, fromPhone: r.from_phone, outcome: r.outcome, paymentId: r.payment_id };
}

/** The sms_in table (migration 0120): every forwarded SMS, kept for the owner whatever became of it. */
export function createSmsInStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO sms_in (received_at, sender, text, wallet, amount, trx_id, from_phone, outcome, payment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const setOutcome = db.prepare<[SmsInOutcome, number | null, number]>('UPDATE sms_in SET outcome = ?, payment_id = ? WHERE id = ?');
  const unmatchedByTrx = db.prepare<[string], SmsInRow>("SELECT * FROM sms_in WHERE trx_id = ? AND outcome = 'unmatched' ORDER BY id LIMIT 1");
  return {
    add(r: { receivedAt: number; sender: string | null; text: string; parsed: MoneyReceivedSms | null; outcome: SmsInOutcome; paymentId: number | null }): number {
      const p = r.parsed;
      return Number(
        insert.run(r.receivedAt, r.sender, r.text, p?.wallet ?? null, p?.amount ?? null, p?.trxId ?? null, p?.fromPhone ?? null, r.outcome, r.paymentId).lastInsertRowid,
      );
    },
    setOutcome(id: number, outcome: SmsInOutcome, paymentId: number | null): void {
      setOutcome.run(outcome, paymentId, id);
    },
    /** An SMS that arrived before the customer typed its TrxID on the portal. */
    unmatchedByTrx(trxId: string): { id: number; amount: number } | null {
      const r = unmatchedByTrx.get(trxId);
      return r && r.amount !== null ? { id: r.id, amount: r.amount } : null;
    },
    list(f: { outcome?: SmsInOutcome; limit?: number; offset?: number }): Page<IncomingSms> {
      const where = f.outcome ? 'WHERE outcome = ?' : '';
      const args = f.outcome ? [f.outcome] : [];
      const total = (db.prepare(`SELECT COUNT(*) AS n FROM sms_in ${where}`).get(...args) as { n: number }).n;
      const items = db
        .prepare<unknown[], SmsInRow>(`SELECT * FROM sms_in ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
        .all(...args, f.limit ?? 100, f.offset ?? 0)
        .map(toIncomingSms);
      return { items, total };
    },
  };
}

export type SmsInStore = ReturnType<typeof createSmsInStore>;
