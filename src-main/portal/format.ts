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
