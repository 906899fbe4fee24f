/** What a redacted secret is replaced with, in the audit log and in log lines. */
export const REDACTED = '[redacted]';

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of `value` with each dotted path (as declared in a method's `secret`) replaced by
 * REDACTED; `value` itself is never changed. Arrays are walked through, since a path names fields,
 * not indices. A path missing from the value is skipped, so one list serves every branch of a
 * union; a null or absent secret stays as it is (it says "cleared", not the secret).
 */
export function redactPaths(value: unknown, paths: readonly string[]): unknown {
  if (paths.length === 0) return value;
  return redactSplit(value, paths.map((p) => p.split('.')));
}

function redactSplit(value: unknown, paths: readonly string[][]): unknown {
  if (Array.isArray(value)) return value.map((e: unknown) => redactSplit(e, paths));
  if (!isPlainObject(value)) return value;
  let out: Record<string, unknown> | null = null;
  for (const [head, ...rest] of paths) {
    if (head === undefined || value[head] == null) continue;
    out ??= { ...value };
    out[head] = rest.length === 0 ? REDACTED : redactSplit(out[head], [rest]);
  }
  return out ?? value;
}
