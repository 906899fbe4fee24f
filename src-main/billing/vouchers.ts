import type { CoreDeps } from '../deps';
import type { Voucher, VoucherAlphabet, VoucherBatch, VoucherState } from '../../src-shared/domain';
import { AppError, invalidInput, notFound } from '../errors';
import { randomFromAlphabet } from '../secrets';
import { whereClause } from '../db/where';
import { toVoucher, toVoucherBatch, type VoucherBatchRow, type VoucherRow } from './rows';
import type { Distributors } from './distributors';
import type { OnProgress } from '../jobs';

/** Codes drawn between two turns of the event loop in generateWithProgress. */
const GENERATE_SLICE = 500;

// The normaliser and the print grouping are pure and shared with the admin UI; this is where the
// engine's doors (admin API, portal) take them from.
export { normalizeVoucherCode, formatVoucherCode } from '../../src-shared/voucherCodes';
import { normalizeVoucherCode } from '../../src-shared/voucherCodes';

/**
 * Recharge-card codes, default alphabet: 12 symbols from a 31-symbol alphabet with no look-alikes
 * (no 0/O, 1/I/L), so a customer can read a scratched card and type it on a cheap phone.
 * 31^12 ≈ 2^59 codes: with 1,000,000 unused cards in circulation an attacker needs ~7.9e11
 * guesses per hit on average, and the portal rate-limits redemption attempts, so guessing is
 * hopeless. Printed as `PREFIX-XXXX-XXXX-XXXX`; stored without dashes.
 */
export const VOUCHER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const VOUCHER_LENGTH = 12;

/**
 * Digits-only codes (easier on a phone keypad): 13 digits, 10^13 ≈ 2^43.2 codes; a prefix adds
 * nothing (it is printed on every card of the batch). Why 43 bits is enough: guessing is only
 * possible through the portal, which allows a handful of wrong card attempts per phone and device
 * before locking them out for a while (its attempt limits, like the OTP's 5 tries). Even with
 * 100,000 unused digit cards in circulation one guess hits with probability 1e5 / 1e13 = 1e-8, so
 * an attacker needs ~1e8 attempts per card found: at 5 attempts per lock-out window that is
 * 2e7 windows, years of trying from one device, and thousands of fresh phones and MACs would
 * still each find nothing. Printed 4-3-3-3 (src-shared/voucherCodes.ts).
 */
export const DIGIT_ALPHABET = '0123456789';
export const DIGIT_LENGTH = 13;

const ALPHABETS: Record<VoucherAlphabet, { symbols: string; length: number }> = {
  default: { symbols: VOUCHER_ALPHABET, length: VOUCHER_LENGTH },
  digits: { symbols: DIGIT_ALPHABET, length: DIGIT_LENGTH },
};

/**
 * The one rule for a card's state, in SQL so listing, filtering and redeeming read the same thing
 * (the parameter `?` is now). Used beats everything; the owner disabling a card or its batch beats
 * expiry; a batch past its expiry (at or after `expires_at`) expires its unused cards, assigned
 * or not; a new card with a distributor is assigned.
 */
const CARD_STATE_SQL = `CASE
    WHEN v.status = 'used' THEN 'used'
    WHEN v.status = 'disabled' OR b.disabled_at IS NOT NULL THEN 'disabled'
    WHEN b.expires_at IS NOT NULL AND b.expires_at <= ? THEN 'expired'
    WHEN v.distributor_id IS NOT NULL THEN 'assigned'
    ELSE 'new' END`;

/** Cards with their computed state (`c.state`), batch terms and distributor name; bind now first. */
export const CARDS_FROM = `(SELECT v.*, ${CARD_STATE_SQL} AS state, b.expires_at AS expires_at, b.face_value AS face_value,
    d.name AS distributor_name
  FROM vouchers v JOIN voucher_batches b ON b.id = v.batch_id LEFT JOIN distributors d ON d.id = v.distributor_id) c`;
const CARDS = `SELECT * FROM ${CARDS_FROM}`;

const BATCH_SELECT = `SELECT b.*, p.name AS package_name,
  (SELECT COUNT(*) FROM vouchers v WHERE v.batch_id = b.id AND v.status = 'used') AS used
  FROM voucher_batches b JOIN packages p ON p.id = b.package_id`;

