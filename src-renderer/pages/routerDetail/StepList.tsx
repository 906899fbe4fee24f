import type { PlanChange } from '../../../src-shared/api/routers';

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

function shown(v: string | null): string {
  return v === null ? 'not set' : v === '' ? '(empty)' : v;
}

function StepChanges({ title, changes }: { title: string; changes: PlanChange[] }) {
  return (
    <table className="table diff" aria-label={`Changes: ${title}`}>
      <thead>
        <tr>
          <th>Setting</th>
          <th>Now on the router</th>
          <th>HotspotDesk sets</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.property}>
            <td className="mono">{c.property}</td>
            <td className="mono diff-from">{c.from === null ? <span className="muted">not set</span> : <del>{shown(c.from)}</del>}</td>
            <td className="mono diff-to">{shown(c.to)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
