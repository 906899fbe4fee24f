import { describe, expect, it } from 'vitest';
import { normalizePhone, toLocalPhone, toGatewayPhone } from '../../src-shared/phone';
import { normalizeMac } from '../../src-shared/mac';
import * as t from '../../src-shared/time';
import { formatRate, joinGigawords, mikrotikRateLimit, parseRate, parseTaka, formatTaka, splitGigawords } from '../../src-shared/units';

describe('phone numbers', () => {
  it.each([
    ['01712345678', '+8801712345678'],
    ['+8801712345678', '+8801712345678'],
    ['8801712345678', '+8801712345678'],
    ['1712345678', '+8801712345678'],
    ['017-1234 5678', '+8801712345678'],
    ['(+880) 1912-345678', '+8801912345678'],
    ['008801312345678', '+8801312345678'],
    ['০১৭১২৩৪৫৬৭৮', '+8801712345678'],
  ])('normalises %s', (input, e164) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164 });
  });

  it.each(['', '   ', '0171234567', '017123456789', '01212345678', '01112345678', '+447912345678', '0171234567a', 'abc', '+88 01712345678 9'])(
    'rejects %j with a message',
    (input) => {
      const r = normalizePhone(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/mobile number|digit/i);
    },
  );

  it('rejects non-strings', () => {
    expect(normalizePhone(1712345678).ok).toBe(false);
    expect(normalizePhone(null).ok).toBe(false);
  });

  it('renders for the router and the gateways', () => {
    expect(toLocalPhone('+8801712345678')).toBe('01712345678');
    expect(toGatewayPhone('+8801712345678')).toBe('8801712345678');
  });
});

describe('MAC addresses', () => {
  it.each([
    ['aa:bb:cc:dd:ee:ff', 'AA:BB:CC:DD:EE:FF'],
    ['AA-BB-CC-DD-EE-0F', 'AA:BB:CC:DD:EE:0F'],
    ['aabbccddeeff', 'AA:BB:CC:DD:EE:FF'],
    ['aabb.ccdd.eeff', 'AA:BB:CC:DD:EE:FF'],
    [' 30:39:26:86:CC:EA ', '30:39:26:86:CC:EA'],
  ])('normalises %s', (input, mac) => expect(normalizeMac(input)).toBe(mac));

  it.each(['', 'aa:bb:cc:dd:ee', 'gg:bb:cc:dd:ee:ff', 'aa:bb:cc:dd:ee:ff:00', 'aa:bb-cc:dd:ee:ff', 'a:a:b:b:c:c:d:d:e:e:f:f', 'aabbccddeef'])(
    'rejects %j',
    (input) => expect(normalizeMac(input)).toBeNull(),
  );
});

describe('units', () => {
  it('formats rates the way RouterOS reads them', () => {
    expect(formatRate(5_000_000)).toBe('5M');
    expect(formatRate(512_000)).toBe('512k');
    expect(formatRate(1500)).toBe('1500');
    expect(formatRate(0)).toBe('0');
    expect(() => formatRate(-1)).toThrow();
    expect(parseRate('2.5M')).toBe(2_500_000);
    expect(parseRate('64k')).toBe(64_000);
    expect(parseRate('x')).toBeNull();
  });

  it('puts upload first in Mikrotik-Rate-Limit (rx = client upload)', () => {
    expect(mikrotikRateLimit(2_000_000, 5_000_000)).toBe('2M/5M');
  });

  it('splits and joins gigawords', () => {
    const six = 6 * 2 ** 30;
    expect(splitGigawords(six)).toEqual({ octets: six - 2 ** 32, gigawords: 1 });
    expect(joinGigawords(six - 2 ** 32, 1)).toBe(six);
    expect(splitGigawords(123)).toEqual({ octets: 123, gigawords: 0 });
  });

  it('parses and formats taka in paisa', () => {
    expect(parseTaka('10')).toBe(1000);
    expect(parseTaka('10.5')).toBe(1050);
    expect(parseTaka('10.05')).toBe(1005);
    expect(parseTaka('10.005')).toBeNull();
    expect(parseTaka('-1')).toBeNull();
    expect(formatTaka(1050)).toBe('৳10.50');
    expect(formatTaka(300000)).toBe('৳3,000');
  });
});

describe('shop time zone helpers', () => {
  it('puts a sale at 00:30 Dhaka time on its Dhaka day, whatever the machine zone', () => {
    const at = Date.UTC(2026, 11, 1, 18, 30); // 2 Dec 00:30 in Dhaka (UTC+6)
    expect(t.zonedYmd(at, 'Asia/Dhaka')).toBe('2026-12-02');
    expect(t.zonedYmd(at, 'UTC')).toBe('2026-12-01');
    expect(t.startOfZonedDay(at, 'Asia/Dhaka')).toBe(Date.UTC(2026, 11, 1, 18, 0));
    expect(t.zonedDayRange('2026-12-02', 'Asia/Dhaka')).toEqual({ from: Date.UTC(2026, 11, 1, 18), to: Date.UTC(2026, 11, 2, 18) });
    expect(t.zonedDayRange('2026-02-30', 'Asia/Dhaka')).toBeNull();
    expect(t.isValidTimeZone('Asia/Dhaka')).toBe(true);
    expect(t.isValidTimeZone('Mars/Olympus')).toBe(false);
  });
  it('handles a DST day (Europe/London, 29 Mar 2026 is 23 hours)', () => {
    const r = t.zonedDayRange('2026-03-29', 'Europe/London')!;
    expect(r.to - r.from).toBe(23 * 3600_000);
    expect(r.from).toBe(Date.UTC(2026, 2, 29, 0));
  });
});
