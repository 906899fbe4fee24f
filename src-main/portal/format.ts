import type { Package } from '../../src-shared/domain';
import { formatBytes, formatRate, formatTaka } from '../../src-shared/units';
import { toBanglaDigits } from './digits';
import type { Lang, Messages } from './i18n';

/**
 * Every customer-facing number the portal shows goes through here, so moving to the shared
 * formatters (src-shared/format.ts, Bangladeshi grouping) is a change in this one file.
 */
function digits(s: string, lang: Lang): string {
  return lang === 'bn' ? toBanglaDigits(s) : s;
}

export function formatPrice(paisa: number, lang: Lang): string {
  return digits(formatTaka(paisa), lang);
}

export function formatValidity(seconds: number | null, lang: Lang, m: Messages): string {
  if (seconds === null) return m.noTimeLimit;
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  const parts: string[] = [];
  if (d) parts.push(m.days(digits(String(d), lang)));
  if (h) parts.push(m.hours(digits(String(h), lang)));
  if (min || parts.length === 0) parts.push(m.minutes(digits(String(min), lang)));
  return parts.join(' ');
}

export function formatData(bytes: number | null, lang: Lang, m: Messages): string {
  return bytes === null ? m.unlimited : digits(formatBytes(bytes), lang);
}

function rate(bps: number, lang: Lang, m: Messages): string {
  // 0 is "no limit" in RouterOS rate strings.
  return bps === 0 ? m.unlimited : digits(`${formatRate(bps).replace(/([kM])$/, ' $1')}bps`, lang);
}

export function formatSpeed(downloadBps: number, uploadBps: number, lang: Lang, m: Messages): string {
  if (downloadBps === 0 && uploadBps === 0) return m.unlimited;
  return m.speedValue(rate(downloadBps, lang, m), rate(uploadBps, lang, m));
}

export interface PackageView {
  id: number;
  name: string;
  price: string;
  validity: string;
  data: string;
  speed: string;
  devices: string;
}

export function describePackageForPortal(p: Package, lang: Lang, m: Messages): PackageView {
  return {
    id: p.id,
    name: p.name,
    price: formatPrice(p.price, lang),
    validity: formatValidity(p.validitySeconds, lang, m),
    data: formatData(p.dataLimitBytes, lang, m),
    speed: formatSpeed(p.downloadBps, p.uploadBps, lang, m),
    devices: m.devicesCount(digits(String(p.devices), lang)),
  };
}

/** A moment as the shop's clock shows it (the shop's time zone), in the page's language. */
export function formatShopTime(ms: number, lang: Lang, timeZone: string): string {
  const opts: Intl.DateTimeFormatOptions = { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false };
  try {
    return new Intl.DateTimeFormat(lang === 'bn' ? 'bn-BD' : 'en-GB', opts).format(ms);
  } catch {
    // A time zone this Node build does not know: UTC is still a true time, only less friendly.
    return new Intl.DateTimeFormat(lang === 'bn' ? 'bn-BD' : 'en-GB', { ...opts, timeZone: 'UTC' }).format(ms);
  }
}

/** "in 12 min (at 14:05)", for a refusal that says when trying again will work. */
export function formatRetry(retryAt: number | undefined, now: number, lang: Lang, m: Messages, timeZone: string): string {
  if (retryAt === undefined || retryAt <= now) return m.retrySoon;
  const minutes = Math.max(1, Math.ceil((retryAt - now) / 60_000));
  return m.retryWhen(digits(String(minutes), lang), formatShopTime(retryAt, lang, timeZone));
}

/** The customer's own number on a page: the middle hidden (the page may be opened by its MAC alone). */
export function maskPhone(local: string): string {
  return local.length > 7 ? `${local.slice(0, 3)}•••${local.slice(-4)}` : local;
}
