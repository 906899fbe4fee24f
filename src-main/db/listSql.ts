import type { SortDir } from '../../src-shared/api/listQuery';

/**
 * SQL pieces for the admin's paged, sorted, searched lists (customers, payments). Searches are
 * prefix ranges, `col >= p AND col < p || U+10FFFF`, rather than LIKE: a range on an indexed column
 * is an index seek whatever the binding, and no character typed is a wildcard.
 */
const TOP = String.fromCodePoint(0x10ffff);

/** `expr` starts with `prefix` (expr may carry a COLLATE, the index's). */
export function prefixRange(expr: string, prefix: string): { sql: string; args: string[] } {
  return { sql: `(${expr} >= ? AND ${expr} < ?)`, args: [prefix, prefix + TOP] };
}

/**
 * ORDER BY the key's columns then the row id, all the same direction: an index on the key holds its rows in
 * exactly that order (the rowid is its last column), so a page is read straight off it.
 */
export function orderBy(key: string | readonly string[], idExpr: string, dir: SortDir): string {
  const d = dir === 'asc' ? 'ASC' : 'DESC';
  const cols = [...(typeof key === 'string' ? [key] : key), idExpr];
  return `ORDER BY ${cols.map((c) => `${c} ${d}`).join(', ')}`;
}
