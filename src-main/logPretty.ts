/**
 * One readable line per log event for a person watching a terminal (`npm start`, `npm run serve`):
 * `14:05:09 WARN  routeros call failed  router=3 code=ROUTER_UNREACHABLE`. Only used when stderr
 * is a TTY; pipes, files and services keep the JSON lines, which tools can parse. It formats lines
 * pino has already redacted, so it never sees a secret.
 */

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };

// Fields pino adds to every line, shown in the line's head instead of as key=value.
const HEAD_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** A value as it reads after `key=`: plain when it is one word, quoted when it has spaces. */
function scalar(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  return /^[^\s="]+$/.test(s) ? s : JSON.stringify(s);
}

/** Nested objects become dotted keys (router.name=r1); arrays are joined with commas. */
function flatten(prefix: string, v: unknown, out: string[], depth = 0): void {
  if (Array.isArray(v)) {
    out.push(`${prefix}=${scalar(v.map((e) => (typeof e === 'object' && e !== null ? JSON.stringify(e) : String(e))).join(','))}`);
    return;
  }
  if (typeof v === 'object' && v !== null && depth < 4) {
    const o = v as Record<string, unknown>;
    // An error pino serialised: its code and message are what the reader acts on; the stack is noise here.
    if (typeof o.message === 'string' && (typeof o.stack === 'string' || typeof o.type === 'string')) {
      out.push(`${prefix}=${scalar(typeof o.code === 'string' ? `${o.code}: ${o.message}` : o.message)}`);
      return;
    }
    for (const [k, e] of Object.entries(o)) flatten(prefix ? `${prefix}.${k}` : k, e, out, depth + 1);
    return;
  }
  out.push(`${prefix}=${scalar(v)}`);
}

/** One JSON log line → one readable line (a line that is not JSON is passed through as it is). */
export function prettyLogLine(json: string): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.replace(/\n$/, '');
  }
  const t = typeof o.time === 'number' ? new Date(o.time) : new Date();
  const time = `${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}`;
  const level = LEVELS[Number(o.level)] ?? String(o.level);
  const fields: string[] = [];
  for (const [k, v] of Object.entries(o)) if (!HEAD_FIELDS.has(k)) flatten(k, v, fields);
  // Newlines inside a message would break "one line per event".
  const msg = typeof o.msg === 'string' ? o.msg.replace(/\s*\n\s*/g, ' ') : '';
  return [`${time} ${level} ${msg}`, ...(fields.length ? [fields.join(' ')] : [])].join('  ');
}

/** A pino destination that writes pretty lines to `out` (a TTY). */
export function prettyDestination(out: { write(s: string): unknown }): { write(s: string): void } {
  return {
    write(chunk: string) {
      // pino writes one line per call, but be safe with several.
      for (const line of chunk.split('\n')) if (line) out.write(`${prettyLogLine(line)}\n`);
    },
  };
}
