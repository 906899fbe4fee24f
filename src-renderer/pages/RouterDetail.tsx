import { useEffect, useState, type FormEvent } from 'react';
import type { ConfigureResult, DiagnoseCheck, PlanStep, RouterPlan } from '../../src-shared/api/routers';
import type { Router } from '../../src-shared/domain';
import { ActionError } from '../components/ActionError';
import { Banner } from '../components/Banner';
import { BusyButton } from '../components/BusyButton';
import { ConfirmButton } from '../components/ConfirmButton';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { RouterForm } from '../components/RouterForm';
import { RouterState } from '../components/RouterState';
import { useSubmit } from '../formErrors';
import { formatData, formatDateTime } from '../../src-shared/format';
import { gardenSourceLabel, PLAN_STATUS, STEP_RESULT } from '../labels';
import { useRouterSyncStore } from '../stores/routerSyncStore';
import { useRoutersStore } from '../stores/routersStore';

/** One router: its status and everything HotspotDesk does on it through the RouterOS API. */
export function RouterDetail({ id }: { id: number }) {
  const { routers, zones, loaded, error, load } = useRoutersStore();
  const open = useRouterSyncStore((s) => s.open);
  const reset = useRouterSyncStore((s) => s.reset);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    open(id);
    void load();
  }, [id, open, load]);

  const router = routers.find((r) => r.id === id);
  if (!router) {
    return (
      <>
        <a href="#/routers" className="back">
          ‹ All routers
        </a>
        <PageHeader title="Router" />
        {error ? <Banner>{error}</Banner> : loaded ? <Banner>That router does not exist (it may have been removed).</Banner> : <p className="muted">Loading…</p>}
      </>
    );
  }
  const apiReady = Boolean(router.host && router.apiUser);
  const zone = zones.find((z) => z.id === router.zoneId);
  const editSettings = () => {
    setEditing(true);
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <a href="#/routers" className="back">
        ‹ All routers
      </a>
      <PageHeader
        title={router.name}
        sub={
          <>
            NAS IP <span className="mono">{router.nasIp}</span>
            {zone ? <> · zone {zone.name}</> : null}
            {router.hotspotInterface ? <> · hotspot on {router.hotspotInterface}</> : null} · <RouterState r={router} />
          </>
        }
      >
        <button type="button" className="btn" onClick={() => setEditing(!editing)}>
          {editing ? 'Close settings' : 'Edit settings'}
        </button>
      </PageHeader>
      {editing ? <RouterForm key={router.id} editing={router} onDone={() => setEditing(false)} onSaved={reset} /> : null}
      {!apiReady ? (
        <Banner kind="info">
          Fill in the RouterOS API address, user and password in the router settings to set the router up, see who is online and diagnose it from here.{' '}
          <button type="button" className="link-button" onClick={editSettings}>
            Edit settings ›
          </button>
        </Banner>
      ) : null}
      <div className="columns">
        <StatusCard router={router} />
        <TestCard onFix={editSettings} />
      </div>
      <SetupCard onFix={editSettings} />
      <WalledGardenCard routerName={router.name} onFix={editSettings} />
      <OnlineNowCard onFix={editSettings} />
      <DiagnoseCard onFix={editSettings} />
    </>
  );
}

function YesNo({ value, yes = 'Yes', no = 'No' }: { value: boolean; yes?: string; no?: string }) {
  return <span className={`badge nocap badge-${value ? 'green' : 'red'}`}>{value ? yes : no}</span>;
}

function StatusCard({ router }: { router: Router }) {
  const s = router.status;
  return (
    <section className="card" aria-label="Router status">
      <h2>Status</h2>
      <dl className="kv">
        <dt>Connection</dt>
        <dd>
          {s.reachable === null ? <span className="muted">Not checked yet</span> : <YesNo value={s.reachable} yes="Reachable" no="Connection failed" />}
        </dd>
        <dt>API address</dt>
        <dd className="mono">{router.host ? `${router.apiUser ?? '?'}@${router.host}:${router.apiPort ?? (router.apiTls ? 8729 : 8728)}${router.apiTls ? ' (TLS)' : ''}` : <span className="muted">not set</span>}</dd>
        <dt>Identity</dt>
        <dd>{s.identity ?? '—'}</dd>
        <dt>RouterOS</dt>
        <dd>{s.version ?? '—'}</dd>
        <dt>Last sync</dt>
        <dd>{formatDateTime(s.lastSyncAt)}</dd>
      </dl>
      {s.lastError ? (
        <div className="last-error">
          <div className="small muted">Last error</div>
          <div>{s.lastError}</div>
        </div>
      ) : null}
    </section>
  );
}

