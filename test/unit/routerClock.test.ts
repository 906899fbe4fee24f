import { describe, expect, it } from 'vitest';
import { parseGmtOffset, parseRouterClock } from '../../src-main/routeros/routerClock';

// /system/clock as RouterOS prints it ([U] in the reference: the date format changed in 7.10,
// and gmt-offset has been seen both as +HH:MM and as seconds): every form reads as one instant.
const instant = Date.parse('2026-12-01T08:23:05Z');

describe('parseRouterClock', () => {
  it('reads the 7.10+ ISO date and the older mon/dd/yyyy date as the same instant', () => {
    expect(parseRouterClock({ time: '14:23:05', date: '2026-12-01', 'gmt-offset': '+06:00' })).toBe(instant);
    expect(parseRouterClock({ time: '14:23:05', date: 'dec/01/2026', 'gmt-offset': '+06:00' })).toBe(instant);
    expect(parseRouterClock({ time: '14:23:05', date: 'Dec/01/2026', 'gmt-offset': '21600' })).toBe(instant);
  });

  it('uses time-zone-name when the offset is missing, and gives up on what it cannot read', () => {
    expect(parseRouterClock({ time: '14:23:05', date: '2026-12-01', 'time-zone-name': 'Asia/Dhaka' })).toBe(instant);
    expect(parseRouterClock({ time: '08:23:05', date: '2026-12-01', 'time-zone-name': 'UTC' })).toBe(instant);
    expect(parseRouterClock({ time: '14:23:05', date: '2026-12-01' })).toBeNull();
    expect(parseRouterClock({ time: '14:23', date: '2026-12-01', 'gmt-offset': '+06:00' })).toBeNull();
    expect(parseRouterClock({ time: '14:23:05', date: 'dez/01/2026', 'gmt-offset': '+06:00' })).toBeNull();
  });

  it('reads offsets west of UTC and half hours', () => {
    expect(parseGmtOffset('-03:30')).toBe(-(3 * 60 + 30) * 60_000);
    expect(parseGmtOffset('+0545')).toBe((5 * 60 + 45) * 60_000);
    expect(parseGmtOffset('-18000')).toBe(-18_000_000);
    expect(parseGmtOffset('soon')).toBeNull();
  });
});
