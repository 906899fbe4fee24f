import { isMac, normalizeMac } from '../../src-shared/mac';
import { normalizePhone, type PhoneResult } from '../../src-shared/phone';

/**
 * Hot-path front ends to normalizeMac/normalizePhone (src-shared): each Access-Request needs one
 * MAC (Calling-Station-Id) and one username test, and the general functions run four to six
 * regular expressions plus replace/match/join each time. These return exactly what the general
 * functions return; they only skip the work for the forms RouterOS actually sends. The unit tests
 * compare them with the general functions.
 */

/** normalizeMac, answering at once for the canonical `AA:BB:CC:DD:EE:FF` and for impossible lengths. */
export function fastNormalizeMac(input: string): string | null {
  // Already canonical: normalizeMac would strip the colons, uppercase and re-join the same string.
  if (input.length === 17 && isMac(input)) return input;
  // normalizeMac accepts only its three layouts after trim (12, 14 or 17 characters), so any
  // other length with nothing to trim is null. (trim() returns the same string when there is
  // nothing to remove; it knows every kind of whitespace String.prototype.trim does.)
  const n = input.length;
  if (n !== 12 && n !== 14 && n !== 17 && input.trim().length === n) return null;
  return normalizeMac(input);
}

const LOCAL = /^01[3-9]\d{8}$/;

/** normalizePhone, answering at once for the 11-digit local number that is our hotspot username. */
export function fastNormalizePhone(input: string): PhoneResult {
  // normalizePhone maps exactly these strings to `+88` + input (trim, digit and separator steps
  // are no-ops on them, and the E.164 check then passes).
  if (input.length === 11 && LOCAL.test(input)) return { ok: true, e164: `+88${input}` };
  return normalizePhone(input);
}
