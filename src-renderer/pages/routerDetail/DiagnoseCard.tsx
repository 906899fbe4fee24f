import type { DiagnoseCheck } from '../../../src-shared/api/routers';
import { formatDateTime } from '../../../src-shared/format';
import { ActionError } from '../../components/ActionError';
import { Banner } from '../../components/Banner';
import { BusyButton } from '../../components/BusyButton';
import { useShopTimeDisplay } from '../../shopTime';
import { useRouterSyncStore } from '../../stores/routerSyncStore';
import { localDigits } from '../../../src-shared/format';
import { messages, useLang, useT } from '../../i18n';

const M = messages(
  {
    pass: 'Pass',
    fail: 'Fail',
    notChecked: 'Not checked',
    pushing: 'Pushing…',
    pushNow: 'Push the walled garden now',
    reading: 'Reading the router…',
    checkSetup: 'Check the setup',
    cardLabel: 'Diagnose',
    title: 'Diagnose',
    checking: 'Checking…',
    runAgain: 'Run again',
    runChecks: 'Run checks',
    intro: 'Customers cannot log in or pay? This runs the usual troubleshooting checks on the router and says what to fix.',
    outdated: 'The router was changed after these checks ran: run them again to see where it stands now.',
    allPassed: 'Every check passed.',
    problems: (failed: number, unknown: number) =>
      `${failed} problem${failed === 1 ? '' : 's'} found${unknown ? `, ${unknown} check${unknown === 1 ? '' : 's'} could not run` : ''}.`,
    checksLabel: 'Checks',
    howToFix: 'How to fix: ',
    checked: (when: string) => `Checked ${when}`,
  },
  {
    pass: 'ঠিক আছে',
    fail: 'সমস্যা',
    notChecked: 'দেখা যায়নি',
    pushing: 'পাঠানো হচ্ছে…',
    pushNow: 'এখনই ওয়ালড গার্ডেন পাঠান',
    reading: 'রাউটার পড়া হচ্ছে…',
    checkSetup: 'সেট-আপ দেখুন',
    cardLabel: 'সমস্যা খুঁজুন',
    title: 'সমস্যা খুঁজুন',
    checking: 'দেখা হচ্ছে…',
    runAgain: 'আবার চালান',
    runChecks: 'পরীক্ষা চালান',
    intro: 'গ্রাহকেরা লগইন বা পেমেন্ট করতে পারছেন না? এটি রাউটারে সাধারণ পরীক্ষাগুলো চালায় আর বলে কী ঠিক করতে হবে।',
    outdated: 'এই পরীক্ষার পরে রাউটার বদলানো হয়েছে: এখনকার অবস্থা দেখতে আবার চালান।',
    allPassed: 'সব পরীক্ষা ঠিক আছে।',
    problems: (failed, unknown) =>
      `${localDigits(String(failed), 'bn')}টি সমস্যা পাওয়া গেছে${unknown ? `, ${localDigits(String(unknown), 'bn')}টি পরীক্ষা চালানো যায়নি` : ''}।`,
    checksLabel: 'পরীক্ষা',
    howToFix: 'যেভাবে ঠিক করবেন: ',
    checked: (when) => `দেখা হয়েছে ${when}`,
  },
);

/** A check's state in words, in the page's language. */
function checkLabels(t: { pass: string; fail: string; notChecked: string }) {
  return { pass: t.pass, fail: t.fail, unknown: t.notChecked } as const;
}

const CHECK_ICON = { pass: '✓', fail: '✗', unknown: '?' } as const;
const CHECK_TONE = { pass: 'green', fail: 'red', unknown: 'amber' } as const;

/** The one-click fix the engine offers for this check (`fixAction`), never guessed from its wording. */
function FixAction({ check }: { check: DiagnoseCheck }) {
  const t = useT(M);
  const { push, plan, pushGarden, runPlan } = useRouterSyncStore();
  if (check.fixAction === 'pushWalledGarden') {
    return (
      <div className="fix-action">
        <BusyButton small busy={push.busy} busyLabel={t.pushing} onClick={() => void pushGarden().then(() => document.getElementById('walled-garden')?.scrollIntoView())}>
          {t.pushNow}
        </BusyButton>
      </div>
    );
  }
  if (check.fixAction === 'configure') {
    return (
      <div className="fix-action">
        <BusyButton
          small
          busy={plan.busy}
          busyLabel={t.reading}
          onClick={() => {
            document.getElementById('setup')?.scrollIntoView();
            void runPlan();
          }}
        >
          {t.checkSetup}
        </BusyButton>
      </div>
    );
  }
  return null;
}

export function DiagnoseCard({ onFix }: { onFix(): void }) {
  const t = useT(M);
  const lang = useLang();
  const CHECK_LABEL = checkLabels(t);
  const tz = useShopTimeDisplay();
  const { diagnose, runDiagnose, clearError, changedAt } = useRouterSyncStore();
  const d = diagnose.value;
  const outdated = Boolean(d && changedAt && diagnose.at && changedAt > diagnose.at);
  const failed = d ? d.checks.filter((c) => c.status === 'fail').length : 0;
  const unknown = d ? d.checks.filter((c) => c.status === 'unknown').length : 0;
  return (
    <section className="card" aria-label={t.cardLabel}>
      <div className="card-head">
        <h2>{t.title}</h2>
        <BusyButton busy={diagnose.busy} busyLabel={t.checking} onClick={() => void runDiagnose()} primary={!d}>
          {d ? t.runAgain : t.runChecks}
        </BusyButton>
      </div>
      <p className="muted">{t.intro}</p>
      <ActionError error={diagnose.error} onFix={onFix} onClose={() => clearError('diagnose')} />
      {d ? (
        <>
          {outdated ? <p className="note">{t.outdated}</p> : null}
          {d.ok ? (
            <Banner kind="success">{t.allPassed}</Banner>
          ) : (
            <Banner>{t.problems(failed, unknown)}</Banner>
          )}
          <ul className="checklist" aria-label={t.checksLabel}>
            {d.checks.map((c) => (
              <li key={c.key} className={`check-${c.status}`} data-check={c.key}>
                <span className="check-icon" aria-label={CHECK_LABEL[c.status]} title={CHECK_LABEL[c.status]}>
                  {CHECK_ICON[c.status]}
                </span>
                <div>
                  <div className="strong">{c.title}</div>
                  <div>{c.detail}</div>
                  {c.fix && c.status !== 'pass' ? (
                    <div className="fix">
                      <span className="strong">{t.howToFix}</span>
                      {c.fix}
                      <FixAction check={c} />
                    </div>
                  ) : null}
                </div>
                <span className={`badge nocap badge-${CHECK_TONE[c.status]}`}>{CHECK_LABEL[c.status]}</span>
              </li>
            ))}
          </ul>
          <p className="muted small">{t.checked(formatDateTime(diagnose.at, tz, lang))}</p>
        </>
      ) : null}
    </section>
  );
}
