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
import { messages, useT } from '../i18n';

const M = messages(
  {
    title: 'Routers',
    sub: 'MikroTik routers that send RADIUS requests to HotspotDesk',
    add: 'Add router',
    empty: 'No routers yet. Add your MikroTik with the address its RADIUS requests come from and a shared secret.',
    tableLabel: 'Routers',
    name: 'Name',
    nasIp: 'NAS IP',
    api: 'API',
    zone: 'Zone',
    status: 'Status',
    notSet: 'not set',
    manageLabel: (name: string) => `Manage ${name}`,
    manage: 'Manage',
    edit: 'Edit',
    confirmRemove: (name: string) => `Remove ${name}? Its customers can no longer log in through it.`,
    remove: 'Remove',
    zoneNeedsName: 'Give the zone a name.',
    zonesLabel: 'Zones',
    zones: 'Zones',
    zonesIntro: 'Routers that share one WiFi name. A customer’s phone is recognised on every router of its zone.',
    ssid: 'SSID',
    routers: 'Routers',
    zoneName: 'Zone name',
    zonePlaceholder: 'Market',
    ssidOptional: 'SSID (optional)',
    addZone: 'Add zone',
  },
  {
    title: 'রাউটার',
    sub: 'যে MikroTik রাউটারগুলো HotspotDesk-এ RADIUS অনুরোধ পাঠায়',
    add: 'রাউটার যোগ করুন',
    empty: 'এখনও কোনো রাউটার নেই। আপনার MikroTik যোগ করুন: যে ঠিকানা থেকে তার RADIUS অনুরোধ আসে, আর একটি শেয়ার্ড সিক্রেট দিয়ে।',
    tableLabel: 'রাউটার',
    name: 'নাম',
    nasIp: 'NAS IP',
    api: 'API',
    zone: 'জোন',
    status: 'অবস্থা',
    notSet: 'দেওয়া হয়নি',
    manageLabel: (name) => `${name} পরিচালনা`,
    manage: 'পরিচালনা',
    edit: 'সম্পাদনা',
    confirmRemove: (name) => `${name} বাদ দেবেন? এর গ্রাহকেরা আর এটি দিয়ে লগইন করতে পারবেন না।`,
    remove: 'বাদ দিন',
    zoneNeedsName: 'জোনের একটি নাম দিন।',
    zonesLabel: 'জোন',
    zones: 'জোন',
    zonesIntro: 'যে রাউটারগুলোর WiFi নাম একই। গ্রাহকের ফোন তার জোনের প্রতিটি রাউটারে চেনা যায়।',
    ssid: 'SSID',
    routers: 'রাউটার',
    zoneName: 'জোনের নাম',
    zonePlaceholder: 'বাজার',
    ssidOptional: 'SSID (ঐচ্ছিক)',
    addZone: 'জোন যোগ করুন',
  },
);

export function RoutersPage({ param }: { param: string | null }) {
  const id = param && /^\d+$/.test(param) ? Number(param) : null;
  return id ? <RouterDetail id={id} /> : <RouterList />;
}

function RouterList() {
  const t = useT(M);
  const { routers, zones, loaded, error, load, remove } = useRoutersStore();
  const [editing, setEditing] = useState<Router | 'new' | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  useEffect(() => {
    void load();
  }, [load]);
  const zoneName = (id: number | null) => zones.find((z) => z.id === id)?.name ?? '—';

  return (
    <>
      <PageHeader title={t.title} sub={t.sub}>
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} disabled={editing !== null}>
          {t.add}
        </button>
      </PageHeader>
      {error ? <Banner>{error}</Banner> : null}
      {actionError ? <Banner onClose={() => setActionError(null)}>{actionError}</Banner> : null}
      {editing ? <RouterForm key={editing === 'new' ? 'new' : editing.id} editing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      {loaded && routers.length === 0 ? (
        <div className="empty card">
          <p>{t.empty}</p>
        </div>
      ) : (
        <div className="card flush">
          <table className="table" aria-label={t.tableLabel}>
            <thead>
              <tr>
                <th>{t.name}</th>
                <th>{t.nasIp}</th>
                <th>{t.api}</th>
                <th>{t.zone}</th>
                <th>{t.status}</th>
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
                    {r.host ? `${r.apiUser ?? '?'}@${r.host}:${r.apiPort ?? (r.apiTls ? 8729 : 8728)}${r.apiTls ? ' (TLS)' : ''}` : <span className="muted">{t.notSet}</span>}
                  </td>
                  <td>{zoneName(r.zoneId)}</td>
                  <td>
                    <RouterState r={r} />
                  </td>
                  <td className="row-actions">
                    <a className="btn btn-small btn-primary" href={`#/routers/${r.id}`} aria-label={t.manageLabel(r.name)}>
                      {t.manage}
                    </a>
                    <button type="button" className="btn btn-small" onClick={() => setEditing(r)}>
                      {t.edit}
                    </button>
                    <ConfirmButton
                      confirm={t.confirmRemove(r.name)}
                      confirmLabel={t.remove}
                      onConfirm={async () => {
                        const res = await remove(r.id);
                        setActionError(res.ok ? null : res.error.message);
                      }}
                    >
                      {t.remove}
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
  const t = useT(M);
  const { zones, routers, createZone } = useRoutersStore();
  const [name, setName] = useState('');
  const [ssid, setSsid] = useState('');
  const { busy, errors, submit, clear } = useSubmit(['name', 'ssid'], 'zones.create');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = name.trim() ? {} : { name: t.zoneNeedsName };
    const input = { name: name.trim(), ssid: ssid.trim() || null };
    const z = await submit(local, () => createZone(input), input);
    if (z) {
      setName('');
      setSsid('');
    }
  }

  return (
    <section className="card" aria-label={t.zonesLabel}>
      <h2>{t.zones}</h2>
      <p className="muted">{t.zonesIntro}</p>
      {zones.length ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t.zone}</th>
              <th>{t.ssid}</th>
              <th>{t.routers}</th>
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
          <Field label={t.zoneName} error={errors.fields.name}>
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t.zonePlaceholder} />
          </Field>
          <Field label={t.ssidOptional} error={errors.fields.ssid}>
            <input value={ssid} onChange={(e) => setSsid(e.target.value)} maxLength={32} placeholder="Shop-WiFi" />
          </Field>
          <div className="field field-button">
            <button type="submit" className="btn" disabled={busy}>
              {t.addZone}
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
