import { z } from 'zod';
import { isValidTimeZone } from './time';
import { normalizePhone } from './phone';
import { parseRate } from './units';
import { PORTAL_LANGUAGES, SMS_PROVIDERS } from './settingsOptions';

export { PORTAL_LANGUAGES, SMS_PROVIDERS };

/**
 * Owner-editable settings, one typed section per concern. Each section is stored as one JSON row
 * in `settings` (src-main/settingsStore.ts); a field missing from the row, or one that no longer
 * validates, has its default, so adding a field needs no migration and one bad value never costs
 * the owner the rest of the section.
 *
 * Secret fields (gateway keys, passwords) are not part of these schemas: they are sealed with the
 * engine's secret box, never returned (`has<Field>` instead) and read only through
 * `settings.secret(section, field)`. Every message here is written for the shop owner: the admin
 * API prefixes it with the dotted field (`shop.timezone: must be …`).
 */

// ---- field schemas with plain-words messages ----

function text(max: number) {
  return z.string({ error: 'must be text' }).trim().max(max, `must be at most ${max} characters`);
}

function wholeNumber(min: number, max: number, unit: string) {
  const range = `must be between ${min} and ${max} ${unit}`;
  return z
    .number({ error: `must be a number of ${unit}` })
    .int({ error: `must be a whole number of ${unit}` })
    .min(min, range)
    .max(max, range);
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of: ${values.join(', ')}` });
}

const onOff = z.boolean({ error: 'must be true or false' });

/** Empty, or an http(s) URL with a host: a typo here silently drops the portal or a gateway. */
function urlOrEmpty(example: string) {
  const message = `must be a web address starting with http:// or https://, such as ${example} (or empty)`;
  return text(300).refine((s) => s === '' || isHttpUrl(s), message);
}

export function isHttpUrl(s: string): boolean {
  if (/\s/.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * An IPv4 address or a DNS name. A name whose last label is all digits is an IPv4 attempt
 * (999.1.1.1, 10.0.0), not a host name, so it must be a valid address.
 */
export function isIpv4OrHostName(s: string): boolean {
  if (IPV4.test(s)) return true;
  if (s.length > 253) return false;
  const labels = s.toLowerCase().replace(/\.$/, '').split('.');
  if (/^\d+$/.test(labels.at(-1) ?? '')) return false;
  return labels.every((l) => DNS_LABEL.test(l));
}

/** A Bangladeshi mobile number (stored E.164 like every phone), or empty. */
const mobileOrEmpty = z.string({ error: 'must be text' }).transform((s, ctx) => {
  if (s.trim() === '') return '';
  const r = normalizePhone(s);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: `must be a Bangladeshi mobile number such as 01712345678 (or empty): ${r.message}` });
    return z.NEVER;
  }
  return r.e164;
});

/** A Rocket (DBBL) account: the 11-digit mobile number plus one check digit, or the bare 11 digits. */
const rocketOrEmpty = z
  .string({ error: 'must be text' })
  .transform((s) => s.replace(/[\s-]/g, ''))
  .refine((s) => s === '' || /^01[3-9]\d{8}\d?$/.test(s), 'must be a Rocket account number: 01 and 9 more digits, plus its check digit (12 digits)');

const timezone = z
  .string({ error: 'must be text' })
  .trim()
  .refine(isValidTimeZone, 'must be a time zone name such as Asia/Dhaka')
  // Intl accepts `asia/dhaka`; store the canonical spelling the rest of the app compares against.
  .transform((tz) => new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone);

const colour = z
  .string({ error: 'must be text' })
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written as # and 6 hex digits, such as #1a73e8')
  .transform((s) => s.toLowerCase());

export const LOGO_MAX_BYTES = 48 * 1024;
const LOGO_TYPES = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP', 'svg+xml': 'SVG' } as const;

