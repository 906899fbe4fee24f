import { describe, expect, it } from 'vitest';
import { describeTimeLeft, formatClock, formatTimeLeft } from '../../src-shared/format';

describe('time left (issue 12)', () => {
  it('formats seconds as a countdown: "2 h 10 m", days with hours, minutes rounded down', () => {
    expect(formatTimeLeft(2 * 3600 + 10 * 60 + 59)).toBe('2 h 10 m');
    expect(formatTimeLeft(3 * 3600)).toBe('3 h');
    expect(formatTimeLeft(25 * 60)).toBe('25 m');
    expect(formatTimeLeft(3 * 86400 + 4 * 3600 + 5 * 60)).toBe('3 d 4 h');
    expect(formatTimeLeft(30)).toBe('under 1 m');
    expect(formatTimeLeft(0)).toBe('0 m');
    expect(formatTimeLeft(2 * 3600 + 600, 'bn')).toBe('২ ঘণ্টা ১০ মিনিট');
  });

  it('describes a subscription by its clock', () => {
    const base = { status: 'active' as const, clockStartedAt: 1, secondsLeft: 2 * 3600 + 600 };
    expect(describeTimeLeft({ ...base, clock: 'onlineTime' })).toBe('2 h 10 m online time left');
    expect(describeTimeLeft({ ...base, clock: 'purchase' })).toBe('2 h 10 m left');
    expect(describeTimeLeft({ ...base, clock: 'firstLogin', clockStartedAt: null, secondsLeft: null })).toBe('starts at first login');
    expect(describeTimeLeft({ ...base, clock: 'firstLogin', clockStartedAt: null, status: 'queued', secondsLeft: null })).toBe('starts at first login');
    expect(describeTimeLeft({ ...base, clock: 'purchase', status: 'expired' })).toBeNull();
    expect(describeTimeLeft({ ...base, clock: 'purchase', secondsLeft: null })).toBeNull();
    expect(formatClock('onlineTime')).toBe('Online time only');
  });
});
