import { describe, expect, it } from 'vitest';
import { coaLimitAttrs } from '../../src-main/radius/coa';
import { Attr, Mikrotik } from '../../src-main/radius/attributes';
import type { SubscriptionLimits } from '../../src-main/billing';

/** The limits a CoA after a top-up carries, on both bases RouterOS might apply them on (§1.5 [U]). */
const limits: SubscriptionLimits = {
  expiresAt: 10_000_000, dataLimitBytes: 5000, bytesUsed: 1000, clock: 'purchase', validitySeconds: 3600, secondsUsed: 0,
  downloadBps: 5_000_000, uploadBps: 2_000_000,
};
const session = { sessionTime: 100, bytes: 400, updatedAt: 9_000_000 };
const now = 9_010_000; // 10 s after the session's last record
const values = (l: SubscriptionLimits, basis: 'now' | 'sessionStart') => coaLimitAttrs(l, session, now, basis).map((a) => [a.type, a.value]);

describe('coaLimitAttrs', () => {
  it('"now": what is left, as an Access-Accept says it', () => {
    expect(values(limits, 'now')).toEqual([[Attr.SessionTimeout, 990], [Mikrotik.TotalLimit, 4000], [Mikrotik.RateLimit, '2M/5M']]);
  });

  it('"sessionStart": the session\'s own uptime and bytes plus what is left', () => {
    expect(values(limits, 'sessionStart')).toEqual([[Attr.SessionTimeout, 100 + 10 + 990], [Mikrotik.TotalLimit, 400 + 4000], [Mikrotik.RateLimit, '2M/5M']]);
  });

  it('online time: the session\'s unreported time since its last record is spent too', () => {
    const online: SubscriptionLimits = { ...limits, expiresAt: null, clock: 'onlineTime', validitySeconds: 600, secondsUsed: 200, dataLimitBytes: null };
    expect(values(online, 'now')[0]).toEqual([Attr.SessionTimeout, 390]);
    expect(values(online, 'sessionStart')[0]).toEqual([Attr.SessionTimeout, 100 + 10 + 390]);
  });

  it('data over 4 GiB is split into Total-Limit and its gigawords', () => {
    const big = { ...limits, dataLimitBytes: 5 * 2 ** 32 + 1000, bytesUsed: 0 };
    const attrs = coaLimitAttrs(big, { ...session, bytes: 0 }, now, 'now');
    expect(attrs.filter((a) => a.type === Mikrotik.TotalLimit || a.type === Mikrotik.TotalLimitGigawords).map((a) => a.value)).toEqual([1000, 5]);
  });
});
