import dgram from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { radiusWorld, until } from '../helpers/radius';
import { loadVendorDictionaries } from '../../src-main/radius/dictionary';

/**
 * When a package's clock runs (issue 12), each mode end to end over RADIUS with the virtual NAS:
 * 'firstLogin' starts at the first Access-Accept (once, through retransmits and concurrent
 * logins; after promotion for a queued one), 'onlineTime' charges Acct-Session-Time exactly once
 * (retransmits, reordering, a lost Stop, a router reboot) and refuses logins once used up.
 */
const radius = loadVendorDictionaries();
const MAC = '30:39:26:86:CC:EA';
const MAC2 = '30:39:26:86:CC:EB';
const IP = '10.5.50.10';
const IP2 = '10.5.50.11';
const HOUR = 3600;
type World = Awaited<ReturnType<typeof radiusWorld>>;

const sub = (w: World, id: number) =>
  w.engine.db.prepare('SELECT status, expires_at, clock_started_at, seconds_used, validity_seconds FROM subscriptions WHERE id = ?').get(id) as {
    status: string; expires_at: number | null; clock_started_at: number | null; seconds_used: number; validity_seconds: number;
  };

/**
 * A socket on the NAS's address (the router's NAS IP) that sends datagrams as they are and
 * collects the replies: a retransmit must come from the same source port to be one.
 */
async function rawSocket(w: World) {
  const sock = dgram.createSocket('udp4');
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
  const got: Buffer[] = [];
  sock.on('message', (m) => got.push(m));
  return {
    async send(packets: Buffer[]): Promise<Buffer[]> {
      const before = got.length;
      for (const p of packets) sock.send(p, w.ports.auth!, '127.0.0.1');
      await until(() => got.length >= before + packets.length, `${packets.length} replies`);
      return got.slice(before);
    },
    close: () => sock.close(),
  };
}

async function sendRaw(w: World, packets: Buffer[]): Promise<Buffer[]> {
  const s = await rawSocket(w);
  try {
    return await s.send(packets);
  } finally {
    s.close();
  }
}

const timeoutOf = (reply: Buffer) => radius.decode({ packet: reply, secret: 'router-secret-1' }).attributes['Session-Timeout'] as number;

describe('clock "firstLogin"', () => {
  it('is active with no expiry until the first Accept, which starts it once; later logins never restart it', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01712345678', { clock: 'firstLogin', validitySeconds: 2 * HOUR, devices: 2 });
    let got = await w.ok('customers.get', { id: c.customerId });
    expect(got.subscriptions[0]).toMatchObject({ status: 'active', clock: 'firstLogin', expiresAt: null, clockStartedAt: null, secondsLeft: null });

    // Bought in advance: a day passes before the first login, and costs nothing.
    w.clock.advance(86_400_000);
    const t1 = w.clock.now();
    const req = w.nas.buildAccessRequest({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    const nasSocket = await rawSocket(w);
    const [first] = await nasSocket.send([req]);
    expect(timeoutOf(first!)).toBe(2 * HOUR);
    expect(sub(w, c.subscriptionId)).toMatchObject({ expires_at: t1 + 2 * HOUR * 1000, clock_started_at: t1 });

    // A retransmit (same datagram, a minute later) is answered from the duplicate cache: same reply, same expiry.
    w.clock.advance(60_000);
    const [again] = await nasSocket.send([req]);
    nasSocket.close();
    expect(again!.equals(first!)).toBe(true);
    expect(sub(w, c.subscriptionId).expires_at).toBe(t1 + 2 * HOUR * 1000);

    // A later login counts down from the first one.
    w.clock.advance(9 * 60_000);
    const later = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    expect(later.attributes['Session-Timeout']).toBe(2 * HOUR - 600);
    got = await w.ok('customers.get', { id: c.customerId });
    expect(got.subscriptions[0]).toMatchObject({ expiresAt: t1 + 2 * HOUR * 1000, clockStartedAt: t1, secondsLeft: 2 * HOUR - 600 });
  });

  it('two devices logging in at once start the clock once and get the same Session-Timeout', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01812345678', { clock: 'firstLogin', validitySeconds: HOUR, devices: 2 });
    w.clock.advance(5000);
    const t1 = w.clock.now();
    const a = w.nas.buildAccessRequest({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    const b = w.nas.buildAccessRequest({ username: c.username, password: c.password, method: 'pap', mac: MAC2, ip: IP2 });
    const replies = await sendRaw(w, [a, b]);
    expect(replies.map((r) => radius.decode({ packet: r, secret: 'router-secret-1' }).code)).toEqual(['Access-Accept', 'Access-Accept']);
    expect(replies.map(timeoutOf)).toEqual([HOUR, HOUR]);
    expect(sub(w, c.subscriptionId)).toMatchObject({ expires_at: t1 + HOUR * 1000, clock_started_at: t1 });
  });

  it('a queued one starts at the first login after its promotion, not at the promotion', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01912345678', { validitySeconds: HOUR });
    const p = await w.ok('packages.create', { name: 'Card 3 h', price: 5000, validitySeconds: 3 * HOUR, downloadBps: 0, uploadBps: 0, clock: 'firstLogin' });
    const sale = await w.ok('customers.sellPackage', { phone: '01912345678', packageId: p.id, method: 'cash' });
    expect(sub(w, sale.subscriptionId).status).toBe('queued');

    w.clock.advance(HOUR * 1000); // the first one expires
    w.engine.billing.scheduler.runNow(); // promotes the card: active, clock not running
    expect(sub(w, sale.subscriptionId)).toMatchObject({ status: 'active', expires_at: null, clock_started_at: null });
    w.clock.advance(5 * HOUR * 1000);
    const t = w.clock.now();
    const r = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    expect(r.accepted).toBe(true);
    expect(r.attributes['Session-Timeout']).toBe(3 * HOUR);
    expect(sub(w, sale.subscriptionId)).toMatchObject({ expires_at: t + 3 * HOUR * 1000, clock_started_at: t });
  });

  it('changing a package\'s clock never changes subscriptions already sold', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01612345678', { clock: 'firstLogin', validitySeconds: HOUR });
    const p = await w.ok('packages.update', { id: c.packageId, clock: 'purchase' });
    expect(p.clock).toBe('purchase');
    expect((await w.ok('customers.get', { id: c.customerId })).subscriptions[0]).toMatchObject({ clock: 'firstLogin', expiresAt: null });
  });
});

