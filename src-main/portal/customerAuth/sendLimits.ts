import type { Settings } from '../../../src-shared/settings';
import type { OtpRequestRefusal } from './types';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * When a sliding-window limit lets the next send through, or null when it does now.
 * `times` are the counted sends inside the window, oldest first. With n ≥ limit sends counted,
 * the window must lose n − limit + 1 of them; the last of those to leave is times[n − limit].
 * A send at t is counted while t > now − window, so it leaves at exactly t + window.
 */
export function windowRetryAt(times: readonly number[], limit: number, windowMs: number): number | null {
  if (times.length < limit) return null;
  return times[times.length - limit]! + windowMs;
}

/** The sends already recorded that the limits count (created_at, oldest first). */
export interface RecordedSends {
  /** This number's sends in the last 24 hours, any purpose. */
  numberDay: readonly number[];
  /** This device's sends in the last hour; null when the request has no MAC (the owner's reset). */
  mac: readonly number[] | null;
  /** This source address's sends in the last hour; null when the limit does not apply (the owner's reset). */
  ip: readonly number[] | null;
  /** When this number was last texted a code that did not fail (pending counts: it may be arriving). */
  lastLiveSendAt: number | null;
}

export type LimitDecision = { ok: true } | { ok: false; reason: OtpRequestRefusal; retryAt: number };

/**
 * Whether one more code may be sent now. When several limits refuse, the answer is the one that
 * lasts longest: telling the customer to wait 40 s for a resend, only to refuse them for an hour
 * after that, would be the "silence" the issue forbids.
 */
export function decideSend(sends: RecordedSends, limits: Settings['otp'], now: number): LimitDecision {
  const hourAgo = now - HOUR_MS;
  const refusals: Array<{ reason: OtpRequestRefusal; retryAt: number | null }> = [
    { reason: 'limit_number_day', retryAt: windowRetryAt(sends.numberDay, limits.perNumberPerDay, DAY_MS) },
    { reason: 'limit_number_hour', retryAt: windowRetryAt(sends.numberDay.filter((t) => t > hourAgo), limits.perNumberPerHour, HOUR_MS) },
    { reason: 'limit_mac', retryAt: sends.mac ? windowRetryAt(sends.mac, limits.perMacPerHour, HOUR_MS) : null },
    { reason: 'limit_ip', retryAt: sends.ip ? windowRetryAt(sends.ip, limits.perIpPerHour, HOUR_MS) : null },
    {
      reason: 'resend_too_soon',
      retryAt: sends.lastLiveSendAt !== null && now < sends.lastLiveSendAt + limits.resendAfterSeconds * 1000 ? sends.lastLiveSendAt + limits.resendAfterSeconds * 1000 : null,
    },
  ];
  let worst: { reason: OtpRequestRefusal; retryAt: number } | null = null;
  for (const r of refusals) {
    if (r.retryAt !== null && (worst === null || r.retryAt > worst.retryAt)) worst = { reason: r.reason, retryAt: r.retryAt };
  }
  return worst ? { ok: false, ...worst } : { ok: true };
}

export const LIMIT_WINDOWS = { HOUR_MS, DAY_MS } as const;