/** Why a logo data: URL is refused, or null when it is a small PNG/JPEG/WebP/SVG that is what it says. */
export function logoProblem(s: string): string | null {
  if (s === '') return null;
  // Checked before the regex so a huge paste is refused without scanning it.
  const approxBytes = Math.floor((s.length - s.indexOf(',') - 1) * 0.75);
  if (s.length > Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 64) return `must be at most 48 KB (this one is about ${Math.round(approxBytes / 1024)} KB)`;
  const m = /^data:image\/(png|jpeg|webp|svg\+xml);base64,([A-Za-z0-9+/]+={0,2})$/.exec(s);
  if (!m) return 'must be a PNG, JPEG, WebP or SVG image (a data:image/…;base64 address)';
  const kind = m[1] as keyof typeof LOGO_TYPES;
  const b64 = m[2]!;
  const bytes = Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
  if (bytes > LOGO_MAX_BYTES) return `must be at most 48 KB (this one is ${Math.ceil(bytes / 1024)} KB)`;
  if (b64.length % 4 !== 0) return `is not a valid ${LOGO_TYPES[kind]} image`;
  let head: string;
  try {
    // The first 12 bytes identify PNG/JPEG/WebP; an SVG is text, so look for its <svg> element.
    head = atob(kind === 'svg+xml' ? b64 : b64.slice(0, 16));
  } catch {
    return `is not a valid ${LOGO_TYPES[kind]} image`;
  }
  const ok =
    kind === 'png' ? head.startsWith('\x89PNG') :
    kind === 'jpeg' ? head.startsWith('\xFF\xD8\xFF') :
    kind === 'webp' ? head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP' :
    /<svg[\s>]/i.test(head);
  return ok ? null : `is not a valid ${LOGO_TYPES[kind]} image`;
}

