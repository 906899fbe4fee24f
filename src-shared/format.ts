import type { Package, PackageClock, Subscription } from './domain';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from './time';
import { formatBytes, formatDuration, formatTaka as formatTakaDigits } from './units';

/**
 * What customers and the owner read: money, validity, data, speeds, phones and times. Pure (no
 * DOM), so the admin UI and the portal's server-rendered pages say the same thing the same way.
 *
 * Every function takes a `lang` last (English by default). The words come from one catalogue per
 * language and digits are localised once at the end, so the portal adds a language by adding a
 * catalogue, not by touching each function.
 */

export type Lang = 'en' | 'bn';

interface Words {
  /** "1 day", "7 days" */
  days(n: string, count: number): string;
  hours(n: string, count: number): string;
  noTimeLimit: string;
  unlimited: string;
  unlimitedData: string;
  mbps: string;
  /** shown for a missing value (no phone, no date) */
  none: string;
  /** Intl locale for dates */
  locale: string;
}

const plural = (n: string, count: number, word: string): string => `${n} ${word}${count === 1 ? '' : 's'}`;

// Bangla has no plural on a counted noun ("৭ দিন"). To be reviewed by a native speaker with the portal.
const CATALOGUE: Record<Lang, Words> = {
  en: {
    days: (n, c) => plural(n, c, 'day'),
    hours: (n, c) => plural(n, c, 'hour'),
    noTimeLimit: 'No time limit',
    unlimited: 'Unlimited',
    unlimitedData: 'unlimited data',
    mbps: 'Mbps',
    none: '—',
    locale: 'en-GB',
  },
  bn: {
    days: (n) => `${n} দিন`,
    hours: (n) => `${n} ঘণ্টা`,
    noTimeLimit: 'সময়সীমা নেই',
    unlimited: 'আনলিমিটেড',
    unlimitedData: 'আনলিমিটেড ডেটা',
    mbps: 'Mbps',
    none: '—',
    locale: 'bn-BD',
  },
};

const BANGLA_DIGITS = '০১২৩৪৫৬৭৮৯';

/** ASCII digits → the language's digits (Bangla: ০-৯); other characters are kept. */
export function localDigits(s: string, lang: Lang = 'en'): string {
  return lang === 'bn' ? s.replace(/[0-9]/g, (d) => BANGLA_DIGITS[Number(d)]!) : s;
}

/** Paisa → "৳12,34,567.50", grouped the Bangladeshi way (lakh, crore). */
export function formatTaka(paisa: number, lang: Lang = 'en'): string {
  return localDigits(formatTakaDigits(paisa), lang);
}

/** Bytes → "5 GB" (binary units, as the owner typed them). */
export function formatData(bytes: number, lang: Lang = 'en'): string {
  return localDigits(formatBytes(bytes), lang);
}

export function formatValidity(seconds: number | null, lang: Lang = 'en'): string {
  const w = CATALOGUE[lang];
  if (seconds == null) return w.noTimeLimit;
  if (seconds % 86400 === 0) return w.days(localDigits(String(seconds / 86400), lang), seconds / 86400);
  if (seconds % 3600 === 0) return w.hours(localDigits(String(seconds / 3600), lang), seconds / 3600);
  return localDigits(formatDuration(seconds), lang);
}

export function formatDataLimit(bytes: number | null, lang: Lang = 'en'): string {
  return bytes == null ? CATALOGUE[lang].unlimited : formatData(bytes, lang);
}

/** bits/s → "5 Mbps", "1.5 Mbps", "0.25 Mbps"; 0 is unlimited. */
export function formatMbps(bps: number, lang: Lang = 'en'): string {
  const w = CATALOGUE[lang];
  if (bps === 0) return w.unlimited;
  const m = bps / 1_000_000;
  const n = Number.isInteger(m) ? String(m) : m.toFixed(m < 1 ? 2 : 1).replace(/0+$/, '').replace(/\.$/, '');
  return `${localDigits(n, lang)} ${w.mbps}`;
}

