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

const INIT = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476);

/**
 * Hashes the 16 little-endian message words in w into the state st = (a, b, c, d).
 *
 * Fully unrolled on purpose: with the words in locals and each step's shift, word index and
 * constant written as literals, V8 keeps everything in int32 registers, about 2.5x faster than a
 * 64-iteration loop with table lookups and a branch per step. Constants are RFC 1321's
 * T[i] = floor(2^32 * |sin(i)|) as signed int32. Each step adds word + constant first and the
 * round function last, in a form with few operations on b (the value just computed), because
 * MD5 is one long dependency chain through b: that ordering alone is worth ~20%.
 */
function block(st: Int32Array, w: Int32Array): void {
  const x0 = w[0]!;
  const x1 = w[1]!;
  const x2 = w[2]!;
  const x3 = w[3]!;
  const x4 = w[4]!;
  const x5 = w[5]!;
  const x6 = w[6]!;
  const x7 = w[7]!;
  const x8 = w[8]!;
  const x9 = w[9]!;
  const x10 = w[10]!;
  const x11 = w[11]!;
  const x12 = w[12]!;
  const x13 = w[13]!;
  const x14 = w[14]!;
  const x15 = w[15]!;
  let a = st[0]!, b = st[1]!, c = st[2]!, d = st[3]!;

  // Round 1: F(b, c, d) = (b & c) | (~b & d)
  a = (a + x0 - 680876936 + (d ^ (b & (c ^ d)))) | 0; a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + x1 - 389564586 + (c ^ (a & (b ^ c)))) | 0; d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + x2 + 606105819 + (b ^ (d & (a ^ b)))) | 0; c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + x3 - 1044525330 + (a ^ (c & (d ^ a)))) | 0; b = (((b << 22) | (b >>> 10)) + c) | 0;
  a = (a + x4 - 176418897 + (d ^ (b & (c ^ d)))) | 0; a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + x5 + 1200080426 + (c ^ (a & (b ^ c)))) | 0; d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + x6 - 1473231341 + (b ^ (d & (a ^ b)))) | 0; c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + x7 - 45705983 + (a ^ (c & (d ^ a)))) | 0; b = (((b << 22) | (b >>> 10)) + c) | 0;
  a = (a + x8 + 1770035416 + (d ^ (b & (c ^ d)))) | 0; a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + x9 - 1958414417 + (c ^ (a & (b ^ c)))) | 0; d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + x10 - 42063 + (b ^ (d & (a ^ b)))) | 0; c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + x11 - 1990404162 + (a ^ (c & (d ^ a)))) | 0; b = (((b << 22) | (b >>> 10)) + c) | 0;
  a = (a + x12 + 1804603682 + (d ^ (b & (c ^ d)))) | 0; a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + x13 - 40341101 + (c ^ (a & (b ^ c)))) | 0; d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + x14 - 1502002290 + (b ^ (d & (a ^ b)))) | 0; c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + x15 + 1236535329 + (a ^ (c & (d ^ a)))) | 0; b = (((b << 22) | (b >>> 10)) + c) | 0;

  // Round 2: G(b, c, d) = (b & d) | (c & ~d); the two terms share no bits, so | can be +
  a = (a + x1 - 165796510 + (c & ~d) + (b & d)) | 0; a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + x6 - 1069501632 + (b & ~c) + (a & c)) | 0; d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + x11 + 643717713 + (a & ~b) + (d & b)) | 0; c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + x0 - 373897302 + (d & ~a) + (c & a)) | 0; b = (((b << 20) | (b >>> 12)) + c) | 0;
  a = (a + x5 - 701558691 + (c & ~d) + (b & d)) | 0; a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + x10 + 38016083 + (b & ~c) + (a & c)) | 0; d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + x15 - 660478335 + (a & ~b) + (d & b)) | 0; c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + x4 - 405537848 + (d & ~a) + (c & a)) | 0; b = (((b << 20) | (b >>> 12)) + c) | 0;
  a = (a + x9 + 568446438 + (c & ~d) + (b & d)) | 0; a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + x14 - 1019803690 + (b & ~c) + (a & c)) | 0; d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + x3 - 187363961 + (a & ~b) + (d & b)) | 0; c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + x8 + 1163531501 + (d & ~a) + (c & a)) | 0; b = (((b << 20) | (b >>> 12)) + c) | 0;
  a = (a + x13 - 1444681467 + (c & ~d) + (b & d)) | 0; a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + x2 - 51403784 + (b & ~c) + (a & c)) | 0; d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + x7 + 1735328473 + (a & ~b) + (d & b)) | 0; c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + x12 - 1926607734 + (d & ~a) + (c & a)) | 0; b = (((b << 20) | (b >>> 12)) + c) | 0;

  // Round 3: H(b, c, d) = b ^ c ^ d
  a = (a + x5 - 378558 + (b ^ (c ^ d))) | 0; a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + x8 - 2022574463 + (a ^ (b ^ c))) | 0; d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + x11 + 1839030562 + (d ^ (a ^ b))) | 0; c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + x14 - 35309556 + (c ^ (d ^ a))) | 0; b = (((b << 23) | (b >>> 9)) + c) | 0;
  a = (a + x1 - 1530992060 + (b ^ (c ^ d))) | 0; a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + x4 + 1272893353 + (a ^ (b ^ c))) | 0; d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + x7 - 155497632 + (d ^ (a ^ b))) | 0; c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + x10 - 1094730640 + (c ^ (d ^ a))) | 0; b = (((b << 23) | (b >>> 9)) + c) | 0;
  a = (a + x13 + 681279174 + (b ^ (c ^ d))) | 0; a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + x0 - 358537222 + (a ^ (b ^ c))) | 0; d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + x3 - 722521979 + (d ^ (a ^ b))) | 0; c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + x6 + 76029189 + (c ^ (d ^ a))) | 0; b = (((b << 23) | (b >>> 9)) + c) | 0;
  a = (a + x9 - 640364487 + (b ^ (c ^ d))) | 0; a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + x12 - 421815835 + (a ^ (b ^ c))) | 0; d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + x15 + 530742520 + (d ^ (a ^ b))) | 0; c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + x2 - 995338651 + (c ^ (d ^ a))) | 0; b = (((b << 23) | (b >>> 9)) + c) | 0;

  // Round 4: I(b, c, d) = c ^ (b | ~d)
  a = (a + x0 - 198630844 + (c ^ (b | ~d))) | 0; a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + x7 + 1126891415 + (b ^ (a | ~c))) | 0; d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + x14 - 1416354905 + (a ^ (d | ~b))) | 0; c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + x5 - 57434055 + (d ^ (c | ~a))) | 0; b = (((b << 21) | (b >>> 11)) + c) | 0;
  a = (a + x12 + 1700485571 + (c ^ (b | ~d))) | 0; a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + x3 - 1894986606 + (b ^ (a | ~c))) | 0; d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + x10 - 1051523 + (a ^ (d | ~b))) | 0; c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + x1 - 2054922799 + (d ^ (c | ~a))) | 0; b = (((b << 21) | (b >>> 11)) + c) | 0;
  a = (a + x8 + 1873313359 + (c ^ (b | ~d))) | 0; a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + x15 - 30611744 + (b ^ (a | ~c))) | 0; d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + x6 - 1560198380 + (a ^ (d | ~b))) | 0; c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + x13 + 1309151649 + (d ^ (c | ~a))) | 0; b = (((b << 21) | (b >>> 11)) + c) | 0;
  a = (a + x4 - 145523070 + (c ^ (b | ~d))) | 0; a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + x11 - 1120210379 + (b ^ (a | ~c))) | 0; d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + x2 + 718787259 + (a ^ (d | ~b))) | 0; c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + x9 - 343485551 + (d ^ (c | ~a))) | 0; b = (((b << 21) | (b >>> 11)) + c) | 0;

  st[0] = (st[0]! + a) | 0;
  st[1] = (st[1]! + b) | 0;
  st[2] = (st[2]! + c) | 0;
  st[3] = (st[3]! + d) | 0;
}

