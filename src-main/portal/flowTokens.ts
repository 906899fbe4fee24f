import { signState, verifyState } from './stateToken';

/**
 * The customer flow's state without cookies, in signed short-lived tokens beside the router's
 * `t` (stateToken.ts). Each kind carries `k` so one kind can never be replayed as another.
 *
 * - `a` (auth): this customer proved the number (OTP + PIN, or PIN) or is the owner of the
 *   device's MAC; bound to the MAC of the page it was issued on.
 * - `s` (step): the number being registered or logged in, and the OTP challenge sent for it.
 * - `p` (proof): customerAuth's one-use proof after a verified OTP, with the number it is for.
 */
export interface AuthToken {
  k: 'a';
  cid: number;
  mac: string | null;
}
export type OtpPurposeStep = 'register' | 'pinReset';
export interface StepToken {
  k: 's';
  phone: string;
  /** What the number needs: a PIN, or the code sent for this purpose. */
  need: 'pin' | OtpPurposeStep;
  ch: number | null;
  resendAt: number | null;
}
export interface ProofToken {
  k: 'p';
  phone: string;
  proof: string;
  purpose: OtpPurposeStep;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const nullable = (v: unknown, t: 'string' | 'number') => v === null || typeof v === t;

export const isAuthToken = (v: unknown): v is AuthToken => isObj(v) && v.k === 'a' && typeof v.cid === 'number' && nullable(v.mac, 'string');
export const isStepToken = (v: unknown): v is StepToken =>
  isObj(v) && v.k === 's' && typeof v.phone === 'string' && (v.need === 'pin' || v.need === 'register' || v.need === 'pinReset') && nullable(v.ch, 'number') && nullable(v.resendAt, 'number');
export const isProofToken = (v: unknown): v is ProofToken =>
  isObj(v) && v.k === 'p' && typeof v.phone === 'string' && typeof v.proof === 'string' && (v.purpose === 'register' || v.purpose === 'pinReset');

export function signToken<T extends AuthToken | StepToken | ProofToken>(key: Buffer, value: T, expiresAt: number): string {
  return signState(key, value, expiresAt);
}

export function readToken<T>(key: Buffer, token: unknown, now: number, check: (v: unknown) => v is T): T | null {
  const r = verifyState(key, token, now, check);
  return r.ok ? r.value : null;
}
