/**
 * Gateways speak taka as decimal strings ("30.00", sometimes "30" or "30.0000"); we keep paisa.
 * Both directions are done on the digits, never through floating point, so an amount the flow
 * compares with the invoice is exactly what the gateway said.
 */

/** 3050 → "30.50". */
export function paisaToTaka(paisa: number): string {
  const whole = Math.trunc(paisa / 100);
  return `${whole}.${String(paisa % 100).padStart(2, '0')}`;
}

/** "30.50" | "30.5" | "30" | "30.5000" | 30.5 → 3050; null for anything else (or sub-paisa digits). */
export function takaToPaisa(value: unknown): number | null {
  const s = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  const m = /^(\d{1,12})(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const frac = m[2] ?? '';
  if (/[1-9]/.test(frac.slice(2))) return null;
  return Number(m[1]) * 100 + Number(frac.slice(0, 2).padEnd(2, '0'));
}