export function formatSpeed(p: Pick<Package, 'downloadBps' | 'uploadBps'>, lang: Lang = 'en'): string {
  if (p.downloadBps === 0 && p.uploadBps === 0) return CATALOGUE[lang].unlimited;
  return `↓ ${formatMbps(p.downloadBps, lang)} · ↑ ${formatMbps(p.uploadBps, lang)}`;
}

type PackageTerms = Pick<Package, 'validitySeconds' | 'dataLimitBytes' | 'downloadBps'>;

/** "7 days · 5 GB · ↓ 5 Mbps" — one line for selects and cards. */
export function describePackage(p: PackageTerms, lang: Lang = 'en'): string {
  const parts: string[] = [];
  if (p.validitySeconds != null) parts.push(formatValidity(p.validitySeconds, lang));
  if (p.dataLimitBytes != null) parts.push(formatData(p.dataLimitBytes, lang));
  if (p.downloadBps) parts.push(`↓ ${formatMbps(p.downloadBps, lang)}`);
  return parts.join(' · ');
}

/** What a printed card promises: "7 days · 5 GB" or "1 day · unlimited data". */
export function describeTerms(p: Pick<Package, 'validitySeconds' | 'dataLimitBytes'>, lang: Lang = 'en'): string {
  const time = p.validitySeconds != null ? formatValidity(p.validitySeconds, lang) : null;
  const data = p.dataLimitBytes != null ? formatData(p.dataLimitBytes, lang) : CATALOGUE[lang].unlimitedData;
  return time ? `${time} · ${data}` : data;
}

/** `+8801712345678` → `01712345678`, the form customers know; foreign numbers as stored. */
export function localPhone(e164: string | null | undefined, lang: Lang = 'en'): string {
  if (!e164) return CATALOGUE[lang].none;
  return e164.startsWith('+880') ? localDigits(`0${e164.slice(4)}`, lang) : e164;
}

/** 24-hour (14:05) or 12-hour (2:05 pm) times: the owner's choice (settings.display.clock). */
export type ClockStyle = '24h' | '12h';

/** Where and how to show a time: the shop's zone, and the owner's clock style (24h by default). */
export interface TimeDisplay {
  timeZone: string;
  clock: ClockStyle;
}

const AM_PM: Record<Lang, { am: string; pm: string }> = { en: { am: 'am', pm: 'pm' }, bn: { am: 'এএম', pm: 'পিএম' } };

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateParts(timeZone: string): Intl.DateTimeFormat {
  // A zone saved before validation existed (or a typo) must not blank the whole page.
  const zone = isValidTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
  let f = dateFormats.get(zone);
  if (!f) {
    // Parts only: the layout is written out below, so it is dd/mm/yyyy in every language and
    // runtime (locales disagree on order and separators, and Bangla digits are added once at the end).
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateFormats.set(zone, f);
  }
  return f;
}

function wallClock(ms: number, timeZone: string): { d: string; m: string; y: string; h: number; min: string } {
  const p: Record<string, string> = {};
  for (const part of dateParts(timeZone).formatToParts(new Date(ms))) p[part.type] = part.value;
  return { d: p.day ?? '', m: p.month ?? '', y: p.year ?? '', h: Number(p.hour ?? 0) % 24, min: p.minute ?? '' };
}

function asDisplay(zone: string | TimeDisplay): TimeDisplay {
  return typeof zone === 'string' ? { timeZone: zone, clock: '24h' } : zone;
}

/** "02/12/2025, 00:30" (or "02/12/2025, 12:30 am") on the shop's wall clock, not the viewer's. */
export function formatDateTime(ms: number | null | undefined, zone: string | TimeDisplay, lang: Lang = 'en'): string {
  if (ms == null) return CATALOGUE[lang].none;
  const { timeZone, clock } = asDisplay(zone);
  const t = wallClock(ms, timeZone);
  const time =
    clock === '12h'
      ? `${t.h % 12 === 0 ? 12 : t.h % 12}:${t.min} ${t.h < 12 ? AM_PM[lang].am : AM_PM[lang].pm}`
      : `${String(t.h).padStart(2, '0')}:${t.min}`;
  return localDigits(`${t.d}/${t.m}/${t.y}, ${time}`, lang);
}