export interface GenerateInput {
  packageId: number;
  /** The package's price now: snapshot on the batch as each card's face value. */
  faceValue: number;
  count: number;
  prefix?: string;
  expiresAt?: number | null;
  alphabet?: VoucherAlphabet;
}

const REFUSAL: Partial<Record<VoucherState, 'VOUCHER_USED' | 'VOUCHER_EXPIRED' | 'VOUCHER_DISABLED'>> = {
  used: 'VOUCHER_USED',
  expired: 'VOUCHER_EXPIRED',
  disabled: 'VOUCHER_DISABLED',
};

export function createVouchers({ db, clock }: Pick<CoreDeps, 'db' | 'clock'>, distributors: Distributors) {
  const byCode = db.prepare<[number, string], VoucherRow>(`${CARDS} WHERE c.code = ?`);
  const byId = db.prepare<[number, number], VoucherRow>(`${CARDS} WHERE c.id = ?`);
  const batchById = db.prepare<[number], VoucherBatchRow>(`${BATCH_SELECT} WHERE b.id = ?`);
  const markUsed = db.prepare(
    "UPDATE vouchers SET status = 'used', customer_id = ?, subscription_id = ?, redeemed_at = ? WHERE id = ? AND status = 'new'",
  );
  const assignOne = db.prepare<[number, number, number]>(
    "UPDATE vouchers SET distributor_id = ?, assigned_at = ? WHERE id = ? AND status = 'new' AND distributor_id IS NULL",
  );

  /**
   * Writes a batch and its cards in one transaction: the `drawn` codes first, then fresh ones until
   * there are `count`. A collision (unlikely: 10,000 digit cards among 10^13) is skipped and drawn again.
   */
  function insertBatch(input: GenerateInput, drawn: readonly string[], now = clock.now()): { batchId: number; codes: string[] } {
    const { packageId, faceValue, count, prefix = '', expiresAt = null, alphabet = 'default' } = input;
    const { symbols, length } = ALPHABETS[alphabet];
    return db.transaction(() => {
      const { lastInsertRowid } = db
        .prepare('INSERT INTO voucher_batches (package_id, prefix, count, created_at, face_value, expires_at, alphabet) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(packageId, prefix, count, now, faceValue, expiresAt, alphabet);
      const batchId = Number(lastInsertRowid);
      const ins = db.prepare('INSERT OR IGNORE INTO vouchers (code, batch_id, package_id, created_at) VALUES (?, ?, ?, ?)');
      const codes: string[] = [];
      for (const code of drawn) if (ins.run(code, batchId, packageId, now).changes === 1) codes.push(code);
      while (codes.length < count) {
        const code = prefix + randomFromAlphabet(symbols, length);
        if (ins.run(code, batchId, packageId, now).changes === 1) codes.push(code);
      }
      return { batchId, codes };
    })();
  }

  function batch(id: number): VoucherBatch {
    const r = batchById.get(id);
    if (!r) throw notFound(`voucher batch ${id}`);
    return toVoucherBatch(r);
  }

  function card(code: string, field: string): VoucherRow {
    const v = byCode.get(clock.now(), normalizeVoucherCode(code));
    if (!v) throw new AppError('VOUCHER_UNKNOWN', undefined, { field });
    return v;
  }

  return {
    generate(input: GenerateInput): { batchId: number; codes: string[] } {
      const now = clock.now();
      if (input.expiresAt != null && input.expiresAt <= now) throw invalidInput('expiresAt', 'must be in the future');
      return insertBatch(input, [], now);
    },

    /**
     * `generate` for big batches (10,000 cards) with progress (issue #11): the codes are drawn in
     * slices, giving the event loop back between slices so progress polls are answered, then the
     * batch is written in one transaction as `generate` does (all or nothing). A code that
     * turns out to be taken when written is drawn again there.
     */
    async generateWithProgress(input: GenerateInput, onProgress: OnProgress): Promise<{ batchId: number; codes: string[] }> {
      const { count, prefix = '', alphabet = 'default' } = input;
      if (input.expiresAt != null && input.expiresAt <= clock.now()) throw invalidInput('expiresAt', 'must be in the future');
      const { symbols, length } = ALPHABETS[alphabet];
      const taken = db.prepare<[string], { id: number }>('SELECT id FROM vouchers WHERE code = ?');
      const drawn = new Set<string>();
      while (drawn.size < count) {
        onProgress({ done: drawn.size, total: count, step: 'Making the card codes' });
        const sliceEnd = Math.min(count, drawn.size + GENERATE_SLICE);
        while (drawn.size < sliceEnd) {
          const code = prefix + randomFromAlphabet(symbols, length);
          if (!taken.get(code)) drawn.add(code);
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      onProgress({ done: count, total: count, step: 'Saving the cards' });
      return insertBatch(input, [...drawn]);
    },

    /**
     * Looks a card up for redemption and checks it can be used: each unusable state fails with
     * its own code. An assigned card redeems like a new one. The caller redeems inside the same
     * transaction with `markRedeemed`, whose `status = 'new'` guard makes exactly one of two
     * concurrent redeems win.
     */
    checkRedeemable(code: string): VoucherRow {
      const v = card(code, 'code');
      const refusal = REFUSAL[v.state];
      if (refusal) throw new AppError(refusal, undefined, { field: 'code' });
      return v;
    },

    /** Marks the card used and, for a distributor's card, books what they owe for it (same transaction). */
    markRedeemed(voucherId: number, customerId: number, subscriptionId: number): void {
      const now = clock.now();
      if (markUsed.run(customerId, subscriptionId, now, voucherId).changes !== 1) {
        throw new AppError('VOUCHER_USED', undefined, { field: 'code' });
      }
      const v = byId.get(now, voucherId)!;
      if (v.distributor_id != null) distributors.accrueCard({ distributorId: v.distributor_id, voucherId, faceValue: v.face_value, at: now });
    },

    batch,

    list(f: { batchId?: number; status?: VoucherState; distributorId?: number; limit?: number; offset?: number }): { batches: VoucherBatch[]; vouchers: Voucher[] } {
      const batches = db.prepare<[], VoucherBatchRow>(`${BATCH_SELECT} ORDER BY b.id DESC`).all().map(toVoucherBatch);
      const { sql: w, args } = whereClause()
        .add(f.batchId, 'c.batch_id = ?', f.batchId!)
        .add(f.status, 'c.state = ?', f.status!)
        .add(f.distributorId, 'c.distributor_id = ?', f.distributorId!);
      const vouchers = db
        .prepare<(string | number)[], VoucherRow>(`${CARDS} ${w} ORDER BY c.id LIMIT ? OFFSET ?`)
        .all(clock.now(), ...args, f.limit ?? 1000, f.offset ?? 0)
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

    /** Changes (or with null, removes) a batch's expiry; its unused cards follow at once. */
    updateBatch(batchId: number, expiresAt: number | null): VoucherBatch {
      batch(batchId);
      db.prepare('UPDATE voucher_batches SET expires_at = ? WHERE id = ?').run(expiresAt, batchId);
      return batch(batchId);
    },

    /** Disables one card (a lost or stolen one). A used card cannot be disabled; again is a no-op. */
    disable(code: string): Voucher {
      const v = card(code, 'code');
      if (v.state === 'used') throw new AppError('VOUCHER_USED', undefined, { field: 'code' });
      db.prepare("UPDATE vouchers SET status = 'disabled' WHERE id = ? AND status = 'new'").run(v.id);
      return toVoucher(byId.get(clock.now(), v.id)!);
    },

    /**
     * Hands cards to a distributor: a whole batch, or cards by code. Only new cards are assigned
     * (not ones already with a distributor, used, expired or disabled); the reply says how many
     * were and how many were passed over. An unknown code refuses the whole call, naming it.
     */
    assign(target: { batchId: number } | { codes: string[] }, distributorId: number): { assigned: number; skipped: number } {
      distributors.get(distributorId);
      return db.transaction(() => {
        const now = clock.now();
        let ids: { id: number; state: VoucherState }[];
        if ('batchId' in target) {
          batch(target.batchId);
          ids = db.prepare<[number, number], { id: number; state: VoucherState }>(`SELECT c.id, c.state FROM ${CARDS_FROM} WHERE c.batch_id = ?`).all(now, target.batchId);
        } else {
          ids = target.codes.map((code, i) => card(code, `codes.${i}`));
          ids = [...new Map(ids.map((v) => [v.id, v])).values()]; // the same card typed twice counts once
        }
        let assigned = 0;
        for (const v of ids) if (v.state === 'new') assigned += assignOne.run(distributorId, now, v.id).changes;
        return { assigned, skipped: ids.length - assigned };
      })();
    },
  };
}

export type Vouchers = ReturnType<typeof createVouchers>;