const logo = z.string({ error: 'must be text' }).superRefine((s, ctx) => {
  const problem = logoProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A full folder path (Windows or POSIX), or empty for the default. */
const folderOrEmpty = text(500).refine(
  (s) => s === '' || s.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s) || s.startsWith('\\\\'),
  'must be a full folder path such as D:\\HotspotDesk-backups (or empty for the data folder)',
);

const gatewayMode = oneOf(['sandbox', 'live']);

// ---- sections ----

export const shopSettingsSchema = z.strictObject({
  name: text(60).min(1, 'must not be empty'),
  supportPhone: mobileOrEmpty,
  /** A short line shown on the portal (e.g. "Open 9 am – 11 pm"). */
  notice: text(200),
  colour,
  /** Shown on the portal and on printed cards: a data: URL so it travels with the database. */
  logo,
  /** Days, "Sales today" and invoice numbers are counted in this zone. */
  timezone,
  currency: z.literal('BDT', { error: 'must be BDT (taka)' }),
});

export const networkSettingsSchema = z.strictObject({
  /** Address routers use to reach this PC (RADIUS, portal). Empty = detect. */
  serverAddress: text(253).refine(
    (s) => s === '' || isIpv4OrHostName(s),
    'must be an IPv4 address such as 192.168.88.10 or a host name such as hotspot.lan (or empty to detect it)',
  ),
  /** Public/LAN URL of the captive portal, as phones reach it. Empty = http://<serverAddress>:<portal port>. */
  portalUrl: urlOrEmpty('http://192.168.88.10:8080'),
  /** Seconds between accounting interim updates asked of routers (Acct-Interim-Interval). */
  acctInterimInterval: wholeNumber(30, 3600, 'seconds'),
  /** Seconds of no traffic before the router logs a client out (Idle-Timeout); 0 = not sent. */
  idleTimeout: wholeNumber(0, 86400, 'seconds'),
});

export const portalSettingsSchema = z.strictObject({
  languages: z
    .array(oneOf(PORTAL_LANGUAGES), { error: 'must be a list of languages (en, bn)' })
    .min(1, 'must have at least one language')
    .max(PORTAL_LANGUAGES.length, 'must list each language once')
    .refine((l) => new Set(l).size === l.length, 'must list each language once'),
  defaultLanguage: oneOf(PORTAL_LANGUAGES),
  // The door's limits (src-main/portal/limits.ts): every phone on the LAN can reach the portal.
  /** Largest request body the portal reads. */
  maxBodyKb: wholeNumber(1, 1024, 'KB'),
  /** Longest text a customer can send in one field (phone, code, PIN); tokens and router URLs have their own bound. */
  maxFieldChars: wholeNumber(20, 4000, 'characters'),
  /** Form posts one phone (its MAC) may make per minute. */
  formPostsPerMacPerMinute: wholeNumber(5, 10_000, 'posts'),
  /** Requests per source address per minute: keep it high, a router's NAT puts many phones behind one address. */
  requestsPerAddressPerMinute: wholeNumber(60, 1_000_000, 'requests'),
});

export const otpSettingsSchema = z.strictObject({
  ttlSeconds: wholeNumber(60, 1800, 'seconds'),
  maxAttempts: wholeNumber(1, 10, 'tries'),
  resendAfterSeconds: wholeNumber(15, 600, 'seconds'),
  perNumberPerHour: wholeNumber(1, 20, 'codes'),
  perNumberPerDay: wholeNumber(1, 100, 'codes'),
  perMacPerHour: wholeNumber(1, 50, 'codes'),
  perIpPerHour: wholeNumber(1, 500, 'codes'),
  pinMaxAttempts: wholeNumber(1, 20, 'tries'),
  pinLockMinutes: wholeNumber(1, 1440, 'minutes'),
});

export const smsHttpSettingsSchema = z.strictObject({
  method: oneOf(['GET', 'POST']),
  url: urlOrEmpty('https://sms.example.com/send'),
  /** With {to} {text} {apiKey} {senderId} placeholders (the SMS subsystem fills and escapes them). */
  bodyTemplate: text(2000),
  contentType: oneOf(['form', 'json']),
  /** How {to} is written: +8801…, 8801… or 01…. */
  numberFormat: oneOf(['e164', '880', 'local']),
  /** A reply containing this text counts as sent (empty = any 2xx). */
  successContains: text(200),
});
/**
 * The owner's own wording of the texts customers get, per language; empty = the built-in text
 * (src-main/sms/templates.ts). Placeholders in braces: {shop} {code} for codes; {shop} {package}
 * {until} {amount} for receipts.
 */
export const smsTemplateSettingsSchema = z.strictObject({
  otpEn: text(300),
  otpBn: text(300),
  pinResetEn: text(300),
  pinResetBn: text(300),
  receiptEn: text(300),
  receiptBn: text(300),
});
export const smsSettingsSchema = z.strictObject({
  /** outbox = nothing is sent; codes wait in the SMS outbox (shown in the admin app). */
  provider: oneOf(SMS_PROVIDERS),
  senderId: text(20),
  http: smsHttpSettingsSchema,
  templates: smsTemplateSettingsSchema,
  /** Warn when the gateway's balance (in taka, as gateways report it) falls below this; 0 = never. */
  lowBalanceWarnAt: wholeNumber(0, 1_000_000, 'taka'),
});

export const bkashSettingsSchema = z.strictObject({
  enabled: onOff,
  mode: gatewayMode,
  /** Empty = bKash's own address for the mode; the test fakes and a new host plug in here. */
  baseUrl: urlOrEmpty('https://tokenized.sandbox.bka.sh/v1.2.0-beta'),
  appKey: text(200),
  username: text(100),
});

export const nagadSettingsSchema = z.strictObject({
  enabled: onOff,
  mode: gatewayMode,
  baseUrl: urlOrEmpty('https://sandbox.mynagad.com:10080'),
  merchantId: text(50),
  merchantNumber: mobileOrEmpty,
  gatewayPublicKey: text(8000),
});

export const sslcommerzSettingsSchema = z.strictObject({
  enabled: onOff,
  mode: gatewayMode,
  baseUrl: urlOrEmpty('https://sandbox.sslcommerz.com'),
  storeId: text(100),
});

export const sendMoneySettingsSchema = z.strictObject({
  bkashNumber: mobileOrEmpty,
  nagadNumber: mobileOrEmpty,
  rocketNumber: rocketOrEmpty,
});

/** `<upload>/<download>` as RouterOS writes rates (`256k/256k`, `1M/512k`, `128000/256000`). */
export function parseRatePair(s: string): { uploadBps: number; downloadBps: number } | null {
  const parts = s.split('/');
  if (parts.length !== 2) return null;
  const up = parseRate(parts[0]!);
  const down = parseRate(parts[1]!);
  // Zero is "unlimited" to RouterOS: never what a free, slow session means.
  return up !== null && down !== null && up > 0 && down > 0 ? { uploadBps: up, downloadBps: down } : null;
}

/**
 * "N minutes free to pay" (issue #10): a phone without a package may go online briefly, slowly
 * and with little data, once per device per shop day, so the bKash or Nagad app reaches its
 * servers. Off by default: it is free internet, the owner chooses to give it.
 */
export const freeMinutesSettingsSchema = z.strictObject({
  enabled: onOff,
  minutes: wholeNumber(1, 30, 'minutes'),
  /** `<upload>/<download>`, the client's view like a package's speeds: slow enough to pay, not to browse. */
  rateLimit: text(40).refine((s) => parseRatePair(s) !== null, 'must be an upload/download speed such as 256k/256k (k = 1000 bits a second, M = a million)'),
  /** Data allowed during the free minutes (Mikrotik-Total-Limit), so they cannot be used for downloads. */
  dataCapMb: wholeNumber(1, 200, 'MB'),
});

export const backupSettingsSchema = z.strictObject({
  folder: folderOrEmpty,
  keep: wholeNumber(1, 365, 'backups'),
  /** Hours between automatic backups; 0 = off. */
  intervalHours: wholeNumber(0, 168, 'hours'),
});

/** How the admin app shows things to the owner (customers' portal language is in `portal`). */
export const displaySettingsSchema = z.strictObject({
  /** The admin app's language. */
  language: oneOf(PORTAL_LANGUAGES),
  /** Times as 14:05 (24h) or 2:05 pm (12h); dates are always dd/mm/yyyy. */
  clock: oneOf(['24h', '12h']),
});

/** The first-run wizard: shown until the owner finishes (or skips) it; Settings runs it again. */
export const setupSettingsSchema = z.strictObject({
  done: onOff,
});

/**
 * The desktop app (Electron) only; the headless server ignores it. Starting at login is what keeps
 * the hotspot up after Windows restarts for updates, so it is on by default, but the shell turns it
 * on only once the first-run setup is done (a half-set-up app should not start by itself).
 */
export const desktopSettingsSchema = z.strictObject({
  startAtLogin: onOff,
});

export const settingsSections = {
  shop: shopSettingsSchema,
  network: networkSettingsSchema,
  portal: portalSettingsSchema,
  otp: otpSettingsSchema,
  sms: smsSettingsSchema,
  bkash: bkashSettingsSchema,
  nagad: nagadSettingsSchema,
  sslcommerz: sslcommerzSettingsSchema,
  sendMoney: sendMoneySettingsSchema,
  freeMinutes: freeMinutesSettingsSchema,
  backups: backupSettingsSchema,
  display: displaySettingsSchema,
  setup: setupSettingsSchema,
  desktop: desktopSettingsSchema,
};

export type SettingsSection = keyof typeof settingsSections;
export const SETTINGS_SECTIONS = Object.keys(settingsSections) as SettingsSection[];

/** Every section's non-secret fields, defaults filled in: what the engine reads. */
export type Settings = { [S in SettingsSection]: z.output<(typeof settingsSections)[S]> };

// ---- secrets ----

/** Secret fields per section, with their maximum length. Sealed at rest, never returned. */
export const settingsSecretFields = {
  sms: { apiKey: 500 },
  bkash: { appSecret: 500, password: 200 },
  nagad: { merchantPrivateKey: 8000 },
  sslcommerz: { storePassword: 200 },
  sendMoney: { smsWebhookToken: 200 },
} as const;

export type SecretSection = keyof typeof settingsSecretFields;
export type SecretField<S extends SecretSection> = keyof (typeof settingsSecretFields)[S] & string;

/** Dotted paths of every secret field (`sms.apiKey` …), for audit and log redaction. */
export type SettingsSecretPath = { [S in SecretSection]: `${S}.${SecretField<S>}` }[SecretSection];
export const settingsSecretPaths = Object.entries(settingsSecretFields).flatMap(([s, fields]) =>
  Object.keys(fields).map((f) => `${s}.${f}`),
) as readonly SettingsSecretPath[];

export function hasFlagName(field: string): string {
  return `has${field.charAt(0).toUpperCase()}${field.slice(1)}`;
}

type HasFlags<S extends SettingsSection> = S extends SecretSection
  ? { [F in SecretField<S> as `has${Capitalize<F>}`]: boolean }
  : unknown;

/** What `settings.get` returns: every section's fields, and for each secret whether it is set. */
export type SettingsView = { [S in SettingsSection]: Settings[S] & HasFlags<S> };

/**
 * A secret as it travels from the API's input to the settings store. Serialising it (the audit
 * log's JSON, a log line, an error dump) gives `[redacted]`: only the store calls `reveal()`.
 */
export class SecretText {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toJSON(): string {
    return '[redacted]';
  }
  toString(): string {
    return '[redacted]';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[redacted]';
  }
}

/** A secret as the API takes it: text (wrapped so it never serialises) or null to clear it. */
export function secretInput(max: number) {
  return z
    .string({ error: 'must be text (or null to clear it)' })
    .trim()
    .min(1, 'must not be empty (send null to clear it)')
    .max(max, `must be at most ${max} characters`)
    .transform((s) => new SecretText(s))
    .nullable();
}

// ---- update input: a partial per section; a secret is replaced by text or cleared by null ----

const sectionUpdate = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape, { error: 'must be an object of settings' }).partial().optional();

