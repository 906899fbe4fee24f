/**
 * MAC addresses in any of the forms RouterOS and people write (`aa:bb:cc:dd:ee:ff`,
 * `AA-BB-CC-DD-EE-FF`, `aabb.ccdd.eeff`, `AABBCCDDEEFF`), normalised to `AA:BB:CC:DD:EE:FF`.
 */
export function normalizeMac(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const hex = input.trim().replace(/[:\-.\s]/g, '');
  if (!/^[0-9a-fA-F]{12}$/.test(hex)) return null;
  // Separators must be consistent with a real format, not random: accept the 4 common layouts.
  const t = input.trim();
  if (!/^[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}$/i.test(t) && !/^[0-9a-f]{12}$/i.test(t) && !/^([0-9a-f]{4}\.){2}[0-9a-f]{4}$/i.test(t)) {
    return null;
  }
  const up = hex.toUpperCase();
  return up.match(/../g)!.join(':');
}

export function isMac(s: string): boolean {
  return /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/.test(s);
}
