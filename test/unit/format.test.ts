import { describe, expect, it } from 'vitest';
import type { Package } from '../../src-shared/domain';
import {
  describePackage,
  describeTerms,
  formatDataLimit,
  formatDate,
  formatDateTime,
  formatMbps,
  formatSpeed,
  formatTaka,
  formatValidity,
  localDigits,
  localPhone,
} from '../../src-shared/format';
import { zonedDaysFilter } from '../../src-shared/time';
import { groupBangladeshi } from '../../src-shared/units';

const GB = 1024 ** 3;
const pkg = (p: Partial<Package>): Package => ({ validitySeconds: null, dataLimitBytes: null, downloadBps: 0, uploadBps: 0, ...p }) as Package;

describe('taka, grouped the Bangladeshi way', () => {
  it.each([
    [0, '৳0'],
    [5, '৳0.05'],
    [1050, '৳10.50'],
    [99_900, '৳999'],
    [100_000, '৳1,000'],
    [300_000, '৳3,000'],
    [10_000_000, '৳1,00,000'], // one lakh
    [123_456_750, '৳12,34,567.50'],
    [1_000_000_000, '৳1,00,00,000'], // one crore
    [123_456_789_01, '৳12,34,56,789.01'],
    [-50_000, '-৳500'],
    [-10_000_000, '-৳1,00,000'],
    [-5, '-৳0.05'],
  ])('%d paisa → %s', (paisa, text) => {
    expect(formatTaka(paisa)).toBe(text);
  });

  it('groups any digit string: three, then pairs', () => {
    expect(['1', '12', '123', '1234', '12345', '123456', '1234567'].map(groupBangladeshi)).toEqual(['1', '12', '123', '1,234', '12,345', '1,23,456', '12,34,567']);
  });

  it('writes Bangla digits when asked', () => {
    expect(formatTaka(123_456_750, 'bn')).toBe('৳১২,৩৪,৫৬৭.৫০');
    expect(localDigits('01712', 'bn')).toBe('০১৭১২');
    expect(localDigits('01712')).toBe('01712');
  });
});

describe('package terms', () => {
  it('validity in days, hours or a duration', () => {
    expect(formatValidity(null)).toBe('No time limit');
    expect(formatValidity(86400)).toBe('1 day');
    expect(formatValidity(7 * 86400)).toBe('7 days');
    expect(formatValidity(3600)).toBe('1 hour');
    expect(formatValidity(5400)).toBe('1h 30m');
    expect(formatValidity(7 * 86400, 'bn')).toBe('৭ দিন');
  });

  it('data and speeds', () => {
    expect(formatDataLimit(null)).toBe('Unlimited');
    expect(formatDataLimit(5 * GB)).toBe('5 GB');
    expect(formatMbps(0)).toBe('Unlimited');
    expect(formatMbps(5_000_000)).toBe('5 Mbps');
    expect(formatMbps(1_500_000)).toBe('1.5 Mbps');
    expect(formatMbps(250_000)).toBe('0.25 Mbps');
    expect(formatSpeed({ downloadBps: 0, uploadBps: 0 })).toBe('Unlimited');
    expect(formatSpeed({ downloadBps: 5_000_000, uploadBps: 1_000_000 })).toBe('↓ 5 Mbps · ↑ 1 Mbps');
  });

  it('describes a package and a card', () => {
    expect(describePackage(pkg({ validitySeconds: 7 * 86400, dataLimitBytes: 5 * GB, downloadBps: 5_000_000 }))).toBe('7 days · 5 GB · ↓ 5 Mbps');
    expect(describePackage(pkg({ validitySeconds: 86400 }))).toBe('1 day');
    expect(describeTerms(pkg({ validitySeconds: 86400 }))).toBe('1 day · unlimited data');
    expect(describeTerms(pkg({ dataLimitBytes: 2 * GB }))).toBe('2 GB');
    expect(describeTerms(pkg({ validitySeconds: 86400 }), 'bn')).toBe('১ দিন · আনলিমিটেড ডেটা');
  });
});

