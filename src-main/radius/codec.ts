import { Attr } from './attributes';

/**
 * Our own RADIUS wire codec for the hot path (RFC 2865 §3, §5). Why not node-radius here:
 * it throws on malformed input, keeps decode state in module globals, allocates a 4 KiB buffer
 * and many slices per packet, decrypts User-Password only when the length is a multiple of 16 and
 * cannot verify CHAP. This codec never throws on input, never copies attribute values (attributes
 * are offsets into the datagram) and leaves all policy to protocol.ts.
 */

export const HEADER_LENGTH = 20;
/** RFC 2865 §3: the maximum packet length. Larger datagrams are dropped as oversized. */
export const MAX_PACKET_LENGTH = 4096;
export const AUTHENTICATOR_LENGTH = 16;

/** One attribute: `type` (and `vendor` for a VSA sub-attribute, else 0), value at raw[start..end). */
export interface Avp {
  type: number;
  vendor: number;
  start: number;
  end: number;
}

export interface Packet {
  code: number;
  identifier: number;
  /** The 16-byte authenticator (a view into raw). */
  authenticator: Buffer;
  /** Exactly `length` bytes of the datagram; anything after the Length field is padding (§3). */
  raw: Buffer;
  attrs: Avp[];
}

export type DecodeFailure = 'too_short' | 'bad_length' | 'oversized' | 'bad_attribute';

export function decodePacket(buf: Buffer): Packet | DecodeFailure {
  if (buf.length < HEADER_LENGTH) return 'too_short';
  if (buf.length > MAX_PACKET_LENGTH) return 'oversized';
  const length = buf.readUInt16BE(2);
  if (length < HEADER_LENGTH || length > MAX_PACKET_LENGTH || length > buf.length) return 'bad_length';
  const raw = length === buf.length ? buf : buf.subarray(0, length);
  const attrs: Avp[] = [];
  let off = HEADER_LENGTH;
  while (off < length) {
    if (off + 2 > length) return 'bad_attribute';
    const type = raw[off]!;
    const len = raw[off + 1]!;
    if (len < 2 || off + len > length) return 'bad_attribute';
    const start = off + 2;
    const end = off + len;
    if (type === Attr.VendorSpecific) pushVendorSpecific(raw, start, end, attrs);
    else attrs.push({ type, vendor: 0, start, end });
    off = end;
  }
  return { code: raw[0]!, identifier: raw[1]!, authenticator: raw.subarray(4, 20), raw, attrs };
}

/**
 * A VSA in the RFC 2865 §5.26 suggested layout becomes one Avp per sub-attribute. A vendor with a
 * different layout is legal, so a VSA that does not parse is kept whole (type 26) instead of
 * failing the packet.
 */
function pushVendorSpecific(raw: Buffer, start: number, end: number, attrs: Avp[]): void {
  if (end - start >= 6 && raw[start] === 0) {
    const vendor = raw.readUInt32BE(start);
    const subs: Avp[] = [];
    let off = start + 4;
    while (off + 2 <= end) {
      const len = raw[off + 1]!;
      if (len < 2 || off + len > end) break;
      subs.push({ type: raw[off]!, vendor, start: off + 2, end: off + len });
      off += len;
    }
    if (off === end) {
      for (const s of subs) attrs.push(s);
      return;
    }
  }
  attrs.push({ type: Attr.VendorSpecific, vendor: 0, start, end });
}

export function findAttr(p: Packet, type: number, vendor = 0): Avp | undefined {
  for (const a of p.attrs) if (a.type === type && a.vendor === vendor) return a;
  return undefined;
}

export function countAttr(p: Packet, type: number, vendor = 0): number {
  let n = 0;
  for (const a of p.attrs) if (a.type === type && a.vendor === vendor) n++;
  return n;
}

export function attrBuffer(p: Packet, a: Avp): Buffer {
  return p.raw.subarray(a.start, a.end);
}

export function getString(p: Packet, type: number, vendor = 0): string | undefined {
  const a = findAttr(p, type, vendor);
  return a ? p.raw.toString('utf8', a.start, a.end) : undefined;
}

/** A 4-byte integer attribute; undefined when absent or not 4 bytes long. */
export function getInt(p: Packet, type: number, vendor = 0): number | undefined {
  const a = findAttr(p, type, vendor);
  return a && a.end - a.start === 4 ? p.raw.readUInt32BE(a.start) : undefined;
}

