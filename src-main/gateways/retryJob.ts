import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Ledger } from '../billing/ledger';

/** A one-shot timer; returns its cancel. Tests pass one they fire by hand (with a manual clock). */
export interface OneShotTimer {
  set(fn: () => void, ms: number): () => void;
}

// setTimeout holds at most 2^31-1 ms; a longer wait fires early and is re-armed.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export const realTimer: OneShotTimer = {
  set(fn, ms) {
    const t = setTimeout(fn, Math.min(Math.max(0, ms), MAX_TIMEOUT_MS));
    // stop() cancels it; it must never keep a stopping process alive by itself.
    t.unref();
    return () => clearTimeout(t);
  },
};

/**
 * The retry job (no cron): one timer for the next due check of any pending payment, its time
 * stored in the ledger (payments.next_check_at), so a restart picks up where it was. When it
 * fires it checks every due payment (through the same confirmation as a browser return) and
 * re-arms for the next one.
 */
export function createRetryJob(deps: { clock: Clock; log: Logger; ledger: Pick<Ledger, 'nextCheckAt' | 'dueChecks'>; timer?: OneShotTimer; check: (paymentId: number) => Promise<unknown>; postpone: (paymentId: number) => void }) {
  const timer = deps.timer ?? realTimer;
  let running = false;
  let cancel: (() => void) | null = null;
  let armedFor: number | null = null;
  let busy: Promise<void> | null = null;
  let lastRunAt: number | null = null;

  function arm(): void {
    if (!running || busy) return;
    const at = deps.ledger.nextCheckAt();
    if (at === armedFor && cancel) return;
    cancel?.();
    cancel = null;
    armedFor = at;
    if (at === null) return;
    cancel = timer.set(() => void fire(), at - deps.clock.now());
  }

  async function fire(): Promise<void> {
    cancel = null;
    armedFor = null;
    if (!running) return;
    // Already checking (the timer and a caller at once): wait for that run instead of a second.
    if (busy) return busy;
    busy = (async () => {
      try {
        // Checks that come due while these run (a 0 s first check) are taken in the same turn.
        for (let round = 0; round < 10; round++) {
          const due = deps.ledger.dueChecks(deps.clock.now());
          if (due.length === 0) break;
          for (const id of due) {
            if (!running) return;
            try {
              await deps.check(id);
            } catch (err) {
              // Moved on, or the same due check would fire again at once, for ever.
              deps.log.error({ err, paymentId: id }, 'payment check failed');
              deps.postpone(id);
            }
          }
        }
        lastRunAt = deps.clock.now();
      } finally {
        busy = null;
      }
    })();
    await busy;
    arm();
  }

  return {
    start(): void {
      running = true;
      arm();
    },
    async stop(): Promise<void> {
      running = false;
      cancel?.();
      cancel = null;
      armedFor = null;
      await busy?.catch(() => undefined);
    },
    /** A check was (re)scheduled: the timer moves if it is now due earlier. */
    reschedule: arm,
    /** Runs the due checks now (tests, and the timer). */
    runDue: fire,
    status: () => ({ running, nextCheckAt: running ? deps.ledger.nextCheckAt() : null, lastRunAt }),
  };
}
