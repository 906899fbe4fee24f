import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src-main/errors';
import { SentenceReader, encodeSentence, encodeWord } from '../virtual-mikrotik/apiWire';
import { API_PASSWORD, RADIUS_SECRET, logFileIn, readLog, routerOsRig, startSimulator } from '../virtual-mikrotik/routerosRig';
import { tmpDir } from '../helpers/tmp';

// Every fault of the simulator must come back as a coded error, leave the process alive and
// the next call working. An uncaught exception anywhere would fail this file (vitest reports
// it); we also count them ourselves to be explicit.

let uncaught: unknown[] = [];
const onUncaught = (e: unknown) => uncaught.push(e);
beforeEach(() => {
  uncaught = [];
  process.on('uncaughtException', onUncaught);
});
afterEach(() => {
  process.off('uncaughtException', onUncaught);
  expect(uncaught).toEqual([]);
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
  return 'no error';
}

describe('RouterOS faults become coded errors', () => {
  it('wrong password → ROUTER_AUTH_FAILED, recorded in the router status', async () => {
    const sim = await startSimulator();
    const rig = await routerOsRig();
    const r = rig.addRouter(sim, { apiPassword: 'wrong' });
    expect(await codeOf(rig.ros.test(r.id))).toBe('ROUTER_AUTH_FAILED');
    expect(rig.statusOf(r.id)).toMatchObject({ status_reachable: 0, status_last_error: expect.stringMatching(/refused the API user name or password/) });
    // Fixing the password in the settings takes effect on the next call (new connection).
    rig.routers.update(r.id, { apiPassword: API_PASSWORD });
    expect((await rig.ros.test(r.id)).identity).toBe('MikroTik');
    expect(rig.statusOf(r.id)).toMatchObject({ status_reachable: 1, status_last_error: null });
  });

  it('API service disabled → ROUTER_API_DISABLED; re-enabled → works again', async () => {
    const sim = await startSimulator();
    const rig = await routerOsRig();
    const r = rig.addRouter(sim);
    expect((await rig.ros.activeSessions(r.id))).toEqual([]);
    await sim.setApiEnabled(false);
    expect(await codeOf(rig.ros.activeSessions(r.id))).toMatch(/ROUTER_(API_DISABLED|UNREACHABLE)/); // live connection dropped
    expect(await codeOf(rig.ros.activeSessions(r.id))).toBe('ROUTER_API_DISABLED'); // reconnect refused
    await sim.setApiEnabled(true);
    expect(await rig.ros.activeSessions(r.id)).toEqual([]);
  });

  it('router hangs at login → ROUTER_TIMEOUT', async () => {
    const sim = await startSimulator();
    sim.faults.hangLogin = true;
    const rig = await routerOsRig({ timeouts: { connectTimeoutMs: 400 } });
    const r = rig.addRouter(sim);
    expect(await codeOf(rig.ros.test(r.id))).toBe('ROUTER_TIMEOUT');
    sim.faults.hangLogin = false;
    expect((await rig.ros.test(r.id)).identity).toBe('MikroTik');
  });

  it('router hangs on a command → ROUTER_TIMEOUT, and the next call reconnects', async () => {
    const sim = await startSimulator();
    const rig = await routerOsRig({ timeouts: { callTimeoutMs: 400 } });
    const r = rig.addRouter(sim);
    await rig.ros.activeSessions(r.id);
    sim.faults.hangCommand = '/ip/hotspot/active';
    expect(await codeOf(rig.ros.activeSessions(r.id))).toBe('ROUTER_TIMEOUT');
    expect(rig.statusOf(r.id).status_reachable).toBe(0);
    sim.faults.hangCommand = null;
    expect(await rig.ros.activeSessions(r.id)).toEqual([]);
  });

  it('connection dropped mid-reply → ROUTER_UNREACHABLE, then recovers', async () => {
    const sim = await startSimulator({ withHotspot: true });
    for (let i = 0; i < 20; i++) sim.state.insert('/ip/hotspot/active', { user: `u${i}`, address: `10.5.50.${i + 2}`, 'mac-address': `AA:BB:CC:00:00:${String(i).padStart(2, '0')}` });
    const rig = await routerOsRig();
    const r = rig.addRouter(sim);
    sim.faults.dropMidReply = '/ip/hotspot/active/print';
    expect(await codeOf(rig.ros.activeSessions(r.id))).toBe('ROUTER_UNREACHABLE');
    sim.faults.dropMidReply = null;
    expect(await rig.ros.activeSessions(r.id)).toHaveLength(20);
  });

  it('!fatal closes only that router\'s connection', async () => {
    const simA = await startSimulator();
    const simB = await startSimulator();
    const rig = await routerOsRig();
    const a = rig.addRouter(simA);
    const b = rig.addRouter(simB);
    await rig.ros.activeSessions(a.id);
    await rig.ros.activeSessions(b.id);
    expect(rig.ros.status().connectedRouters).toBe(2);
    simA.faults.fatalOn = '/ip/hotspot/active';
    expect(await codeOf(rig.ros.activeSessions(a.id))).toBe('ROUTER_UNREACHABLE');
    expect(await rig.ros.activeSessions(b.id)).toEqual([]);
    expect(rig.ros.status().connectedRouters).toBe(1);
    simA.faults.fatalOn = null;
    expect(await rig.ros.activeSessions(a.id)).toEqual([]);
  });

  it('background work backs off after a failed connect; the owner\'s click always retries', async () => {
    const sim = await startSimulator();
    const rig = await routerOsRig();
    const r = rig.addRouter(sim, { apiPassword: 'wrong' });
    expect(await codeOf(rig.ros.kickSession(r.id, { ip: '10.5.50.2' }))).toBe('ROUTER_AUTH_FAILED');
    const tries = sim.acceptedCount();
    expect(await codeOf(rig.ros.kickSession(r.id, { ip: '10.5.50.2' }))).toBe('ROUTER_AUTH_FAILED');
    await rig.ros.pollOnce();
    expect(sim.acceptedCount()).toBe(tries); // within the backoff window: no new connection
    expect(await codeOf(rig.ros.test(r.id))).toBe('ROUTER_AUTH_FAILED');
    expect(sim.acceptedCount()).toBe(tries + 1);
  });

  it('the status poll records identity and version; stop() closes every connection', async () => {
    const sim = await startSimulator({ identity: 'Gate-AP', version: '7.16.1' });
    const rig = await routerOsRig();
    const r = rig.addRouter(sim);
    await rig.ros.pollOnce();
    expect(rig.statusOf(r.id)).toMatchObject({ status_reachable: 1, status_identity: 'Gate-AP', status_version: '7.16.1 (stable)', status_last_sync_at: expect.any(Number) });
    expect(sim.connectionCount()).toBe(1);
    await rig.ros.stop();
    expect(rig.ros.status()).toMatchObject({ running: false, connectedRouters: 0, clientPatched: true });
    await new Promise<void>((resolve) => {
      const check = () => (sim.connectionCount() === 0 ? resolve() : setImmediate(check));
      check();
    });
  });

  it('unreachable host → ROUTER_UNREACHABLE', async () => {
    const rig = await routerOsRig({ timeouts: { connectTimeoutMs: 500 } });
    // `.invalid` never resolves (RFC 6761). (A blackholed IP is refused outright by this sandbox's
    // network, so it cannot stand in for a silent host here; mapRosError's unit test covers those.)
    const r = rig.addRouter(null, { host: 'router.invalid', apiPort: 8728 });
    expect(await codeOf(rig.ros.test(r.id))).toBe('ROUTER_UNREACHABLE');
    expect(rig.statusOf(r.id)).toMatchObject({ status_reachable: 0 });
  });

  it('router without API settings → ROUTER_NOT_CONFIGURED', async () => {
    const rig = await routerOsRig();
    const r = rig.addRouter(null, { host: null, apiUser: null });
    expect(await codeOf(rig.ros.test(r.id))).toBe('ROUTER_NOT_CONFIGURED');
  });

  it('!empty on 7.18+: the wire really carries it, and an empty print is []', async () => {
    const sim = await startSimulator({ version: '7.18.2' });
    // Raw look at the wire, so this test is not vacuous.
    const words = await rawExchange(sim.port(), [['/login', '=name=admin', `=password=${API_PASSWORD}`], ['/ip/hotspot/active/print', '.tag=7']]);
    expect(words).toContain('!empty');
    const rig = await routerOsRig();
    const r = rig.addRouter(sim);
    expect(await rig.ros.activeSessions(r.id)).toEqual([]);
    expect((await rig.ros.walledGarden(r.id)).entries.length).toBeGreaterThan(0);
    // Every empty menu of a fresh configure (radius, walled garden …) also goes through !empty.
    expect((await rig.ros.pushWalledGarden(r.id)).added.length).toBeGreaterThan(0);
  });

  it('garbage from a router never crashes the process', async () => {
    const sim = await startSimulator();
    const rig = await routerOsRig({ timeouts: { callTimeoutMs: 400 } });
    const r = rig.addRouter(sim);
    const cases: Array<(tag: string | undefined) => Buffer> = [
      (tag) => encodeSentence(['!weird', '=x=1', `.tag=${tag}`]), // unknown reply word
      (tag) => encodeSentence(['!fatal', `.tag=${tag}`, 'tagged fatal']), // tagged !fatal
      () => encodeSentence(['!re', '=a=1', '.tag=nobody-waits-for-this']), // unknown tag
      () => encodeSentence(['!done', '.tag=nobody']),
      () => Buffer.from([0xf8, 0xff, 0xff, 0x00]), // reserved control bytes
      () => Buffer.concat([encodeWord('!re'), Buffer.from([0xf0, 0x7f, 0xff, 0xff, 0xff]), Buffer.from('abc')]), // 2 GB word announced
      () => Buffer.from('not the api at all\r\n'),
      (tag) => encodeSentence(['!re', '=.id=*1', '=user', `.tag=${tag}`]), // half a row, no !done
    ];
    for (const bytes of cases) {
      sim.faults.rawReply = { command: '/ip/hotspot/active/print', bytes };
      const code = await codeOf(rig.ros.activeSessions(r.id));
      expect(code).toMatch(/^ROUTER_(TIMEOUT|UNREACHABLE|TRAP)$/);
      sim.faults.rawReply = null;
      expect(await rig.ros.activeSessions(r.id)).toEqual([]);
    }
  });

  it('api-ssl (TLS) on an explicit port', async () => {
    const dir = tmpDir();
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=router', '-days', '1'], { stdio: 'ignore' });
    const sim = await startSimulator({ tls: { key: fs.readFileSync(key), cert: fs.readFileSync(cert) } });
    const rig = await routerOsRig();
    const r = rig.addRouter(sim, { apiTls: true });
    expect((await rig.ros.test(r.id)).identity).toBe('MikroTik');
    // Plain API against the TLS port fails cleanly.
    const plain = rig.addRouter(sim, { apiTls: false });
    expect(await codeOf(rig.ros.test(plain.id))).toMatch(/^ROUTER_/);
  });

  it('never logs the API password or the RADIUS secret', async () => {
    const dir = tmpDir();
    const logFile = logFileIn(dir);
    const sim = await startSimulator({ withHotspot: true });
    const rig = await routerOsRig({ logFile });
    const r = rig.addRouter(sim);
    await rig.ros.configure(r.id);
    const bad = rig.addRouter(sim, { apiPassword: 'Sup3rS3cretPw' });
    await codeOf(rig.ros.test(bad.id));
    sim.faults.hangCommand = '/ip/hotspot/active';
    await codeOf(rig.ros.activeSessions(r.id));
    const text = readLog(logFile);
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(API_PASSWORD);
    expect(text).not.toContain('Sup3rS3cretPw');
    expect(text).not.toContain(RADIUS_SECRET);
  });
});

/** Sends sentences on a raw socket and collects the words of the replies (login + one command). */
function rawExchange(port: number, sentences: string[][]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    const reader = new SentenceReader();
    const words: string[] = [];
    sock.on('data', (d: Buffer) => {
      for (const s of reader.push(d)) words.push(...s);
      // Two !done sentences: the login's and the print's.
      if (words.filter((w) => w === '!done').length >= 2) {
        sock.destroy();
        resolve(words);
      }
    });
    sock.on('error', reject);
    sock.on('connect', () => {
      for (const s of sentences) sock.write(encodeSentence(s));
    });
  });
}
