import { useState } from 'react';
import type { Router } from '../../../src-shared/domain';
import type { ApiError } from '../../../src-shared/api';
import type { ConfigureResult, RouterPlan, RouterTestResult } from '../../../src-shared/api/routers';
import { call } from '../../api';
import { ActionError } from '../../components/ActionError';
import { BusyButton } from '../../components/BusyButton';
import { RouterForm } from '../../components/RouterForm';
import { planStatusFor } from '../../labels';
import { messages, useLang, useT } from '../../i18n';
import { localDigits } from '../../../src-shared/format';

const bnNumber = (n: number) => localDigits(String(n), 'bn');

const M = messages(
  {
    intro: 'Add the MikroTik that runs the hotspot. HotspotDesk logs in to its API to set it up; you can add more routers later.',
    back: 'Back',
    skipStep: 'Skip this step',
    firstRouter: 'First router',
    testing: 'Testing…',
    test: 'Test connection',
    connected: (identity: string, version: string, board: string) => `Connected to ${identity} (RouterOS ${version}, ${board}).`,
    canWrite: ' HotspotDesk can set it up.',
    cannotWrite: ' This API user cannot change settings: give it the full group.',
    reading: 'Reading the router…',
    showPlan: 'Show what will change',
    plan: 'Plan',
    settingUp: 'Setting up…',
    setUp: 'Set up the router',
    setUpDone: (n: number) => `Router set up: ${n} change${n === 1 ? '' : 's'} applied.`,
    stepsFailed: (n: number) => `${n} step${n === 1 ? '' : 's'} failed: see the router page for details.`,
    continue: 'Continue',
    skipForNow: 'Skip for now',
  },
  {
    intro: 'যে MikroTik হটস্পট চালায় সেটি যোগ করুন। সেট আপ করতে HotspotDesk এর API-তে লগ ইন করে; পরে আরও রাউটার যোগ করতে পারবেন।',
    back: 'পেছনে',
    skipStep: 'এই ধাপ বাদ দিন',
    firstRouter: 'প্রথম রাউটার',
    testing: 'পরীক্ষা হচ্ছে…',
    test: 'সংযোগ পরীক্ষা করুন',
    connected: (identity, version, board) => `${identity}-এর সাথে যুক্ত হয়েছে (RouterOS ${version}, ${board})।`,
    canWrite: ' HotspotDesk এটি সেট আপ করতে পারবে।',
    cannotWrite: ' এই API ইউজার সেটিংস বদলাতে পারে না: একে full গ্রুপ দিন।',
    reading: 'রাউটার পড়া হচ্ছে…',
    showPlan: 'কী বদলাবে দেখান',
    plan: 'পরিকল্পনা',
    settingUp: 'সেট আপ হচ্ছে…',
    setUp: 'রাউটার সেট আপ করুন',
    setUpDone: (n) => `রাউটার সেট আপ হয়েছে: ${bnNumber(n)}টি পরিবর্তন করা হয়েছে।`,
    stepsFailed: (n) => `${bnNumber(n)}টি ধাপ হয়নি: বিস্তারিত রাউটারের পাতায় দেখুন।`,
    continue: 'এগিয়ে যান',
    skipForNow: 'এখন বাদ দিন',
  },
);

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
  const t = useT(M);
  const planWords = planStatusFor(useLang());

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
        <p className="muted">{t.intro}</p>
        <RouterForm editing={null} onDone={() => undefined} onSaved={onRouter} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onBack}>
            {t.back}
          </button>
          <button type="button" className="btn" onClick={onNext}>
            {t.skipStep}
          </button>
        </div>
      </>
    );
  }

  return (
    <section className="card" aria-label={t.firstRouter}>
      <h2>{router.name}</h2>
      <ActionError error={error} onClose={() => setError(null)} />
      <ol className="setup-substeps">
        <li>
          <BusyButton busy={busy === 'test'} busyLabel={t.testing} onClick={() => void run('test', () => call('routers.test', { id: router.id }), setTested)}>
            {t.test}
          </BusyButton>
          {tested ? (
            <p role="status">
              {t.connected(tested.identity, tested.version, tested.board)}
              {tested.canWrite ? t.canWrite : t.cannotWrite}
            </p>
          ) : null}
        </li>
        <li>
          <BusyButton busy={busy === 'plan'} busyLabel={t.reading} disabled={!tested} onClick={() => void run('plan', () => call('routers.plan', { id: router.id }), setPlan)}>
            {t.showPlan}
          </BusyButton>
          {plan ? (
            <ul className="plain" aria-label={t.plan}>
              {plan.steps.map((s) => (
                <li key={s.key} data-step={s.key}>
                  <span className={`badge ${s.status === 'ok' ? 'badge-green' : s.status === 'change' ? 'badge-blue' : 'badge-red'}`}>
                    {planWords[s.status].label}
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
          <BusyButton primary busy={busy === 'configure'} busyLabel={t.settingUp} disabled={!plan} onClick={() => void run('configure', () => call('routers.configure', { id: router.id }), setDone)}>
            {t.setUp}
          </BusyButton>
          {done ? (
            <p role="status">
              {done.failed === 0 ? t.setUpDone(done.changed) : t.stepsFailed(done.failed)}
            </p>
          ) : null}
        </li>
      </ol>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onBack}>
          {t.back}
        </button>
        <button type="button" className="btn btn-primary" onClick={onNext}>
          {done ? t.continue : t.skipForNow}
        </button>
      </div>
    </section>
  );
}
