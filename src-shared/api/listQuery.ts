import { z } from 'zod';

/**
 * Paging and sorting for the admin's big tables (customers, payments, auth log). A page is at most
 * LIST_MAX_LIMIT rows: the UI shows 50 at a time, and a cap keeps one call from holding the
 * engine for the whole table (exports have their own methods).
 */
export const LIST_MAX_LIMIT = 500;

export const listPageInput = {
  limit: z.number().int().min(1).max(LIST_MAX_LIMIT, `must be at most ${LIST_MAX_LIMIT}`).optional(),
  offset: z.number().int().min(0).optional(),
};

export const sortDirs = ['asc', 'desc'] as const;
export type SortDir = (typeof sortDirs)[number];

export interface Sort<K extends string> {
  by: K;
  /** Defaults to the key's natural order: newest/largest first for times and money, A→Z for words. */
  dir?: SortDir;
}

/** `sort: { by, dir }` with `by` one of `keys` (anything else is invalid_input naming sort.by). */
export function sortInput<const K extends readonly [string, ...string[]]>(keys: K) {
  return z.strictObject({ by: z.enum(keys), dir: z.enum(sortDirs).optional() }).optional();
}

/** Search text typed in a table's search box (trimmed; an empty box searches nothing). */
export const searchText = z.string({ error: 'must be text' }).trim().max(50, 'must be at most 50 characters').optional();
