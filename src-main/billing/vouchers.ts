import type { CoreDeps } from '../deps';
import type { Voucher, VoucherBatch } from '../../src-shared/domain';
import { AppError, notFound } from '../errors';
import { randomFromAlphabet } from '../secrets';
import { whereClause } from '../db/where';
import { toVoucher, toVoucherBatch, type VoucherBatchRow, type VoucherRow } from './rows';

/**
 * Recharge-card codes: 12 symbols from a 32-symbol alphabet with no look-alikes (no 0/O, 1/I/L),
 * so a customer can read a scratched card and type it on a cheap phone. 32^12 = 2^60 codes: with
 * 1,000,000 unused cards in circulation an attacker needs ~1.15e12 guesses per hit on average,
 * and the portal rate-limits redemption attempts, so guessing is hopeless. Printed as
 * `PREFIX-XXXX-XXXX-XXXX`; stored without dashes; redeem ignores case, spaces and dashes.
 */
export const VOUCHER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const VOUCHER_LENGTH = 12;

export function normalizeVoucherCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function formatVoucherCode(code: string, prefix = ''): string {
  const body = code.slice(prefix.length);
  const groups = body.match(/.{1,4}/g) ?? [];
  return [prefix, ...groups].filter(Boolean).join('-');
}

const BATCH_SELECT = `SELECT b.*, p.name AS package_name,
  (SELECT COUNT(*) FROM vouchers v WHERE v.batch_id = b.id AND v.status = 'used') AS used
  FROM voucher_batches b JOIN packages p ON p.id = b.package_id`;

export function createVouchers({ db, clock }: Pick<CoreDeps, 'db' | 'clock'>) {
  const byCode = db.prepare<[string], VoucherRow & { batch_disabled_at: number | null }>(
    'SELECT v.*, b.disabled_at AS batch_disabled_at FROM vouchers v JOIN voucher_batches b ON b.id = v.batch_id WHERE v.code = ?',
  );
  const batchById = db.prepare<[number], VoucherBatchRow>(`${BATCH_SELECT} WHERE b.id = ?`);
  const markUsed = db.prepare(
    "UPDATE vouchers SET status = 'used', customer_id = ?, subscription_id = ?, redeemed_at = ? WHERE id = ? AND status = 'new'",
  );

  function batch(id: number): VoucherBatch {
    const r = batchById.get(id);
    if (!r) throw notFound(`voucher batch ${id}`);
    return toVoucherBatch(r);
  }

  return {
    generate(packageId: number, count: number, prefix = ''): { batchId: number; codes: string[] } {
      return db.transaction(() => {
        const now = clock.now();
        const { lastInsertRowid } = db
          .prepare('INSERT INTO voucher_batches (package_id, prefix, count, created_at) VALUES (?, ?, ?, ?)')
          .run(packageId, prefix, count, now);
        const batchId = Number(lastInsertRowid);
        const ins = db.prepare('INSERT OR IGNORE INTO vouchers (code, batch_id, package_id, created_at) VALUES (?, ?, ?, ?)');
        const codes: string[] = [];
        while (codes.length < count) {
          const code = prefix + randomFromAlphabet(VOUCHER_ALPHABET, VOUCHER_LENGTH);
          // A collision (astronomically unlikely) is simply skipped and drawn again.
          if (ins.run(code, batchId, packageId, now).changes === 1) codes.push(code);
        }
        return { batchId, codes };
      })();
    },

    /**
     * Looks a card up for redemption and checks it can be used. The caller redeems inside the
     * same transaction with `markRedeemed`, whose `status = 'new'` guard makes exactly one of two
     * concurrent redeems win.
     */
    checkRedeemable(code: string): VoucherRow {
      const v = byCode.get(normalizeVoucherCode(code));
      if (!v) throw new AppError('VOUCHER_INVALID', undefined, { field: 'code' });
      if (v.status === 'used') throw new AppError('VOUCHER_USED', undefined, { field: 'code' });
      if (v.status === 'disabled' || v.batch_disabled_at != null) throw new AppError('VOUCHER_DISABLED', undefined, { field: 'code' });
      return v;
    },

    markRedeemed(voucherId: number, customerId: number, subscriptionId: number): void {
      if (markUsed.run(customerId, subscriptionId, clock.now(), voucherId).changes !== 1) {
        throw new AppError('VOUCHER_USED', undefined, { field: 'code' });
      }
    },

    batch,

    list(f: { batchId?: number; status?: string; limit?: number; offset?: number }): { batches: VoucherBatch[]; vouchers: Voucher[] } {
      const batches = db.prepare<[], VoucherBatchRow>(`${BATCH_SELECT} ORDER BY b.id DESC`).all().map(toVoucherBatch);
      const { sql: w, args } = whereClause().add(f.batchId, 'batch_id = ?', f.batchId!).add(f.status, 'status = ?', f.status!);
      const vouchers = db
        .prepare<(string | number)[], VoucherRow>(`SELECT * FROM vouchers ${w} ORDER BY id LIMIT ? OFFSET ?`)
        .all(...args, f.limit ?? 1000, f.offset ?? 0)
        .map(toVoucher);
      return { batches, vouchers };
    },

    disableBatch(batchId: number): VoucherBatch {
      batch(batchId);
      db.transaction(() => {
        db.prepare('UPDATE voucher_batches SET disabled_at = COALESCE(disabled_at, ?) WHERE id = ?').run(clock.now(), batchId);
        db.prepare("UPDATE vouchers SET status = 'disabled' WHERE batch_id = ? AND status = 'new'").run(batchId);
      })();
      return batch(batchId);
    },
  };
}

export type Vouchers = ReturnType<typeof createVouchers>;
