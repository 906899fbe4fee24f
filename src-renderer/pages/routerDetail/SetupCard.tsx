import type { ConfigureResult, ConfigureStep, PlanStep, RouterPlan } from '../../../src-shared/api/routers';
import { ActionError } from '../../components/ActionError';
import { Banner } from '../../components/Banner';
import { BusyButton } from '../../components/BusyButton';
import { PLAN_STATUS, STEP_RESULT } from '../../labels';
import { useRouterSyncStore } from '../../stores/routerSyncStore';
import { StepList, type StepItem } from './StepList';

/** A planned step: what would change. */
function planItem(s: PlanStep): StepItem {
  return { key: s.key, title: s.title, state: s.status, badge: PLAN_STATUS[s.status], note: s.note, changes: s.changes };
}

/** An applied step: its diff only when something was (or failed to be) written. */
function configureItem(s: ConfigureStep): StepItem {
  const wrote = s.result === 'applied' || s.result === 'failed';
  return { key: s.key, title: s.title, state: s.result, badge: STEP_RESULT[s.result], error: s.error, note: s.note, changes: wrote ? s.changes : [] };
}

function PlanView({ plan }: { plan: RouterPlan }) {
  const toChange = plan.steps.filter((s) => s.status === 'change').length;
  return (
    <div aria-label="Setup plan" role="region">
      {toChange === 0 ? (
        <Banner kind="success">Nothing to change: this router is already set up for HotspotDesk.</Banner>
      ) : (
        <p>
          <strong>
            {toChange} step{toChange === 1 ? '' : 's'} to change
          </strong>{' '}
          on the router. Nothing has been changed yet.
        </p>
      )}
      <Notes plan={plan} />
      <StepList steps={plan.steps.map(planItem)} />
    </div>
  );
}

function Notes({ plan }: { plan: Pick<RouterPlan, 'notes' | 'serverAddress' | 'serverAddressDetected'> }) {
  return (
    <>
      <p className="muted small">
        RADIUS server address for the router: <span className="mono">{plan.serverAddress ?? 'unknown (set it under Settings)'}</span>
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
  return (
    <div aria-label="Setup result" role="region">
      {result.failed > 0 ? (
        <Banner>
          {result.failed} step{result.failed === 1 ? '' : 's'} failed; {result.changed} applied. See below, fix the cause and run it again.
        </Banner>
      ) : (
        <Banner kind="success">
          {result.changed === 0 ? 'Nothing needed changing: the router was already set up.' : `Done: ${result.changed} step${result.changed === 1 ? '' : 's'} applied.`}
        </Banner>
      )}
      <Notes plan={result} />
      <StepList steps={result.steps.map(configureItem)} />
    </div>
  );
}

export function SetupCard({ onFix }: { onFix(): void }) {
  const { plan, configure, runPlan, runConfigure, clearError } = useRouterSyncStore();
  const p = plan.value;
  const toChange = p ? p.steps.filter((s) => s.status === 'change').length : 0;
  const busy = plan.busy || configure.busy;
  return (
    <section className="card" aria-label="Set up router" id="setup">
      <div className="card-head">
        <h2>Set up router</h2>
        <div className="page-actions">
          <BusyButton busy={plan.busy} busyLabel="Reading the router…" onClick={() => void runPlan()} disabled={configure.busy} primary={!p}>
            {p || configure.value ? 'Check again' : 'Check what needs changing'}
          </BusyButton>
          {p ? (
            <BusyButton busy={configure.busy} busyLabel="Applying…" onClick={() => void runConfigure()} disabled={busy || toChange === 0} primary>
              {toChange === 0 ? 'Nothing to apply' : `Apply ${toChange} change${toChange === 1 ? '' : 's'}`}
            </BusyButton>
          ) : null}
        </div>
      </div>
      <p className="muted">
        Points the router’s hotspot at HotspotDesk: RADIUS server and secret, Disconnect/CoA, hotspot profile and server, login page. HotspotDesk first shows what it would change; nothing changes until you apply.
      </p>
      <ActionError error={plan.error} onFix={onFix} onClose={() => clearError('plan')} />
      <ActionError error={configure.error} onFix={onFix} onClose={() => clearError('configure')} />
      {configure.value ? <ConfigureView result={configure.value} /> : p ? <PlanView plan={p} /> : null}
    </section>
  );
}
