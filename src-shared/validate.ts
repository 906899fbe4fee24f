import type { z } from 'zod';

/** One bad field of an input: its dotted path (`items.0.price`, `input` for the whole) and the problem. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Said of a key the method's schema does not have (a strict object's unrecognized_keys). */
export const NOT_A_FIELD = 'is not a field of this method';

/**
 * zod issues → one FieldIssue per bad field, in zod's order. The admin dispatcher names its
 * invalid_input with the first and sends them all (src-main/admin), and the admin UI checks a form
 * with the same code before sending (fieldErrors), so both name a field and word its problem alike.
 */
export function zodIssues(err: z.ZodError): FieldIssue[] {
  return err.issues.flatMap((issue) => toFieldIssues(issue));
}

function toFieldIssues(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): FieldIssue[] {
  const path = [...prefix, ...issue.path];
  // A union (e.g. { id } | { phone }) reports its branches' issues nested. Name the closest one
  // first (the first issue that is not a stray key), then the rest of its branch, which is the
  // shape the caller was most likely writing.
  if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length) {
    const branches = issue.errors as z.core.$ZodIssue[][];
    const all = branches.flat();
    const best = all.find((b) => b.code !== 'unrecognized_keys') ?? all[0];
    const branch = best ? branches.find((b) => b.includes(best)) : undefined;
    if (best && branch) return [best, ...branch.filter((b) => b !== best)].flatMap((b) => toFieldIssues(b, path));
  }
  const names = path.map(String);
  // One entry per stray key, so a form (or script) learns of each one at once.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ field: [...names, key].join('.'), message: NOT_A_FIELD }));
  }
  return [{ field: names.join('.') || 'input', message: issue.message }];
}

/**
 * Runs a contract method's input schema (`contract[method].input`) over `input` as the dispatcher
 * does and returns every bad field → its problem in the server's words; `{}` when the input would
 * pass. A field with several problems keeps the first, as the server's `field` would.
 */
export function fieldErrors(schema: z.ZodType, input: unknown): Record<string, string> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const { field, message } of zodIssues(parsed.error)) out[field] ??= message;
  return out;
}

/** Narrows an error's detail to a FieldIssue list (AppError.detail is untyped). */
export function isFieldIssueList(v: unknown): v is FieldIssue[] {
  return Array.isArray(v) && v.every((i) => i != null && typeof i === 'object' && typeof (i as FieldIssue).field === 'string' && typeof (i as FieldIssue).message === 'string');
}