export const settingsUpdateSchema = z.strictObject({
  shop: sectionUpdate(shopSettingsSchema.shape),
  network: sectionUpdate(networkSettingsSchema.shape),
  portal: sectionUpdate(portalSettingsSchema.shape),
  otp: sectionUpdate(otpSettingsSchema.shape),
  sms: sectionUpdate({
    ...smsSettingsSchema.shape,
    http: smsHttpSettingsSchema.partial(),
    templates: smsTemplateSettingsSchema.partial(),
    apiKey: secretInput(settingsSecretFields.sms.apiKey),
  }),
  bkash: sectionUpdate({
    ...bkashSettingsSchema.shape,
    appSecret: secretInput(settingsSecretFields.bkash.appSecret),
    password: secretInput(settingsSecretFields.bkash.password),
  }),
  nagad: sectionUpdate({ ...nagadSettingsSchema.shape, merchantPrivateKey: secretInput(settingsSecretFields.nagad.merchantPrivateKey) }),
  sslcommerz: sectionUpdate({ ...sslcommerzSettingsSchema.shape, storePassword: secretInput(settingsSecretFields.sslcommerz.storePassword) }),
  sendMoney: sectionUpdate({ ...sendMoneySettingsSchema.shape, smsWebhookToken: secretInput(settingsSecretFields.sendMoney.smsWebhookToken) }),
  freeMinutes: sectionUpdate(freeMinutesSettingsSchema.shape),
  backups: sectionUpdate(backupSettingsSchema.shape),
  display: sectionUpdate(displaySettingsSchema.shape),
  setup: sectionUpdate(setupSettingsSchema.shape),
  desktop: sectionUpdate(desktopSettingsSchema.shape),
});

