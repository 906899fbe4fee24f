import dgram from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { radiusWorld, SECRET, GiB, until } from '../helpers/radius';
import type { Input } from '../../src-shared/api';
import { VirtualNas } from '../virtual-mikrotik/nas';
import { createRadiusServer } from '../../src-main/radius';

const MAC = '30:39:26:86:CC:EA';
const IP = '10.5.50.10';

describe('RADIUS authentication over UDP (virtual MikroTik NAS)', () => {
  it('HTTP-PAP login: Accept carries the package limits, Class and a valid Message-Authenticator', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01712345678', { validitySeconds: 3600, dataLimitBytes: 5 * GiB, downloadBps: 5_000_000, uploadBps: 2_000_000 });
    const r = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    expect(r.code).toBe('Access-Accept');
    expect(r.attributes['Session-Timeout']).toBe(3600);
    expect(r.attributes['Acct-Interim-Interval']).toBe(60);
    expect(r.attributes['Idle-Timeout']).toBe(300);
    expect(r.classValue).toBe(String(c.subscriptionId));
    expect(r.vsa['Mikrotik-Rate-Limit']).toBe('2M/5M');
    // 5 GiB = 1 gigaword + 1 GiB: above 4 GiB the limit needs the Gigawords twin.
    expect(r.vsa['Mikrotik-Total-Limit-Gigawords']).toBe(1);
    expect(r.vsa['Mikrotik-Total-Limit']).toBe(GiB);
    // A settings change applies to the very next Accept; idle timeout 0 means none is sent.
    await w.ok('settings.update', { network: { acctInterimInterval: 120, idleTimeout: 0 } });
    const again = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    expect(again.attributes['Acct-Interim-Interval']).toBe(120);
    expect(again.attributes['Idle-Timeout']).toBeUndefined();
  });

  it('HTTP-CHAP login with CHAP-Challenge; wrong CHAP response is rejected as bad_password', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01812345678', { dataLimitBytes: 2 * GiB });
    const ok = await w.nas.login({ username: c.username, password: c.password, method: 'chap', mac: MAC, ip: IP });
    expect(ok.code).toBe('Access-Accept');
    expect(ok.vsa['Mikrotik-Total-Limit']).toBe(2 * GiB);
    expect(ok.vsa['Mikrotik-Total-Limit-Gigawords']).toBeUndefined();
    const bad = await w.nas.login({ username: c.username, password: 'nope', method: 'chap', mac: MAC, ip: IP });
    expect(bad.code).toBe('Access-Reject');
    expect(bad.attributes['Reply-Message']).toMatch(/Wrong password/);
  });

  it('binds the MAC on the first credential login; then MAC auth works in every RouterOS format', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01912345678');
    const before = await w.nas.login({ username: MAC, password: '', method: 'mac', mac: MAC, ip: IP });
    expect(before.code).toBe('Access-Reject'); // not bound yet: unknown_user
    expect((await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP })).accepted).toBe(true);
    const cust = await w.ok('customers.get', { id: c.customerId });
    expect(cust.devices.map((d: { mac: string }) => d.mac)).toEqual([MAC]);
    for (const u of [MAC, MAC.toLowerCase(), MAC.replace(/:/g, '-'), MAC.replace(/:/g, '')]) {
      // mac-as-username (empty password) and mac-as-username-and-password (the MAC itself)
      expect((await w.nas.login({ username: u, password: '', method: 'mac', mac: MAC, ip: IP })).accepted).toBe(true);
      expect((await w.nas.login({ username: u, password: u, method: 'mac', mac: MAC, ip: IP })).accepted).toBe(true);
    }
    // A MAC login naming another device's MAC from a different client is refused.
    const spoof = await w.nas.login({ username: MAC, password: '', method: 'mac', mac: '00:11:22:33:44:55', ip: IP });
    expect(spoof.accepted).toBe(false);
    const wrongPw = await w.nas.login({ username: MAC, password: 'x', method: 'mac', mac: MAC, ip: IP });
    expect(wrongPw.accepted).toBe(false);
  });

  it('rejects with each reason, and writes it to the auth log', async () => {
    const w = await radiusWorld();
    const login = (username: string, password: string, mac = MAC) => w.nas.login({ username, password, method: 'pap', mac, ip: IP });
    const reasons: Record<string, string> = {};

    expect((await login('01700000000', 'x')).accepted).toBe(false);
    reasons.unknown_user = '01700000000';

    const a = await w.customer('01711111111');
    expect((await login(a.username, 'wrong')).accepted).toBe(false);
    reasons.bad_password = a.username;

    const b = await w.ok('customers.create', { phone: '01722222222' });
    expect((await login(b.hotspotUsername, b.hotspotPassword)).accepted).toBe(false);
    reasons.no_active_package = b.hotspotUsername;

    const e = await w.customer('01733333333', { validitySeconds: 60 });
    w.clock.advance(61_000);
    const expired = await login(e.username, e.password);
    expect(expired.attributes['Reply-Message']).toMatch(/expired/);
    reasons.expired = e.username;

    const x = await w.customer('01744444444', { dataLimitBytes: 1000, validitySeconds: null });
    w.engine.billing.chargeUsage(x.subscriptionId, 1000);
    expect((await login(x.username, x.password)).attributes['Reply-Message']).toMatch(/data is used up/);
    reasons.data_exhausted = x.username;

    const d = await w.customer('01755555555');
    await w.ok('customers.update', { id: d.customerId, status: 'disabled' });
    expect((await login(d.username, d.password)).attributes['Reply-Message']).toMatch(/disabled/);
    reasons.disabled = d.username;

    const other = await w.ok('routers.create', { name: 'elsewhere', nasIp: '10.9.9.9', secret: 'another-secret' });
    const r = await w.customer('01766666666', { routerIds: [other.id] });
    expect((await login(r.username, r.password)).attributes['Reply-Message']).toMatch(/not valid on this WiFi/);
    reasons.wrong_router = r.username;

    const dl = await w.customer('01777777777', { devices: 1 });
    const l1 = await login(dl.username, dl.password, '02:00:00:00:00:01');
    expect(l1.accepted).toBe(true);
    await w.nas.startSession({ username: dl.username, mac: '02:00:00:00:00:01', ip: '10.5.50.11', classValue: l1.classValue });
    expect((await login(dl.username, dl.password, '02:00:00:00:00:02')).attributes['Reply-Message']).toMatch(/no more devices/);
    reasons.device_limit = dl.username;
    // The same device logging in again is not a second device.
    expect((await login(dl.username, dl.password, '02:00:00:00:00:01')).accepted).toBe(true);

    const status = await w.ok('radius.status');
    for (const [reason, username] of Object.entries(reasons)) {
      expect(status.rejectsByReason[reason as keyof typeof status.rejectsByReason], reason).toBeGreaterThanOrEqual(1);
      const log = await w.ok('authLog.list', { username, reason: reason as Input<'authLog.list'>['reason'] });
      expect(log.total, reason).toBeGreaterThanOrEqual(1);
      expect(log.items[0]).toMatchObject({ result: 'reject', reason, routerId: w.routerId });
    }
    expect((await w.ok('authLog.list', { result: 'accept' })).total).toBeGreaterThanOrEqual(2);
  });

  it('a device reserved by an Accept counts toward the limit before its Accounting-Start', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01788888888', { devices: 1 });
    const login = (mac: string) => w.nas.login({ username: c.username, password: c.password, method: 'pap', mac, ip: IP });
    expect((await login('02:00:00:00:00:0A')).accepted).toBe(true);
    expect((await login('02:00:00:00:00:0B')).accepted).toBe(false);
  });

  it('drops Access-Requests without Message-Authenticator when the router requires it, and logs it', async () => {
    const w = await radiusWorld({ nas: { messageAuthenticator: false } });
    const c = await w.customer('01512345678');
    const req = w.nas.buildAccessRequest({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    w.nas.opts.tries = 1;
    w.nas.opts.timeoutMs = 100;
    expect(await w.nas.exchange(req, w.ports.auth!)).toBeNull();
    const status = await w.ok('radius.status');
    expect(status.dropped.missing_message_authenticator).toBe(1);
    expect((await w.ok('authLog.list', { reason: 'missing_message_authenticator' })).total).toBe(1);
    // The same router with the requirement switched off is answered (and the answer is signed).
    await w.ok('routers.update', { id: w.routerId, requireMessageAuthenticator: false });
    w.nas.opts.tries = 3;
    const r = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    expect(r.accepted).toBe(true);
  });

  it('drops packets from unknown NAS addresses and with a wrong secret; logs unknown_nas rate-limited', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01612345678');
    const stranger = new VirtualNas({ nasIp: '127.0.0.9', secret: SECRET, server: { host: '127.0.0.1', authPort: w.ports.auth!, acctPort: w.ports.acct! }, tries: 1, timeoutMs: 100 });
    await stranger.start();
    try {
      for (let i = 0; i < 15; i++) {
        const req = stranger.buildAccessRequest({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
        await stranger.send(req, w.ports.auth!);
      }
      const wrong = w.nas.buildAccessRequest({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP, secret: 'not-the-secret' });
      await w.nas.send(wrong, w.ports.auth!);
      await until(() => w.engine.radius.status().authRequests === 16, 'all 16 requests processed');
    } finally {
      await stranger.stop();
    }
    const status = await w.ok('radius.status');
    expect(status.dropped.unknown_nas).toBe(15);
    expect(status.dropped.bad_authenticator).toBe(1);
    const log = await w.ok('authLog.list', { reason: 'unknown_nas' });
    expect(log.total).toBe(10); // 10 lines a minute per source and reason
    expect(log.items[0]!.nasIp).toBe('127.0.0.9');
  });

  it('a retransmitted Access-Request gets the cached reply and is processed once', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01312345678');
    const req = w.nas.buildAccessRequest({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: IP });
    const sock = dgram.createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
    const replies: Buffer[] = [];
    sock.on('message', (m) => replies.push(m));
    try {
      sock.send(req, w.ports.auth!, '127.0.0.1');
      await until(() => replies.length === 1, 'first reply');
      sock.send(req, w.ports.auth!, '127.0.0.1');
      await until(() => replies.length === 2, 'second reply');
    } finally {
      sock.close();
    }
    expect(replies[1]!.equals(replies[0]!)).toBe(true);
    const status = await w.ok('radius.status');
    expect(status.accepts).toBe(1);
    expect(status.duplicates).toBe(1);
  });

  it('a reset hotspot password and a changed router secret take effect on the next request', async () => {
    // The engine keeps decrypted hotspot passwords (keyed by the sealed value) and router secrets
    // (reloaded on routers.changed) in memory; neither cache may outlive a change.
    const w = await radiusWorld();
    const c = await w.customer('01412345678');
    const login = (password: string, mac = MAC) => w.nas.login({ username: c.username, password, method: 'pap', mac, ip: IP });
    expect((await login(c.password)).accepted).toBe(true); // the old password is now cached
    const reset = await w.ok('customers.update', { id: c.customerId, resetHotspotPassword: true });
    expect(reset.hotspotPassword).not.toBe(c.password);
    expect((await login(c.password)).accepted).toBe(false);
    expect((await login(reset.hotspotPassword)).accepted).toBe(true);

    await w.ok('routers.update', { id: w.routerId, secret: 'router-secret-2' });
    w.nas.opts.tries = 1;
    w.nas.opts.timeoutMs = 200;
    const before = w.engine.radius.status().dropped.bad_authenticator ?? 0;
    expect(await w.nas.exchange(w.nas.buildAccessRequest({ username: c.username, password: reset.hotspotPassword, method: 'pap', mac: MAC, ip: IP }), w.ports.auth!)).toBeNull();
    expect(w.engine.radius.status().dropped.bad_authenticator).toBe(before + 1); // old secret: dropped
    w.nas.opts.secret = 'router-secret-2';
    w.nas.opts.tries = 3;
    expect((await login(reset.hotspotPassword)).accepted).toBe(true);
  });

  it('start() fails with PORT_IN_USE when the auth port is taken', async () => {
    const w = await radiusWorld();
    const again = createRadiusServer({ ...w.engine.deps, config: { ...w.engine.config, radiusAuthPort: w.ports.auth! }, billing: w.engine.billing, routers: w.engine.routers });
    await expect(again.start()).rejects.toMatchObject({ code: 'PORT_IN_USE' });
    expect(again.status().listening).toBe(false);
  });
});
