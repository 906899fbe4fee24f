import { describe, expect, it } from 'vitest';
import { subscriptionSpent } from '../../src-main/billing/spent';

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
