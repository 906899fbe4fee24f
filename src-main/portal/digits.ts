/**
 * Digits as customers type and read them. Bangla phones often have a Bangla keyboard, so every
 * number field accepts ০–৯ (and the Arabic-Indic digits some keyboards give) as well as 0–9.
 */
const BANGLA = '০১২৩৪৫৬৭৮৯';
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** Maps Bangla and Arabic-Indic digits to ASCII and drops spaces, dashes and dots between them. */
export function parseDigits(input: string): string {
  return input
    .replace(/[০-৯]/g, (d) => String(BANGLA.indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String(ARABIC_INDIC.indexOf(d)))
    .replace(/[\s\-.]/g, '');
}

/** ASCII digits → Bangla digits (for display in Bangla pages); other characters unchanged. */
export function toBanglaDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => BANGLA[Number(d)]!);
}
