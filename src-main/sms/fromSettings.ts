import type { Settings } from '../../src-shared/settings';
import type { SmsConfig } from './types';

/**
 * The sms settings section as the SMS subsystem reads it. Settings keep the low-balance mark in
 * whole taka (what the owner types and gateways report); the subsystem counts money in paisa.
 * The gateway key is not here: the engine hands it over through `settings.secret` on each send.
 */
export function smsConfigFromSettings(s: Settings): SmsConfig {
  return {
    provider: s.sms.provider,
    senderId: s.sms.senderId,
    http: { ...s.sms.http },
    lowBalanceWarnAt: s.sms.lowBalanceWarnAt > 0 ? s.sms.lowBalanceWarnAt * 100 : null,
    shopName: s.shop.name,
    // Empty fields fall back to the built-in text (templates.ts templateFor).
    templates: {
      otp: { en: s.sms.templates.otpEn, bn: s.sms.templates.otpBn },
      pinReset: { en: s.sms.templates.pinResetEn, bn: s.sms.templates.pinResetBn },
      receipt: { en: s.sms.templates.receiptEn, bn: s.sms.templates.receiptBn },
    },
  };
}
