import pino from 'pino';

/**
 * Structured logging (JSON lines). Secrets must never reach a log line: call sites do not log
 * them, and as a second line of defence pino's redaction blanks any field with a secret-ish name
 * at the top level or one level down.
 */
const SECRET_KEYS = [
  // Not 'code': errors carry their error code there, which logs need.
  'password', 'apiPassword', 'secret', 'radiusSecret', 'pin', 'otp', 'otpCode', 'voucherCode', 'cardCode',
  'token', 'authorization', 'appSecret', 'appKey', 'storePasswd', 'apiKey', 'hotspotPassword',
  'chapPassword', 'userPassword', 'key',
];

export type Logger = pino.Logger;

export interface LoggerOptions {
  level?: string;
  /** File path or fd; default stderr. */
  destination?: string | number;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const dest = pino.destination({ dest: opts.destination ?? 2, sync: true, mkdir: true });
  return pino(
    {
      level: opts.level ?? 'info',
      base: undefined,
      redact: { paths: [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`)], censor: '[redacted]' },
    },
    dest,
  );
}

/** A logger that drops everything (tests that do not look at logs). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
