import { parseTaka } from '../../../src-shared/units';

/**
 * bKash carries money as decimal taka strings ("30", "30.00"). We keep integer paisa and convert
 * by string, never through a float, so 30.10 taka is 3010 paisa and never 3009.
 */

/** 3000 paisa → "30.00" (what create and refund send). */
export function paisaToTaka(paisa: number): string {
  if (!Number.isSafeInteger(paisa) || paisa < 0) throw new RangeError(`amount must be whole, non-negative paisa (got ${paisa})`);
  return `${Math.floor(paisa / 100)}.${String(paisa % 100).padStart(2, '0')}`;
}

/**
 * "30", "30.5", "30.00" (or a number, as some replies carry) → paisa. Trailing zeros beyond two
 * decimals ("30.000") are accepted; anything else is null: never rounded into a wrong amount.
 */
export function takaToPaisa(value: unknown): number | null {
  if (typeof value === 'number') value = String(value);
  if (typeof value !== 'string') return null;
  const s = value.trim().replace(/^(\d+\.\d{2})0+$/, '$1');
  return parseTaka(s);
}

/**
 * bKash timestamps: `2019-08-07T11:12:34:978 GMT+0600` (milliseconds after a colon, a GMT
 * offset): not ISO 8601. Epoch ms, or null when it is not in that shape.
 */
export function parseBkashTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?::(\d{1,3}))?\s*GMT([+-])(\d{2}):?(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms = '0', sign, oh, om] = m;
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0')));
  const offset = (Number(oh) * 60 + Number(om)) * 60_000 * (sign === '-' ? -1 : 1);
  return local - offset;
}
