/** Builds a WHERE clause from optional filters, keeping SQL and its parameters together. */
export function whereClause() {
  const parts: string[] = [];
  const args: (string | number)[] = [];
  return {
    /** Adds `cond` (with `?` placeholders) when `when` is true. */
    add(when: unknown, cond: string, ...values: (string | number)[]) {
      if (when !== undefined && when !== null && when !== false && when !== '') {
        parts.push(cond);
        args.push(...values);
      }
      return this;
    },
    get sql(): string {
      return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    },
    args,
  };
}
