import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decideSend, normalizePin, windowRetryAt } from '../../src-main/portal/customerAuth';
import { deriveKeys, digestsEqual, generateCode, hashCode, makeProof, proofChallengeId, proofMatches } from '../../src-main/portal/customerAuth/otpCode';
import { defaultSettings } from '../../src-shared/settings';

const HOUR = 3_600_000;
const limits = defaultSettings.otp;

describe('send limit windows', () => {
  it('lets a send through below the limit; at or above it, waits for the right send to leave', () => {
    expect(windowRetryAt([], 3, HOUR)).toBeNull();
    expect(windowRetryAt([10, 20], 3, HOUR)).toBeNull();
    expect(windowRetryAt([10, 20, 30], 3, HOUR)).toBe(10 + HOUR);
    // The limit was lowered to 2 after 4 sends: 3 of them must leave, the third-oldest last.
    expect(windowRetryAt([10, 20, 30, 40], 2, HOUR)).toBe(30 + HOUR);
  });

  it('answers with the refusal that lasts longest, and allows when none applies', () => {
    const now = 1_000_000_000;
    const none = { numberDay: [], mac: null, ip: null, lastLiveSendAt: null };
    expect(decideSend(none, limits, now)).toEqual({ ok: true });
    expect(decideSend({ ...none, lastLiveSendAt: now - 10_000 }, limits, now)).toEqual({ ok: false, reason: 'resend_too_soon', retryAt: now + 50_000 });
    expect(decideSend({ ...none, lastLiveSendAt: now - 60_000 }, limits, now)).toEqual({ ok: true });
    const three = [now - 50 * 60_000, now - 20 * 60_000, now - 10_000];
    expect(decideSend({ ...none, numberDay: three, lastLiveSendAt: now - 10_000 }, limits, now)).toEqual({ ok: false, reason: 'limit_number_hour', retryAt: now + 10 * 60_000 });
    // Sends older than an hour count for the day, not the hour.
    const ten = Array.from({ length: 10 }, (_, i) => now - 20 * HOUR + i * HOUR);
    expect(decideSend({ ...none, numberDay: ten }, limits, now)).toEqual({ ok: false, reason: 'limit_number_day', retryAt: now + 4 * HOUR });
    const five = Array.from({ length: 5 }, (_, i) => now - 30 * 60_000 + i);
    expect(decideSend({ ...none, mac: five }, limits, now)).toEqual({ ok: false, reason: 'limit_mac', retryAt: now + 30 * 60_000 });
    expect(decideSend({ ...none, mac: five.slice(0, 4), ip: Array.from({ length: 20 }, () => now - 1) }, limits, now)).toEqual({ ok: false, reason: 'limit_ip', retryAt: now - 1 + HOUR });
  });
});

describe('codes, hashes and proofs', () => {
  it('codes are 6 digits with leading zeros kept, spread over the whole range', () => {
    const codes = Array.from({ length: 2000 }, generateCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    // Every first digit shows up (a modulo or length bug would starve some of them).
    expect(new Set(codes.map((c) => c[0])).size).toBe(10);
    expect(new Set(codes).size).toBeGreaterThan(1990);
  });

  it('a code hash depends on the key and the number, and compares in constant time', () => {
    const { codeKey, proofKey } = deriveKeys(crypto.randomBytes(32));
    const other = deriveKeys(crypto.randomBytes(32)).codeKey;
    const h = hashCode(codeKey, '+8801712345678', '123456');
    expect(h).not.toContain('123456');
    expect(digestsEqual(h, hashCode(codeKey, '+8801712345678', '123456'))).toBe(true);
    expect(digestsEqual(h, hashCode(codeKey, '+8801812345678', '123456'))).toBe(false);
    expect(digestsEqual(h, hashCode(other, '+8801712345678', '123456'))).toBe(false);
    expect(digestsEqual(h, hashCode(proofKey, '+8801712345678', '123456'))).toBe(false);
    expect(digestsEqual(h, 'short')).toBe(false);
  });

  it('a proof names its challenge and only matches that challenge, number and purpose', () => {
    const { proofKey } = deriveKeys(crypto.randomBytes(32));
    const p = makeProof(proofKey, 42, '+8801712345678', 'register');
    expect(proofChallengeId(p)).toBe(42);
    expect(proofMatches(proofKey, p, 42, '+8801712345678', 'register')).toBe(true);
    expect(proofMatches(proofKey, p, 42, '+8801712345678', 'pinReset')).toBe(false);
    expect(proofMatches(proofKey, p, 42, '+8801812345678', 'register')).toBe(false);
    expect(proofMatches(proofKey, p.replace(/^42/, '43'), 43, '+8801712345678', 'register')).toBe(false);
    for (const bad of [undefined, 42, '', '42', '42.', 'x.y', `42.${'a'.repeat(300)}`]) expect(proofChallengeId(bad)).toBeNull();
  });
});

describe('PINs as typed', () => {
  it('accepts 4–6 digits, Bangla and Arabic-Indic digits and spaces; refuses the rest', () => {
    expect(normalizePin('1234')).toBe('1234');
    expect(normalizePin('১২৩৪৫৬')).toBe('123456');
    expect(normalizePin('٤٥٦٧')).toBe('4567');
    expect(normalizePin(' 12 34 ')).toBe('1234');
    for (const bad of ['123', '1234567', 'abcd', '12a4', '', undefined, 1234]) expect(normalizePin(bad)).toBeNull();
  });
});
