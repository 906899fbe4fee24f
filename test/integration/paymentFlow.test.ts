import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src-main/engine';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import { okFor } from '../helpers/api';
import { testConfig } from '../helpers/engine';
import { gatewayStub } from '../fakes/gatewayStub';
import type { OneShotTimer } from '../../src-main/gateways';
import { ABANDONED_CHECK_MS, checkOffsetMs, nextCheck } from '../../src-main/gateways/retrySchedule';
import { EXECUTE_ANSWER_BY_MS } from '../../src-main/gateways/checkout';
import { SecretText } from '../../src-shared/settings';

const engines: Engine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.stop();
});

/** A timer the test fires by hand; the manual clock says what time it is. */
function handTimer() {
  const armed: Array<{ fn: () => void; ms: number; live: boolean }> = [];
  const timer: OneShotTimer = {
    set(fn, ms) {
      const t = { fn, ms, live: true };
      armed.push(t);
      return () => void (t.live = false);
    },
  };
  return { timer, live: () => armed.filter((t) => t.live) };
}

async function rig(opts: { start?: boolean } = {}) {
  const clock = manualClock(Date.UTC(2026, 5, 1, 6, 0, 0));
  const { gateway, stub } = gatewayStub('bkash');
  const hand = handTimer();
  const engine = await createEngine(testConfig(), { clock, log: silentLogger(), gateways: { modules: { bkash: gateway }, timer: hand.timer } });
  engines.push(engine);
  if (opts.start !== false) await engine.start();
  const ok = okFor((m, i) => engine.call(m, i));
  engine.deps.settings.update({ bkash: { enabled: true, appKey: 'k', username: 'u', appSecret: new SecretText('s'), password: new SecretText('p') } });
  const pkg = await ok('packages.create', { name: '1 day', price: 3000, validitySeconds: 86400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
  const customerId = engine.billing.customers.ensure('+8801712345678');
  const activated: number[] = [];
  engine.deps.bus.on('subscription.activated', (e) => activated.push(e.subscriptionId));
  const checkout = () => engine.gateways.startCheckout({ customerId, packageId: pkg.id, gateway: 'bkash', returnUrlBase: 'http://portal.lan/pay/return' });
  const subs = () => (engine.db.prepare('SELECT COUNT(*) AS n FROM subscriptions').get() as { n: number }).n;
  return { engine, clock, stub, hand, ok, customerId, packageId: pkg.id as number, checkout, activated, subs };
}

describe('online checkout: exactly once', () => {
  it('stores the gateway reference before handing out the redirect; a disabled gateway starts nothing', async () => {
    const r = await rig();
    const started = await r.checkout();
    const p = r.engine.billing.payments.get(started.paymentId);
    expect(p).toMatchObject({ status: 'pending', method: 'bkash', gatewayRef: 'bkash-ref-1', amount: 3000 });
    expect(started.redirectUrl).toContain(encodeURIComponent(`payment=${started.paymentId}`));
    expect(started.invoiceNo).toBe(p.invoiceNo);
    r.engine.deps.settings.update({ bkash: { enabled: false } });
    await expect(r.checkout()).rejects.toMatchObject({ code: 'GATEWAY_NOT_ENABLED' });
  });

  it('callback + IPN + reload at once: complete() called once, one payment completed, one subscription', async () => {
    const r = await rig();
    const { paymentId } = await r.checkout();
    r.stub.hold();
    const racing = [
      r.engine.gateways.confirm({ paymentId }, { status: 'success' }),
      r.engine.gateways.confirm({ reference: 'bkash-ref-1' }, {}, 'ipn'),
      r.engine.gateways.confirm({ paymentId }, { status: 'success' }),
    ];
    await new Promise((res) => setImmediate(res));
    r.stub.release();
    const outcomes = await Promise.all(racing);
    expect(outcomes.map((o) => o.state)).toEqual(['completed', 'completed', 'completed']);
    expect(r.stub.count('complete')).toBe(1);
    expect(r.stub.count('query')).toBe(0);
    expect(r.subs()).toBe(1);
    expect(r.activated).toHaveLength(1);
    expect(r.engine.billing.payments.get(paymentId)).toMatchObject({ status: 'completed', trxId: 'TRX000001X' });
    // A later replay (back button) asks nobody and changes nothing.
    expect((await r.engine.gateways.confirm({ paymentId })).state).toBe('completed');
    expect(r.stub.calls.length).toBe(2); // start + complete
  });

  it('a forged callback for an unpaid payment activates nothing; an unknown reference is PAYMENT_NOT_FOUND', async () => {
    const r = await rig();
    const { paymentId } = await r.checkout();
    r.stub.onComplete = () => ({ state: 'failed', why: 'failed', message: '2056 invalid payment state' });
    const o = await r.engine.gateways.confirm({ paymentId }, { status: 'success' });
    expect(o).toMatchObject({ state: 'failed', message: '2056 invalid payment state' });
    expect(r.subs()).toBe(0);
    await expect(r.engine.gateways.confirm({ reference: 'forged' })).rejects.toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
  });

  it('a different amount → needs_review with PAYMENT_AMOUNT_MISMATCH, nothing activated, shown by payments.list', async () => {
    const r = await rig();
    const { paymentId } = await r.checkout();
    r.stub.onComplete = (inv) => ({ state: 'paid', amount: inv.amount - 100, currency: 'BDT', invoiceNo: inv.invoiceNo, trxId: 'MISM1234' });
    expect(await r.engine.gateways.confirm({ paymentId })).toMatchObject({ state: 'needs_review', problem: 'PAYMENT_AMOUNT_MISMATCH' });
    expect(r.subs()).toBe(0);
    const listed = await r.ok('payments.list', { status: 'needs_review' });
    expect(listed.items.map((p) => [p.id, p.problem, p.trxId])).toEqual([[paymentId, 'PAYMENT_AMOUNT_MISMATCH', 'MISM1234']]);
    // Another invoice number is not ours to activate either.
    const second = await r.checkout();
    r.stub.onComplete = (inv) => ({ state: 'paid', amount: inv.amount, currency: 'BDT', invoiceNo: 'HD-OTHER', trxId: 'OTHR1234' });
    expect(await r.engine.gateways.confirm({ paymentId: second.paymentId })).toMatchObject({ state: 'needs_review', problem: 'PAYMENT_INVOICE_MISMATCH' });
    expect(r.subs()).toBe(0);
  });
});

describe('the retry job', () => {
  it('follows 0, 10 s, 30 s, 1, 2, 5 min, then every 10 min to 24 h', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(checkOffsetMs)).toEqual([0, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_200_000]);
    expect(checkOffsetMs(149)).toBe(86_400_000);
    expect(checkOffsetMs(150)).toBeNull();
    // A PC that was off skips the checks it missed instead of running them all.
    expect(nextCheck(1, 0, 200_000)).toEqual({ step: 5, at: 300_000 });
    expect(nextCheck(149, 0, 86_400_000)).toBeNull();
  });

  it('execute times out → checking; the job queries (never executes again) and activates when paid', async () => {
    const r = await rig();
    const { paymentId } = await r.checkout();
    r.stub.onComplete = () => ({ state: 'pending', why: 'timeout' });
    expect(await r.engine.gateways.confirm({ paymentId })).toMatchObject({ state: 'checking' });
    // "At once": the timer is armed for now.
    expect(r.hand.live()).toHaveLength(1);
    expect(r.hand.live()[0]!.ms).toBe(0);
    const fire = async () => {
      const t = r.hand.live();
      expect(t).toHaveLength(1);
      t[0]!.live = false;
      t[0]!.fn();
      await r.engine.gateways.retryJob.runDue();
    };
    await fire();
    expect(r.stub.count('query')).toBe(1);
    expect(r.engine.billing.payments.get(paymentId).nextCheckAt).toBe(r.clock.now() + 10_000);
    r.clock.advance(10_000);
    r.stub.onQuery = (inv) => ({ state: 'paid', amount: inv.amount, currency: 'BDT', invoiceNo: inv.invoiceNo, trxId: 'LATE1234' });
    await fire();
    expect(r.engine.billing.payments.get(paymentId).status).toBe('completed');
    expect(r.stub.count('complete')).toBe(1);
    expect(r.subs()).toBe(1);
  });

  it('a checkout whose browser never comes back is asked about 10 min on by this process, not only after a restart', async () => {
    const r = await rig();
    const { paymentId } = await r.checkout();
    expect(r.hand.live().map((t) => t.ms)).toEqual([ABANDONED_CHECK_MS]);
    r.clock.advance(ABANDONED_CHECK_MS);
    r.hand.live()[0]!.fn();
    await r.engine.gateways.retryJob.runDue();
    expect(r.stub.count('complete')).toBe(1);
    expect(r.engine.billing.payments.get(paymentId).status).toBe('completed');
  });

  it('the process dies while execute is out: the job was booked for when execute would have answered, and the next process settles it by query, once', async () => {
    const r = await rig();
    const { paymentId } = await r.checkout();
    const { invoiceNo } = r.engine.billing.payments.get(paymentId);
    r.stub.hold();
    const inFlight = r.engine.gateways.confirm({ paymentId }, { status: 'success' });
    await new Promise((res) => setImmediate(res));
    expect(r.stub.count('complete')).toBe(1);
    // What a restart reads: claimed, and asked about 35 s on (before: the abandoned-checkout look, 10 min after the start).
    expect(r.engine.billing.payments.flowState(paymentId)).toMatchObject({ executeAttemptedAt: r.clock.now(), nextCheckAt: r.clock.now() + EXECUTE_ANSWER_BY_MS, checkingSince: null });

    // The next process on the same data dir (the first one never answers: it is "dead").
    const { gateway, stub } = gatewayStub('bkash');
    stub.onQuery = () => ({ state: 'paid', amount: 3000, currency: 'BDT', invoiceNo, trxId: 'CRSH1234' });
    const hand2 = handTimer();
    const again = await createEngine({ ...r.engine.config }, { clock: r.clock, log: silentLogger(), gateways: { modules: { bkash: gateway }, timer: hand2.timer } });
    engines.push(again);
    await again.start();
    expect(hand2.live().map((t) => t.ms)).toEqual([EXECUTE_ANSWER_BY_MS]);
    r.clock.advance(EXECUTE_ANSWER_BY_MS);
    await again.gateways.retryJob.runDue();
    expect(stub.count('complete')).toBe(0); // the claim survived: never a second execute
    expect(stub.count('query')).toBe(1);
    expect(again.billing.payments.get(paymentId)).toMatchObject({ status: 'completed', trxId: 'CRSH1234' });
    // A late answer in the first process completes nothing twice.
    r.stub.release();
    expect((await inFlight).state).toBe('completed');
    expect(r.subs()).toBe(1);
  });

  it('keeps the next try in the database across a restart, and after 24 h leaves it to the owner', async () => {
    const r = await rig();
    const { paymentId } = await r.checkout();
    r.stub.onComplete = () => ({ state: 'pending', why: 'unreachable' });
    await r.engine.gateways.confirm({ paymentId });
    await r.engine.gateways.retryJob.runDue(); // the "at once" query
    const due = r.engine.billing.payments.get(paymentId).nextCheckAt!;
    expect(due).toBe(r.clock.now() + 10_000);
    await r.engine.stop();

    // A new engine on the same data: its timer is armed for the stored time.
    const hand2 = handTimer();
    const again = await createEngine({ ...r.engine.config }, { clock: r.clock, log: silentLogger(), gateways: { modules: { bkash: gatewayStub('bkash').gateway }, timer: hand2.timer } });
    engines.push(again);
    await again.start();
    expect(hand2.live().map((t) => t.ms)).toEqual([10_000]);
    // 24 h later (the PC was off): the last try fails too → needs_review, nothing activated.
    r.clock.advance(24 * 3_600_000 + 1);
    await again.gateways.retryJob.runDue();
    expect(again.billing.payments.get(paymentId)).toMatchObject({ status: 'needs_review', problem: 'PAYMENT_UNCONFIRMED' });
  });
});

