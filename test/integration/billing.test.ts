import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine';
import { VOUCHER_ALPHABET, formatVoucherCode } from '../../src-main/billing/vouchers';

const HOUR = 3600;
const GB = 2 ** 30;
const pkgInput = (o: Record<string, unknown> = {}) => ({ name: '1 day', price: 3000, validitySeconds: 24 * HOUR, downloadBps: 5_000_000, uploadBps: 2_000_000, ...o });

async function err(engine: Awaited<ReturnType<typeof testEngine>>['engine'], method: string, input: unknown) {
  const r = await engine.call(method, input);
  expect(r.ok).toBe(false);
  return (r as { ok: false; error: { code: string; message: string; field?: string } }).error;
}

describe('packages', () => {
  it('creates a package with its rate limit, and requires time or data', async () => {
    const { engine, ok } = await testEngine();
    const p = await ok('packages.create', pkgInput());
    expect(p).toMatchObject({ id: 1, price: 3000, rateLimit: '2M/5M', devices: 1, active: true, routerIds: [], zoneIds: [] });
    const e = await err(engine, 'packages.create', { name: 'x', price: 1, downloadBps: 1, uploadBps: 1 });
    expect(e).toMatchObject({ code: 'invalid_input', field: 'validitySeconds' });
    expect((await err(engine, 'packages.create', pkgInput({ price: 10.5 }))).field).toBe('price');
    expect((await err(engine, 'packages.create', pkgInput({ price: -1 }))).field).toBe('price');
    expect((await err(engine, 'packages.create', pkgInput({ routerIds: [99] }))).field).toBe('routerIds.0');
    expect(await ok('packages.list')).toHaveLength(1);
  });

  it('editing a package never changes what was already sold; archived ones are not sold', async () => {
    const { engine, ok } = await testEngine();
    const p = await ok('packages.create', pkgInput());
    const sale = await ok('customers.sellPackage', { phone: '01712345678', packageId: p.id, method: 'cash' });
    await ok('packages.update', { id: p.id, price: 5000, validitySeconds: HOUR, name: 'renamed' });
    const c = await ok('customers.get', { id: sale.customerId });
    expect(c.subscriptions[0]).toMatchObject({ packageName: '1 day', price: 3000, validitySeconds: 24 * HOUR });
    await ok('packages.archive', { id: p.id });
    expect(await ok('packages.list')).toHaveLength(0);
    expect(await ok('packages.list', { includeArchived: true })).toHaveLength(1);
    expect((await err(engine, 'customers.sellPackage', { phone: '01712345678', packageId: p.id, method: 'cash' })).code).toBe('PACKAGE_INACTIVE');
    expect((await err(engine, 'packages.update', { id: 42, price: 1 })).code).toBe('not_found');
  });
});