describe('phones', () => {
  it('shows the local 11-digit form', () => {
    expect(localPhone('+8801712345678')).toBe('01712345678');
    expect(localPhone('+8801712345678', 'bn')).toBe('০১৭১২৩৪৫৬৭৮');
    expect(localPhone('+447912345678')).toBe('+447912345678');
    expect(localPhone(null)).toBe('—');
    expect(localPhone(undefined)).toBe('—');
  });
});

describe('times in the shop time zone, not the machine one', () => {
  // 2 Dec 2025 00:30 in Dhaka (UTC+6) is 1 Dec 18:30 UTC.
  const sale = Date.UTC(2025, 11, 1, 18, 30);

  it('formats the wall clock of the given zone', () => {
    expect(formatDateTime(sale, 'Asia/Dhaka')).toBe('02/12/2025, 00:30');
    expect(formatDateTime(sale, 'UTC')).toBe('01/12/2025, 18:30');
    expect(formatDate(sale, 'Asia/Dhaka')).toBe('02/12/2025');
    expect(formatDate(sale, 'Pacific/Honolulu')).toBe('01/12/2025');
  });

  it('dates are dd/mm/yyyy; times follow the owner\'s 12/24-hour choice', () => {
    const dhaka = (clock: '12h' | '24h') => ({ timeZone: 'Asia/Dhaka', clock });
    expect(formatDateTime(sale, dhaka('24h'))).toBe('02/12/2025, 00:30');
    expect(formatDateTime(sale, dhaka('12h'))).toBe('02/12/2025, 12:30 am');
    const afternoon = Date.UTC(2025, 0, 9, 8, 5); // 14:05 in Dhaka, 9 January (day before month)
    expect(formatDateTime(afternoon, dhaka('24h'))).toBe('09/01/2025, 14:05');
    expect(formatDateTime(afternoon, dhaka('12h'))).toBe('09/01/2025, 2:05 pm');
    expect(formatDateTime(Date.UTC(2025, 0, 9, 6, 0), dhaka('12h'))).toBe('09/01/2025, 12:00 pm');
    expect(formatDateTime(afternoon, dhaka('24h'), 'bn')).toBe('০৯/০১/২০২৫, ১৪:০৫');
    expect(formatDate(afternoon, dhaka('12h'))).toBe('09/01/2025');
  });

  it('a missing time is a dash; an unknown zone falls back to Dhaka instead of throwing', () => {
    expect(formatDateTime(null, 'Asia/Dhaka')).toBe('—');
    expect(formatDate(undefined, 'Asia/Dhaka')).toBe('—');
    expect(formatDate(sale, 'Mars/Olympus')).toBe('02/12/2025');
  });
});

describe('date filters over the shop calendar', () => {
  it('2 Dec in Dhaka is 1 Dec 18:00 UTC to 2 Dec 18:00 UTC, whatever zone runs the code', () => {
    expect(zonedDaysFilter('2025-12-02', '2025-12-02', 'Asia/Dhaka')).toEqual({ from: Date.UTC(2025, 11, 1, 18), to: Date.UTC(2025, 11, 2, 18) });
    expect(zonedDaysFilter('2025-12-01', '2025-12-03', 'UTC')).toEqual({ from: Date.UTC(2025, 11, 1), to: Date.UTC(2025, 11, 4) });
  });

  it('a blank or impossible day leaves that side open', () => {
    expect(zonedDaysFilter('', '2025-12-02', 'Asia/Dhaka')).toEqual({ to: Date.UTC(2025, 11, 2, 18) });
    expect(zonedDaysFilter('2025-02-30', '', 'Asia/Dhaka')).toEqual({});
    expect(zonedDaysFilter('', '', 'Asia/Dhaka')).toEqual({});
  });
});