describe('recover, refund', () => {
  it('"I paid": a paid transaction id activates its payment once; used again it is TRX_ID_USED', async () => {
    const r = await rig();
    const { paymentId } = await r.checkout();
    r.stub.onQuery = (inv) => ({ state: 'paid', amount: inv.amount, currency: 'BDT', invoiceNo: inv.invoiceNo, trxId: 'CJU0PZQ3U6' });
    expect(await r.ok('payments.recover', { gateway: 'bkash', trxId: ' cju0pzq3u6 ' })).toMatchObject({ state: 'completed', paymentId });
    expect(r.subs()).toBe(1);
    expect((await r.engine.call('payments.recover', { gateway: 'bkash', trxId: 'CJU0PZQ3U6' })).ok).toBe(false);
    await expect(r.engine.gateways.recover('bkash', 'NOPE123456')).rejects.toMatchObject({ code: 'TRX_NOT_FOUND' });
  });

  it('a refund is a new ledger row and cancels the package; a second refund is refused', async () => {
    const r = await rig();
    const { paymentId } = await r.checkout();
    await r.engine.gateways.confirm({ paymentId });
    const ended: string[] = [];
    r.engine.deps.bus.on('subscription.ended', (e) => ended.push(e.reason));
    const res = await r.ok('payments.refund', { id: paymentId, reason: 'customer left' });
    expect(res).toMatchObject({ manual: false, refund: { status: 'refunded', refundOf: paymentId, amount: 3000, gatewayRef: 'refund:RF1' } });
    expect(r.engine.billing.payments.get(paymentId).status).toBe('completed'); // never rewritten
    expect(ended).toEqual(['cancelled']);
    const again = await r.engine.call('payments.refund', { id: paymentId, reason: 'again' });
    expect(again).toMatchObject({ ok: false, error: { code: 'PAYMENT_ALREADY_REFUNDED' } });
    // A cash sale has no gateway: a recorded manual refund.
    const cash = r.engine.billing.sell({ phone: '+8801812345678', packageId: r.packageId, method: 'cash' });
    expect(await r.ok('payments.refund', { id: cash.paymentId, reason: 'wrong package' })).toMatchObject({ manual: true, refund: { status: 'refunded', gatewayRef: null } });
    expect(() => r.engine.db.prepare("UPDATE payments SET status = 'pending' WHERE id = ?").run(paymentId)).toThrow(/append-only/);
  });
});
