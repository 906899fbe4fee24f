/**
 * The start of a Bangladeshi mobile number as typed in a search box, as the E.164 prefix it stands
 * for, so 017…, +88017…, 88017… and 0088017… all find +88017…; null when the text cannot be the
 * start of such a number (letters, or digits that no form of a BD number begins with).
 */
const BANGLA_DIGITS = '০১২৩৪৫৬৭৮৯';

export function phonePrefix(input: string): string | null {
  let s = input.trim().replace(/[০-৯]/g, (d) => String(BANGLA_DIGITS.indexOf(d)));
  s = s.replace(/[\s\-().]/g, '');
  // After + or 00 comes a country code: only 880 (typed so far) is a BD number.
  const international = s.startsWith('+') || s.startsWith('00');
  if (international) s = s.slice(s.startsWith('+') ? 1 : 2);
  if (!/^\d+$/.test(s) || (international && !s.startsWith('8'))) return null;
  let e164: string;
  // 8, 88, 880… : the country code typed without +; 0…: the local form; 1…: local without the 0.
  if (s.startsWith('8')) e164 = `+${s}`;
  else if (s.startsWith('0')) e164 = `+88${s}`;
  else if (s.startsWith('1')) e164 = `+880${s}`;
  else return null;
  // Must still agree with "+8801" as far as it goes, and be no longer than a whole number.
  const stem = '+8801';
  if (!(e164.startsWith(stem) || stem.startsWith(e164)) || e164.length > 14) return null;
  return e164;
}

/** The prefix in the 11-digit local form (the hotspot username), or null when it names no digit past +880. */
export function localPhonePrefix(e164Prefix: string): string | null {
  return e164Prefix.length > 4 ? `0${e164Prefix.slice(4)}` : null;
}
