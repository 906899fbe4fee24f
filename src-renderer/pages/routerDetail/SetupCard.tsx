import type { ConfigureResult, ConfigureStep, PlanStep, RouterPlan } from '../../../src-shared/api/routers';
import { localDigits } from '../../../src-shared/format';
import { ActionError } from '../../components/ActionError';
import { Banner } from '../../components/Banner';
import { BusyButton } from '../../components/BusyButton';
import { JobProgressBar } from '../../components/JobProgressBar';
import { messages, useLang, useT, type Lang } from '../../i18n';
import { planStatusFor, stepResultFor } from '../../labels';
import { useRouterSyncStore } from '../../stores/routerSyncStore';
import { StepList, type StepItem } from './StepList';

const M = messages(
  {
    planRegion: 'Setup plan',
    resultRegion: 'Setup result',
    nothingToChange: 'Nothing to change: this router is already set up for HotspotDesk.',
    stepsToChange: (n: number) => `${n} step${n === 1 ? '' : 's'} to change`,
    nothingChangedYet: 'on the router. Nothing has been changed yet.',
    radiusAddress: 'RADIUS server address for the router:',
    addressUnknown: 'unknown (set it under Settings)',
    failedSome: (failed: number, changed: number) => `${failed} step${failed === 1 ? '' : 's'} failed; ${changed} applied. See below, fix the cause and run it again.`,
    alreadySetUp: 'Nothing needed changing: the router was already set up.',
    doneApplied: (n: number) => `Done: ${n} step${n === 1 ? '' : 's'} applied.`,
    cardLabel: 'Set up router',
    title: 'Set up router',
    reading: 'Reading the router…',
    checkAgain: 'Check again',
    checkFirst: 'Check what needs changing',
    applying: 'Applying…',
    nothingToApply: 'Nothing to apply',
    apply: (n: number) => `Apply ${n} change${n === 1 ? '' : 's'}`,
    intro:
      'Points the router’s hotspot at HotspotDesk: RADIUS server and secret, Disconnect/CoA, hotspot profile and server, login page. HotspotDesk first shows what it would change; nothing changes until you apply.',
  },
  {
    planRegion: 'সেট-আপ পরিকল্পনা',
    resultRegion: 'সেট-আপের ফল',
    nothingToChange: 'কিছু বদলাতে হবে না: এই রাউটার HotspotDesk-এর জন্য আগেই সেট-আপ করা আছে।',
    stepsToChange: (n) => `${localDigits(String(n), 'bn')}টি ধাপ বদলাতে হবে`,
    nothingChangedYet: 'রাউটারে। এখনও কিছু বদলানো হয়নি।',
    radiusAddress: 'রাউটারের জন্য RADIUS সার্ভারের ঠিকানা:',
    addressUnknown: 'অজানা (সেটিংসে দিন)',
    failedSome: (failed, changed) =>
      `${localDigits(String(failed), 'bn')}টি ধাপ ব্যর্থ; ${localDigits(String(changed), 'bn')}টি প্রয়োগ হয়েছে। নিচে দেখুন, কারণটি ঠিক করে আবার চালান।`,
    alreadySetUp: 'কিছু বদলাতে হয়নি: রাউটার আগেই সেট-আপ করা ছিল।',
    doneApplied: (n) => `হয়ে গেছে: ${localDigits(String(n), 'bn')}টি ধাপ প্রয়োগ হয়েছে।`,
    cardLabel: 'রাউটার সেট-আপ',
    title: 'রাউটার সেট-আপ',
    reading: 'রাউটার পড়া হচ্ছে…',
    checkAgain: 'আবার দেখুন',
    checkFirst: 'কী বদলাতে হবে দেখুন',
    applying: 'প্রয়োগ হচ্ছে…',
    nothingToApply: 'প্রয়োগের কিছু নেই',
    apply: (n) => `${localDigits(String(n), 'bn')}টি পরিবর্তন প্রয়োগ করুন`,
    intro:
      'রাউটারের হটস্পটকে HotspotDesk-এর দিকে সেট করে: RADIUS সার্ভার ও সিক্রেট, Disconnect/CoA, হটস্পট প্রোফাইল ও সার্ভার, লগইন পেজ। HotspotDesk আগে দেখায় কী বদলাবে; আপনি প্রয়োগ না করা পর্যন্ত কিছুই বদলায় না।',
  },
);