describe('selling and the subscription queue', () => {
  it('sells to a new phone (any format), queues a second purchase, and promotes it at expiry', async () => {
    const { engine, clock, ok } = await testEngine();
    const events: string[] = [];
    engine.deps.bus.on('subscription.ended', (e) => events.push(`ended:${e.subscriptionId}:${e.reason}`));
    const day = await ok('packages.create', pkgInput());
    const week = await ok('packages.create', pkgInput({ name: '7 days', price: 15000, validitySeconds: 7 * 24 * HOUR }));
    const s1 = await ok('customers.sellPackage', { phone: '8801712345678', packageId: day.id, method: 'cash' });
    const s2 = await ok('customers.sellPackage', { phone: '+8801712345678', packageId: week.id, method: 'cash' });
    expect(s2.customerId).toBe(s1.customerId);
    let c = await ok('customers.get', { phone: '01712345678' });
    expect(c.phone).toBe('+8801712345678');
    expect(c.hotspotUsername).toBe('01712345678');
    expect(c.hotspotPassword).toMatch(/^[a-z2-9]{10}$/);
    expect(c.subscriptions.map((s: any) => [s.id, s.status])).toEqual([[s1.subscriptionId, 'active'], [s2.subscriptionId, 'queued']]);
    expect(c.subscriptions[0]!.secondsLeft).toBe(24 * HOUR);

    clock.advance(23 * HOUR * 1000);
    engine.billing.scheduler.runNow();
    c = await ok('customers.get', { id: s1.customerId });
    expect(c.subscriptions[0]).toMatchObject({ status: 'active', secondsLeft: HOUR });
    expect(events).toEqual([]);

    clock.advance(HOUR * 1000);
    engine.billing.scheduler.runNow();
    expect(events).toEqual([`ended:${s1.subscriptionId}:expired`]);
    c = await ok('customers.get', { id: s1.customerId });
    const byId = Object.fromEntries(c.subscriptions.map((s: any) => [s.id, s]));
    expect(byId[s1.subscriptionId]).toMatchObject({ status: 'expired' });
    expect(byId[s2.subscriptionId]).toMatchObject({ status: 'active', startsAt: clock.now(), secondsLeft: 7 * 24 * HOUR });
    expect(c.activePackage).toBe('7 days');
  });

  it('the scheduler timer ends a subscription on time with no packet and no manual call', async () => {
    const { engine, ok } = await testEngine({ start: true });
    // Real time here: a 1-second package on the engine's manual clock would never expire, so use
    // the scheduler's own timer with the clock moved past expiry, then wait for its event.
    const { clock } = await (async () => ({ clock: (engine.deps.clock as any) }))();
    const p = await ok('packages.create', pkgInput({ validitySeconds: 60 }));
    const ended = new Promise((r) => engine.deps.bus.on('subscription.ended', r));
    await ok('customers.sellPackage', { phone: '01712345678', packageId: p.id, method: 'cash' });
    clock.advance(61_000);
    // Activation re-armed the timer for the expiry instant, which is now in the past: it fires at once.
    engine.deps.bus.emit('subscription.activated', { subscriptionId: 0, customerId: 0 });
    await expect(ended).resolves.toMatchObject({ reason: 'expired' });
  });

  it('a data package ends when its bytes are used, whichever of time or data comes first', async () => {
    const { engine, clock, ok } = await testEngine();
    const events: unknown[] = [];
    engine.deps.bus.on('subscription.ended', (e) => events.push(e));
    const data = await ok('packages.create', pkgInput({ name: '1 GB', validitySeconds: 30 * 24 * HOUR, dataLimitBytes: GB }));
    const dataOnly = await ok('packages.create', pkgInput({ name: '5 GB', validitySeconds: null, dataLimitBytes: 5 * GB }));
    const s1 = await ok('customers.sellPackage', { phone: '01812345678', packageId: data.id, method: 'cash' });
    const s2 = await ok('customers.sellPackage', { phone: '01812345678', packageId: dataOnly.id, method: 'cash' });
    engine.billing.chargeUsage(s1.subscriptionId, GB - 1);
    let c = await ok('customers.get', { id: s1.customerId });
    expect(c.subscriptions[0]).toMatchObject({ id: s1.subscriptionId, status: 'active', bytesLeft: 1 });
    engine.billing.chargeUsage(s1.subscriptionId, 10);
    expect(events).toEqual([{ subscriptionId: s1.subscriptionId, customerId: s1.customerId, reason: 'exhausted' }]);
    c = await ok('customers.get', { id: s1.customerId });
    const active = c.subscriptions.find((s: any) => s.status === 'active');
    expect(active).toMatchObject({ id: s2.subscriptionId, expiresAt: null, secondsLeft: null, bytesLeft: 5 * GB });
    // Late bytes on the ended one are recorded but do not end anything twice.
    engine.billing.chargeUsage(s1.subscriptionId, 100);
    expect(events).toHaveLength(1);
    // A data-only package never expires by time.
    clock.advance(400 * 24 * HOUR * 1000);
    engine.billing.scheduler.runNow();
    expect(engine.billing.settle(s1.customerId)?.id).toBe(s2.subscriptionId);
  });

  it('events from inside a caller transaction fire only if it commits', async () => {
    const { engine, ok } = await testEngine();
    const events: unknown[] = [];
    engine.deps.bus.on('subscription.ended', (e) => events.push(e));
    const p = await ok('packages.create', pkgInput({ dataLimitBytes: 1000 }));
    const a = await ok('customers.sellPackage', { phone: '01712345678', packageId: p.id, method: 'cash' });
    const b = await ok('customers.sellPackage', { phone: '01912345678', packageId: p.id, method: 'cash' });
    const db = engine.db;
    expect(() =>
      db.transaction(() => {
        engine.billing.chargeUsage(a.subscriptionId, 5000);
        throw new Error('batch failed');
      })(),
    ).toThrow('batch failed');
    db.transaction(() => engine.billing.chargeUsage(b.subscriptionId, 5000))();
    expect(events).toEqual([]); // deferred to a microtask
    await Promise.resolve();
    expect(events).toEqual([{ subscriptionId: b.subscriptionId, customerId: b.customerId, reason: 'exhausted' }]);
    expect(engine.billing.subscriptions.get(a.subscriptionId)).toMatchObject({ status: 'active', bytes_used: 0 });
  });

  it('cancel ends the active one and starts the next; disabled customers cannot buy', async () => {
    const { engine, ok } = await testEngine();
    const events: string[] = [];
    engine.deps.bus.on('subscription.ended', (e) => events.push(e.reason));
    engine.deps.bus.on('customer.disabled', () => events.push('disabled'));
    const p = await ok('packages.create', pkgInput());
    const s1 = await ok('customers.sellPackage', { phone: '01712345678', packageId: p.id, method: 'cash' });
    const s2 = await ok('customers.sellPackage', { phone: '01712345678', packageId: p.id, method: 'cash' });
    expect(await ok('customers.cancelSubscription', { subscriptionId: s1.subscriptionId })).toMatchObject({ status: 'cancelled' });
    expect(engine.billing.settle(s1.customerId)?.id).toBe(s2.subscriptionId);
    await ok('customers.update', { id: s1.customerId, status: 'disabled' });
    expect(events).toEqual(['cancelled', 'disabled']);
    expect((await err(engine, 'customers.sellPackage', { phone: '01712345678', packageId: p.id, method: 'cash' })).code).toBe('CUSTOMER_DISABLED');
  });

  it('a double click with the same idempotency key sells once', async () => {
    const { ok } = await testEngine();
    const p = await ok('packages.create', pkgInput());
    const input = { phone: '01712345678', packageId: p.id, method: 'cash' as const, idempotencyKey: 'form-1234-abcd' };
    const [a, b] = await Promise.all([ok('customers.sellPackage', input), ok('customers.sellPackage', input)]);
    expect(b).toEqual(a);
    const pays = await ok('payments.list');
    expect(pays.total).toBe(1);
    expect(pays.items[0]).toMatchObject({ method: 'cash', amount: 3000, status: 'completed', customerPhone: '+8801712345678', packageName: '1 day' });
    expect(pays.items[0]!.invoiceNo).toMatch(/^HD-\d{6}-000001$/);
  });

  it('bad input is invalid_input naming the field and creates nothing', async () => {
    const { engine, ok } = await testEngine();
    const p = await ok('packages.create', pkgInput());
    expect(await err(engine, 'customers.sellPackage', { phone: '0171234', packageId: p.id, method: 'cash' })).toMatchObject({ code: 'invalid_input', field: 'phone' });
    expect(await err(engine, 'customers.sellPackage', { phone: '01712345678', packageId: p.id, method: 'bkash' })).toMatchObject({ field: 'method' });
    expect(await err(engine, 'customers.sellPackage', { phone: '01712345678', packageId: 'x', method: 'cash' })).toMatchObject({ field: 'packageId' });
    expect(await err(engine, 'customers.sellPackage', { phone: '01712345678', packageId: 77, method: 'cash' })).toMatchObject({ code: 'not_found' });
    expect(await err(engine, 'customers.get', { id: 5 })).toMatchObject({ code: 'not_found' });
    expect(await err(engine, 'customers.get', {})).toMatchObject({ code: 'invalid_input' });
    expect(await err(engine, 'nope.method', {})).toMatchObject({ code: 'unknown_method' });
    expect((await ok('customers.list')).total).toBe(0);
    expect((await ok('payments.list')).total).toBe(0);
  });
});

