import { describe, expect, it } from 'vitest';
import { radiusWorld, GiB, until } from '../helpers/radius';
import { testEngine } from '../helpers/engine';

/**
 * Buying more (issue 12): a 'topUp' package bought while the same package is active adds to it
 * (no new subscription, the payment recorded as usual) and the router is told the new limits by
 * CoA-Request; a refused CoA falls back to Disconnect. Another package active: queued as today.
 * Package names are unique among active packages.
 */
const MAC = '30:39:26:86:CC:EA';
const IP = '10.5.50.10';
const HOUR = 3600;
type World = Awaited<ReturnType<typeof radiusWorld>>;

const subRow = (w: World, id: number) =>
  w.engine.db.prepare('SELECT status, expires_at, validity_seconds, data_limit_bytes FROM subscriptions WHERE id = ?').get(id) as {
    status: string; expires_at: number | null; validity_seconds: number | null; data_limit_bytes: number | null;
  };
const count = (w: World, table: string) => (w.engine.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

async function online(w: World, phone: string, pkg: Record<string, unknown>) {
  const c = await w.customer(phone, pkg);
  const r = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
  expect(r.accepted).toBe(true);
  const s = await w.nas.startSession({ username: c.username, mac: MAC, ip: IP, classValue: r.classValue });
  return { c, s };
}

describe('top-up', () => {
  it('adds validity and data to the active subscription, records the payment, and the router ACKs the CoA with the new limits', async () => {
    const w = await radiusWorld();
    const t0 = w.clock.now();
    const { c, s } = await online(w, '01712345678', { onRepeat: 'topUp', validitySeconds: HOUR, dataLimitBytes: GiB });
    w.clock.advance(600_000);
    await w.nas.interim(s, 100, 1000, 600);

    const coa = w.nas.nextCoa();
    const sale = await w.ok('customers.sellPackage', { phone: '01712345678', packageId: c.packageId, method: 'cash' });
    expect(sale.subscriptionId).toBe(c.subscriptionId);
    expect(count(w, 'subscriptions')).toBe(1);
    expect(subRow(w, c.subscriptionId)).toEqual({ status: 'active', expires_at: t0 + 2 * HOUR * 1000, validity_seconds: 2 * HOUR, data_limit_bytes: 2 * GiB });
    const payments = await w.ok('payments.list', {});
    expect(payments.items.map((p) => p.amount)).toEqual([3000, 3000]);

    const got = await coa;
    expect(got.answered).toBe('ack');
    // Named like a Disconnect; limits counted on the session's own counters (the default basis):
    // 600 s of uptime + 6600 s left; 1100 bytes used in the session + 2 GiB − 1100 left.
    expect(got.attributes).toMatchObject({
      'User-Name': c.username, 'Framed-IP-Address': IP, 'Acct-Session-Id': s.acctSessionId, 'NAS-IP-Address': '127.0.0.1',
      'Session-Timeout': 600 + 2 * HOUR - 600,
    });
    expect(w.nas.sessions.get(s.acctSessionId)!.limits).toEqual({ sessionTimeout: 2 * HOUR, totalLimit: BigInt(2 * GiB), rateLimit: '2M/5M' });
    expect(w.nas.disconnects).toHaveLength(0);
    expect((await w.ok('sessions.list', {})).total).toBe(1);

    // A replay of the same sale (idempotency key) finds the topped-up subscription, charging once.
    const keyed = { phone: '01712345678', packageId: c.packageId, method: 'cash' as const, idempotencyKey: 'sale-form-0001' };
    const a = await w.ok('customers.sellPackage', keyed);
    const b = await w.ok('customers.sellPackage', keyed);
    expect(b).toEqual(a);
    expect(a.subscriptionId).toBe(c.subscriptionId);
    expect(subRow(w, c.subscriptionId).validity_seconds).toBe(3 * HOUR);
  });

  it('a refused CoA (NAK) falls back to Disconnect, so the device logs in again with the new limits', async () => {
    const w = await radiusWorld({ nas: { coaRequestMode: 'nak' } });
    const { c, s } = await online(w, '01812345678', { onRepeat: 'topUp', validitySeconds: HOUR });
    const coa = w.nas.nextCoa();
    const disc = w.nas.nextDisconnect();
    await w.ok('customers.sellPackage', { phone: '01812345678', packageId: c.packageId, method: 'cash' });
    expect((await coa).answered).toBe('nak');
    expect((await disc).attributes['Acct-Session-Id']).toBe(s.acctSessionId);
    await until(() => w.engine.radius.listSessions({}).total === 0, 'the session to stop');
    expect(w.engine.db.prepare('SELECT reason, outcome FROM disconnects').all()).toEqual([{ reason: 'topup_coa_refused', outcome: 'ack' }]);
    const again = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    expect(again.attributes['Session-Timeout']).toBe(2 * HOUR);
  });

  it('a different package active: the top-up package is queued as today', async () => {
    const w = await radiusWorld();
    const { c } = await online(w, '01912345678', { validitySeconds: HOUR });
    const p = await w.ok('packages.create', { name: 'Top-up hour', price: 1000, validitySeconds: HOUR, downloadBps: 0, uploadBps: 0, onRepeat: 'topUp' });
    const sale = await w.ok('customers.sellPackage', { phone: '01912345678', packageId: p.id, method: 'cash' });
    expect(sale.subscriptionId).not.toBe(c.subscriptionId);
    expect(subRow(w, sale.subscriptionId).status).toBe('queued');
    expect(subRow(w, c.subscriptionId).validity_seconds).toBe(HOUR);
    expect(w.nas.coas).toHaveLength(0);
  });

  it('adds online time to an onlineTime subscription and allowance to a firstLogin one not started', async () => {
    const w = await radiusWorld();
    const { c, s } = await online(w, '01612345678', { onRepeat: 'topUp', clock: 'onlineTime', validitySeconds: HOUR, useWithinSeconds: 7 * 86_400 });
    await w.nas.interim(s, 0, 0, 1200);
    const before = subRow(w, c.subscriptionId);
    const coa = w.nas.nextCoa();
    await w.ok('customers.sellPackage', { phone: '01612345678', packageId: c.packageId, method: 'cash' });
    // The use-within deadline stays: more online time, not a longer window.
    expect(subRow(w, c.subscriptionId)).toMatchObject({ validity_seconds: 2 * HOUR, expires_at: before.expires_at });
    expect((await coa).attributes['Session-Timeout']).toBe(1200 + 2 * HOUR - 1200);
    expect((await w.ok('customers.get', { id: c.customerId })).subscriptions[0]).toMatchObject({ secondsLeft: 2 * HOUR - 1200 });

    const f = await w.customer('01512345678', { onRepeat: 'topUp', clock: 'firstLogin', validitySeconds: HOUR });
    await w.ok('customers.sellPackage', { phone: '01512345678', packageId: f.packageId, method: 'cash' });
    expect(subRow(w, f.subscriptionId)).toMatchObject({ status: 'active', validity_seconds: 2 * HOUR, expires_at: null });
    const r = await w.nas.login({ username: f.username, password: f.password, method: 'pap', mac: '30:39:26:86:CC:01', ip: '10.5.50.20' });
    expect(r.attributes['Session-Timeout']).toBe(2 * HOUR);
  });
});

describe('package fields and names', () => {
  it('packages carry clock, useWithinSeconds and onRepeat; the defaults are today\'s behaviour; bad combinations name the field', async () => {
    const { engine, ok } = await testEngine();
    const base = { price: 1000, validitySeconds: HOUR, downloadBps: 0, uploadBps: 0 };
    expect(await ok('packages.create', { name: 'Plain', ...base })).toMatchObject({ clock: 'purchase', useWithinSeconds: null, onRepeat: 'queue' });
    const err = async (input: Record<string, unknown>, method = 'packages.create') => {
      const r = await engine.call(method, input);
      expect(r.ok).toBe(false);
      return (r as { ok: false; error: { code: string; field?: string; message: string } }).error;
    };
    expect(await err({ name: 'U', ...base, useWithinSeconds: 60 })).toMatchObject({ code: 'invalid_input', field: 'useWithinSeconds' });
    expect(await err({ name: 'O', ...base, validitySeconds: null, dataLimitBytes: 1000, clock: 'onlineTime' })).toMatchObject({ code: 'invalid_input', field: 'validitySeconds' });
    expect(await err({ name: 'C', ...base, clock: 'sometimes' })).toMatchObject({ code: 'invalid_input', field: 'clock' });
    expect(await err({ name: 'R', ...base, onRepeat: 'stack' })).toMatchObject({ code: 'invalid_input', field: 'onRepeat' });
    const o = await ok('packages.create', { name: 'Online', ...base, clock: 'onlineTime', useWithinSeconds: 86_400, onRepeat: 'topUp' });
    expect(o).toMatchObject({ clock: 'onlineTime', useWithinSeconds: 86_400, onRepeat: 'topUp' });
    // Leaving online time drops its use-within limit.
    expect(await ok('packages.update', { id: o.id, clock: 'purchase' })).toMatchObject({ clock: 'purchase', useWithinSeconds: null });
  });

  it('names are unique among active packages, ignoring case and extra spaces; archiving frees the name', async () => {
    const { engine, ok } = await testEngine();
    const base = { price: 1000, validitySeconds: HOUR, downloadBps: 0, uploadBps: 0 };
    const day = await ok('packages.create', { name: 'Day Pass', ...base });
    const dup = await engine.call('packages.create', { name: '  day   PASS ', ...base });
    expect(dup).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    expect((dup as { ok: false; error: { message: string } }).error.message).toMatch(/already exists/);
    const week = await ok('packages.create', { name: 'Week Pass', ...base });
    expect(await engine.call('packages.update', { id: week.id, name: 'DAY pass' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    // Its own name (another case) is fine, and so is editing other fields.
    expect(await ok('packages.update', { id: day.id, name: 'Day  pass' })).toMatchObject({ name: 'Day  pass' });
    expect(await ok('packages.update', { id: day.id, price: 2000 })).toMatchObject({ price: 2000 });
    await ok('packages.archive', { id: day.id });
    expect(await ok('packages.create', { name: 'day pass', ...base })).toMatchObject({ name: 'day pass', active: true });
  });
});
