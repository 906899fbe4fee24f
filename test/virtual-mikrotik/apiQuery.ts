/**
 * RouterOS API query words (`?` prefix) evaluated like the router does: each condition pushes a
 * boolean on a stack, `?#` words combine the stack (`|` or, `&` and, `!` not, `.` duplicate top),
 * and the row matches when every value left on the stack is true.
 */
export type Row = Record<string, string>;

export function matchesQuery(row: Row, queries: readonly string[]): boolean {
  const stack: boolean[] = [];
  for (const q of queries) {
    const body = q.slice(1);
    if (body.startsWith('#')) {
      for (const op of body.slice(1)) {
        if (op === '!') stack.push(!stack.pop());
        else if (op === '.') stack.push(stack.at(-1) ?? true);
        else if (op === '|' || op === '&') {
          const b = stack.pop() ?? true;
          const a = stack.pop() ?? true;
          stack.push(op === '|' ? a || b : a && b);
        }
        // digits (copy the n-th value) are not used by HotspotDesk; ignored.
      }
      continue;
    }
    stack.push(evalCondition(row, body));
  }
  return stack.every(Boolean);
}

function evalCondition(row: Row, body: string): boolean {
  if (body.startsWith('-')) return !(body.slice(1) in row);
  const op = body[0] === '<' || body[0] === '>' ? body[0] : null;
  const rest = op ? body.slice(1) : body;
  const eq = rest.indexOf('=');
  if (eq < 0) return rest in row;
  const key = rest.slice(0, eq);
  const value = rest.slice(eq + 1);
  const actual = row[key];
  if (op === null) return (actual ?? '') === value;
  if (actual === undefined) return false;
  const [a, b] = [Number(actual), Number(value)];
  const cmp = Number.isFinite(a) && Number.isFinite(b) ? a - b : actual.localeCompare(value);
  return op === '<' ? cmp < 0 : cmp > 0;
}
