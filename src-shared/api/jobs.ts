import { z } from 'zod';
import { query } from './def';

/**
 * Progress of long jobs (issue #11): router set-up, walled-garden push, a batch of cards. The
 * caller names the job: it passes a `jobId` of its own making with the method's input (the reply
 * still comes when the job is done, as before) and polls `jobs.progress { id }` meanwhile. A job
 * the engine does not know (not started yet, finished long ago) is null.
 */
export const jobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _');

export type JobState = 'running' | 'done' | 'failed';

export interface JobProgress {
  id: string;
  /** The method that runs it, e.g. "routers.configure". */
  kind: string;
  state: JobState;
  /** Steps (or cards) finished so far, out of `total` (0 while the total is not known yet). */
  done: number;
  total: number;
  /** What it is doing now, in plain words ("Hotspot profile", "Saving the cards"). */
  step: string | null;
  startedAt: number;
  finishedAt: number | null;
}

export const jobsApi = {
  // Every job today is an owner's (set-up, walled garden, card batches): so is watching one.
  'jobs.progress': query<JobProgress | null>()(z.strictObject({ id: jobId }), { role: 'owner' }),
};