// Scratch (synchronous use only). `words` is the block handed to block(): whole 64-byte blocks
// are decoded into it straight from the parts; a block that straddles parts, or holds the padding,
// is gathered in `tail`, the same memory seen as bytes. No other allocation than the result.
const words = new Int32Array(16);
const tail = new Uint8Array(words.buffer);
const LITTLE_ENDIAN = new Uint8Array(Int32Array.of(1).buffer)[0] === 1;
const state = new Int32Array(4);

/** Decodes src[i..i+64) into `words` (little-endian, whatever the host's byte order). */
function load(src: Uint8Array, i: number): void {
  const w = words;
  for (let k = 0; k < 16; k++, i += 4) w[k] = src[i]! | (src[i + 1]! << 8) | (src[i + 2]! << 16) | (src[i + 3]! << 24);
}

/** Copies src[i..end) to `tail` from byte `fill` on; returns the new fill. */
function gather(src: Uint8Array, i: number, end: number, fill: number): number {
  if (LITTLE_ENDIAN) {
    // Four bytes per store once `fill` is word-aligned: fewer bounds-checked stores.
    while ((fill & 3) !== 0 && i < end) tail[fill++] = src[i++]!;
    const w = words;
    for (; i + 4 <= end; i += 4, fill += 4) w[fill >> 2] = src[i]! | (src[i + 1]! << 8) | (src[i + 2]! << 16) | (src[i + 3]! << 24);
  }
  while (i < end) tail[fill++] = src[i++]!;
  return fill;
}

