import dgram from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { radiusWorld, GiB, until } from '../helpers/radius';

const MAC = '30:39:26:86:CC:EA';
const IP = '10.5.50.10';
const MB = 1_000_000;

async function online(w: Awaited<ReturnType<typeof radiusWorld>>, phone: string, pkg: Record<string, unknown> = {}, mac = MAC, ip = IP) {
  const c = await w.customer(phone, pkg);
  const r = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac, ip });
  expect(r.accepted).toBe(true);
  const s = await w.nas.startSession({ username: c.username, mac, ip, classValue: r.classValue });
  return { c, s };
}

const bytesUsed = (w: Awaited<ReturnType<typeof radiusWorld>>, subId: number) =>
  (w.engine.db.prepare('SELECT bytes_used FROM subscriptions WHERE id = ?').get(subId) as { bytes_used: number }).bytes_used;

describe('RADIUS accounting over UDP', () => {
  it('Start / Interim / Stop: the subscription is charged each delta once; sessions.list shows it', async () => {
    const w = await radiusWorld();
    const { c, s } = await online(w, '01712345678', { dataLimitBytes: 100 * GiB });
    let list = await w.ok('sessions.list', {});
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ acctSessionId: s.acctSessionId, customerId: c.customerId, subscriptionId: c.subscriptionId, mac: MAC, ip: IP, status: 'online', phone: '+8801712345678' });
    expect((await w.ok('dashboard.summary')).online).toBe(1);

    await w.nas.interim(s, 1 * MB, 3 * MB);
    expect(bytesUsed(w, c.subscriptionId)).toBe(4 * MB);
    // Counters past 4 GiB arrive as octets + gigawords.
    await w.nas.interim(s, 5n * 2n ** 32n, 1 * MB);
    expect(bytesUsed(w, c.subscriptionId)).toBe(5 * MB + 5 * 2 ** 32);
    await w.nas.stopSession(s, 'User-Request');
    expect(bytesUsed(w, c.subscriptionId)).toBe(5 * MB + 5 * 2 ** 32);
    list = await w.ok('sessions.list', { status: 'all' });
    expect(list.items[0]).toMatchObject({ status: 'stopped', terminateCause: 'User-Request', inputBytes: 1 * MB + 5 * 2 ** 32, outputBytes: 4 * MB });
    expect((await w.ok('sessions.list', {})).total).toBe(0);
    const st = await w.ok('radius.status');
    expect(st.accounting).toMatchObject({ start: 1, interim: 2, stop: 1 });
  });

  it('a retransmitted Interim (same datagram) is answered from the cache and charged once', async () => {
    const w = await radiusWorld();
    const { c, s } = await online(w, '01812345678');
    s.input += 7n * BigInt(MB);
    s.time += 60;
    const pkt = w.nas.buildAccounting(s, 'Interim-Update');
    const sock = dgram.createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
    const replies: Buffer[] = [];
    sock.on('message', (m) => replies.push(m));
    try {
      // Three copies back to back: the 2nd and 3rd arrive while the 1st waits for its commit.
      for (let i = 0; i < 3; i++) sock.send(pkt, w.ports.acct!, '127.0.0.1');
      await until(() => replies.length >= 1, 'a reply');
      sock.send(pkt, w.ports.acct!, '127.0.0.1'); // and one after the reply
      await until(() => replies.length >= 2, 'the cached reply');
    } finally {
      sock.close();
    }
    expect(bytesUsed(w, c.subscriptionId)).toBe(7 * MB);
    expect(w.engine.radius.status().duplicates).toBe(3);
  });

  it('a reordered (older) Interim and a replay with a new identifier charge nothing twice', async () => {
    const w = await radiusWorld();
    const { c, s } = await online(w, '01912345678');
    await w.nas.interim(s, 0, 10 * MB);
    const older = w.nas.buildAccounting(s, 'Interim-Update');
    await w.nas.interim(s, 0, 5 * MB);
    await w.nas.account(older); // late copy of the earlier record (new id: past the duplicate cache)
    await w.nas.account(w.nas.buildAccounting(s, 'Interim-Update')); // the latest again
    expect(bytesUsed(w, c.subscriptionId)).toBe(15 * MB);
    const row = (await w.ok('sessions.list', {})).items[0];
    expect(row!.outputBytes).toBe(15 * MB);
  });

  it('a late Interim after the Stop neither reopens the session nor charges again', async () => {
    const w = await radiusWorld();
    const { c, s } = await online(w, '01412345678');
    await w.nas.interim(s, 1 * MB, 1 * MB);
    const late = w.nas.buildAccounting(s, 'Interim-Update');
    await w.nas.interim(s, 1 * MB, 1 * MB);
    await w.nas.stopSession(s);
    await w.nas.account(late);
    expect(bytesUsed(w, c.subscriptionId)).toBe(4 * MB);
    expect((await w.ok('sessions.list', { status: 'all' })).items[0]).toMatchObject({ status: 'stopped', inputBytes: 2 * MB });
  });

  it('Interim without a Start opens the session and charges its total', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01612345678');
    const r = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    const s = { acctSessionId: '80f0beef', username: c.username, mac: MAC, ip: IP, classValue: r.classValue, input: 2n * BigInt(MB), output: 0n, time: 30, stopped: false };
    await w.nas.account(w.nas.buildAccounting(s, 'Interim-Update'));
    expect(bytesUsed(w, c.subscriptionId)).toBe(2 * MB);
    expect((await w.ok('sessions.list', {})).items[0]!.acctSessionId).toBe('80f0beef');
  });

  it('Accounting-On (router reboot) closes every open session of that router only', async () => {
    const w = await radiusWorld();
    await online(w, '01512345678', {}, '02:00:00:00:00:01', '10.5.50.1');
    await online(w, '01512345679', {}, '02:00:00:00:00:02', '10.5.50.2');
    const second = await w.addNas({ nasIp: '127.0.0.2' });
    const c3 = await w.customer('01512345670');
    const r3 = await second.nas.login({ username: c3.username, password: c3.password, method: 'pap', mac: '02:00:00:00:00:03', ip: '10.5.50.3' });
    await second.nas.startSession({ username: c3.username, mac: '02:00:00:00:00:03', ip: '10.5.50.3', classValue: r3.classValue });
    expect((await w.ok('sessions.list', {})).total).toBe(3);
    await w.nas.reboot();
    const left = await w.ok('sessions.list', {});
    expect(left.total).toBe(1);
    expect(left.items[0]!.routerId).toBe(second.routerId);
    const closed = await w.ok('sessions.list', { status: 'stopped', routerId: w.routerId });
    expect(closed.items.map((i) => i.terminateCause)).toEqual(['Accounting-On', 'Accounting-On']);
  });

  it('sessions silent for 3 interim intervals are closed as stale', async () => {
    const w = await radiusWorld();
    const { s } = await online(w, '01312345678');
    w.clock.advance(3 * 60_000 - 1);
    expect(w.engine.radius.sweepStale()).toBe(0);
    w.clock.advance(2);
    expect(w.engine.radius.sweepStale()).toBe(1);
    expect((await w.ok('sessions.list', { status: 'stale' })).total).toBe(1);
    // It reports again (it was alive after all): online again, counters charged.
    await w.nas.interim(s, 1, 1);
    expect((await w.ok('sessions.list', {})).total).toBe(1);
  });
});