/** `settings.update`'s input after validation (secrets wrapped in SecretText). */
export type SettingsPatch = z.output<typeof settingsUpdateSchema>;

// ---- checks across fields, run on the section as it would be saved ----

export interface SettingsProblem {
  /** Field inside the section, dotted (`http.url`). */
  path: string;
  message: string;
}

/** `hasSecret(field)`: whether that secret of the section is set (after the update). */
type SectionCheck<S extends SettingsSection> = (v: Settings[S], hasSecret: (field: string) => boolean) => SettingsProblem | null;

function requireWhenEnabled(label: string, fields: string[], secrets: string[]) {
  return (v: { enabled: boolean } & Record<string, unknown>, hasSecret: (field: string) => boolean): SettingsProblem | null => {
    if (!v.enabled) return null;
    for (const f of fields) if (v[f] === '') return { path: f, message: `must be filled in before ${label} is turned on` };
    for (const f of secrets) if (!hasSecret(f)) return { path: f, message: `must be set before ${label} is turned on` };
    return null;
  };
}

export const settingsChecks: { [S in SettingsSection]?: SectionCheck<S> } = {
  portal: (v) => (v.languages.includes(v.defaultLanguage) ? null : { path: 'defaultLanguage', message: `must be one of the portal's languages (${v.languages.join(', ')})` }),
  otp: (v) =>
    v.perNumberPerDay >= v.perNumberPerHour ? null : { path: 'perNumberPerDay', message: `must be at least the per-hour limit (${v.perNumberPerHour} codes)` },
  sms: (v) => {
    if (v.provider === 'http' && v.http.url === '') return { path: 'http.url', message: 'must be set when the SMS provider is http' };
    // A code text without {code} would text customers a message they cannot log in with.
    for (const k of ['otpEn', 'otpBn', 'pinResetEn', 'pinResetBn'] as const) {
      const t = v.templates[k];
      if (t !== '' && !t.includes('{code}')) return { path: `templates.${k}`, message: 'must contain {code}, where the code goes (or be empty for the built-in text)' };
    }
    return null;
  },
  bkash: requireWhenEnabled('bKash', ['appKey', 'username'], ['appSecret', 'password']),
  nagad: requireWhenEnabled('Nagad', ['merchantId', 'gatewayPublicKey'], ['merchantPrivateKey']),
  sslcommerz: requireWhenEnabled('SSLCommerz', ['storeId'], ['storePassword']),
};

