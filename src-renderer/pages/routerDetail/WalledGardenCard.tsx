import { useEffect, useState, type FormEvent } from 'react';
import { ActionError } from '../../components/ActionError';
import { Banner } from '../../components/Banner';
import { BusyButton } from '../../components/BusyButton';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Field } from '../../components/Field';
import { useSubmit } from '../../formErrors';
import { gardenSourceLabel } from '../../labels';
import { useRouterSyncStore } from '../../stores/routerSyncStore';

export function WalledGardenCard({ routerName, onFix }: { routerName: string; onFix(): void }) {
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
