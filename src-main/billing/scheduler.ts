import type { CoreDeps } from '../deps';
import type { Subscriptions } from './subscriptions';

// Re-check at least this often even with nothing due, so a clock jump or a subscription written
// by another process is noticed. Expiries themselves are hit exactly by the timer below.
const MAX_WAIT_MS = 60_000;

/**
 * Ends subscriptions on time without cron and without any RADIUS packet arriving: one timer,
 * armed for the earliest expiry, re-armed after each run and whenever a subscription activates
 * or a first login starts one's clock.
 */
export function createExpiryScheduler({ clock, log, bus }: Pick<CoreDeps, 'clock' | 'log' | 'bus'>, subscriptions: Subscriptions) {
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let runs = 0;
  let lastRunAt: number | null = null;
  let offs: Array<() => void> = [];

  function arm(): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    const next = subscriptions.nextExpiryAt();
    const wait = next == null ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, Math.max(0, next - clock.now()));
    timer = setTimeout(tick, wait);
    timer.unref();
  }

  function tick(): void {
    timer = null;
    try {
      runNow();
    } catch (err) {
      log.error({ err }, 'expiry scheduler run failed');
    }
    arm();
  }

  function runNow(): number {
    runs++;
    lastRunAt = clock.now();
    return subscriptions.expireDue();
  }

  return {
    async start() {
      running = true;
      // A new expiry can be the earliest: an activation, or a first login starting a clock.
      offs = [bus.on('subscription.activated', () => arm()), bus.on('subscription.clockStarted', () => arm())];
      tick();
    },
    async stop() {
      running = false;
      for (const off of offs.splice(0)) off();
      if (timer) clearTimeout(timer);
      timer = null;
    },
    /** Runs an expiry pass now (tests with a manual clock; the admin "refresh"). */
    runNow,
    status() {
      return { running, runs, lastRunAt, nextExpiryAt: subscriptions.nextExpiryAt() };
    },
  };
}
