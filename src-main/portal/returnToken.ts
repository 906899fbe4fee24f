import crypto from 'node:crypto';
import net from 'node:net';
import { decodeRouterOctal, encodeRouterOctal } from './chap';
import type { Lang } from './i18n';
import type { RouterValues } from './routerValues';

/**
 * The state that rides through a payment gateway and back (bKash callbackURL, Nagad
 * merchantCallbackURL, SSLCommerz success/fail/cancel URLs). Gateways cap those URLs (SSLCommerz
 * documents 255 characters), so the portal's JSON tokens (400+ characters with a CHAP challenge)
 * do not fit: this one packs only what the login after paying needs — router, customer, MAC, IP,
 * link-login-only, the CHAP id and challenge, the language — in bytes, with a 128-bit HMAC tag.
 * With a typical `http://10.5.50.1/login` it is about 100 characters (see returnTokenLength test).
 *
 * Layout: ver(1) flags(1) routerId(u32) customerId(u32) expiresAt(u32 seconds) [mac(6)] [ip(4)]
 * [chapId(1) challengeLen(1) challenge] linkLoginOnly(utf8, the rest) ‖ HMAC-SHA256(…)[0..16).
 */
const VERSION = 1;
const TAG_BYTES = 16;
const F_MAC = 1;
const F_IP = 2;
const F_CHAP = 4;
const F_BN = 8;

export interface ReturnState {
  /** The router values a login needs; the rest (link-orig, link-logout, error) are not carried. */
  v: RouterValues;
  customerId: number;
  lang: Lang;
}

function tag(key: Buffer, body: Buffer): Buffer {
  return crypto.createHmac('sha256', key).update('hsd-return.').update(body).digest().subarray(0, TAG_BYTES);
}

export function signReturnState(key: Buffer, s: ReturnState, expiresAt: number): string {
  const { v } = s;
  const chapId = v.chapId ? decodeRouterOctal(v.chapId) : null;
  const challenge = v.chapChallenge ? decodeRouterOctal(v.chapChallenge) : null;
  const chap = chapId?.length === 1 && challenge && challenge.length > 0 && challenge.length < 256;
  const mac = v.mac ? Buffer.from(v.mac.replace(/:/g, ''), 'hex') : null;
  const ip = v.ip && net.isIPv4(v.ip) ? Buffer.from(v.ip.split('.').map(Number)) : null;
  const head = Buffer.alloc(14);
  head[0] = VERSION;
  head[1] = (mac ? F_MAC : 0) | (ip ? F_IP : 0) | (chap ? F_CHAP : 0) | (s.lang === 'bn' ? F_BN : 0);
  head.writeUInt32BE(v.routerId, 2);
  head.writeUInt32BE(s.customerId, 6);
  head.writeUInt32BE(Math.ceil(expiresAt / 1000), 10);
  const parts: Buffer[] = [head];
  if (mac) parts.push(mac);
  if (ip) parts.push(ip);
  if (chap) parts.push(Buffer.of(chapId[0]!, challenge.length), challenge);
  parts.push(Buffer.from(v.linkLoginOnly ?? '', 'utf8'));
  const body = Buffer.concat(parts);
  return Buffer.concat([body, tag(key, body)]).toString('base64url');
}

/** The state, or null when the token is forged, damaged or expired (the page then says start again). */
export function readReturnState(key: Buffer, token: unknown, now: number): ReturnState | null {
  if (typeof token !== 'string' || token.length > 1400 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length < 14 + TAG_BYTES) return null;
  const body = raw.subarray(0, raw.length - TAG_BYTES);
  const given = raw.subarray(raw.length - TAG_BYTES);
  if (!crypto.timingSafeEqual(given, tag(key, body))) return null;
  if (body[0] !== VERSION) return null;
  const flags = body[1]!;
  if (body.readUInt32BE(10) * 1000 <= now) return null;
  let at = 14;
  const take = (n: number) => {
    const out = body.subarray(at, at + n);
    at += n;
    return out;
  };
  const mac = flags & F_MAC ? [...take(6)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':') : null;
  const ip = flags & F_IP ? [...take(4)].join('.') : null;
  let chapId: string | null = null;
  let chapChallenge: string | null = null;
  if (flags & F_CHAP) {
    const [id, len] = take(2);
    chapId = encodeRouterOctal(Buffer.of(id!));
    chapChallenge = encodeRouterOctal(take(len!));
  }
  const lo = body.subarray(at).toString('utf8');
  return {
    v: { routerId: body.readUInt32BE(2), mac, ip, linkLoginOnly: lo || null, linkOrig: null, linkLogout: null, chapId, chapChallenge, error: null },
    customerId: body.readUInt32BE(6),
    lang: flags & F_BN ? 'bn' : 'en',
  };
}
