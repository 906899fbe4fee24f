/**
 * MD5 and HMAC-MD5 (RFC 1321, RFC 2104) in plain JavaScript, for the RADIUS hot path only.
 *
 * Why not node:crypto: every createHash/createHmac call crosses into C++ and allocates a native
 * object. Our inputs are a few hundred bytes, so that fixed cost dominated: an Access-Request
 * needs four of them (MA check, PAP, MA and authenticator of the reply), which measured ~30 µs of
 * a ~60 µs request on the 2-core test box. Here the work is a handful of 64-byte block rounds,
 * and HMAC's ipad/opad blocks are computed once per secret. The unit tests compare every function
 * with node:crypto over many lengths. MD5 is what RADIUS specifies; nothing else should use it.
 */

const K = new Int32Array(64);
for (let i = 0; i < 64; i++) K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0;
const R = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
const INIT = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476);

const W = new Int32Array(16);

function block(st: Int32Array, buf: Uint8Array, off: number): void {
  for (let i = 0; i < 16; i++) {
    const j = off + i * 4;
    W[i] = buf[j]! | (buf[j + 1]! << 8) | (buf[j + 2]! << 16) | (buf[j + 3]! << 24);
  }
  let a = st[0]!, b = st[1]!, c = st[2]!, d = st[3]!;
  for (let i = 0; i < 64; i++) {
    let f: number, g: number;
    if (i < 16) { f = (b & c) | (~b & d); g = i; }
    else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) & 15; }
    else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) & 15; }
    else { f = c ^ (b | ~d); g = (7 * i) & 15; }
    const t = d;
    d = c;
    c = b;
    const x = (a + f + K[i]! + W[g]!) | 0;
    const r = R[i]!;
    b = (b + ((x << r) | (x >>> (32 - r)))) | 0;
    a = t;
  }
  st[0] = (st[0]! + a) | 0;
  st[1] = (st[1]! + b) | 0;
  st[2] = (st[2]! + c) | 0;
  st[3] = (st[3]! + d) | 0;
}

// One scratch area (synchronous use only): the message is gathered here, then padded in place.
let scratch = Buffer.alloc(8192);
const state = new Int32Array(4);

/** MD5 of `parts` concatenated, continuing from `from` after `prefixBytes` already hashed. */
function run(parts: readonly Uint8Array[], from: Int32Array, prefixBytes: number, out: Buffer, outOff: number): void {
  let len = 0;
  for (const p of parts) len += p.length;
  if (len + 72 > scratch.length) scratch = Buffer.alloc(len + 1024);
  let off = 0;
  for (const p of parts) {
    scratch.set(p, off);
    off += p.length;
  }
  scratch[off++] = 0x80;
  while (off % 64 !== 56) scratch[off++] = 0;
  const bits = (len + prefixBytes) * 8;
  scratch.writeUInt32LE(bits >>> 0, off);
  scratch.writeUInt32LE(Math.floor(bits / 2 ** 32), off + 4);
  off += 8;
  state.set(from);
  for (let i = 0; i < off; i += 64) block(state, scratch, i);
  for (let i = 0; i < 4; i++) out.writeInt32LE(state[i]!, outOff + i * 4);
}

export function md5(parts: readonly Uint8Array[]): Buffer {
  const out = Buffer.allocUnsafe(16);
  run(parts, INIT, 0, out, 0);
  return out;
}

interface HmacKey {
  inner: Int32Array;
  outer: Int32Array;
}
// Per secret Buffer (routers keep theirs for the process's life), so a WeakMap frees old ones.
const keys = new WeakMap<Uint8Array, HmacKey>();

function hmacKey(key: Uint8Array): HmacKey {
  let k = keys.get(key);
  if (!k) {
    const raw = key.length > 64 ? md5([key]) : key;
    const ipad = new Uint8Array(64).fill(0x36);
    const opad = new Uint8Array(64).fill(0x5c);
    for (let i = 0; i < raw.length; i++) {
      ipad[i]! ^= raw[i]!;
      opad[i]! ^= raw[i]!;
    }
    const inner = Int32Array.from(INIT);
    block(inner, ipad, 0);
    const outer = Int32Array.from(INIT);
    block(outer, opad, 0);
    k = { inner, outer };
    keys.set(key, k);
  }
  return k;
}

const innerDigest = Buffer.alloc(16);

export function hmacMd5(key: Uint8Array, parts: readonly Uint8Array[]): Buffer {
  const k = hmacKey(key);
  run(parts, k.inner, 64, innerDigest, 0);
  const out = Buffer.allocUnsafe(16);
  run([innerDigest], k.outer, 64, out, 0);
  return out;
}
