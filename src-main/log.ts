import pino from 'pino';
import { prettyDestination } from './logPretty';
import { contractSecretPaths } from '../src-shared/api';
import { REDACTED, isPlainObject, redactPaths } from '../src-shared/api/redact';

/**
 * Structured logging (JSON lines). Secrets must never reach a log line: call sites do not log
 * them, and as a second line of defence every line is redacted here, from the same declarations
 * the audit log uses (each admin API method's `secret` fields, src-shared/api/<area>.ts):
 *  - an API input logged under `input` has every declared secret path redacted;
 *  - anywhere else (any depth), a field named like a declared secret's last segment, or like one
 *    of the internal names below, is redacted.
 */

/** Secret names that are not admin API fields: RADIUS attributes, HTTP headers, gateway clients. */
const INTERNAL_SECRET_NAMES = [
  'password', 'radiusSecret', 'otp', 'otpCode', 'voucherCode', 'cardCode', 'token', 'authorization',
  'appSecret', 'appKey', 'storePasswd', 'apiKey', 'hotspotPassword', 'chapPassword', 'userPassword', 'key',
];

/**
 * Field names log lines use for themselves, never redacted by name: 'code' is the error code
 * (AppError, err.code), which logs need. A declared secret with such a name (vouchers.redeem's
 * card `code`) is still redacted inside a logged `input`.
 */
const LOG_OWN_FIELDS = new Set(['code']);

export const secretLogNames: ReadonlySet<string> = new Set(
  [...INTERNAL_SECRET_NAMES, ...contractSecretPaths.map((p) => p.split('.').pop() ?? p)].filter((n) => !LOG_OWN_FIELDS.has(n)),
);

// Deep enough for any payload a log line carries; bounds the walk if a payload refers to itself.
const MAX_DEPTH = 8;

/** A copy of `value` with every field named in `names` redacted at any depth (plain objects and arrays only). */
function redactNames(value: unknown, names: ReadonlySet<string>, depth = 0): unknown {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    value.forEach((e: unknown, i) => {
      const r = redactNames(e, names, depth + 1);
      if (r !== e) (out ??= [...value])[i] = r;
    });
    return out ?? value;
  }
  if (!isPlainObject(value)) return value; // Errors, Buffers …: their serializers decide.
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value)) {
    const r = names.has(k) && v != null ? REDACTED : redactNames(v, names, depth + 1);
    if (r !== v) (out ??= { ...value })[k] = r;
  }
  return out ?? value;
}

/** What every log line goes through before it is written (exported for tests). */
export function redactLogObject(obj: Record<string, unknown>): Record<string, unknown> {
  let out = redactNames(obj, secretLogNames) as Record<string, unknown>;
  if (isPlainObject(out.input) || Array.isArray(out.input)) out = { ...out, input: redactPaths(out.input, contractSecretPaths) };
  return out;
}

export type Logger = pino.Logger;

export interface LoggerOptions {
  level?: string;
  /** File path or fd; default stderr. */
  destination?: string | number;
  /**
   * One readable line per event instead of JSON. Default: when logging to stderr and stderr is a
   * terminal (a person is reading); JSON everywhere else, for tools.
   */
  pretty?: boolean;
  /** Where pretty lines go (tests); default stderr. */
  prettyOut?: { write(s: string): unknown };
}

/** Pretty only when a person is reading: the default stderr destination, and stderr is a terminal. */
export function wantsPrettyLog(opts: Pick<LoggerOptions, 'pretty' | 'destination'>, stderrIsTty: boolean = process.stderr.isTTY === true): boolean {
  return opts.pretty ?? (opts.destination === undefined && stderrIsTty);
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const pretty = wantsPrettyLog(opts);
  const dest = pretty
    ? prettyDestination(opts.prettyOut ?? process.stderr)
    : pino.destination({ dest: opts.destination ?? 2, sync: true, mkdir: true });
  return pino(
    {
      level: opts.level ?? 'info',
      base: undefined,
      // Runs before serializers, on enabled levels only: a debug line that is off costs nothing.
      formatters: { log: redactLogObject },
      // Child loggers' bindings (log.child({ router })) skip formatters.log: pino's own redaction
      // covers them, for the same names at the top level and one level down.
      redact: { paths: [...secretLogNames].flatMap((n) => [n, `*.${n}`]), censor: REDACTED },
    },
    dest,
  );
}

/** A logger that drops everything (tests that do not look at logs). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
