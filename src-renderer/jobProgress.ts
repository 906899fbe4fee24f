import type { JobProgress } from '../src-shared/api/jobs';
import { call } from './api';

/**
 * Long jobs (router set-up, walled-garden push, card batches) run inside one admin call whose
 * reply comes at the end; meanwhile the UI asks `jobs.progress` under a job id of its own making
 * (src-shared/api/jobs.ts). Polling, not events: it works the same over IPC and the HTTP bridge.
 */

const POLL_MS = 300;

/** A fresh job id (random, so two windows never watch each other's job). */
export function newJobId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `job-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Runs `run(jobId)` and reports the job's progress every POLL_MS until it settles; resolves with
 * whatever `run` resolved with. A failed poll is skipped (the job's own reply tells the outcome).
 */
export async function withJobProgress<R>(run: (jobId: string) => Promise<R>, onProgress: (p: JobProgress) => void): Promise<R> {
  const id = newJobId();
  let settled = false;
  const result = run(id).finally(() => {
    settled = true;
  });
  void (async () => {
    while (!settled) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (settled) break;
      const r = await call('jobs.progress', { id });
      if (!settled && r.ok && r.value) onProgress(r.value);
    }
  })();
  return result;
}
