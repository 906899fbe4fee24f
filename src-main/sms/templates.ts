import type { SmsKind, SmsLang } from '../../src-shared/api/sms';
import type { SmsTemplates } from './types';

/**
 * Default message texts. The owner may override any of them (config.templates); placeholders
 * are `{name}`. Keep the OTP texts short: Bangla goes as UCS-2, 70 characters a segment.
 */
export const defaultTemplates: Record<SmsKind, Record<SmsLang, string>> = {
  otp: {
    en: 'Your {shop} WiFi code is {code}. It expires in 5 minutes.',
    bn: '{shop} WiFi কোড {code}। ৫ মিনিটের মধ্যে ব্যবহার করুন।',
  },
  pinReset: {
    en: 'Your {shop} PIN reset code is {code}. It expires in 5 minutes. Do not share it.',
    bn: '{shop} পিন রিসেট কোড {code}। ৫ মিনিট মেয়াদ। কাউকে বলবেন না।',
  },
  receipt: {
    en: '{shop}: {package} is active until {until}. Paid {amount}. Thank you!',
    bn: '{shop}: {package} চালু, মেয়াদ {until} পর্যন্ত। পরিশোধ {amount}। ধন্যবাদ!',
  },
  test: {
    en: 'Test message from {shop}: SMS sending works.',
    bn: '{shop} থেকে পরীক্ষামূলক বার্তা: এসএমএস পাঠানো কাজ করছে।',
  },
};

/** The placeholders each kind's callers fill (for the settings page and its validation). */
export const templatePlaceholders: Record<SmsKind, readonly string[]> = {
  otp: ['shop', 'code'],
  pinReset: ['shop', 'code'],
  receipt: ['shop', 'package', 'until', 'amount'],
  test: ['shop'],
};

export function templateFor(kind: SmsKind, lang: SmsLang, overrides?: SmsTemplates): string {
  const own = overrides?.[kind]?.[lang];
  return own && own.trim() !== '' ? own : defaultTemplates[kind][lang];
}

/**
 * Fills `{name}` from vars. An unknown placeholder stays as typed, so an owner's typo shows in
 * the outbox instead of stopping every OTP.
 */
export function renderTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(vars, key) ? (vars[key] ?? '') : whole,
  );
}

/** Anything outside 7-bit ASCII needs a Unicode (UCS-2) SMS; GSM-7's extras are not worth the risk. */
export function needsUnicode(text: string): boolean {
  return /[^\x20-\x7E\r\n]/.test(text);
}
