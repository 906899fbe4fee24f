import { describe, expect, it } from 'vitest';
import { Receiver, Transmitter } from 'node-routeros';
import { SentenceReader, decodeLength, encodeLength, encodeSentence } from '../virtual-mikrotik/apiWire';
import { matchesQuery } from '../virtual-mikrotik/apiQuery';

// Word-length encoding at every boundary (RouterOS API docs), checked against our codec and
// against node-routeros' own encoder/decoder, since the two must agree on the wire.

const BOUNDARIES: Array<[number, number]> = [
  [0, 1], [0x7f, 1], [0x80, 2], [0x3fff, 2], [0x4000, 3], [0x1fffff, 3], [0x200000, 4], [0xfffffff, 4], [0x10000000, 5], [0xffffffff, 5],
];

describe('RouterOS API word lengths', () => {
  it.each(BOUNDARIES)('length %i uses %i byte(s) and round-trips', (len, bytes) => {
    const enc = encodeLength(len);
    expect(enc.length).toBe(bytes);
    expect(decodeLength(enc)).toEqual({ length: len, bytes });
  });

  it('uses the documented prefixes', () => {
    expect([...encodeLength(0x80)]).toEqual([0x80, 0x80]);
    expect([...encodeLength(0x4000)]).toEqual([0xc0, 0x40, 0x00]);
    expect([...encodeLength(0x200000)]).toEqual([0xe0, 0x20, 0x00, 0x00]);
    expect([...encodeLength(0x10000000)]).toEqual([0xf0, 0x10, 0x00, 0x00, 0x00]);
  });

  it('agrees with node-routeros in both directions', () => {
    const tx = new Transmitter(null as never) as unknown as { encodeString(s: string): Buffer };
    const rx = new Receiver(null as never) as unknown as { decodeLength(b: Buffer): [number, number] };
    for (const [len, bytes] of BOUNDARIES) {
      if (len <= 0x200000) {
        const word = 'x'.repeat(len);
        const theirs = tx.encodeString(word);
        expect(theirs.subarray(0, bytes).equals(encodeLength(len))).toBe(true);
      }
      // node-routeros' decoder does 32-bit signed shifts: fine below 2^31, which is all RouterOS sends.
      if (len < 0x80000000) expect(rx.decodeLength(Buffer.concat([encodeLength(len), Buffer.alloc(4)]))).toEqual([bytes, len]);
    }
  });

  it('rejects reserved control bytes and waits for incomplete prefixes', () => {
    expect(decodeLength(Buffer.from([0xf8]))).toEqual({ invalid: 0xf8 });
    expect(decodeLength(Buffer.from([0xc0, 0x40]))).toEqual({ incomplete: true });
    expect(() => new SentenceReader().push(Buffer.from([0xff]))).toThrow(/reserved/);
    expect(() => new SentenceReader(10).push(encodeLength(11))).toThrow(/too long/);
  });

  it('reassembles sentences fed one byte at a time', () => {
    const long = 'y'.repeat(0x4001);
    const wire = Buffer.concat([encodeSentence(['/ip/hotspot/active/print', `=.proplist=${long}`, '.tag=1']), encodeSentence(['/quit'])]);
    const reader = new SentenceReader();
    const out: string[][] = [];
    for (const b of wire) out.push(...reader.push(Buffer.from([b])));
    expect(out).toEqual([['/ip/hotspot/active/print', `=.proplist=${long}`, '.tag=1'], ['/quit']]);
  });
});

describe('RouterOS API queries', () => {
  const row = { user: 'a', address: '10.0.0.2', 'bytes-in': '500' };
  it('evaluates conditions and the ?# stack', () => {
    expect(matchesQuery(row, ['?user=a'])).toBe(true);
    expect(matchesQuery(row, ['?user=b'])).toBe(false);
    expect(matchesQuery(row, ['?user=b', '?address=10.0.0.2', '?#|'])).toBe(true);
    expect(matchesQuery(row, ['?user=a', '?#!'])).toBe(false);
    expect(matchesQuery(row, ['?>bytes-in=100', '?-mac-address', '?user'])).toBe(true);
  });
});