// ---- defaults ----

export const defaultSettings: Settings = {
  shop: { name: 'HotspotDesk WiFi', supportPhone: '', notice: '', colour: '#1a73e8', logo: '', timezone: 'Asia/Dhaka', currency: 'BDT' },
  network: { serverAddress: '', portalUrl: '', acctInterimInterval: 60, idleTimeout: 300 },
  portal: { languages: ['en', 'bn'], defaultLanguage: 'en', maxBodyKb: 16, maxFieldChars: 200, formPostsPerMacPerMinute: 60, requestsPerAddressPerMinute: 600 },
  otp: {
    ttlSeconds: 300,
    maxAttempts: 5,
    resendAfterSeconds: 60,
    perNumberPerHour: 3,
    perNumberPerDay: 10,
    perMacPerHour: 5,
    perIpPerHour: 20,
    pinMaxAttempts: 5,
    pinLockMinutes: 15,
  },
  sms: {
    provider: 'outbox',
    senderId: '',
    http: { method: 'GET', url: '', bodyTemplate: '', contentType: 'form', numberFormat: '880', successContains: '' },
    templates: { otpEn: '', otpBn: '', pinResetEn: '', pinResetBn: '', receiptEn: '', receiptBn: '' },
    lowBalanceWarnAt: 0,
  },
  bkash: { enabled: false, mode: 'sandbox', baseUrl: '', appKey: '', username: '' },
  nagad: { enabled: false, mode: 'sandbox', baseUrl: '', merchantId: '', merchantNumber: '', gatewayPublicKey: '' },
  sslcommerz: { enabled: false, mode: 'sandbox', baseUrl: '', storeId: '' },
  sendMoney: { bkashNumber: '', nagadNumber: '', rocketNumber: '' },
  freeMinutes: { enabled: false, minutes: 5, rateLimit: '256k/256k', dataCapMb: 20 },
  backups: { folder: '', keep: 14, intervalHours: 24 },
  display: { language: 'en', clock: '24h' },
  setup: { done: false },
  desktop: { startAtLogin: true },
};
