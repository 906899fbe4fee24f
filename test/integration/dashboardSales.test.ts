import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine';
import { salesWindows } from '../../src-shared/salesWindows';

// dashboard.summary's salesByMethod: today, this week (from Saturday) and this month on the shop's
// calendar, per method, with refunds made in each window. Mon 1 June 2026 is the month's first day.
const at = (iso: string) => Date.parse(iso);

async function rig() {
  const t = await testEngine();
  const { engine, clock, ok } = t;
  engine.deps.settings.update({ sendMoney: { bkashNumber: '01811111111' } });
  const pkg = await ok('packages.create', { name: '1 day', price: 3000, validitySeconds: 86400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
  let n = 0;
  const cashAt = async (ms: number) => {
    clock.set(ms);
    return ok('customers.sellPackage', { phone: `0171000000${n++}`, packageId: pkg.id, method: 'cash' });
  };
  const sendMoneyAt = async (ms: number, trxId: string, confirm = true) => {
    clock.set(ms);
    const customerId = engine.billing.customers.ensure(`+88019100000${n++}`);
    const s = await engine.gateways.startSendMoney({ customerId, packageId: pkg.id, wallet: 'bkash', trxId, senderPhone: '+8801533817247' });
    if (confirm) await ok('payments.confirm', { id: s.payment.id });
    return s.payment.id;
  };
  return { ...t, cashAt, sendMoneyAt };
}

describe('dashboard.summary salesByMethod', () => {
  it('counts each window on the shop calendar (Dhaka), per method, with the refunds made in it', async () => {
    const r = await rig();
    await r.cashAt(at('2026-05-29T17:59:00Z')); // Fri 29 May 23:59 Dhaka: before this week
    await r.cashAt(at('2026-05-31T17:30:00Z')); // Sun 31 May 23:30 Dhaka: this week, last month
    const sm = await r.sendMoneyAt(at('2026-05-31T18:30:00Z'), 'JUN0100030'); // Mon 1 June 00:30 Dhaka
    await r.sendMoneyAt(at('2026-06-03T04:00:00Z'), 'PEND123456', false); // pending: not a sale
    await r.cashAt(at('2026-06-03T05:00:00Z')); // Wed 3 June 11:00 Dhaka: today
    r.clock.set(at('2026-06-03T05:30:00Z'));
    await r.ok('payments.refund', { id: sm, reason: 'customer changed their mind' });
    r.clock.set(at('2026-06-03T06:00:00Z'));

    const { salesByMethod: s, salesTodayAmount } = await r.ok('dashboard.summary', {});
    expect(s.today).toMatchObject({
      from: at('2026-06-02T18:00:00Z'),
      count: 1,
      amount: 3000,
      refunded: 3000,
      byMethod: [
        { method: 'cash', count: 1, amount: 3000, refunds: 0, refunded: 0 },
        { method: 'bkash_send_money', count: 0, amount: 0, refunds: 1, refunded: 3000 },
      ],
    });
    // "Sales today" is net, like the daily report and the cash drawer: sales less the refunds made today.
    expect(salesTodayAmount).toBe(s.today.amount - s.today.refunded);
    expect(s.week).toMatchObject({
      from: at('2026-05-29T18:00:00Z'), // Sat 30 May 00:00 Dhaka
      count: 3,
      amount: 9000,
      byMethod: [
        { method: 'cash', count: 2, amount: 6000 },
        { method: 'bkash_send_money', count: 1, amount: 3000, refunds: 1, refunded: 3000 },
      ],
    });
    expect(s.month).toMatchObject({
      from: at('2026-05-31T18:00:00Z'), // 1 June 00:00 Dhaka
      count: 2,
      amount: 6000,
      byMethod: [
        { method: 'cash', count: 1, amount: 3000 },
        { method: 'bkash_send_money', count: 1, amount: 3000, refunded: 3000 },
      ],
    });
    for (const w of [s.today, s.week, s.month]) expect(w.to).toBe(at('2026-06-03T06:00:00Z') + 1);

    // The windows follow the shop's time-zone setting: in UTC the 00:30-Dhaka sale is still May's.
    await r.ok('settings.update', { shop: { timezone: 'UTC' } });
    const utc = (await r.ok('dashboard.summary', {})).salesByMethod;
    expect(utc.month).toMatchObject({ from: at('2026-06-01T00:00:00Z'), count: 1, byMethod: [{ method: 'cash', count: 1 }, { method: 'bkash_send_money', count: 0, refunds: 1 }] });
    expect(utc.week.from).toBe(at('2026-05-30T00:00:00Z'));
  });

  it('an empty ledger gives zero windows with no methods', async () => {
    const r = await rig();
    const { salesByMethod: s } = await r.ok('dashboard.summary', {});
    for (const w of [s.today, s.week, s.month]) expect(w).toMatchObject({ count: 0, amount: 0, refunded: 0, byMethod: [] });
  });
});

describe('salesWindows', () => {
  it('a Saturday is the first day of its own week; the week can cross a month and a year', () => {
    const sat = salesWindows(at('2026-05-30T10:00:00Z'), 'Asia/Dhaka');
    expect(sat.week.from).toBe(at('2026-05-29T18:00:00Z'));
    const fri = salesWindows(at('2026-01-02T10:00:00Z'), 'Asia/Dhaka'); // Fri 2 Jan 2026
    expect(fri.week.from).toBe(at('2025-12-26T18:00:00Z')); // Sat 27 Dec 2025 00:00 Dhaka
    expect(fri.month.from).toBe(at('2025-12-31T18:00:00Z'));
  });
});