describe('clock "onlineTime"', () => {
  it('charges Acct-Session-Time once through retransmits and reordering; a lost Stop and a reboot charge up to the last record', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01712345678', { clock: 'onlineTime', validitySeconds: HOUR, useWithinSeconds: 30 * 86_400 });
    expect(sub(w, c.subscriptionId)).toMatchObject({ status: 'active', expires_at: w.clock.now() + 30 * 86_400_000 });
    const r = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    expect(r.attributes['Session-Timeout']).toBe(HOUR);
    const s = await w.nas.startSession({ username: c.username, mac: MAC, ip: IP, classValue: r.classValue });

    await w.nas.interim(s, 1000, 1000, 300);
    const older = w.nas.buildAccounting(s, 'Interim-Update'); // session time 300
    await w.nas.interim(s, 1000, 1000, 300); // 600
    expect(sub(w, c.subscriptionId).seconds_used).toBe(600);
    // A retransmit of the latest and an older record arriving late charge nothing.
    const latest = w.nas.buildAccounting(s, 'Interim-Update');
    await w.nas.account(latest);
    await w.nas.account(older);
    expect(sub(w, c.subscriptionId).seconds_used).toBe(600);
    await w.nas.stopSession(s); // session time stays 600: nothing more
    expect(sub(w, c.subscriptionId).seconds_used).toBe(600);

    // A second session whose Stop is lost: the router reboots (Accounting-On) after one interim.
    const r2 = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    expect(r2.attributes['Session-Timeout']).toBe(HOUR - 600);
    const s2 = await w.nas.startSession({ username: c.username, mac: MAC, ip: IP, classValue: r2.classValue });
    await w.nas.interim(s2, 10, 10, 420);
    s2.time += 500; // used on the router, never reported
    await w.nas.reboot();
    expect(sub(w, c.subscriptionId).seconds_used).toBe(1020);
    expect((await w.ok('sessions.list', {})).total).toBe(0);

    const r3 = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    expect(r3.attributes['Session-Timeout']).toBe(HOUR - 1020);
    expect((await w.ok('customers.get', { id: c.customerId })).subscriptions[0]).toMatchObject({ clock: 'onlineTime', secondsUsed: 1020, secondsLeft: HOUR - 1020 });
  });

  it('Session-Timeout is the smaller of online time left and use-within left', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01812345678', { clock: 'onlineTime', validitySeconds: 10 * HOUR, useWithinSeconds: 86_400 });
    w.clock.advance(23 * HOUR * 1000);
    const r = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    expect(r.attributes['Session-Timeout']).toBe(HOUR);
    w.clock.advance(HOUR * 1000);
    const late = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    expect(late.accepted).toBe(false);
    expect(late.attributes['Reply-Message']).toMatch(/expired/);
  });

  it('used up → Disconnect while online, and further logins are refused as expired', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01912345678', { clock: 'onlineTime', validitySeconds: 1800 });
    const r = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    const s = await w.nas.startSession({ username: c.username, mac: MAC, ip: IP, classValue: r.classValue });
    await w.nas.interim(s, 10, 10, 1200);
    expect(sub(w, c.subscriptionId).status).toBe('active');
    const got = w.nas.nextDisconnect();
    await w.nas.interim(s, 10, 10, 600);
    expect((await got).answered).toBe('ack');
    expect(sub(w, c.subscriptionId)).toMatchObject({ status: 'expired', seconds_used: 1800 });
    const again = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    expect(again.accepted).toBe(false);
    expect(again.attributes['Reply-Message']).toMatch(/expired/);
    await w.engine.radius.flushAuthLog();
    const log = await w.ok('authLog.list', { result: 'reject' });
    expect(log.items[0]!.reason).toBe('expired');
  });
});
