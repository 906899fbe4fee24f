import type { JobProgress } from '../../src-shared/api/jobs';
import type { Clock } from '../clock';

/**
 * Long jobs' progress, kept in memory for `jobs.progress` (issue #11). A job is named by its caller
 * (the `jobId` in the method's input), runs inside the method's own call and reports as it goes;
 * finished jobs are kept a while so the last poll sees "done", then forgotten. Nothing here is
 * persisted: progress only matters while someone is watching.
 */

export interface ProgressReport {
  done: number;
  total: number;
  step?: string | null;
}

/** What a long operation calls as it goes; a no-op when nobody asked to watch. */
export type OnProgress = (p: ProgressReport) => void;

export const noProgress: OnProgress = () => undefined;

const KEEP_FINISHED_MS = 10 * 60_000;
const MAX_JOBS = 200;

export function createJobs(clock: Clock) {
  const jobs = new Map<string, JobProgress>();

  function prune(): void {
    const now = clock.now();
    for (const [id, j] of jobs) {
      if (j.finishedAt !== null && now - j.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
    }
    // A client that starts jobs without end must not grow the map: the oldest go first.
    while (jobs.size >= MAX_JOBS) jobs.delete(jobs.keys().next().value as string);
  }

  return {
    /**
     * Runs `fn` as job `id` (when given) and records its progress; without an id it just runs.
     * A job id already in use is taken over by the new run (the caller made a new job).
     */
    async run<T>(id: string | undefined, kind: string, fn: (onProgress: OnProgress) => Promise<T> | T): Promise<T> {
      if (id === undefined) return fn(noProgress);
      prune();
      const job: JobProgress = { id, kind, state: 'running', done: 0, total: 0, step: null, startedAt: clock.now(), finishedAt: null };
      jobs.delete(id);
      jobs.set(id, job);
      const onProgress: OnProgress = (p) => {
        job.done = p.done;
        job.total = p.total;
        if (p.step !== undefined) job.step = p.step;
      };
      try {
        const result = await fn(onProgress);
        job.state = 'done';
        if (job.total > 0) job.done = job.total;
        return result;
      } catch (e) {
        job.state = 'failed';
        throw e;
      } finally {
        job.finishedAt = clock.now();
      }
    },

    progress(id: string): JobProgress | null {
      const j = jobs.get(id);
      return j ? { ...j } : null;
    },
  };
}

export type Jobs = ReturnType<typeof createJobs>;
