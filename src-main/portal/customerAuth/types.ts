/**
 * How a customer proves who they are on the portal (issue #9 "The customer's flow", steps 2–3):
 * a new number by an SMS OTP, then a PIN of their choosing; a returning customer on a new device
 * by number + PIN; a forgotten PIN reset through an OTP. With the abuse limits (settings `otp`)
 * that keep anyone from running up the shop's SMS bill or guessing a PIN.
 *
 * This module decides; the portal's pages only render its answers. Every refusal is a reason
 * code (the pages turn it into plain words in the customer's language) and, where waiting
 * helps, the time when trying again will work.
 *
 * Phones are E.164 (+8801…), MACs normalised (AA:BB:…), `ip` the address the request came from.
 */
import type { Lang } from '../i18n';

export type OtpPurpose = 'register' | 'pinReset';

export type OtpRequestRefusal =
  /** The number has had `otp.perNumberPerHour` codes in the last hour. */
  | 'limit_number_hour'
  /** … or `otp.perNumberPerDay` in the last 24 hours. */
  | 'limit_number_day'
  /** This device (MAC) asked for `otp.perMacPerHour` codes in the last hour, for any numbers. */
  | 'limit_mac'
  /** This source address asked for `otp.perIpPerHour` in the last hour (many phones share one behind NAT). */
  | 'limit_ip'
  /** A code was sent less than `otp.resendAfterSeconds` ago: wait, or use that one. */
  | 'resend_too_soon'
  /** The SMS could not be sent (gateway down, no balance): try again; the owner sees it in the outbox. */
  | 'sms_failed'
  /** pinReset for a number that is not a customer, or register for a customer who already has a PIN. */
  | 'wrong_purpose'
  /** The owner disabled this customer. */
  | 'disabled';

export type OtpRequestResult =
  | { ok: true; challengeId: number; expiresAt: number; resendAt: number }
  | { ok: false; reason: OtpRequestRefusal; retryAt?: number };

export type OtpVerifyRefusal =
  | 'wrong_code'
  /** 5 wrong tries (`otp.maxAttempts`): this code is dead; ask for a new one (if the limits allow). */
  | 'too_many_attempts'
  | 'expired'
  /** No such challenge for this number, or it was already used. */
  | 'unknown';

export type OtpVerifyResult =
  /** `proof` is a short-lived signed string the next step (setPin) accepts once. */
  | { ok: true; proof: string }
  | { ok: false; reason: OtpVerifyRefusal; attemptsLeft?: number };

export type PinLoginRefusal =
  | 'wrong_pin'
  /** `otp.pinMaxAttempts` wrong PINs: locked for `otp.pinLockMinutes`; a PIN reset by OTP is offered. */
  | 'locked'
  /** A customer without a PIN yet (created at the counter): register by OTP instead. */
  | 'no_pin'
  | 'unknown_number'
  | 'disabled';

export type PinLoginResult =
  | { ok: true; customerId: number }
  | { ok: false; reason: PinLoginRefusal; attemptsLeft?: number; lockedUntil?: number };

export interface Requester {
  mac: string | null;
  ip: string;
}

export interface CustomerAuth {
  /** What the number is to us: the portal asks for a PIN or sends an OTP accordingly. */
  lookup(phone: string): { known: false } | { known: true; customerId: number; hasPin: boolean; disabled: boolean };
  /** Sends a 6-digit code by SMS (stored hashed, lives `otp.ttlSeconds`). */
  requestOtp(input: { phone: string; purpose: OtpPurpose; lang: Lang } & Requester): Promise<OtpRequestResult>;
  verifyOtp(input: { phone: string; challengeId: number; code: string } & Requester): OtpVerifyResult;
  /** Sets the PIN after a verified OTP (creating the customer for `register`); the proof works once. */
  setPin(input: { proof: string; pin: string }): { ok: true; customerId: number } | { ok: false; reason: 'invalid_proof' | 'bad_pin' };
  loginWithPin(input: { phone: string; pin: string } & Requester): PinLoginResult;
  /** The owner's "reset PIN" on the customer page: texts the customer a code with which they set a new PIN on the portal. */
  startPinReset(customerId: number, lang: Lang): Promise<OtpRequestResult>;
}