/** A planned step: what would change. */
function planItem(s: PlanStep, lang: Lang): StepItem {
  return { key: s.key, title: s.title, state: s.status, badge: planStatusFor(lang)[s.status], note: s.note, changes: s.changes };
}

/** An applied step: its diff only when something was (or failed to be) written. */
function configureItem(s: ConfigureStep, lang: Lang): StepItem {
  const wrote = s.result === 'applied' || s.result === 'failed';
  return { key: s.key, title: s.title, state: s.result, badge: stepResultFor(lang)[s.result], error: s.error, note: s.note, changes: wrote ? s.changes : [] };
}

function PlanView({ plan }: { plan: RouterPlan }) {
  const t = useT(M);
  const lang = useLang();
  const toChange = plan.steps.filter((s) => s.status === 'change').length;
  return (
    <div aria-label={t.planRegion} role="region">
      {toChange === 0 ? (
        <Banner kind="success">{t.nothingToChange}</Banner>
      ) : (
        <p>
          <strong>{t.stepsToChange(toChange)}</strong> {t.nothingChangedYet}
        </p>
      )}
      <Notes plan={plan} />
      <StepList steps={plan.steps.map((s) => planItem(s, lang))} />
    </div>
  );
}

function Notes({ plan }: { plan: Pick<RouterPlan, 'notes' | 'serverAddress' | 'serverAddressDetected'> }) {
  const t = useT(M);
  return (
    <>
      <p className="muted small">
        {t.radiusAddress} <span className="mono">{plan.serverAddress ?? t.addressUnknown}</span>
      </p>
      {plan.notes.map((n) => (
        <p key={n} className="note">
          {n}
        </p>
      ))}
    </>
  );
}

function ConfigureView({ result }: { result: ConfigureResult }) {
  const t = useT(M);
  const lang = useLang();
  return (
    <div aria-label={t.resultRegion} role="region">
      {result.failed > 0 ? (
        <Banner>{t.failedSome(result.failed, result.changed)}</Banner>
      ) : (
        <Banner kind="success">{result.changed === 0 ? t.alreadySetUp : t.doneApplied(result.changed)}</Banner>
      )}
      <Notes plan={result} />
      <StepList steps={result.steps.map((s) => configureItem(s, lang))} />
    </div>
  );
}

export function SetupCard({ onFix }: { onFix(): void }) {
  const t = useT(M);
  const { plan, configure, runPlan, runConfigure, clearError } = useRouterSyncStore();
  const progress = useRouterSyncStore((s) => s.progress.configure);
  const p = plan.value;
  const toChange = p ? p.steps.filter((s) => s.status === 'change').length : 0;
  const busy = plan.busy || configure.busy;
  return (
    <section className="card" aria-label={t.cardLabel} id="setup">
      <div className="card-head">
        <h2>{t.title}</h2>
        <div className="page-actions">
          <BusyButton busy={plan.busy} busyLabel={t.reading} onClick={() => void runPlan()} disabled={configure.busy} primary={!p}>
            {p || configure.value ? t.checkAgain : t.checkFirst}
          </BusyButton>
          {p ? (
            <BusyButton busy={configure.busy} busyLabel={t.applying} onClick={() => void runConfigure()} disabled={busy || toChange === 0} primary>
              {toChange === 0 ? t.nothingToApply : t.apply(toChange)}
            </BusyButton>
          ) : null}
        </div>
      </div>
      <p className="muted">{t.intro}</p>
      {configure.busy ? <JobProgressBar job={progress} /> : null}
      <ActionError error={plan.error} onFix={onFix} onClose={() => clearError('plan')} />
      <ActionError error={configure.error} onFix={onFix} onClose={() => clearError('configure')} />
      {configure.value ? <ConfigureView result={configure.value} /> : p ? <PlanView plan={p} /> : null}
    </section>
  );
}