export function getIp(p: Packet, type: number, vendor = 0): string | undefined {
  const a = findAttr(p, type, vendor);
  if (!a || a.end - a.start !== 4) return undefined;
  const r = p.raw;
  return `${r[a.start]}.${r[a.start + 1]}.${r[a.start + 2]}.${r[a.start + 3]}`;
}

/** An attribute to send. Numbers are unsigned 32-bit; `ip` values are dotted quads. */
export type OutValue = Buffer | string | number | { ip: string };
export interface OutAttr {
  type: number;
  vendor?: number;
  value: OutValue;
}

/** Writes a value at `off` in `buf`; returns its length. */
function writeValue(buf: Buffer, off: number, v: OutValue, max: number): number {
  if (Buffer.isBuffer(v)) {
    if (v.length > max) throw new RangeError('attribute too long');
    return v.copy(buf, off);
  }
  if (typeof v === 'string') {
    const n = Buffer.byteLength(v, 'utf8');
    if (n > max) throw new RangeError('attribute too long');
    return buf.write(v, off, 'utf8');
  }
  if (typeof v === 'number') {
    // Clamp rather than throw: values come from our own arithmetic (seconds/bytes left).
    buf.writeUInt32BE(Math.max(0, Math.min(0xffffffff, Math.floor(v))), off);
    return 4;
  }
  const parts = v.ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) {
    throw new RangeError(`not an IPv4 address: ${v.ip}`);
  }
  for (let i = 0; i < 4; i++) buf[off + i] = parts[i]!;
  return 4;
}

export interface Encoded {
  packet: Buffer;
  /** Offset of the Message-Authenticator value (16 zero bytes to be signed), or -1. */
  maOffset: number;
}

/**
 * Builds a packet with the given authenticator field. With `messageAuthenticator` a zeroed
 * Message-Authenticator goes first: draft-ietf-radext-deprecating-radius asks for it first so a
 * BlastRADIUS-style prefix collision cannot control the bytes before it. The caller signs.
 * `rawAttrs` are copied verbatim (Proxy-State, RFC 2865 §5.33).
 */
// Encoding is synchronous, so one scratch buffer serves every packet; the result is a copy.
const scratch = Buffer.alloc(MAX_PACKET_LENGTH + 256);

export function encodePacket(
  code: number,
  identifier: number,
  authenticator: Buffer,
  attrs: readonly OutAttr[],
  opts: { messageAuthenticator?: boolean; rawAttrs?: readonly { type: number; value: Buffer }[] } = {},
): Encoded {
  const b = scratch;
  b[0] = code;
  b[1] = identifier;
  authenticator.copy(b, 4, 0, 16);
  let off = HEADER_LENGTH;
  let maOffset = -1;
  if (opts.messageAuthenticator) {
    b[off] = Attr.MessageAuthenticator;
    b[off + 1] = 18;
    b.fill(0, off + 2, off + 18);
    maOffset = off + 2;
    off += 18;
  }
  for (const a of attrs) {
    if (off + 8 + 253 > b.length) throw new RangeError('packet too long');
    if (a.vendor) {
      const n = writeValue(b, off + 8, a.value, 247);
      // RFC 2865 §5: zero-length attributes are not allowed; an empty optional value is omitted.
      if (n === 0) continue;
      b[off] = Attr.VendorSpecific;
      b[off + 1] = n + 8;
      b.writeUInt32BE(a.vendor, off + 2);
      b[off + 6] = a.type;
      b[off + 7] = n + 2;
      off += n + 8;
    } else {
      const n = writeValue(b, off + 2, a.value, 253);
      if (n === 0) continue;
      b[off] = a.type;
      b[off + 1] = n + 2;
      off += n + 2;
    }
  }
  for (const r of opts.rawAttrs ?? []) {
    if (off + 2 + r.value.length > b.length) throw new RangeError('packet too long');
    b[off] = r.type;
    b[off + 1] = r.value.length + 2;
    r.value.copy(b, off + 2);
    off += r.value.length + 2;
  }
  if (off > MAX_PACKET_LENGTH) throw new RangeError('packet too long');
  b.writeUInt16BE(off, 2);
  const packet = Buffer.allocUnsafe(off);
  b.copy(packet, 0, 0, off);
  return { packet, maOffset };
}
