import { describe, expect, it } from 'vitest';
import { openDataDirDatabase } from '../../src-main/db';
import { createCardGuardStore, DEFAULT_CARD_LIMITS } from '../../src-main/portal/cardGuard';
import { bn } from '../../src-main/portal/i18n/bn';
import { testEngine } from '../helpers/engine';

// The wrong-card limit lives in portal_card_failures (migration 0110): a restart — a power cut,
// the usual way a shop's PC restarts — must not hand a guesser fresh tries.
describe('the wrong recharge-card limit', () => {
  it('holds across a restart of the engine, and lifts once the window has passed', async () => {
    const { engine, clock } = await testEngine();
    const cid = engine.billing.customers.ensure('+8801712345678');
    const who = { customerId: cid, mac: 'AA:BB:CC:DD:EE:01' };
    const guard = createCardGuardStore(engine.db);
    const t0 = clock.now();
    for (let i = 0; i < 4; i++) expect(guard.recordWrong(who, t0 + i, DEFAULT_CARD_LIMITS)).toBeNull();
    expect(guard.recordWrong(who, t0 + 4, DEFAULT_CARD_LIMITS)).toBe(t0 + DEFAULT_CARD_LIMITS.windowMs);
    const dataDir = engine.config.dataDir;
    await engine.stop();

    const db = openDataDirDatabase(dataDir);
    try {
      const again = createCardGuardStore(db);
      const later = t0 + 10 * 60_000;
      expect(again.blockedUntil(who, later, DEFAULT_CARD_LIMITS)).toBe(t0 + DEFAULT_CARD_LIMITS.windowMs);
      // The same device with another customer, and the same customer on another device: both blocked.
      expect(again.blockedUntil({ customerId: cid + 1, mac: who.mac }, later, DEFAULT_CARD_LIMITS)).not.toBeNull();
      expect(again.blockedUntil({ customerId: cid, mac: null }, later, DEFAULT_CARD_LIMITS)).not.toBeNull();
      // The window slides: after the oldest failure ages out one try is free again.
      expect(again.blockedUntil(who, t0 + DEFAULT_CARD_LIMITS.windowMs, DEFAULT_CARD_LIMITS)).toBeNull();
      // Old rows are dropped as new ones come, so the table never outgrows one window.
      again.recordWrong(who, t0 + 2 * DEFAULT_CARD_LIMITS.windowMs, DEFAULT_CARD_LIMITS);
      expect(db.prepare('SELECT COUNT(*) AS n FROM portal_card_failures').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('says so in Bangla too', () => {
    expect(bn.cardTooMany('১৪ মিনিট পরে')).toContain('ভুল কার্ড নম্বর');
  });
});
