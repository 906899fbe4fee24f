import type { PlanChange } from '../../../src-shared/api/routers';
import { messages, useT } from '../../i18n';

const M = messages(
  {
    notSet: 'not set',
    empty: '(empty)',
    changes: (title: string) => `Changes: ${title}`,
    setting: 'Setting',
    now: 'Now on the router',
    sets: 'HotspotDesk sets',
  },
  {
    notSet: 'দেওয়া নেই',
    empty: '(খালি)',
    changes: (title) => `পরিবর্তন: ${title}`,
    setting: 'সেটিং',
    now: 'এখন রাউটারে',
    sets: 'HotspotDesk যা দেবে',
  },
);

/**
 * One list for the setup steps, whether they are a plan ("Will change") or the result of
 * applying it ("Applied", "Failed"): the two views differ only in the badge, an error line and
 * whether the diff is shown, so they render through this one component.
 */
export interface StepItem {
  key: string;
  title: string;
  /** The step's state, used as the `step-<state>` class (ok, change, applied, failed …). */
  state: string;
  badge: { label: string; tone: string };
  error?: string;
  note?: string;
  /** The diff to show; empty or absent shows none. */
  changes?: PlanChange[];
}

export function StepList({ steps }: { steps: StepItem[] }) {
  return (
    <ol className="steps">
      {steps.map((s) => (
        <li key={s.key} className={`step step-${s.state}`} data-step={s.key}>
          <div className="step-head">
            <span className="strong">{s.title}</span>
            <span className={`badge nocap badge-${s.badge.tone}`}>{s.badge.label}</span>
          </div>
          {s.error ? <div className="field-error">{s.error}</div> : null}
          {s.note ? <div className="muted small">{s.note}</div> : null}
          {s.changes && s.changes.length > 0 ? <StepChanges title={s.title} changes={s.changes} /> : null}
        </li>
      ))}
    </ol>
  );
}

function shown(v: string | null, t: { notSet: string; empty: string }): string {
  return v === null ? t.notSet : v === '' ? t.empty : v;
}

function StepChanges({ title, changes }: { title: string; changes: PlanChange[] }) {
  const t = useT(M);
  return (
    <table className="table diff" aria-label={t.changes(title)}>
      <thead>
        <tr>
          <th>{t.setting}</th>
          <th>{t.now}</th>
          <th>{t.sets}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.property}>
            <td className="mono">{c.property}</td>
            <td className="mono diff-from">{c.from === null ? <span className="muted">{t.notSet}</span> : <del>{shown(c.from, t)}</del>}</td>
            <td className="mono diff-to">{shown(c.to, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
