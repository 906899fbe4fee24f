/**
 * Recharge-card codes as people read, print and type them. Pure, so the engine (API, portal) and
 * the admin UI normalise and group a code the same way; billing/vouchers.ts re-exports these.
 */

import type { VoucherAlphabet } from './domain';

export type { VoucherAlphabet };

const BANGLA = '০১২৩৪৫৬৭৮৯';
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/**
 * The stored form of a typed code: upper case, Bangla and Arabic-Indic digits as ASCII (a Bangla
 * keypad types ১২৩), and everything else (spaces, dashes, dots) dropped, so
 * `wk-abcd efgh`, `WKABCDEFGH` and `wk abcd-efgh` are one card.
 */
export function normalizeVoucherCode(input: string): string {
  return input
    .replace(/[০-৯]/g, (d) => String(BANGLA.indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String(ARABIC_INDIC.indexOf(d)))
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/**
 * Group sizes of a code's body for print. Default codes: fours (XXXX-XXXX-XXXX). Digit codes
 * (13 digits): 4-3-3-3, groups of four or three only, read like a phone number, and no group
 * longer than the four a person holds in mind while typing on a keypad.
 */
function groupSizes(length: number, alphabet: VoucherAlphabet): number[] {
  if (alphabet === 'digits' && length === 13) return [4, 3, 3, 3];
  const sizes: number[] = [];
  for (let left = length; left > 0; left -= 4) sizes.push(Math.min(4, left));
  return sizes;
}

/** `PREFIX-XXXX-XXXX-XXXX` (default) or `PREFIX-1234-567-890-123` (digits), as printed on a card. */
export function formatVoucherCode(code: string, prefix = '', alphabet: VoucherAlphabet = 'default'): string {
  const body = code.startsWith(prefix) ? code.slice(prefix.length) : code;
  const groups: string[] = [];
  let at = 0;
  for (const n of groupSizes(body.length, alphabet)) {
    groups.push(body.slice(at, at + n));
    at += n;
  }
  return [prefix, ...groups].filter(Boolean).join('-');
}
