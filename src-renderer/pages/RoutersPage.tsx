import { useEffect, useState, type FormEvent } from 'react';
import type { Router } from '../../src-shared/domain';
import { Banner } from '../components/Banner';
import { ConfirmButton } from '../components/ConfirmButton';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { RouterForm } from '../components/RouterForm';
import { RouterState } from '../components/RouterState';
import { useSubmit } from '../formErrors';
import { useRoutersStore } from '../stores/routersStore';
import { RouterDetail } from './routerDetail/RouterDetail';

export function RoutersPage({ param }: { param: string | null }) {
  const id = param && /^\d+$/.test(param) ? Number(param) : null;
  return id ? <RouterDetail id={id} /> : <RouterList />;
}

function RouterList() {
  const { routers, zones, loaded, error, load, remove } = useRoutersStore();
  const [editing, setEditing] = useState<Router | 'new' | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  useEffect(() => {
    void load();
  }, [load]);
  const zoneName = (id: number | null) => zones.find((z) => z.id === id)?.name ?? '—';

  return (
    <>
      <PageHeader title="Routers" sub="MikroTik routers that send RADIUS requests to HotspotDesk">
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} disabled={editing !== null}>
          Add router
        </button>
      </PageHeader>
      {error ? <Banner>{error}</Banner> : null}
      {actionError ? <Banner onClose={() => setActionError(null)}>{actionError}</Banner> : null}
      {editing ? <RouterForm key={editing === 'new' ? 'new' : editing.id} editing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      {loaded && routers.length === 0 ? (
        <div className="empty card">
          <p>No routers yet. Add your MikroTik with the address its RADIUS requests come from and a shared secret.</p>
        </div>
      ) : (
        <div className="card flush">
          <table className="table" aria-label="Routers">
            <thead>
              <tr>
                <th>Name</th>
                <th>NAS IP</th>
                <th>API</th>
                <th>Zone</th>
                <th>Status</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {routers.map((r) => (
                <tr key={r.id}>
                  <td className="strong">
                    <a href={`#/routers/${r.id}`}>{r.name}</a>
                  </td>
                  <td className="mono">{r.nasIp}</td>
                  <td className="mono">
                    {r.host ? `${r.apiUser ?? '?'}@${r.host}:${r.apiPort ?? (r.apiTls ? 8729 : 8728)}${r.apiTls ? ' (TLS)' : ''}` : <span className="muted">not set</span>}
                  </td>
                  <td>{zoneName(r.zoneId)}</td>
                  <td>
                    <RouterState r={r} />
                  </td>
                  <td className="row-actions">
                    <a className="btn btn-small btn-primary" href={`#/routers/${r.id}`} aria-label={`Manage ${r.name}`}>
                      Manage
                    </a>
                    <button type="button" className="btn btn-small" onClick={() => setEditing(r)}>
                      Edit
                    </button>
                    <ConfirmButton
                      confirm={`Remove ${r.name}? Its customers can no longer log in through it.`}
                      confirmLabel="Remove"
                      onConfirm={async () => {
                        const res = await remove(r.id);
                        setActionError(res.ok ? null : res.error.message);
                      }}
                    >
                      Remove
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Zones />
    </>
  );
}

function Zones() {
  const { zones, routers, createZone } = useRoutersStore();
  const [name, setName] = useState('');
  const [ssid, setSsid] = useState('');
  const { busy, errors, submit, clear } = useSubmit(['name', 'ssid']);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = name.trim() ? {} : { name: 'Give the zone a name.' };
    const z = await submit(local, () => createZone({ name: name.trim(), ssid: ssid.trim() || null }));
    if (z) {
      setName('');
      setSsid('');
    }
  }

  return (
    <section className="card" aria-label="Zones">
      <h2>Zones</h2>
      <p className="muted">Routers that share one WiFi name. A customer’s phone is recognised on every router of its zone.</p>
      {zones.length ? (
        <table className="table">
          <thead>
            <tr>
              <th>Zone</th>
              <th>SSID</th>
              <th>Routers</th>
            </tr>
          </thead>
          <tbody>
            {zones.map((z) => (
              <tr key={z.id}>
                <td className="strong">{z.name}</td>
                <td>{z.ssid ?? '—'}</td>
                <td>{z.routerIds.map((id) => routers.find((r) => r.id === id)?.name ?? `#${id}`).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        <div className="form-row">
          <Field label="Zone name" error={errors.fields.name}>
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Market" />
          </Field>
          <Field label="SSID (optional)" error={errors.fields.ssid}>
            <input value={ssid} onChange={(e) => setSsid(e.target.value)} maxLength={32} placeholder="Shop-WiFi" />
          </Field>
          <div className="field field-button">
            <button type="submit" className="btn" disabled={busy}>
              Add zone
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
