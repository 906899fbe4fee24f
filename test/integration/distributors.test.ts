import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine';
import { cardCommission } from '../../src-main/billing/distributors';

const HOUR = 3600_000;
type TestEngine = Awaited<ReturnType<typeof testEngine>>;

async function err(t: TestEngine, method: string, input: unknown) {
  const r = await t.engine.call(method, input);
  expect(r.ok, `${method} should be refused`).toBe(false);
  return (r as { ok: false; error: { code: string; message: string; field?: string } }).error;
}

describe('distributors', () => {
  it('takes exactly one commission: a percent (0–100, two decimals) or paisa per card', async () => {
    const t = await testEngine();
    const a = await t.ok('distributors.create', { name: 'Rahim Store', phone: '01812345678', commissionPercent: 7.29 });
    expect(a).toMatchObject({ name: 'Rahim Store', phone: '+8801812345678', localPhone: '01812345678', commissionPercent: 7.29, commissionPerCard: null, balance: 0, cardsHeld: 0 });
    const b = await t.ok('distributors.create', { name: 'Karim', phone: '01912345678', commissionPerCard: 150 });
    expect(b).toMatchObject({ commissionPercent: null, commissionPerCard: 150 });
    await t.ok('distributors.create', { name: 'Zero', phone: '01912345679', commissionPercent: 0 });

    const refused: [Record<string, unknown>, string][] = [
      [{}, 'commissionPercent'],
      [{ commissionPercent: 10, commissionPerCard: 100 }, 'commissionPerCard'],
      [{ commissionPercent: 12.345 }, 'commissionPercent'],
      [{ commissionPercent: 100.01 }, 'commissionPercent'],
      [{ commissionPercent: -1 }, 'commissionPercent'],
      [{ commissionPerCard: 10.5 }, 'commissionPerCard'],
      [{ commissionPerCard: -5 }, 'commissionPerCard'],
      [{ phone: '12345', commissionPercent: 5 }, 'phone'],
      [{ name: '  ', commissionPercent: 5 }, 'name'],
    ];
    for (const [input, field] of refused) {
      const e = await err(t, 'distributors.create', { name: 'X', phone: '01712345678', ...input });
      expect(e, JSON.stringify(input)).toMatchObject({ code: 'invalid_input', field });
      expect(e.message.startsWith(`${field}: `)).toBe(true);
    }
    expect((await t.ok('distributors.list')).map((d) => d.name)).toEqual(['Karim', 'Rahim Store', 'Zero']);
  });

  it('rounds commission per card, half up, to the paisa', () => {
    expect(cardCommission(1010, { bp: 500, perCard: null })).toBe(51); // 50.5 → 51 (half up)
    expect(cardCommission(1010, { bp: 250, perCard: null })).toBe(25); // 25.25 → 25
    expect(cardCommission(1010, { bp: 1250, perCard: null })).toBe(126); // 126.25, integer arithmetic
    expect(cardCommission(2000, { bp: 10000, perCard: null })).toBe(2000);
    expect(cardCommission(1000, { bp: null, perCard: 150 })).toBe(150);
    expect(cardCommission(100, { bp: null, perCard: 150 })).toBe(100); // never more than the card
  });

  it('a statement matches the ledger to the paisa, with per-card rounding and face values snapshot at generation', async () => {
    const t = await testEngine();
    const t0 = t.clock.now();
    const pkg = await t.ok('packages.create', { name: 'Day pass', price: 1010, validitySeconds: 86400, downloadBps: 1_000_000, uploadBps: 1_000_000 });
    const dist = await t.ok('distributors.create', { name: 'Rahim Store', phone: '01812345678', commissionPercent: 5 });
    const other = await t.ok('distributors.create', { name: 'Karim', phone: '01912345678', commissionPerCard: 150 });

    const first = await t.ok('vouchers.generate', { packageId: pkg.id, count: 3 });
    await t.ok('packages.update', { id: pkg.id, price: 2000 }); // later cards sell for ৳20
    const second = await t.ok('vouchers.generate', { packageId: pkg.id, count: 2, alphabet: 'digits' });
    expect(await t.ok('vouchers.assign', { batchId: first.batchId, distributorId: dist.id })).toEqual({ assigned: 3, skipped: 0 });
    expect(await t.ok('vouchers.assign', { codes: second.codes, distributorId: dist.id })).toEqual({ assigned: 2, skipped: 0 });
    const otherBatch = await t.ok('vouchers.generate', { packageId: pkg.id, count: 1 });
    await t.ok('vouchers.assign', { batchId: otherBatch.batchId, distributorId: other.id });

    await t.ok('vouchers.redeem', { code: first.codes[0]!, phone: '01711111111' }); // t0, ৳10.10
    t.clock.advance(HOUR);
    await t.ok('vouchers.redeem', { code: first.codes[1]!, phone: '01711111112' }); // t0+1h, ৳10.10
    t.clock.advance(HOUR / 2);
    const pay = await t.ok('distributors.recordPayment', { id: dist.id, amount: 1500, note: 'cash at the counter' });
    expect(pay).toMatchObject({ distributorId: dist.id, amount: 1500, note: 'cash at the counter', createdAt: t0 + 1.5 * HOUR });
    t.clock.advance(HOUR / 2);
    await t.ok('vouchers.redeem', { code: second.codes[0]!, phone: '01711111113' }); // t0+2h, ৳20
    await t.ok('vouchers.redeem', { code: otherBatch.codes[0]!, phone: '01711111114' }); // Karim's, not on Rahim's statement

    const s = await t.ok('distributors.statement', { id: dist.id });
    // By hand: 5 % of ৳10.10 is 50.5 paisa → 51 per card (half up); 5 % of ৳20 is 100.
    expect(s).toMatchObject({ taken: 5, used: 3, faceValueUsed: 1010 + 1010 + 2000, commission: 51 + 51 + 100, owed: 4020 - 202, paid: 1500, balance: 3818 - 1500 });
    // Rounding the total instead would give 5 % of ৳40.20 = 201 paisa: per card differs.
    expect(Math.round((s.faceValueUsed * 5) / 100)).toBe(201);
    expect(s.cards.map((c) => [c.faceValue, c.commission, c.owed, c.redeemedAt])).toEqual([
      [1010, 51, 959, t0],
      [1010, 51, 959, t0 + HOUR],
      [2000, 100, 1900, t0 + 2 * HOUR],
    ]);
    expect(s.payments.map((p) => p.amount)).toEqual([1500]);
    expect(JSON.stringify(s)).not.toContain(first.codes[0]); // spent or not, codes stay off statements

    // The ledger: distributor_ledger rows add up to the statement, and the shop's payments ledger
    // recorded each of these cards at the same face value.
    const rows = t.engine.db.prepare('SELECT kind, voucher_id, face_value, commission, amount FROM distributor_ledger WHERE distributor_id = ?').all(dist.id) as {
      kind: string; voucher_id: number | null; face_value: number; commission: number; amount: number;
    }[];
    const cards = rows.filter((r) => r.kind === 'card');
    expect(cards.reduce((a, r) => a + r.face_value, 0)).toBe(s.faceValueUsed);
    expect(cards.reduce((a, r) => a + r.commission, 0)).toBe(s.commission);
    expect(cards.reduce((a, r) => a + r.amount, 0) - rows.filter((r) => r.kind === 'payment').reduce((a, r) => a + r.amount, 0)).toBe(s.balance);
    const sales = t.engine.db.prepare("SELECT gateway_ref, amount FROM payments WHERE method = 'voucher'").all() as { gateway_ref: string; amount: number }[];
    const saleOf = new Map(sales.map((p) => [p.gateway_ref, p.amount]));
    for (const c of s.cards) expect(saleOf.get(`voucher:${c.voucherId}`)).toBe(c.faceValue);

    // A window: cards by redeem time, payments by payment time, [from, to).
    const w = await t.ok('distributors.statement', { id: dist.id, from: t0 + HOUR / 2, to: t0 + 2 * HOUR });
    expect(w).toMatchObject({ from: t0 + HOUR / 2, to: t0 + 2 * HOUR, taken: 0, used: 1, faceValueUsed: 1010, commission: 51, owed: 959, paid: 1500, balance: 959 - 1500 });
    const fromT0 = await t.ok('distributors.statement', { id: dist.id, from: t0, to: t0 + 1 });
    expect(fromT0).toMatchObject({ taken: 5, used: 1, paid: 0 });

    expect(await t.ok('distributors.statement', { id: other.id })).toMatchObject({ taken: 1, used: 1, faceValueUsed: 2000, commission: 150, owed: 1850, balance: 1850 });
    const list = Object.fromEntries((await t.ok('distributors.list')).map((d) => [d.name, [d.balance, d.cardsHeld]]));
    expect(list).toEqual({ 'Rahim Store': [2318, 2], Karim: [1850, 0] });

    expect(await err(t, 'distributors.statement', { id: 99 })).toMatchObject({ code: 'not_found' });
    expect(await err(t, 'distributors.statement', { id: dist.id, from: 10, to: 10 })).toMatchObject({ code: 'invalid_input', field: 'to' });
    expect(await err(t, 'distributors.recordPayment', { id: 99, amount: 100 })).toMatchObject({ code: 'not_found' });
    expect(await err(t, 'distributors.recordPayment', { id: dist.id, amount: 0 })).toMatchObject({ code: 'invalid_input', field: 'amount' });
  });

  it('keeps its ledger append-only: rows are never rewritten or deleted', async () => {
    const t = await testEngine();
    const d = await t.ok('distributors.create', { name: 'Rahim Store', phone: '01812345678', commissionPercent: 5 });
    const p = await t.ok('distributors.recordPayment', { id: d.id, amount: 500 });
    const db = t.engine.db;
    expect(() => db.prepare('UPDATE distributor_ledger SET amount = 1 WHERE id = ?').run(p.id)).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE distributor_ledger SET note = ? WHERE id = ?').run('x', p.id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM distributor_ledger WHERE id = ?').run(p.id)).toThrow(/append-only/);
    expect((await t.ok('distributors.statement', { id: d.id })).paid).toBe(500);
    // A card row can only be booked once per card.
    expect(() =>
      db.prepare("INSERT INTO distributor_ledger (distributor_id, kind, voucher_id, amount, created_at) VALUES (?, 'card', NULL, 1, 1)").run(d.id),
    ).toThrow(/CHECK/);
  });
});
