import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine';
import type { BusEvents } from '../../src-main/bus';

const pkgInput = { name: '1 day', price: 3000, validitySeconds: 86400, downloadBps: 5_000_000, uploadBps: 2_000_000 };

/**
 * Events after commit (issue 8 item 3): every listener here records what it saw in the database
 * at the moment it ran, so "raised after commit" is checked, not assumed.
 */
async function rig() {
  const t = await testEngine();
  const { engine } = t;
  const seen: Array<{ event: keyof BusEvents; inTransaction: boolean; row: unknown }> = [];
  const paymentStatus = engine.db.prepare<[number], { status: string }>('SELECT status FROM payments WHERE id = ?');
  const subStatus = engine.db.prepare<[number], { status: string }>('SELECT status FROM subscriptions WHERE id = ?');
  engine.deps.bus.on('payment.completed', (e) =>
    seen.push({ event: 'payment.completed', inTransaction: engine.db.inTransaction, row: paymentStatus.get(e.paymentId)?.status }),
  );
  engine.deps.bus.on('subscription.activated', (e) =>
    seen.push({ event: 'subscription.activated', inTransaction: engine.db.inTransaction, row: subStatus.get(e.subscriptionId)?.status }),
  );
  const p = await t.ok('packages.create', pkgInput);
  return { ...t, seen, packageId: p.id as number };
}

describe('events after commit', () => {
  it('a committed sale raises each event exactly once, after commit, with the row visible', async () => {
    const { engine, seen, packageId } = await rig();
    engine.billing.sell({ phone: '+8801712345678', packageId, method: 'cash' });
    expect(seen).toEqual([
      { event: 'payment.completed', inTransaction: false, row: 'completed' },
      { event: 'subscription.activated', inTransaction: false, row: 'active' },
    ]);
    await Promise.resolve();
    expect(seen).toHaveLength(2);
  });

  it('a sale rolled back by the caller raises nothing (our outer transaction and a foreign one)', async () => {
    const { engine, seen, packageId } = await rig();
    expect(() =>
      engine.deps.events.tx(() => {
        engine.billing.sell({ phone: '+8801712345678', packageId, method: 'cash' });
        throw new Error('caller failed');
      }),
    ).toThrow('caller failed');
    expect(() =>
      engine.db.transaction(() => {
        engine.billing.sell({ phone: '+8801712345678', packageId, method: 'cash' });
        throw new Error('caller failed');
      })(),
    ).toThrow('caller failed');
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).toEqual([]);
    expect(engine.db.prepare('SELECT COUNT(*) AS n FROM payments').get()).toEqual({ n: 0 });
  });

  it('a nested sale that rolls back raises nothing even when the outer transaction commits', async () => {
    const { engine, seen, packageId } = await rig();
    engine.deps.events.tx(() => {
      engine.billing.sell({ phone: '+8801712345678', packageId, method: 'cash' });
      try {
        engine.deps.events.tx(() => {
          engine.billing.sell({ phone: '+8801912345678', packageId, method: 'cash' });
          throw new Error('inner failed');
        });
      } catch {
        // the outer carries on without the inner sale
      }
      expect(seen).toEqual([]); // nothing before the outermost commit
    });
    expect(seen.map((s) => [s.event, s.inTransaction, s.row])).toEqual([
      ['payment.completed', false, 'completed'],
      ['subscription.activated', false, 'active'],
    ]);
    expect(engine.db.prepare('SELECT COUNT(*) AS n FROM payments').get()).toEqual({ n: 1 });
  });

  it('inside a transaction that is not ours, events wait for it and fire once if it committed', async () => {
    const { engine, seen, packageId } = await rig();
    engine.db.transaction(() => engine.billing.sell({ phone: '+8801712345678', packageId, method: 'cash' }))();
    expect(seen).toEqual([]); // deferred: we cannot see that caller's commit
    await Promise.resolve();
    expect(seen.map((s) => [s.event, s.inTransaction, s.row])).toEqual([
      ['payment.completed', false, 'completed'],
      ['subscription.activated', false, 'active'],
    ]);
    await Promise.resolve();
    expect(seen).toHaveLength(2);
  });

  it('a card redeem that loses (card used inside the same transaction) raises nothing', async () => {
    const { engine, seen, ok, packageId } = await rig();
    const { codes } = await ok('vouchers.generate', { packageId, count: 1 });
    engine.billing.redeemVoucher(codes[0]!, '+8801712345678');
    expect(seen.map((s) => s.event)).toEqual(['payment.completed', 'subscription.activated']);
    seen.length = 0;
    expect(() => engine.billing.redeemVoucher(codes[0]!, '+8801912345678')).toThrow(/already been used/);
    await Promise.resolve();
    expect(seen).toEqual([]);
  });

  it('customer.disabled and routers.changed are raised after their commit', async () => {
    const { engine, ok, packageId } = await rig();
    const log: Array<[string, boolean, unknown]> = [];
    const customerStatus = engine.db.prepare<[number], { status: string }>('SELECT status FROM customers WHERE id = ?');
    const routerName = engine.db.prepare<[number], { name: string }>('SELECT name FROM routers WHERE id = ?');
    engine.deps.bus.on('customer.disabled', (e) => log.push(['customer.disabled', engine.db.inTransaction, customerStatus.get(e.customerId)?.status]));
    engine.deps.bus.on('routers.changed', (e) => log.push(['routers.changed', engine.db.inTransaction, e.routerId && routerName.get(e.routerId)?.name]));
    const sale = engine.billing.sell({ phone: '+8801712345678', packageId, method: 'cash' });
    await ok('customers.update', { id: sale.customerId, status: 'disabled' });
    const r = await ok('routers.create', { name: 'shop', nasIp: '10.0.0.2', secret: 'testing123' });
    await ok('routers.update', { id: r.id, name: 'shop 2' });
    expect(log).toEqual([
      ['customer.disabled', false, 'disabled'],
      ['routers.changed', false, 'shop'],
      ['routers.changed', false, 'shop 2'],
    ]);
    // A router change rolled back by a caller's transaction is never announced.
    expect(() =>
      engine.db.transaction(() => {
        engine.routers.update(r.id, { name: 'never' });
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    await Promise.resolve();
    expect(log).toHaveLength(3);
  });

  it('every emitter goes through the after-commit helper (no direct bus.emit in src-main)', () => {
    const src = path.join(__dirname, '..', '..', 'src-main');
    const files = fs.readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const direct = files.filter((f) => !['afterCommit.ts', 'bus.ts'].includes(f) && /\bbus\.emit\(/.test(fs.readFileSync(path.join(src, f), 'utf8')));
    expect(files.length).toBeGreaterThan(50);
    expect(direct).toEqual([]);
  });
});
