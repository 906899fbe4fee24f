import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine';
import type { Caller } from '../../src-main/admin/auth/caller';
import type { ApiError } from '../../src-shared/api';
import { zonedDayRange } from '../../src-shared/time';

const DAY = 86_400_000;
const rina: Caller = { role: 'cashier', actor: 'Rina', via: 'session', userId: 2, sessionToken: null, local: true };

async function world() {
  const t = await testEngine();
  const { engine, ok } = t;
  const p30 = await ok('packages.create', { name: '1 day', price: 3000, validitySeconds: 86_400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
  const p50 = await ok('packages.create', { name: 'Week', price: 5050, validitySeconds: 7 * 86_400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
  const asRina = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await engine.call(method, input, rina);
    if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
    return r.value as T;
  };
  const refusal = async (method: string, input: unknown, caller?: Caller): Promise<ApiError> => {
    const r = await engine.call(method, input, caller);
    if (r.ok) throw new Error(`${method} was not refused`);
    return r.error;
  };
  return { ...t, p30, p50, asRina, refusal };
}

describe('payments.void', () => {
  it('voids a cash sale once: a reversal row, the package cancelled, totals net of it', async () => {
    const { engine, ok, p50, refusal } = await world();
    const ended: string[] = [];
    engine.deps.bus.on('subscription.ended', (e) => ended.push(e.reason));
    const sale = await ok('customers.sellPackage', { phone: '01712345678', packageId: p50.id, method: 'cash' });
    expect(engine.billing.payments.totals(0, Date.now() * 2)).toEqual({ count: 1, amount: 5050 });

    const v = await ok('payments.void', { id: sale.paymentId, reason: 'wrong number typed' });
    expect(v).toMatchObject({ repeated: false, cancelledSubscriptionId: sale.subscriptionId, void: { status: 'refunded', reversal: 'void', refundOf: sale.paymentId, amount: 5050, method: 'cash', note: 'wrong number typed', createdBy: 'desktop' } });
    expect(ended).toEqual(['cancelled']);
    const c = await ok('customers.get', { id: sale.customerId });
    expect(c.subscriptions[0]!.status).toBe('cancelled');
    // The sale itself is never rewritten; it points at its void.
    expect(engine.billing.payments.get(sale.paymentId)).toMatchObject({ status: 'completed', reversedBy: { id: v.void.id, kind: 'void' } });
    expect(engine.billing.payments.totals(0, Date.now() * 2)).toEqual({ count: 0, amount: 0 });

    const again = await ok('payments.void', { id: sale.paymentId, reason: 'double click' });
    expect(again).toMatchObject({ repeated: true, void: { id: v.void.id } });
    expect((await ok('payments.list', { status: 'refunded' })).total).toBe(1);
    expect(ended).toEqual(['cancelled']);
    // A void cannot be refunded on top (one reversal per sale), nor voided itself.
    expect((await refusal('payments.refund', { id: sale.paymentId, reason: 'x' })).code).toBe('PAYMENT_ALREADY_REFUNDED');
    expect((await refusal('payments.void', { id: v.void.id, reason: 'x' })).code).toBe('PAYMENT_NOT_VOIDABLE');
  });

  it('refuses what is not a completed cash sale, a cashier, and a missing reason, in plain words', async () => {
    const { engine, ok, p30, refusal } = await world();
    const { codes } = await ok('vouchers.generate', { packageId: p30.id, count: 1 });
    await ok('vouchers.redeem', { code: codes[0]!, phone: '01812345678' });
    const cardPayment = (await ok('payments.list', { method: 'voucher' })).items[0]!;
    const e = await refusal('payments.void', { id: cardPayment.id, reason: 'x' });
    expect(e).toMatchObject({ code: 'PAYMENT_NOT_VOIDABLE' });
    expect(e.message).toMatch(/Only a completed cash sale can be voided/);

    const customerId = (await ok('customers.get', { phone: '01812345678' })).id;
    const pending = engine.billing.createPendingPayment({ customerId, packageId: p30.id, method: 'bkash', reference: 'BK-1', createdBy: 'portal' });
    expect((await refusal('payments.void', { id: pending.id, reason: 'x' })).code).toBe('PAYMENT_NOT_VOIDABLE');

    const cash = await ok('customers.sellPackage', { phone: '01912345678', packageId: p30.id, method: 'cash' });
    await ok('payments.refund', { id: cash.paymentId, reason: 'changed mind' });
    expect((await refusal('payments.void', { id: cash.paymentId, reason: 'x' })).code).toBe('PAYMENT_ALREADY_REFUNDED');

    const other = await ok('customers.sellPackage', { phone: '01612345678', packageId: p30.id, method: 'cash' });
    expect((await refusal('payments.void', { id: other.paymentId, reason: 'x' }, rina)).code).toBe('forbidden');
    expect(await refusal('payments.void', { id: other.paymentId })).toMatchObject({ code: 'invalid_input', field: 'reason' });
    expect(await refusal('payments.void', { id: other.paymentId, reason: '   ' })).toMatchObject({ code: 'invalid_input', field: 'reason' });
    expect((await refusal('payments.void', { id: 999, reason: 'x' })).code).toBe('not_found');
    expect(engine.billing.payments.get(other.paymentId).reversedBy).toBeNull();
  });
});

describe('reports.daily', () => {
  it('gives each shop day its sales by method and staff, voids, refunds and the cash for the drawer, to the paisa', async () => {
    const { ok, clock, p30, p50, asRina } = await world();
    // The clock starts at 2026-06-01 12:00 in Dhaka (06:00 UTC).
    const june1 = zonedDayRange('2026-06-01', 'Asia/Dhaka')!;
    const a = await ok('customers.sellPackage', { phone: '01712345678', packageId: p30.id, method: 'cash' });
    const b = await asRina<{ paymentId: number }>('customers.sellPackage', { phone: '01812345678', packageId: p50.id, method: 'cash' });
    const c = await asRina<{ paymentId: number }>('customers.sellPackage', { phone: '01912345678', packageId: p30.id, method: 'cash' });
    const { codes } = await ok('vouchers.generate', { packageId: p30.id, count: 1 });
    await ok('vouchers.redeem', { code: codes[0]!, phone: '01612345678' });
    clock.advance(30 * 60_000);
    await ok('payments.void', { id: b.paymentId, reason: 'sold the wrong package' });
    await ok('payments.refund', { id: c.paymentId, reason: 'no signal at home' });
    // 00:30 on 2 June in Dhaka (18:30 UTC on 1 June): the next shop day.
    clock.set(Date.UTC(2026, 5, 1, 18, 30));
    await ok('customers.sellPackage', { phone: '01512345678', packageId: p30.id, method: 'cash' });
    await ok('payments.void', { id: a.paymentId, reason: 'found next morning' });

    const r = await ok('reports.daily', { from: june1.from, to: june1.from + 2 * DAY });
    expect(r.timeZone).toBe('Asia/Dhaka');
    expect(r.days.map((d) => [d.day, d.from, d.to])).toEqual([
      ['2026-06-01', june1.from, june1.to],
      ['2026-06-02', june1.to, june1.to + DAY],
    ]);
    expect(r.days[0]).toMatchObject({
      sales: { count: 4, amount: 14050 },
      voids: { count: 1, amount: 5050 },
      refunds: { count: 1, amount: 3000 },
      net: 6000,
      cashExpected: 3000,
    });
    expect(r.days[0]!.byMethod).toEqual(expect.arrayContaining([{ method: 'cash', count: 3, amount: 11050 }, { method: 'voucher', count: 1, amount: 3000 }]));
    expect(r.days[0]!.byMethod).toHaveLength(2);
    expect(r.days[0]!.byStaff).toEqual(expect.arrayContaining([{ staff: 'desktop', count: 1, amount: 3000 }, { staff: 'Rina', count: 2, amount: 8050 }]));
    expect(r.days[0]!.byStaff).toHaveLength(2);
    // The day-1 sale voided on day 2 comes off day 2's drawer, when the money went back.
    expect(r.days[1]).toMatchObject({ sales: { count: 1, amount: 3000 }, voids: { count: 1, amount: 3000 }, refunds: { count: 0, amount: 0 }, net: 0, cashExpected: 0 });
    expect(r.total).toMatchObject({ sales: { count: 5, amount: 17050 }, voids: { count: 2, amount: 8050 }, refunds: { count: 1, amount: 3000 }, net: 6000, cashExpected: 3000 });
    // A range inside one day reports that whole day.
    const one = await ok('reports.daily', { from: june1.from + 3_600_000, to: june1.from + 7_200_000 });
    expect(one.days.map((d) => d.day)).toEqual(['2026-06-01']);
    expect(one.total.cashExpected).toBe(3000);
  });

  it('follows the shop time zone across a DST change, and refuses a bad range naming the field', async () => {
    const { engine, ok, refusal } = await world();
    engine.deps.settings.update({ shop: { timezone: 'Europe/London' } });
    const mar29 = zonedDayRange('2026-03-29', 'Europe/London')!;
    const r = await ok('reports.daily', { from: mar29.from, to: mar29.to });
    expect(r.days).toHaveLength(1);
    expect(r.days[0]!.to - r.days[0]!.from).toBe(23 * 3_600_000);
    expect(await refusal('reports.daily', { from: 10, to: 5 })).toMatchObject({ code: 'invalid_input', field: 'to' });
    expect(await refusal('reports.daily', { from: 0, to: 400 * DAY })).toMatchObject({ code: 'invalid_input', field: 'to' });
    expect(await refusal('reports.daily', { to: 5 })).toMatchObject({ code: 'invalid_input', field: 'from' });
  });
});

describe('CSV exports', () => {
  it('quotes what needs quoting, writes shop times and taka, and keeps card codes to the cards export', async () => {
    const { ok, p30, p50, refusal } = await world();
    const sale = await ok('customers.sellPackage', { phone: '01712345678', packageId: p50.id, method: 'cash', note: 'paid in "coins", mostly\nsorry' });
    await ok('customers.update', { id: sale.customerId, name: 'Rahim, "Boss"' });
    const other = await ok('customers.sellPackage', { phone: '01812345678', packageId: p30.id, method: 'cash' });
    await ok('customers.update', { id: other.customerId, name: '=HYPERLINK("http://x")' });
    await ok('payments.void', { id: sale.paymentId, reason: 'mistake' });
    const { codes, batchId } = await ok('vouchers.generate', { packageId: p30.id, count: 2 });
    await ok('vouchers.redeem', { code: codes[0]!, phone: '01912345678' });

    const pay = await ok('exports.payments', {});
    expect(pay.filename).toBe('hotspotdesk-payments-2026-06-01.csv');
    expect(pay.csv.startsWith('\uFEFFInvoice,Created,')).toBe(true);
    const lines = pay.csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(1 + 4 + 1); // header, 4 rows, the final CRLF
    expect(pay.rows).toBe(4);
    // 12:00 in Dhaka, Tk 50.50, the note with its quote and line break kept in one quoted field.
    // 12:00 in Dhaka, Tk 50.50, the note's quotes doubled and its line break inside one quoted field.
    expect(lines[1]).toBe('HD-260601-000001,2026-06-01 12:00,2026-06-01 12:00,sale,cash,completed,50.50,01712345678,Week,desktop,,void HD-260601-000003,,"paid in ""coins"", mostly\nsorry"');
    expect(pay.csv).toContain(',void,cash,refunded,-50.50,01712345678,Week,desktop,HD-260601-000001,,,mistake');
    for (const code of codes) expect(pay.csv).not.toContain(code);

    const cust = await ok('exports.customers', {});
    expect(cust.csv).toContain('01712345678,"Rahim, ""Boss""",active');
    expect(cust.csv).toContain(`01812345678,"'=HYPERLINK(""http://x"")",active`);
    for (const code of codes) expect(cust.csv).not.toContain(code);

    const cards = await ok('exports.cards', { batchId });
    expect(cards.filename).toBe(`hotspotdesk-cards-batch-${batchId}-2026-06-01.csv`);
    expect(cards.rows).toBe(2);
    expect(cards.csv).toContain(`${batchId},${codes[0]},1 day,30.00,used,,,2026-06-01 12:00,2026-06-01 12:00`);
    expect(cards.csv).toContain(`${batchId},${codes[1]},1 day,30.00,new,`);

    expect((await ok('exports.payments', { from: Date.UTC(2026, 5, 2) })).rows).toBe(0);
    expect((await refusal('exports.cards', {}, rina)).code).toBe('forbidden');
    expect(await refusal('exports.payments', { from: 'yesterday' })).toMatchObject({ code: 'invalid_input', field: 'from' });
  });
});