function TestCard({ onFix }: { onFix(): void }) {
  const { test, runTest, clearError } = useRouterSyncStore();
  const t = test.value;
  return (
    <section className="card" aria-label="Test connection">
      <div className="card-head">
        <h2>Connection test</h2>
        <BusyButton busy={test.busy} busyLabel="Testing…" onClick={() => void runTest()} primary>
          Test connection
        </BusyButton>
      </div>
      <ActionError error={test.error} onFix={onFix} onClose={() => clearError('test')} />
      {t ? (
        <div className="test-result">
          <Banner kind={t.canWrite ? 'success' : 'info'}>
            {t.canWrite ? 'Connected. HotspotDesk can set this router up.' : `Connected, but the API user “${t.apiUser}” can only read: give it a group with the write policy to set up, push and disconnect.`}
          </Banner>
          <dl className="kv">
            <dt>Identity</dt>
            <dd>{t.identity}</dd>
            <dt>RouterOS</dt>
            <dd>{t.version}</dd>
            <dt>Board</dt>
            <dd>{t.board}</dd>
            <dt>API user</dt>
            <dd>
              {t.apiUser}
              {t.apiGroup ? <span className="muted"> (group {t.apiGroup})</span> : null}
            </dd>
            <dt>Can change settings</dt>
            <dd>
              <YesNo value={t.canWrite} />
            </dd>
            <dt>Can read RADIUS secrets</dt>
            <dd>
              <YesNo value={t.canReadSecrets} />
              {!t.canReadSecrets ? <span className="muted small"> · diagnose cannot compare the secret</span> : null}
            </dd>
          </dl>
          <h3>Hotspot servers</h3>
          {t.hotspotServers.length === 0 ? (
            <p className="muted">None yet. “Set up router” creates one on the hotspot interface.</p>
          ) : (
            <table className="table" aria-label="Hotspot servers">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Interface</th>
                  <th>Profile</th>
                  <th>State</th>
                </tr>
              </thead>
              <tbody>
                {t.hotspotServers.map((h) => (
                  <tr key={h.name}>
                    <td className="strong">{h.name}</td>
                    <td>{h.interface}</td>
                    <td>{h.profile}</td>
                    <td>
                      <YesNo value={!h.disabled} yes="Enabled" no="Disabled" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="muted small">Checked {formatDateTime(test.at)}</p>
        </div>
      ) : !test.error ? (
        <p className="muted">Logs in with the API user and reads the router’s name, version and hotspot servers. Changes nothing.</p>
      ) : null}
    </section>
  );
}

function shown(v: string | null): string {
  return v === null ? 'not set' : v === '' ? '(empty)' : v;
}

function StepChanges({ step }: { step: PlanStep }) {
  if (step.changes.length === 0) return null;
  return (
    <table className="table diff" aria-label={`Changes: ${step.title}`}>
      <thead>
        <tr>
          <th>Setting</th>
          <th>Now on the router</th>
          <th>HotspotDesk sets</th>
        </tr>
      </thead>
      <tbody>
        {step.changes.map((c) => (
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
      <ol className="steps">
        {plan.steps.map((s) => (
          <li key={s.key} className={`step step-${s.status}`} data-step={s.key}>
            <div className="step-head">
              <span className="strong">{s.title}</span>
              <span className={`badge nocap badge-${PLAN_STATUS[s.status].tone}`}>{PLAN_STATUS[s.status].label}</span>
            </div>
            {s.note ? <div className="muted small">{s.note}</div> : null}
            <StepChanges step={s} />
          </li>
        ))}
      </ol>
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
      <ol className="steps">
        {result.steps.map((s) => (
          <li key={s.key} className={`step step-${s.result}`} data-step={s.key}>
            <div className="step-head">
              <span className="strong">{s.title}</span>
              <span className={`badge nocap badge-${STEP_RESULT[s.result].tone}`}>{STEP_RESULT[s.result].label}</span>
            </div>
            {s.error ? <div className="field-error">{s.error}</div> : null}
            {s.note ? <div className="muted small">{s.note}</div> : null}
            {s.result === 'applied' || s.result === 'failed' ? <StepChanges step={s} /> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function SetupCard({ onFix }: { onFix(): void }) {
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

function WalledGardenCard({ routerName, onFix }: { routerName: string; onFix(): void }) {
  const { garden, push, loadGarden, pushGarden, addGardenEntry, removeGardenEntry, clearError, routerId } = useRouterSyncStore();
  const [host, setHost] = useState('');
  const [protocol, setProtocol] = useState<'auto' | 'https' | 'http'>('auto');
  const [comment, setComment] = useState('');
  const [allRouters, setAllRouters] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const { busy, errors, submit, clear } = useSubmit(['host', 'https', 'comment']);
  useEffect(() => {
    if (routerId !== null) void loadGarden();
  }, [routerId, loadGarden]);

  async function onAdd(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = host.trim() ? {} : { host: 'Enter a host name such as pay.example.com, or paste a link.' };
    const saved = await submit(local, () =>
      addGardenEntry({
        host: host.trim(),
        ...(protocol === 'auto' ? {} : { https: protocol === 'https' }),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        allRouters,
      }),
    );
    if (saved) {
      setHost('');
      setComment('');
      setProtocol('auto');
    }
  }

  const entries = garden.value?.entries ?? [];
  const r = push.value;
  return (
    <section className="card" aria-label="Walled garden" id="walled-garden">
      <div className="card-head">
        <h2>Walled garden</h2>
        <BusyButton busy={push.busy} busyLabel="Pushing…" onClick={() => void pushGarden()} primary>
          Push to router
        </BusyButton>
      </div>
      <p className="muted">
        Sites customers can open before they pay: the portal and the payment gateways (added by HotspotDesk), plus your own. Push copies this list to {routerName}; entries you made by hand on the router are left alone.
      </p>
      <ActionError error={push.error} onFix={onFix} onClose={() => clearError('push')} />
      {r ? (
        <Banner kind="success" onClose={() => useRouterSyncStore.setState({ push: { ...push, value: null } })}>
          <span className="push-result">
            Pushed: <strong>{r.added.length}</strong> added, <strong>{r.removed.length}</strong> removed, <strong>{r.unchanged}</strong> already there
            {r.handMadeKept ? (
              <>
                , <strong>{r.handMadeKept}</strong> hand-made kept
              </>
            ) : null}
            .
          </span>
          {r.added.length ? <div className="small">Added: {r.added.map((a) => a.host).join(', ')}</div> : null}
          {r.removed.length ? <div className="small">Removed: {r.removed.map((a) => a.host).join(', ')}</div> : null}
        </Banner>
      ) : null}
      <ActionError error={garden.error} onClose={() => clearError('garden')} />
      {removeError ? <Banner onClose={() => setRemoveError(null)}>{removeError}</Banner> : null}
      <table className="table" aria-label="Walled garden entries">
        <thead>
          <tr>
            <th>Host</th>
            <th>For</th>
            <th>Access</th>
            <th>Note</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={`${e.menu}:${e.host}:${e.label}`}>
              <td className="mono strong">{e.host}</td>
              <td>
                <span className={`badge nocap badge-${e.source === 'custom' ? 'blue' : 'grey'}`}>{gardenSourceLabel(e)}</span>
              </td>
              <td>{e.https ? 'HTTPS and HTTP' : 'HTTP only'}</td>
              <td className="muted">{e.comment ?? ''}</td>
              <td className="row-actions">
                {e.customId !== undefined ? (
                  <ConfirmButton
                    confirm={`Remove ${e.host}?`}
                    confirmLabel="Remove"
                    onConfirm={async () => {
                      const res = await removeGardenEntry(e.customId!);
                      setRemoveError(res.ok ? null : res.error.message);
                    }}
                  >
                    Remove
                  </ConfirmButton>
                ) : (
                  <span className="muted small">default</span>
                )}
              </td>
            </tr>
          ))}
          {garden.value && entries.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted">
                No entries.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <form className="form garden-form" onSubmit={onAdd} noValidate aria-label="Add walled garden entry">
        <h3>Add your own site</h3>
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        <div className="form-row">
          <Field label="Host or link" error={errors.fields.host} className="grow" hint="e.g. pay.example.com or *.example.com">
            <input className="mono" value={host} onChange={(e) => setHost(e.target.value)} placeholder="pay.example.com" />
          </Field>
          <Field label="Access" error={errors.fields.https} hint="Automatic: HTTPS unless the link starts with http://">
            <select value={protocol} onChange={(e) => setProtocol(e.target.value as 'auto' | 'https' | 'http')}>
              <option value="auto">Automatic</option>
              <option value="https">HTTPS and HTTP</option>
              <option value="http">HTTP only</option>
            </select>
          </Field>
          <Field label="Note (optional)" error={errors.fields.comment}>
            <input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={100} placeholder="Mobile top-up site" />
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" checked={allRouters} onChange={(e) => setAllRouters(e.target.checked)} />
          For all routers (not only {routerName})
        </label>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={busy}>
            Add site
          </button>
          <span className="muted small align-center">Then push to the router.</span>
        </div>
      </form>
    </section>
  );
}

function OnlineNowCard({ onFix }: { onFix(): void }) {
  const { sessions, loadSessions, kick, clearError } = useRouterSyncStore();
  const [kickMsg, setKickMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const list = sessions.value;
  return (
    <section className="card" aria-label="Online now">
      <div className="card-head">
        <h2>Online now on the router</h2>
        <BusyButton
          busy={sessions.busy}
          busyLabel="Asking the router…"
          onClick={() => {
            setKickMsg(null);
            void loadSessions();
          }}
          primary={!list}
        >
          {list ? 'Refresh' : 'Show who is online'}
        </BusyButton>
      </div>
      <p className="muted">The router’s own list of logged-in devices (IP &gt; Hotspot &gt; Active). Disconnecting logs the device out; it can log in again while its package lasts.</p>
      <ActionError error={sessions.error} onFix={onFix} onClose={() => clearError('sessions')} />
      {kickMsg ? (
        <Banner kind={kickMsg.ok ? 'success' : 'error'} onClose={() => setKickMsg(null)}>
          {kickMsg.text}
        </Banner>
      ) : null}
      {list ? (
        list.length === 0 ? (
          <p className="muted">Nobody is online on this router.</p>
        ) : (
          <table className="table" aria-label="Active sessions">
            <thead>
              <tr>
                <th>User</th>
                <th>Device</th>
                <th>IP</th>
                <th>Online for</th>
                <th>Time left</th>
                <th className="num">Downloaded</th>
                <th className="num">Uploaded</th>
                <th>Login</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id}>
                  <td className="strong mono">{s.user ?? '—'}</td>
                  <td className="mono">{s.macAddress ?? '—'}</td>
                  <td className="mono">{s.address ?? '—'}</td>
                  <td>{s.uptime ?? '—'}</td>
                  <td>{s.sessionTimeLeft ?? '—'}</td>
                  {/* The router's bytes-out go to the device (download). */}
                  <td className="num">{s.bytesOut == null ? '—' : formatData(s.bytesOut)}</td>
                  <td className="num">{s.bytesIn == null ? '—' : formatData(s.bytesIn)}</td>
                  <td>{s.loginBy ?? '—'}</td>
                  <td className="row-actions">
                    <ConfirmButton
                      confirm={`Disconnect ${s.user ?? s.macAddress ?? 'this device'}?`}
                      confirmLabel="Disconnect"
                      onConfirm={async () => {
                        const r = await kick(s.id);
                        if (r.ok) setKickMsg({ ok: true, text: r.value.removed ? `${s.user ?? s.macAddress ?? 'The device'} was disconnected.` : 'That device had already left.' });
                        else setKickMsg({ ok: false, text: r.error.message });
                      }}
                    >
                      Kick
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {sessions.at ? <p className="muted small">As of {formatDateTime(sessions.at)}</p> : null}
    </section>
  );
}

const CHECK_ICON = { pass: '✓', fail: '✗', unknown: '?' } as const;
const CHECK_LABEL = { pass: 'Pass', fail: 'Fail', unknown: 'Not checked' } as const;
const CHECK_TONE = { pass: 'green', fail: 'red', unknown: 'amber' } as const;

/** One-click fixes for the checks HotspotDesk itself can fix. */
function FixAction({ check }: { check: DiagnoseCheck }) {
  const { push, plan, pushGarden, runPlan } = useRouterSyncStore();
  if (check.key === 'walled-garden') {
    return (
      <div className="fix-action">
        <BusyButton small busy={push.busy} busyLabel="Pushing…" onClick={() => void pushGarden().then(() => document.getElementById('walled-garden')?.scrollIntoView())}>
          Push the walled garden now
        </BusyButton>
      </div>
    );
  }
  if (/Run Configure/.test(check.fix ?? '')) {
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

function DiagnoseCard({ onFix }: { onFix(): void }) {
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
          <p className="muted small">Checked {formatDateTime(diagnose.at)}</p>
        </>
      ) : null}
    </section>
  );
}
