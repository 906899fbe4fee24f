import { describe, expect, it } from 'vitest';
import { secondsLeft, subscriptionSpent } from '../../src-main/billing/spent';

const T = 1_000_000;

describe('subscriptionSpent', () => {
  it('is null while time and data are left, and for unlimited ones', () => {
    expect(subscriptionSpent({ expiresAt: T + 1, dataLimitBytes: 100, bytesUsed: 99 }, T)).toBeNull();
    expect(subscriptionSpent({ expiresAt: null, dataLimitBytes: null, bytesUsed: 10 ** 15 }, T)).toBeNull();
    expect(subscriptionSpent({ expiresAt: null, dataLimitBytes: 100, bytesUsed: 0 }, T)).toBeNull();
  });

  it('expires at the expiry instant itself', () => {
    expect(subscriptionSpent({ expiresAt: T, dataLimitBytes: null, bytesUsed: 0 }, T)).toBe('expired');
    expect(subscriptionSpent({ expiresAt: T, dataLimitBytes: null, bytesUsed: 0 }, T - 1)).toBeNull();
  });

  it('is exhausted when the bytes used reach the limit exactly', () => {
    expect(subscriptionSpent({ expiresAt: null, dataLimitBytes: 100, bytesUsed: 100 }, T)).toBe('exhausted');
    expect(subscriptionSpent({ expiresAt: T + 1, dataLimitBytes: 100, bytesUsed: 101 }, T)).toBe('exhausted');
  });

  it('says expired when both ran out (time ran out before the charge was recorded)', () => {
    expect(subscriptionSpent({ expiresAt: T - 1, dataLimitBytes: 100, bytesUsed: 500 }, T)).toBe('expired');
  });
});

describe('the spent rule by clock', () => {
  it('onlineTime: spent (expired) once the online allowance is used, whatever the wall clock says', () => {
    const s = { expiresAt: null, dataLimitBytes: null, bytesUsed: 0, clock: 'onlineTime', validitySeconds: 600 };
    expect(subscriptionSpent({ ...s, secondsUsed: 599 }, T)).toBeNull();
    expect(subscriptionSpent({ ...s, secondsUsed: 600 }, T)).toBe('expired');
    // The use-within deadline ends it too.
    expect(subscriptionSpent({ ...s, expiresAt: T, secondsUsed: 0 }, T)).toBe('expired');
    // Online seconds mean nothing to a package whose clock is the wall clock.
    expect(subscriptionSpent({ ...s, clock: 'purchase', secondsUsed: 10_000 }, T)).toBeNull();
  });

  it('firstLogin not started: never spent by time (no expiry yet)', () => {
    expect(subscriptionSpent({ expiresAt: null, dataLimitBytes: null, bytesUsed: 0, clock: 'firstLogin', validitySeconds: 60 }, T + 10 ** 12)).toBeNull();
  });
});

describe('secondsLeft', () => {
  it('is the time to the deadline, the online time left, or the smaller of both', () => {
    expect(secondsLeft({ expiresAt: T + 90_000, dataLimitBytes: null, bytesUsed: 0 }, T)).toBe(90);
    expect(secondsLeft({ expiresAt: null, dataLimitBytes: null, bytesUsed: 0 }, T)).toBeNull();
    const online = { dataLimitBytes: null, bytesUsed: 0, clock: 'onlineTime', validitySeconds: 600, secondsUsed: 100 };
    expect(secondsLeft({ ...online, expiresAt: null }, T)).toBe(500);
    expect(secondsLeft({ ...online, expiresAt: T + 60_000 }, T)).toBe(60);
    expect(secondsLeft({ ...online, expiresAt: T + 3_600_000 }, T)).toBe(500);
    expect(secondsLeft({ ...online, secondsUsed: 900, expiresAt: null }, T)).toBe(0);
  });
});
