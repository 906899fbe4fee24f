import { zonedParts } from './time';

/** A cell: text, a number written as is, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/**
 * One RFC 4180 field: quoted when it holds a comma, a quote, a line break or edge spaces, with
 * quotes doubled. Text a spreadsheet would run as a formula (=, @, a sign not followed by a
 * plain number, a tab or CR first) gets a leading apostrophe: customer names come from the
 * portal, and a name like `=HYPERLINK(…)` must open as text in the owner's Excel.
 */
export function csvField(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && (/^[=@\t\r]/.test(s) || (/^[+-]/.test(s) && !/^[+-]\d+(\.\d+)?$/.test(s)))) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A whole CSV document: header then rows, CRLF line ends (RFC 4180), and a UTF-8 byte-order mark
 * so Excel on Windows reads Bangla names as Bangla instead of mojibake.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Paisa as taka with two decimals and no grouping (a spreadsheet reads it as a number): 123456 → "1234.56". */
export function csvTaka(paisa: number): string {
  const abs = Math.abs(paisa);
  return `${paisa < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "2026-06-01 12:00" on the shop's wall clock; empty for no time. */
export function csvTime(ms: number | null | undefined, timeZone: string): string {
  if (ms == null) return '';
  const p = zonedParts(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}