describe('enforcement: Disconnect-Request', () => {
  it('expiry by the billing scheduler (no packet) → Disconnect-Request → ACK and Stop', async () => {
    const w = await radiusWorld();
    const { c, s } = await online(w, '01712345678', { validitySeconds: 3600 });
    const got = w.nas.nextDisconnect();
    w.clock.advance(3600_000);
    w.engine.billing.scheduler.runNow();
    const d = await got;
    expect(d.answered).toBe('ack');
    expect(d.attributes).toMatchObject({ 'User-Name': c.username, 'Framed-IP-Address': IP, 'Acct-Session-Id': s.acctSessionId, 'NAS-IP-Address': '127.0.0.1' });
    await until(() => w.engine.radius.listSessions({}).total === 0, 'the Stop to close the session');
    const rows = w.engine.db.prepare('SELECT reason, outcome, attempts FROM disconnects').all();
    expect(rows).toEqual([{ reason: 'expired', outcome: 'ack', attempts: 1 }]);
    expect((await w.ok('sessions.list', { status: 'stopped' })).items[0]!.terminateCause).toBe('Admin-Reset');
  });

  it('data used up by accounting → Disconnect; the next login is rejected as data_exhausted', async () => {
    const w = await radiusWorld();
    const { c, s } = await online(w, '01812345678', { dataLimitBytes: 100 * MB, validitySeconds: null });
    const got = w.nas.nextDisconnect();
    await w.nas.interim(s, 20 * MB, 80 * MB);
    expect((await got).answered).toBe('ack');
    const again = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    expect(again.attributes['Reply-Message']).toMatch(/used up/);
  });

  it('a NAK falls back to the RouterOS API, and the outcome records which way worked', async () => {
    const w = await radiusWorld({ nas: { coaMode: 'nak' } });
    const { s } = await online(w, '01912345678');
    const id = (await w.ok('sessions.list', {})).items[0]!.id;
    const r = await w.ok('sessions.kick', { id });
    expect(r).toMatchObject({ sessionId: id, outcome: 'api_removed' });
    expect(r.detail).toMatch(/Disconnect-NAK \(Error-Cause 503\); RouterOS API removed/);
    expect(w.kicks).toEqual([{ routerId: w.routerId, match: { acctSessionId: s.acctSessionId, ip: IP, mac: MAC, user: s.username } }]);
    const st = await w.ok('radius.status');
    expect(st.disconnects).toMatchObject({ naked: 1, apiRemoved: 1, failed: 0 });
    expect(w.engine.db.prepare('SELECT outcome, reason FROM disconnects').get()).toEqual({ outcome: 'api_removed', reason: 'admin_kick' });
  });

  it('no answer: retries, then the API; when that fails too the outcome is failed', async () => {
    const w = await radiusWorld({ nas: { coaMode: 'ignore' }, apiKickResult: 'throw' });
    await online(w, '01612345678');
    const id = (await w.ok('sessions.list', {})).items[0]!.id;
    const r = await w.ok('sessions.kick', { id });
    expect(r.outcome).toBe('failed');
    expect(r.detail).toMatch(/no answer after 2 tries; RouterOS API failed: api unreachable/);
    expect(w.nas.disconnects).toHaveLength(2); // the original and one retransmit
    expect(w.engine.db.prepare('SELECT outcome, attempts FROM disconnects').get()).toEqual({ outcome: 'failed', attempts: 2 });
  });

  it('disabling a customer disconnects their sessions; kicking an unknown session is not_found', async () => {
    const w = await radiusWorld();
    const { c } = await online(w, '01512345678');
    const got = w.nas.nextDisconnect();
    await w.ok('customers.update', { id: c.customerId, status: 'disabled' });
    expect((await got).answered).toBe('ack');
    const r = await w.engine.call('sessions.kick', { id: 999 });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
