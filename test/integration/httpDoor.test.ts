import { afterEach, describe, expect, it } from 'vitest';
import type http from 'node:http';
import net from 'node:net';
import { createHttpDoor, type HttpDoor } from '../../src-main/httpDoor';
import { createEngine } from '../../src-main/engine';
import { silentLogger } from '../../src-main/log';
import { testConfig } from '../helpers/engine';

const hello: http.RequestListener = (_req, res) => {
  res.end('hello');
};

const doors: HttpDoor[] = [];
const blockers: net.Server[] = [];
afterEach(async () => {
  for (const d of doors.splice(0)) await d.stop();
  for (const b of blockers.splice(0)) await new Promise((r) => b.close(r));
});

function door(port = 0, app = hello): HttpDoor {
  const d = createHttpDoor({ name: 'portal', app, host: '127.0.0.1', port, flag: '--portal-port' });
  doors.push(d);
  return d;
}

async function takenPort(): Promise<number> {
  const b = net.createServer();
  blockers.push(b);
  await new Promise<void>((r) => b.listen(0, '127.0.0.1', r));
  return (b.address() as net.AddressInfo).port;
}

describe('HTTP door', () => {
  it('serves its app and reports the bound port and URL', async () => {
    const d = door();
    expect(d.url()).toBeNull();
    await d.start();
    expect(d.port()).toBeGreaterThan(0);
    expect(d.url()).toBe(`http://127.0.0.1:${d.port()}/`);
    expect(await (await fetch(d.url()!)).text()).toBe('hello');
    expect(d.status()).toEqual({ listening: true, url: d.url() });
  });

  it('a taken port is PORT_IN_USE naming the door and the flag that moves it', async () => {
    const port = await takenPort();
    const err = await door(port).start().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PORT_IN_USE' });
    expect((err as Error).message).toContain(`Port ${port} on 127.0.0.1 is already in use (portal)`);
    expect((err as Error).message).toContain('--portal-port');
  });

  it('an address it cannot bind is BIND_FAILED naming the door', async () => {
    // TEST-NET-1 (RFC 5737) is never a local address: EADDRNOTAVAIL.
    const d = createHttpDoor({ name: 'portal', app: hello, host: '192.0.2.1', port: 0, flag: '--portal-port' });
    const err = await d.start().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BIND_FAILED' });
    expect((err as Error).message).toMatch(/^Cannot listen on 192\.0\.2\.1:0 \(portal\)/);
  });

  it('stop closes connections still open (a request in flight) and releases the port, which can be listened on again', async () => {
    // A phone that never finishes its request must not hold stop(): close() alone waits for it.
    let received!: () => void;
    const inFlight = new Promise<void>((r) => (received = r));
    const d = door(0, (req) => {
      if (req.url === '/hang') received();
      // never answers
    });
    await d.start();
    const port = d.port()!;
    const hung = fetch(`${d.url()}hang`).then(() => 'answered', () => 'connection closed');
    await inFlight;
    await d.stop();
    expect(await hung).toBe('connection closed');
    expect(d.url()).toBeNull();
    expect(d.status().listening).toBe(false);
    const again = door(port);
    await again.start();
    expect(again.port()).toBe(port);
    expect(await (await fetch(again.url()!)).text()).toBe('hello');
  });

  it('stop before start and a second stop are harmless', async () => {
    const d = door();
    await d.stop();
    await d.start();
    await d.stop();
    await d.stop();
    expect(d.port()).toBeNull();
  });
});

describe('engine doors', () => {
  it('the engine serves a portal app on bind:portalPort and closes it on stop', async () => {
    const engine = await createEngine(testConfig(), { log: silentLogger(), portal: { app: () => hello } });
    await engine.start();
    try {
      const url = engine.portal!.url()!;
      expect(await (await fetch(url)).text()).toBe('hello');
      expect(engine.status()).toMatchObject({ portal: { listening: true, url } });
    } finally {
      await engine.stop();
    }
    expect(engine.portal!.url()).toBeNull();
  });

  it('by default the engine serves the real portal (the router pages); disabled, there is no portal door', async () => {
    const real = await createEngine(testConfig(), { log: silentLogger() });
    try {
      await real.start();
      const res = await fetch(`${real.portal!.url()!}router/login.html`);
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/^router: give the router id/);
    } finally {
      await real.stop();
    }
    const engine = await createEngine(testConfig(), { log: silentLogger(), portal: { enabled: false } });
    try {
      expect(engine.portal).toBeNull();
      expect(engine.status()).not.toHaveProperty('portal');
    } finally {
      await engine.stop();
    }
  });

  it('a taken portal port fails engine.start with PORT_IN_USE naming --portal-port, and stops what had started', async () => {
    const port = await takenPort();
    const engine = await createEngine(testConfig({ portalPort: port }), { log: silentLogger(), portal: { app: () => hello } });
    const err = await engine.start().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PORT_IN_USE' });
    expect((err as Error).message).toContain('--portal-port');
    expect(engine.status()).toEqual({ state: 'stopped' });
  });
});
