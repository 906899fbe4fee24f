/**
 * When the retry job asks the gateway about a payment it could not settle (issue 10): at once,
 * then 10 s, 30 s, 1 min, 2 min and 5 min after it started checking, then every 10 minutes up to
 * 24 hours. Offsets are from the moment checking began (stored), so a restart or a PC that was
 * off resumes on the same timetable instead of starting it again.
 */
const FIRST_OFFSETS_MS = [0, 10_000, 30_000, 60_000, 120_000, 300_000];
const EVERY_MS = 600_000;
export const CHECKING_LIMIT_MS = 24 * 3_600_000;
/** Steps after the first offsets: 10 min, 20 min … 24 h. */
const LAST_STEP = FIRST_OFFSETS_MS.length - 1 + CHECKING_LIMIT_MS / EVERY_MS;

/** The offset of check number `step` from the start of checking, or null after the last one. */
export function checkOffsetMs(step: number): number | null {
  if (step < 0 || step > LAST_STEP) return null;
  if (step < FIRST_OFFSETS_MS.length) return FIRST_OFFSETS_MS[step]!;
  return (step - FIRST_OFFSETS_MS.length + 1) * EVERY_MS;
}

/**
 * The next check after the one numbered `done` has run at `now` (checking began at `since`):
 * the first step later than `done` that is not already in the past (a PC that was off skips
 * the missed ones). Null when the last try was made: the payment goes to the owner.
 */
export function nextCheck(done: number, since: number, now: number): { step: number; at: number } | null {
  for (let step = done + 1; ; step++) {
    const off = checkOffsetMs(step);
    if (off === null) return null;
    if (since + off > now) return { step, at: since + off };
  }
}

/** A started checkout whose browser never came back is first asked about after this long. */
export const ABANDONED_CHECK_MS = 10 * 60_000;