describe('customers and devices', () => {
  it('binds MACs in any format to one customer only', async () => {
    const { engine, ok } = await testEngine();
    const a = await ok('customers.create', { phone: '01712345678', name: 'Rahim', pin: '1234' });
    const b = await ok('customers.create', { phone: '01912345678' });
    expect(a).toMatchObject({ hasPin: true, name: 'Rahim', devices: [] });
    expect((await err(engine, 'customers.create', { phone: '+8801712345678' })).code).toBe('conflict');
    expect(await ok('customers.addDevice', { customerId: a.id, mac: 'aa-bb-cc-dd-ee-ff' })).toMatchObject({ mac: 'AA:BB:CC:DD:EE:FF' });
    expect(await ok('customers.addDevice', { customerId: a.id, mac: 'aabbccddeeff' })).toMatchObject({ mac: 'AA:BB:CC:DD:EE:FF' });
    expect(await err(engine, 'customers.addDevice', { customerId: b.id, mac: 'AA:BB:CC:DD:EE:FF' })).toMatchObject({ code: 'MAC_TAKEN', field: 'mac' });
    expect(await err(engine, 'customers.addDevice', { customerId: b.id, mac: 'zz' })).toMatchObject({ code: 'invalid_input', field: 'mac' });
    expect(engine.billing.bindDevice(b.id, 'AA:BB:CC:DD:EE:FF')).toBe('taken');
    expect(engine.billing.bindDevice(b.id, '11:22:33:44:55:66')).toBe('bound');
    expect(engine.billing.bindDevice(b.id, '11:22:33:44:55:66')).toBe('already');
    await ok('customers.removeDevice', { customerId: a.id, mac: 'aa:bb:cc:dd:ee:ff' });
    expect((await ok('customers.get', { id: a.id })).devices).toEqual([]);
    expect(await err(engine, 'customers.removeDevice', { customerId: a.id, mac: 'aa:bb:cc:dd:ee:ff' })).toMatchObject({ code: 'not_found' });
    expect(engine.billing.customers.checkPin(a.id, '1234')).toBe(true);
    expect(engine.billing.customers.checkPin(a.id, '4321')).toBe(false);
    const list = await ok('customers.list', { search: '0171' });
    expect(list.items.map((c: any) => c.localPhone)).toEqual(['01712345678']);
    expect((await ok('customers.list', { search: 'rah' })).total).toBe(1);
  });

  it('stores hotspot passwords and PINs protected, never in clear', async () => {
    const { engine, ok } = await testEngine();
    const c = await ok('customers.create', { phone: '01712345678', pin: '4321' });
    const row = engine.db.prepare('SELECT * FROM customers').get() as any;
    expect(row.hotspot_password_enc).not.toContain(c.hotspotPassword);
    expect(row.hotspot_password_enc).toMatch(/^v1:/);
    expect(row.pin_hash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(row)).not.toContain('4321');
  });
});