/** After bytes were written to `tail`: on a big-endian host the words must be decoded again. */
function tailToWords(): void {
  if (!LITTLE_ENDIAN) load(tail, 0); // each word is read before it is overwritten
}

/**
 * MD5 of `parts` concatenated, continuing from the midstate `from` after `prefixBytes` already
 * hashed (0 from INIT, 64 from an HMAC pad). The digest is left in `state`.
 */
function run(parts: readonly Uint8Array[], from: Int32Array, prefixBytes: number): void {
  const st = state;
  const w = words;
  st[0] = from[0]!;
  st[1] = from[1]!;
  st[2] = from[2]!;
  st[3] = from[3]!;
  let len = 0;
  let fill = 0; // bytes waiting in `tail`
  for (let p = 0; p < parts.length; p++) {
    const src = parts[p]!;
    const n = src.length;
    len += n;
    let i = 0;
    if (fill > 0) {
      i = Math.min(n, 64 - fill);
      fill = gather(src, 0, i, fill);
      if (fill < 64) continue;
      tailToWords();
      block(st, w);
    }
    for (; i + 64 <= n; i += 64) {
      load(src, i);
      block(st, w);
    }
    fill = gather(src, i, n, 0); // `tail` is empty here
  }
  // Padding: 0x80, zeros up to 56 mod 64, then the length in bits as 64-bit little-endian.
  tail[fill++] = 0x80;
  while ((fill & 3) !== 0) tail[fill++] = 0;
  if (fill > 56) {
    if (fill < 64) w[15] = 0;
    tailToWords();
    block(st, w);
    fill = 0;
  }
  for (let k = fill >> 2; k < 14; k++) w[k] = 0;
  tailToWords();
  const bits = (len + prefixBytes) * 8; // below 2^53: exact
  w[14] = bits | 0;
  w[15] = (bits - (bits >>> 0)) / 4294967296;
  block(st, w);
}

/** A new Buffer with `state` as the 16-byte digest. */
function digest(): Buffer {
  const out = Buffer.allocUnsafe(16);
  const st = state;
  for (let i = 0, j = 0; i < 4; i++, j += 4) {
    const v = st[i]!;
    out[j] = v;
    out[j + 1] = v >>> 8;
    out[j + 2] = v >>> 16;
    out[j + 3] = v >>> 24;
  }
  return out;
}

export function md5(parts: readonly Uint8Array[]): Buffer {
  run(parts, INIT, 0);
  return digest();
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
    const ipad = Buffer.alloc(64, 0x36); // Buffers like the usual parts: load() sees one type
    const opad = Buffer.alloc(64, 0x5c);
    for (let i = 0; i < raw.length; i++) {
      ipad[i]! ^= raw[i]!;
      opad[i]! ^= raw[i]!;
    }
    const inner = Int32Array.from(INIT);
    load(ipad, 0);
    block(inner, words);
    const outer = Int32Array.from(INIT);
    load(opad, 0);
    block(outer, words);
    k = { inner, outer };
    keys.set(key, k);
  }
  return k;
}

export function hmacMd5(key: Uint8Array, parts: readonly Uint8Array[]): Buffer {
  const k = hmacKey(key);
  run(parts, k.inner, 64);
  // The outer hash continues from the opad midstate over the 16-byte inner digest: one block
  // whose words are the inner state itself, then 0x80 and the bit length (64 + 16) * 8 = 640.
  const st = state;
  const w = words;
  w[0] = st[0]!;
  w[1] = st[1]!;
  w[2] = st[2]!;
  w[3] = st[3]!;
  w[4] = 0x80;
  for (let i = 5; i < 14; i++) w[i] = 0;
  w[14] = 640;
  w[15] = 0;
  const o = k.outer;
  st[0] = o[0]!;
  st[1] = o[1]!;
  st[2] = o[2]!;
  st[3] = o[3]!;
  block(st, w);
  return digest();
}
