import { useState } from 'react';
import type { Router } from '../../../src-shared/domain';
import type { ApiError } from '../../../src-shared/api';
import type { ConfigureResult, RouterPlan, RouterTestResult } from '../../../src-shared/api/routers';
import { call } from '../../api';
import { ActionError } from '../../components/ActionError';
import { BusyButton } from '../../components/BusyButton';
import { RouterForm } from '../../components/RouterForm';

/**
 * The first router: the same form as the Routers page, then test → plan → set up with the same
 * API methods (routers.create / test / plan / configure), so the wizard and the router page never
 * disagree about what "set up" means.
 */
export function RouterStep({ router, onRouter, onNext, onBack }: { router: Router | null; onRouter(r: Router): void; onNext(): void; onBack(): void }) {
  const [busy, setBusy] = useState<'test' | 'plan' | 'configure' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tested, setTested] = useState<RouterTestResult | null>(null);
  const [plan, setPlan] = useState<RouterPlan | null>(null);
  const [done, setDone] = useState<ConfigureResult | null>(null);

  async function run<T>(what: 'test' | 'plan' | 'configure', fn: () => Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>, ok: (v: T) => void) {
    setBusy(what);
    setError(null);
    try {
      const r = await fn();
      if (r.ok) ok(r.value);
      else setError(r.error);
    } finally {
      setBusy(null);
    }
  }

  if (!router) {
    return (
      <>
        <p className="muted">Add the MikroTik that runs the hotspot. HotspotDesk logs in to its API to set it up; you can add more routers later.</p>
        <RouterForm editing={null} onDone={() => undefined} onSaved={onRouter} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onBack}>
            Back
          </button>
          <button type="button" className="btn" onClick={onNext}>
            Skip this step
          </button>
        </div>
      </>
    );
  }

  return (
    <section className="card" aria-label="First router">
      <h2>{router.name}</h2>
      <ActionError error={error} onClose={() => setError(null)} />
      <ol className="setup-substeps">
        <li>
          <BusyButton busy={busy === 'test'} busyLabel="Testing…" onClick={() => void run('test', () => call('routers.test', { id: router.id }), setTested)}>
            Test connection
          </BusyButton>
          {tested ? (
            <p role="status">
              Connected to {tested.identity} (RouterOS {tested.version}, {tested.board}).
              {tested.canWrite ? ' HotspotDesk can set it up.' : ' This API user cannot change settings: give it the full group.'}
            </p>
          ) : null}
        </li>
        <li>
          <BusyButton busy={busy === 'plan'} busyLabel="Reading the router…" disabled={!tested} onClick={() => void run('plan', () => call('routers.plan', { id: router.id }), setPlan)}>
            Show what will change
          </BusyButton>
          {plan ? (
            <ul className="plain" aria-label="Plan">
              {plan.steps.map((s) => (
                <li key={s.key} data-step={s.key}>
                  <span className={`badge ${s.status === 'ok' ? 'badge-green' : s.status === 'change' ? 'badge-blue' : 'badge-red'}`}>
                    {s.status === 'ok' ? 'Already set' : s.status === 'change' ? 'Will change' : 'Cannot apply'}
                  </span>{' '}
                  {s.title}
                  {s.note ? <span className="muted"> — {s.note}</span> : null}
                </li>
              ))}
              {plan.notes.map((n) => (
                <li key={n} className="muted">
                  {n}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
        <li>
          <BusyButton primary busy={busy === 'configure'} busyLabel="Setting up…" disabled={!plan} onClick={() => void run('configure', () => call('routers.configure', { id: router.id }), setDone)}>
            Set up the router
          </BusyButton>
          {done ? (
            <p role="status">
              {done.failed === 0 ? `Router set up: ${done.changed} change${done.changed === 1 ? '' : 's'} applied.` : `${done.failed} step${done.failed === 1 ? '' : 's'} failed: see the router page for details.`}
            </p>
          ) : null}
        </li>
      </ol>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onBack}>
          Back
        </button>
        <button type="button" className="btn btn-primary" onClick={onNext}>
          {done ? 'Continue' : 'Skip for now'}
        </button>
      </div>
    </section>
  );
}