describe('recharge cards', () => {
  it('generates unambiguous codes and redeems each exactly once', async () => {
    const { engine, ok } = await testEngine();
    const p = await ok('packages.create', pkgInput());
    const { batchId, codes } = await ok('vouchers.generate', { packageId: p.id, count: 50, prefix: 'HD' });
    expect(new Set(codes).size).toBe(50);
    for (const c of codes) {
      expect(c.startsWith('HD')).toBe(true);
      for (const ch of c.slice(2)) expect(VOUCHER_ALPHABET).toContain(ch);
      expect(c).toHaveLength(14);
    }
    const printed = formatVoucherCode(codes[0]!, 'HD').toLowerCase(); // hd-xxxx-xxxx-xxxx as typed
    const sub = await ok('vouchers.redeem', { code: ` ${printed} `, phone: '01712345678' });
    expect(sub).toMatchObject({ status: 'active', packageName: '1 day' });
    expect(await err(engine, 'vouchers.redeem', { code: codes[0], phone: '01912345678' })).toMatchObject({ code: 'VOUCHER_USED', field: 'code' });
    expect(await err(engine, 'vouchers.redeem', { code: 'HDAAAABBBBCCCC', phone: '01912345678' })).toMatchObject({ code: 'VOUCHER_UNKNOWN' });
    const pays = await ok('payments.list', { method: 'voucher' });
    expect(pays.total).toBe(1);
    expect(JSON.stringify(pays)).not.toContain(codes[0]); // the ledger names the card by id, not code
    const disabled = await ok('vouchers.disableBatch', { batchId });
    expect(disabled).toMatchObject({ used: 1, count: 50 });
    expect(disabled.disabledAt).not.toBeNull();
    expect(await err(engine, 'vouchers.redeem', { code: codes[1], phone: '01912345678' })).toMatchObject({ code: 'VOUCHER_DISABLED' });
    const list = await ok('vouchers.list', { batchId });
    expect(list.vouchers.filter((v: any) => v.status === 'used')).toHaveLength(1);
    expect(list.vouchers.filter((v: any) => v.status === 'disabled')).toHaveLength(49);
  });

  it('audits admin writes without secrets', async () => {
    const { engine, ok } = await testEngine();
    const p = await ok('packages.create', pkgInput());
    const { codes } = await ok('vouchers.generate', { packageId: p.id, count: 1 });
    await ok('vouchers.redeem', { code: codes[0]!, phone: '01712345678' });
    await ok('routers.create', { name: 'r1', nasIp: '10.0.0.2', secret: 'supersecret1', apiPassword: 'routerpass' });
    const audit = JSON.stringify(engine.db.prepare('SELECT action, detail FROM audit_log').all());
    expect(audit).toContain('vouchers.redeem');
    expect(audit).not.toContain(codes[0]);
    expect(audit).not.toContain('supersecret1');
    expect(audit).not.toContain('routerpass');
  });
});

