import crypto from 'node:crypto';
import type { OtpPurpose } from './types';

/**
 * The codes we text and the proofs a verified code earns.
 *
 * Codes are stored as HMAC-SHA256 under a key derived from the engine's signing key, not scrypt:
 * a 6-digit code has only a million values, so a slow hash would not stop an offline search for
 * long anyway, while it would block the event loop ~30 ms on every one of up to 5 tries. What
 * protects the code is that it lives 5 minutes and 5 tries, and that the key is not in the
 * database: a stolen database file alone cannot be searched at all.
 */

export const OTP_DIGITS = 6;

/** Separate keys per use, so a code hash can never be replayed as a proof or the reverse. */
export function deriveKeys(signingKey: Buffer): { codeKey: Buffer; proofKey: Buffer } {
  const derive = (label: string) => crypto.createHmac('sha256', signingKey).update(`customerAuth.${label}`).digest();
  return { codeKey: derive('otpCode'), proofKey: derive('otpProof') };
}

/** 6 digits from crypto.randomInt, which rejects out-of-range draws (no modulo bias). */
export function generateCode(): string {
  return String(crypto.randomInt(0, 10 ** OTP_DIGITS)).padStart(OTP_DIGITS, '0');
}

/** The phone is mixed in so one hash cannot stand for the same code sent to another number. */
export function hashCode(codeKey: Buffer, phone: string, code: string): string {
  return crypto.createHmac('sha256', codeKey).update(`${phone}:${code}`).digest('base64url');
}

/** Constant-time comparison of two base64url digests (different lengths simply differ). */
export function digestsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'base64url');
  const y = Buffer.from(b, 'base64url');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function proofSignature(proofKey: Buffer, challengeId: number, phone: string, purpose: OtpPurpose): string {
  return crypto.createHmac('sha256', proofKey).update(`proof:${challengeId}:${phone}:${purpose}`).digest('base64url');
}

/**
 * `<challengeId>.<signature>`. It carries no expiry or use count of its own: both live in the
 * challenge's row (expires_at, proof_used_at), so a proof dies with its challenge and works once.
 */
export function makeProof(proofKey: Buffer, challengeId: number, phone: string, purpose: OtpPurpose): string {
  return `${challengeId}.${proofSignature(proofKey, challengeId, phone, purpose)}`;
}

/** The challenge id a proof names, before its signature is checked against that challenge. */
export function proofChallengeId(proof: unknown): number | null {
  if (typeof proof !== 'string' || proof.length > 200) return null;
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(proof);
  return m ? Number(m[1]) : null;
}

export function proofMatches(proofKey: Buffer, proof: string, challengeId: number, phone: string, purpose: OtpPurpose): boolean {
  const given = proof.slice(proof.indexOf('.') + 1);
  return digestsEqual(given, proofSignature(proofKey, challengeId, phone, purpose));
}
