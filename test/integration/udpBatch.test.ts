import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { createUdpListener, type UdpListener } from '../../src-main/radius/transport';

/** The UDP listener's batch mode (used by the auth port): what one wakeup brings is handled together. */
const open: Array<UdpListener | dgram.Socket> = [];
afterEach(async () => {
  for (const x of open.splice(0)) {
    if ('stop' in x) await x.stop();
    else x.close();
  }
});

async function client() {
  const c = dgram.createSocket('udp4');
  open.push(c);
  await new Promise<void>((r) => c.bind(0, '127.0.0.1', r));
  const got: string[] = [];
  c.on('message', (m) => got.push(m.toString()));
  return { c, got };
}

function until(cond: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const t = setInterval(() => {
      if (cond()) {
        clearInterval(t);
        resolve();
      }
    }, 2);
  });
}

describe('UDP listener, batch mode', () => {
  it('datagrams that arrive together are handled in one batch, each answered, in order', async () => {
    const batches: number[] = [];
    let inBatch = 0;
    const l = createUdpListener({
      bind: '127.0.0.1', port: 0, name: 'test', onError: (e) => { throw e; },
      handler: (msg) => {
        inBatch++;
        return Buffer.from(`re:${msg.toString()}`);
      },
      batch: (run) => {
        inBatch = 0;
        run();
        batches.push(inBatch);
      },
    });
    open.push(l);
    await l.start();
    const { c, got } = await client();
    // Sent back to back without yielding: all 20 are in the socket's queue before the server reads.
    for (let i = 0; i < 20; i++) c.send(`m${i}`, l.port()!, '127.0.0.1');
    await until(() => got.length === 20);
    expect(got).toEqual(Array.from({ length: 20 }, (_, i) => `re:m${i}`));
    expect(batches.reduce((a, b) => a + b, 0)).toBe(20);
    expect(Math.max(...batches)).toBeGreaterThan(1);
  });

  it('a handler error is reported and the rest of the batch is still answered', async () => {
    const errors: string[] = [];
    const l = createUdpListener({
      bind: '127.0.0.1', port: 0, name: 'test', onError: (e) => errors.push((e as Error).message),
      handler: (msg) => {
        if (msg.toString() === 'bad') throw new Error('handler bug');
        return Buffer.from(`re:${msg.toString()}`);
      },
      batch: (run) => run(),
    });
    open.push(l);
    await l.start();
    const { c, got } = await client();
    for (const m of ['a', 'bad', 'b']) c.send(m, l.port()!, '127.0.0.1');
    await until(() => got.length === 2);
    expect(got).toEqual(['re:a', 're:b']);
    expect(errors).toEqual(['handler bug']);
  });

  it('stop then start: a datagram sent before the stop is not answered, the new socket is', async () => {
    const l = createUdpListener({
      bind: '127.0.0.1', port: 0, name: 'test', onError: (e) => { throw e; },
      handler: (msg) => Buffer.from(`re:${msg.toString()}`),
      batch: (run) => run(),
    });
    open.push(l);
    await l.start();
    const { c, got } = await client();
    c.send('old', l.port()!, '127.0.0.1');
    await l.stop();
    await l.start();
    c.send('new', l.port()!, '127.0.0.1');
    await until(() => got.includes('re:new'));
    expect(got).not.toContain('re:old');
  });
});
