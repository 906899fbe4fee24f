import type { jobsApi } from '../../../src-shared/api/jobs';
import type { Jobs } from '../../jobs';
import type { AreaHandlers } from './types';

/** Progress of the long jobs other areas run under a caller's jobId (src-main/jobs). */
export function jobsHandlers({ jobs }: { jobs: Jobs }) {
  return {
    'jobs.progress': ({ id }) => jobs.progress(id),
  } satisfies AreaHandlers<typeof jobsApi>;
}
