import crypto from 'node:crypto';
import dgram from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { radiusWorld, until } from '../helpers/radius';

/**
 * Fuzzing: random and mutated datagrams from the registered router's address (so they get past
 * the NAS lookup into decoding, authenticator checks and accounting) and from a stranger, on both
 * ports. 100,000 packets in all; afterwards the server still answers a valid login and its
 * counters account for every datagram.
 */
const MAC = '30:39:26:86:CC:EA';

function mutate(seed: Buffer): Buffer {
  const b = Buffer.from(seed);
  switch (crypto.randomInt(6)) {
    case 0: // flip a few bytes
      for (let k = crypto.randomInt(1, 8); k > 0; k--) b[crypto.randomInt(b.length)] = crypto.randomInt(256);
      return b;
    case 1: // truncate
      return b.subarray(0, crypto.randomInt(b.length));
    case 2: // lie about the length
      b.writeUInt16BE(crypto.randomInt(65536), 2);
      return b;
    case 3: // break an attribute length
      b[20 + crypto.randomInt(Math.max(1, b.length - 21))] = crypto.randomInt(3);
      return b;
    case 4: // append junk / oversize
      return Buffer.concat([b, crypto.randomBytes(crypto.randomInt(1, 5000))]);
    default: // random code
      b[0] = crypto.randomInt(256);
      return b;
  }
}

describe('RADIUS fuzzing over UDP', () => {
  it('100,000 random and mutated packets: nothing crashes, every datagram is counted, a valid login still works', async () => {
    const w = await radiusWorld();
    const c = await w.customer('01712345678');
    const seeds = [
      w.nas.buildAccessRequest({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: '10.5.50.2' }),
      w.nas.buildAccessRequest({ username: c.username, password: c.password, method: 'chap', mac: MAC, ip: '10.5.50.2' }),
      w.nas.buildAccounting({ acctSessionId: '80f00001', username: c.username, mac: MAC, ip: '10.5.50.2', input: 5n, output: 9n, time: 1, stopped: false }, 'Interim-Update'),
    ];
    const sock = dgram.createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
    const total = 100_000;
    const batch = 200;
    let sentAuth = 0;
    let sentAcct = 0;
    try {
      for (let i = 0; i < total; i += batch) {
        const sends: Promise<void>[] = [];
        for (let k = 0; k < batch; k++) {
          const n = i + k;
          const pkt = n % 5 === 0 ? crypto.randomBytes(crypto.randomInt(0, 300)) : mutate(seeds[n % 3]!);
          const toAcct = n % 2 === 1;
          if (toAcct) sentAcct++;
          else sentAuth++;
          sends.push(new Promise((r) => sock.send(pkt, toAcct ? w.ports.acct! : w.ports.auth!, '127.0.0.1', () => r())));
        }
        await Promise.all(sends);
        // Pace by the server's own count (no sleeps): the kernel buffer never overflows.
        await until(() => {
          const s = w.engine.radius.status();
          return s.authRequests === sentAuth && s.acctRequests === sentAcct;
        }, `server to process ${i + batch} datagrams`);
      }
    } finally {
      sock.close();
    }
    const st = await w.ok('radius.status');
    expect(st.authRequests + st.acctRequests).toBe(total);
    const dropped = Object.values(st.dropped as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(dropped).toBeGreaterThan(total * 0.9);
    expect(st.dropped.internal_error).toBe(0);
    expect(st.dropped.db_error).toBe(0);
    // Still serving, with the right answer.
    const r = await w.nas.login({ username: c.username, password: c.password, method: 'pap', mac: MAC, ip: '10.5.50.2' });
    expect(r.accepted).toBe(true);
    // The drop lines in the auth log stayed rate limited.
    expect((await w.ok('authLog.list', { result: 'drop' })).total).toBeLessThan(100);
  });
});
