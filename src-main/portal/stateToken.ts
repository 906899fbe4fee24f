import crypto from 'node:crypto';

/**
 * The portal's state without cookies (captive-portal windows on Android and iOS may drop them):
 * the router's values ride in a token in the URL or a hidden field, signed with HMAC-SHA256 and
 * expiring, so a phone cannot swap in another router's link-login-only or keep a stale page alive.
 * The values are not secret (the router put them in the phone's URL bar), only unforgeable.
 *
 * Format: base64url(JSON payload) "." base64url(HMAC-SHA256(key, "hsd1." + payload part)).
 */
const VERSION = 'hsd1';

export type TokenCheck<T> = { ok: true; value: T; expiresAt: number } | { ok: false; reason: 'invalid' | 'expired' };

export function signState<T>(key: Buffer, value: T, expiresAt: number): string {
  const body = Buffer.from(JSON.stringify({ v: value, exp: expiresAt }), 'utf8').toString('base64url');
  return `${body}.${mac(key, body)}`;
}

export function verifyState<T>(key: Buffer, token: unknown, now: number, check: (v: unknown) => v is T): TokenCheck<T> {
  // A bounded length keeps a hostile URL from costing more than one HMAC over a few KB.
  if (typeof token !== 'string' || token.length > 4096) return { ok: false, reason: 'invalid' };
  const dot = token.indexOf('.');
  if (dot <= 0) return { ok: false, reason: 'invalid' };
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = digest(key, body);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { ok: false, reason: 'invalid' };
  const { v, exp } = parsed as { v?: unknown; exp?: unknown };
  if (typeof exp !== 'number' || !check(v)) return { ok: false, reason: 'invalid' };
  if (now >= exp) return { ok: false, reason: 'expired' };
  return { ok: true, value: v, expiresAt: exp };
}

/**
 * The key imported once per key buffer (every phone after a power cut signs and checks a token):
 * createHmac with a KeyObject skips copying the raw key into a new secret each call.
 */
const keyObjects = new WeakMap<Buffer, crypto.KeyObject>();

function digest(key: Buffer, body: string): Buffer {
  let k = keyObjects.get(key);
  if (!k) keyObjects.set(key, (k = crypto.createSecretKey(key)));
  return crypto.createHmac('sha256', k).update(`${VERSION}.${body}`).digest();
}

function mac(key: Buffer, body: string): string {
  return digest(key, body).toString('base64url');
}