describe('routers, zones, settings, dashboard', () => {
  it('keeps router secrets encrypted and out of API replies', async () => {
    const { engine, ok } = await testEngine();
    const z = await ok('zones.create', { name: 'Market', ssid: 'Bazar WiFi' });
    const r = await ok('routers.create', { name: 'r1', nasIp: '10.0.0.2', secret: 'supersecret1', apiUser: 'api', apiPassword: 'routerpass', zoneId: z.id });
    expect(r).toMatchObject({ coaPort: 3799, requireMessageAuthenticator: true, hasApiPassword: true, zoneId: z.id });
    expect(JSON.stringify(await ok('routers.list'))).not.toMatch(/supersecret1|routerpass/);
    const raw = JSON.stringify(engine.db.prepare('SELECT * FROM routers').all());
    expect(raw).not.toMatch(/supersecret1|routerpass/);
    expect(engine.routers.credentials(r.id)).toEqual({ radiusSecret: 'supersecret1', apiPassword: 'routerpass' });
    expect(await err(engine, 'routers.create', { name: 'r2', nasIp: '10.0.0.2', secret: 'supersecret2' })).toMatchObject({ code: 'conflict', field: 'nasIp' });
    expect(await err(engine, 'routers.create', { name: 'r2', nasIp: '10.0.0.300', secret: 'supersecret2' })).toMatchObject({ field: 'nasIp' });
    expect(await err(engine, 'routers.create', { name: 'r2', nasIp: '10.0.0.3', secret: 'x' })).toMatchObject({ field: 'secret' });
    expect(await ok('zones.list')).toEqual([{ id: z.id, name: 'Market', ssid: 'Bazar WiFi', routerIds: [r.id] }]);
    const changed: unknown[] = [];
    engine.deps.bus.on('routers.changed', (e) => changed.push(e));
    await ok('routers.update', { id: r.id, coaPort: 1700 });
    await ok('routers.remove', { id: r.id });
    expect(changed).toHaveLength(2);
    expect(await ok('routers.list')).toEqual([]);
    // The NAS IP is free again once the router is removed.
    await ok('routers.create', { name: 'r1', nasIp: '10.0.0.2', secret: 'supersecret1' });
  });

  it('settings have defaults and validate updates', async () => {
    const { engine, ok } = await testEngine();
    expect(await ok('settings.get')).toMatchObject({ network: { acctInterimInterval: 60 }, shop: { currency: 'BDT', timezone: 'Asia/Dhaka' } });
    expect(await ok('settings.update', { network: { acctInterimInterval: 120 } })).toMatchObject({ network: { acctInterimInterval: 120 } });
    expect(await err(engine, 'settings.update', { network: { acctInterimInterval: 5 } })).toMatchObject({ field: 'network.acctInterimInterval' });
    expect(await err(engine, 'settings.update', { nope: 1 })).toMatchObject({ field: 'nope' });
    expect((await ok('settings.get')).network.acctInterimInterval).toBe(120);
  });

  it('dashboard counts today\'s sales in Bangladesh time', async () => {
    const { clock, ok } = await testEngine();
    const p = await ok('packages.create', pkgInput());
    clock.set(Date.UTC(2026, 5, 1, 17, 30)); // 23:30 in Dhaka, June 1
    await ok('customers.sellPackage', { phone: '01712345678', packageId: p.id, method: 'cash' });
    clock.set(Date.UTC(2026, 5, 1, 18, 30)); // 00:30 in Dhaka, June 2
    await ok('customers.sellPackage', { phone: '01912345678', packageId: p.id, method: 'cash' });
    expect(await ok('dashboard.summary')).toMatchObject({ salesTodayCount: 1, salesTodayAmount: 3000, activeSubscriptions: 2, customers: 2 });
  });
});

describe('shutdown', () => {
  it('a deferred event flush after the engine stopped does nothing and does not throw', async () => {
    const { engine, ok } = await testEngine();
    const p = await ok('packages.create', pkgInput());
    const c = engine.billing.customers.ensure('+8801712345678');
    const events: unknown[] = [];
    engine.deps.bus.on('subscription.activated', (e) => events.push(e));
    engine.db.transaction(() => engine.billing.subscriptions.purchase(c, engine.billing.packages.get(p.id), null))();
    await engine.stop(); // closes the database before the microtask flush runs
    await Promise.resolve();
    expect(events).toEqual([]);
    expect(engine.status()).toEqual({ state: 'stopped' });
  });
});
