import type { JobProgress } from '../../src-shared/api/jobs';
import { localDigits } from '../../src-shared/format';
import { messages, useLang, useT } from '../i18n';

const M = messages(
  {
    label: 'Progress',
    starting: 'Starting…',
    stepOf: (n: string, total: string) => `Step ${n} of ${total}`,
    itemsOf: (n: string, total: string) => `${n} of ${total}`,
  },
  {
    label: 'অগ্রগতি',
    starting: 'শুরু হচ্ছে…',
    stepOf: (n, total) => `ধাপ ${n} / ${total}`,
    itemsOf: (n, total) => `${total}টির মধ্যে ${n}টি`,
  },
);

/**
 * A running job's progress (jobs.progress): a bar and "Step 2 of 5 · Hotspot profile". `unit`
 * "items" counts things (cards) instead of steps. Nothing known yet: an indeterminate bar.
 */
export function JobProgressBar({ job, unit = 'steps' }: { job: JobProgress | null; unit?: 'steps' | 'items' }) {
  const t = useT(M);
  const lang = useLang();
  const n = (v: number) => localDigits(v.toLocaleString('en-IN'), lang);
  const known = job !== null && job.total > 0;
  const text = !known
    ? (job?.step ?? t.starting)
    : unit === 'steps'
      ? `${t.stepOf(n(Math.min(job.done + 1, job.total)), n(job.total))}${job.step ? ` · ${job.step}` : ''}`
      : `${t.itemsOf(n(job.done), n(job.total))}${job.step ? ` · ${job.step}` : ''}`;
  return (
    <div className="job-progress" role="status" aria-live="polite">
      {known ? <progress aria-label={t.label} max={job.total} value={job.done} /> : <progress aria-label={t.label} />}
      <span className="small muted">{text}</span>
    </div>
  );
}
