import type { DiagnoseCheck } from '../../../src-shared/api/routers';
import { formatDateTime } from '../../../src-shared/format';
import { ActionError } from '../../components/ActionError';
import { Banner } from '../../components/Banner';
import { BusyButton } from '../../components/BusyButton';
import { useShopTimeDisplay } from '../../shopTime';
import { useRouterSyncStore } from '../../stores/routerSyncStore';

const CHECK_ICON = { pass: '✓', fail: '✗', unknown: '?' } as const;
const CHECK_LABEL = { pass: 'Pass', fail: 'Fail', unknown: 'Not checked' } as const;
const CHECK_TONE = { pass: 'green', fail: 'red', unknown: 'amber' } as const;

/** The one-click fix the engine offers for this check (`fixAction`), never guessed from its wording. */
function FixAction({ check }: { check: DiagnoseCheck }) {
  const { push, plan, pushGarden, runPlan } = useRouterSyncStore();
  if (check.fixAction === 'pushWalledGarden') {
    return (
      <div className="fix-action">
        <BusyButton small busy={push.busy} busyLabel="Pushing…" onClick={() => void pushGarden().then(() => document.getElementById('walled-garden')?.scrollIntoView())}>
          Push the walled garden now
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
          busyLabel="Reading the router…"
          onClick={() => {
            document.getElementById('setup')?.scrollIntoView();
            void runPlan();
          }}
        >
          Check the setup
        </BusyButton>
      </div>
    );
  }
  return null;
}

export function DiagnoseCard({ onFix }: { onFix(): void }) {
  const tz = useShopTimeDisplay();
  const { diagnose, runDiagnose, clearError, changedAt } = useRouterSyncStore();
  const d = diagnose.value;
  const outdated = Boolean(d && changedAt && diagnose.at && changedAt > diagnose.at);
  const failed = d ? d.checks.filter((c) => c.status === 'fail').length : 0;
  const unknown = d ? d.checks.filter((c) => c.status === 'unknown').length : 0;
  return (
    <section className="card" aria-label="Diagnose">
      <div className="card-head">
        <h2>Diagnose</h2>
        <BusyButton busy={diagnose.busy} busyLabel="Checking…" onClick={() => void runDiagnose()} primary={!d}>
          {d ? 'Run again' : 'Run checks'}
        </BusyButton>
      </div>
      <p className="muted">Customers cannot log in or pay? This runs the usual troubleshooting checks on the router and says what to fix.</p>
      <ActionError error={diagnose.error} onFix={onFix} onClose={() => clearError('diagnose')} />
      {d ? (
        <>
          {outdated ? <p className="note">The router was changed after these checks ran: run them again to see where it stands now.</p> : null}
          {d.ok ? (
            <Banner kind="success">Every check passed.</Banner>
          ) : (
            <Banner>
              {failed} problem{failed === 1 ? '' : 's'} found{unknown ? `, ${unknown} check${unknown === 1 ? '' : 's'} could not run` : ''}.
            </Banner>
          )}
          <ul className="checklist" aria-label="Checks">
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
                      <span className="strong">How to fix: </span>
                      {c.fix}
                      <FixAction check={c} />
                    </div>
                  ) : null}
                </div>
                <span className={`badge nocap badge-${CHECK_TONE[c.status]}`}>{CHECK_LABEL[c.status]}</span>
              </li>
            ))}
          </ul>
          <p className="muted small">Checked {formatDateTime(diagnose.at, tz)}</p>
        </>
      ) : null}
    </section>
  );
}
