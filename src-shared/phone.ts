/**
 * Bangladeshi mobile numbers. Stored E.164 `+8801XXXXXXXXX`; shown and used as the hotspot
 * username in the 11-digit local form `01XXXXXXXXX`. Operator digit 3–9 (1 was Citycell, closed).
 */
const E164 = /^\+8801[3-9]\d{8}$/;
const BANGLA_DIGITS = '০১২৩৪৫৬৭৮৯';

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

export function normalizePhone(input: unknown): PhoneResult {
  if (typeof input !== 'string' || input.trim() === '') {
    return { ok: false, message: 'Enter a mobile number such as 01712345678.' };
  }
  // Customers type Bangla digits, spaces, dashes, dots and brackets; keep a leading + only.
  let s = input.trim().replace(/[০-৯]/g, (d) => String(BANGLA_DIGITS.indexOf(d)));
  s = s.replace(/[\s\-().]/g, '');
  if (s.startsWith('+')) s = s.slice(1);
  if (s.startsWith('00')) s = s.slice(2);
  if (!/^\d+$/.test(s)) return { ok: false, message: 'A mobile number has digits only, such as 01712345678.' };
  if (s.length === 13 && s.startsWith('8801')) s = `+${s}`;
  else if (s.length === 11 && s.startsWith('01')) s = `+88${s}`;
  else if (s.length === 10 && s.startsWith('1')) s = `+880${s}`;
  else return { ok: false, message: 'A Bangladeshi mobile number has 11 digits and starts with 01, such as 01712345678.' };
  if (!E164.test(s)) {
    return { ok: false, message: 'That is not a Bangladeshi mobile number: the third digit must be 3 to 9 (013…019).' };
  }
  return { ok: true, e164: s };
}

export function isE164Phone(s: string): boolean {
  return E164.test(s);
}

/** `+8801712345678` → `01712345678` (the hotspot username, and what wallets like bKash take). */
export function toLocalPhone(e164: string): string {
  return `0${e164.slice(4)}`;
}

/** `+8801712345678` → `8801712345678` (BulkSMSBD, SSL Wireless). */
export function toGatewayPhone(e164: string): string {
  return e164.slice(1);
}