/** "02/12/2025": the shop's calendar day of `ms`. */
export function formatDate(ms: number | null | undefined, zone: string | TimeDisplay, lang: Lang = 'en'): string {
  if (ms == null) return CATALOGUE[lang].none;
  const t = wallClock(ms, asDisplay(zone).timeZone);
  return localDigits(`${t.d}/${t.m}/${t.y}`, lang);
}

// --- When a package's clock runs (issue 12): the admin UI and the portal say it the same way. ---

interface ClockWords {
  d: string;
  h: string;
  m: string;
  underAMinute: string;
  onlineTimeLeft(t: string): string;
  timeLeft(t: string): string;
  startsAtFirstLogin: string;
  clocks: Record<PackageClock, string>;
}

// Bangla to be reviewed by a native speaker with the portal, like the catalogue above.
const CLOCK_WORDS: Record<Lang, ClockWords> = {
  en: {
    d: 'd', h: 'h', m: 'm', underAMinute: 'under 1 m',
    onlineTimeLeft: (t) => `${t} online time left`,
    timeLeft: (t) => `${t} left`,
    startsAtFirstLogin: 'starts at first login',
    clocks: { purchase: 'From purchase', firstLogin: 'From first login', onlineTime: 'Online time only' },
  },
  bn: {
    d: 'দিন', h: 'ঘণ্টা', m: 'মিনিট', underAMinute: '১ মিনিটের কম',
    onlineTimeLeft: (t) => `${t} অনলাইন সময় বাকি`,
    timeLeft: (t) => `${t} বাকি`,
    startsAtFirstLogin: 'প্রথম লগইনে শুরু হবে',
    clocks: { purchase: 'কেনার সময় থেকে', firstLogin: 'প্রথম লগইন থেকে', onlineTime: 'শুধু অনলাইন সময়' },
  },
};

/**
 * Seconds → "2 h 10 m" (days: "3 d 4 h"; minutes rounded down, as a countdown shows them).
 * The portal's "2 h 10 m online time left" and the admin's customer page use it.
 */
export function formatTimeLeft(seconds: number, lang: Lang = 'en'): string {
  const w = CLOCK_WORDS[lang];
  const s = Math.max(0, Math.floor(seconds));
  if (s > 0 && s < 60) return w.underAMinute;
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = d > 0 ? [`${d} ${w.d}`, ...(h ? [`${h} ${w.h}`] : [])] : [...(h ? [`${h} ${w.h}`] : []), ...(m || !h ? [`${m} ${w.m}`] : [])];
  return localDigits(parts.join(' '), lang);
}

/** A package's clock in words: "From purchase", "From first login", "Online time only". */
export function formatClock(clock: PackageClock, lang: Lang = 'en'): string {
  return CLOCK_WORDS[lang].clocks[clock];
}

/**
 * What a subscription has left, in words: "2 h 10 m online time left", "5 h left", or
 * "starts at first login"; null when there is nothing to say (no time limit, ended).
 */
export function describeTimeLeft(
  s: Pick<Subscription, 'status' | 'clock' | 'clockStartedAt' | 'secondsLeft'>,
  lang: Lang = 'en',
): string | null {
  const w = CLOCK_WORDS[lang];
  if (s.clock === 'firstLogin' && s.clockStartedAt === null && (s.status === 'active' || s.status === 'queued')) return w.startsAtFirstLogin;
  if (s.status !== 'active' || s.secondsLeft === null) return null;
  const t = formatTimeLeft(s.secondsLeft, lang);
  return s.clock === 'onlineTime' ? w.onlineTimeLeft(t) : w.timeLeft(t);
}
