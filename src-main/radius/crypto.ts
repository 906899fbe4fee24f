import crypto from 'node:crypto';
import { AUTHENTICATOR_LENGTH, HEADER_LENGTH } from './codec';
import { hmacMd5, md5 } from './md5';

/**
 * RADIUS cryptography over raw packets (RFC 2865 §3 and §5.2, RFC 2866 §3, RFC 3579 §3.2,
 * RFC 5176 §3.5, RFC 1994 CHAP). Every comparison of a secret-derived value is constant time.
 * MD5/HMAC-MD5 come from md5.ts (see there for why not node:crypto).
 */

const ZERO16 = Buffer.alloc(16);

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Request Authenticator of Accounting/Disconnect/CoA requests: MD5(header with a zero
 * authenticator + attributes + secret). This is what authenticates those packets.
 */
export function verifyRequestAuthenticator(raw: Buffer, secret: Buffer): boolean {
  const d = md5([raw.subarray(0, 4), ZERO16, raw.subarray(HEADER_LENGTH), secret]);
  return safeEqual(d, raw.subarray(4, HEADER_LENGTH));
}

/**
 * Message-Authenticator (RFC 3579 §3.2): HMAC-MD5 over the packet with the attribute value
 * zeroed. For Access-Request the header carries its random authenticator; `maStart` is the
 * offset of the 16-byte value. Hashed in pieces so the datagram is never copied or modified.
 */
export function verifyMessageAuthenticator(raw: Buffer, maStart: number, secret: Buffer): boolean {
  if (maStart + 16 > raw.length) return false;
  const d = hmacMd5(secret, [raw.subarray(0, maStart), ZERO16, raw.subarray(maStart + 16)]);
  return safeEqual(d, raw.subarray(maStart, maStart + 16));
}

/**
 * Signs a response in place: the header must hold the *request* authenticator. The
 * Message-Authenticator is computed first (over the packet with the request authenticator), then
 * the Response Authenticator = MD5(code+id+length+request auth+attributes+secret) replaces it.
 */
export function signResponse(packet: Buffer, maOffset: number, secret: Buffer): Buffer {
  if (maOffset >= 0) hmacMd5(secret, [packet]).copy(packet, maOffset);
  md5([packet, secret]).copy(packet, 4);
  return packet;
}

/**
 * Signs a Disconnect/CoA/Accounting request in place (header authenticator must be zero):
 * Message-Authenticator over the zero-authenticator packet, as FreeRADIUS does, then the
 * Request Authenticator over the result.
 */
export function signRequest(packet: Buffer, maOffset: number, secret: Buffer): Buffer {
  ZERO16.copy(packet, 4);
  if (maOffset >= 0) hmacMd5(secret, [packet]).copy(packet, maOffset);
  md5([packet, secret]).copy(packet, 4);
  return packet;
}

/** Checks a response's authenticator against the request we sent (RFC 2865 §3 / RFC 5176 §3.5). */
export function verifyResponseAuthenticator(response: Buffer, requestAuthenticator: Buffer, secret: Buffer): boolean {
  if (response.length < HEADER_LENGTH) return false;
  const d = md5([response.subarray(0, 4), requestAuthenticator, response.subarray(HEADER_LENGTH), secret]);
  return safeEqual(d, response.subarray(4, HEADER_LENGTH));
}

/**
 * User-Password (RFC 2865 §5.2). Returns null when the hidden value cannot be a password (length
 * not a multiple of 16, or over 128): the caller rejects, where node-radius would throw. A
 * zero-length attribute is read as the empty password, which is how some MAC-auth requests arrive.
 */
export function decryptUserPassword(hidden: Buffer, secret: Buffer, requestAuthenticator: Buffer): string | null {
  if (hidden.length === 0) return '';
  if (hidden.length % 16 !== 0 || hidden.length > 128) return null;
  const out = Buffer.allocUnsafe(hidden.length);
  let prev = requestAuthenticator;
  for (let i = 0; i < hidden.length; i += 16) {
    const b = md5([secret, prev]);
    for (let j = 0; j < 16; j++) out[i + j] = hidden[i + j]! ^ b[j]!;
    prev = hidden.subarray(i, i + 16);
  }
  let end = out.length;
  while (end > 0 && out[end - 1] === 0) end--;
  return out.toString('utf8', 0, end);
}

/** The inverse, for our own test NAS and tools. */
export function encryptUserPassword(password: string, secret: Buffer, requestAuthenticator: Buffer): Buffer {
  const plain = Buffer.from(password, 'utf8');
  const len = Math.max(16, Math.ceil(plain.length / 16) * 16);
  const padded = Buffer.alloc(len);
  plain.copy(padded);
  const out = Buffer.allocUnsafe(len);
  let prev = requestAuthenticator;
  for (let i = 0; i < len; i += 16) {
    const b = md5([secret, prev]);
    for (let j = 0; j < 16; j++) out[i + j] = padded[i + j]! ^ b[j]!;
    prev = out.subarray(i, i + 16);
  }
  return out;
}

/**
 * CHAP (RFC 1994 via RFC 2865 §5.3): CHAP-Password = ident (1 byte) + MD5(ident + password +
 * challenge), the challenge being CHAP-Challenge or, when absent, the Request Authenticator.
 */
export function verifyChap(chapPassword: Buffer, challenge: Buffer, password: string): boolean {
  if (chapPassword.length !== 1 + AUTHENTICATOR_LENGTH) return false;
  const expected = chapResponse(chapPassword[0]!, password, challenge);
  return safeEqual(expected, chapPassword.subarray(1));
}

export function chapResponse(ident: number, password: string, challenge: Buffer): Buffer {
  return md5([Buffer.of(ident), Buffer.from(password, 'utf8'), challenge]);
}
