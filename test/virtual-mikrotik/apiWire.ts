/**
 * RouterOS API wire format (help.mikrotik.com "API"): a sentence is a list of words ended by a
 * zero-length word; each word is a length prefix followed by its bytes.
 *
 *   < 0x80        1 byte   len
 *   < 0x4000      2 bytes  len | 0x8000
 *   < 0x200000    3 bytes  len | 0xC00000
 *   < 0x10000000  4 bytes  len | 0xE0000000
 *   otherwise     5 bytes  0xF0, then len as 4 bytes
 *
 * First bytes 0xF8..0xFF are reserved control bytes: a decoder must reject them.
 * Words are bytes; RouterOS itself is 8-bit and clients (node-routeros) use win1252, so the
 * simulator maps strings with latin1 to stay byte-transparent for ASCII and Latin-1 text.
 */

export const MAX_WORD_LENGTH = 0xffffffff;

export function encodeLength(len: number): Buffer {
  if (!Number.isInteger(len) || len < 0 || len > MAX_WORD_LENGTH) throw new RangeError(`word length ${len} out of range`);
  if (len < 0x80) return Buffer.from([len]);
  if (len < 0x4000) return Buffer.from([(len >> 8) | 0x80, len & 0xff]);
  if (len < 0x200000) return Buffer.from([(len >> 16) | 0xc0, (len >> 8) & 0xff, len & 0xff]);
  if (len < 0x10000000) return Buffer.from([(len >>> 24) | 0xe0, (len >> 16) & 0xff, (len >> 8) & 0xff, len & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = 0xf0;
  b.writeUInt32BE(len, 1);
  return b;
}

export type DecodedLength = { length: number; bytes: number } | { incomplete: true } | { invalid: number };

/** Decodes the length prefix at `offset`; says when more bytes are needed or the byte is reserved. */
export function decodeLength(buf: Buffer, offset = 0): DecodedLength {
  if (offset >= buf.length) return { incomplete: true };
  const b = buf[offset]!;
  let need: number;
  let first: number;
  if ((b & 0x80) === 0) return { length: b, bytes: 1 };
  if ((b & 0xc0) === 0x80) [need, first] = [2, b & 0x3f];
  else if ((b & 0xe0) === 0xc0) [need, first] = [3, b & 0x1f];
  else if ((b & 0xf0) === 0xe0) [need, first] = [4, b & 0x0f];
  else if (b === 0xf0) [need, first] = [5, 0];
  else return { invalid: b };
  if (offset + need > buf.length) return { incomplete: true };
  let len = first;
  for (let i = 1; i < need; i++) len = len * 256 + buf[offset + i]!;
  return { length: len, bytes: need };
}

export function encodeWord(word: string | Buffer): Buffer {
  const body = typeof word === 'string' ? Buffer.from(word, 'latin1') : word;
  return Buffer.concat([encodeLength(body.length), body]);
}

export function encodeSentence(words: readonly string[]): Buffer {
  return Buffer.concat([...words.map((w) => encodeWord(w)), Buffer.from([0])]);
}

/**
 * Incremental sentence parser for a TCP stream: feed chunks as they arrive, get whole sentences.
 * `maxWordLength` bounds memory: a peer announcing a bigger word is a protocol error.
 */
export class SentenceReader {
  private buf: Buffer = Buffer.alloc(0);
  private words: string[] = [];

  constructor(private readonly maxWordLength = 16 * 1024 * 1024) {}

  /** Returns the sentences completed by this chunk; throws on a protocol error. */
  push(chunk: Buffer): string[][] {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    const out: string[][] = [];
    let pos = 0;
    for (;;) {
      const d = decodeLength(this.buf, pos);
      if ('incomplete' in d) break;
      if ('invalid' in d) throw new Error(`reserved control byte 0x${d.invalid.toString(16)} in word length`);
      if (d.length > this.maxWordLength) throw new Error(`word of ${d.length} bytes is too long`);
      if (pos + d.bytes + d.length > this.buf.length) break;
      const start = pos + d.bytes;
      pos = start + d.length;
      if (d.length === 0) {
        out.push(this.words);
        this.words = [];
      } else {
        this.words.push(this.buf.toString('latin1', start, pos));
      }
    }
    this.buf = this.buf.subarray(pos);
    return out;
  }
}
