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
  };
}
