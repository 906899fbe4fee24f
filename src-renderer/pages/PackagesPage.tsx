import { useEffect, useState } from 'react';
import type { Package } from '../../src-shared/domain';
import { Banner } from '../components/Banner';
import { ConfirmButton } from '../components/ConfirmButton';
import { PackageForm } from '../components/PackageForm';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { formatClock, formatDataLimit, formatSpeed, formatTaka, formatValidity, localDigits } from '../../src-shared/format';
import { usePackagesStore } from '../stores/packagesStore';
import { useRole } from '../stores/authStore';
import { messages, useLang, useT } from '../i18n';

const M = messages(
  {
    title: 'Packages',
    sub: 'What customers can buy: price, time, data and speed',
    showArchived: 'Show archived',
    newPackage: 'New package',
    none: 'No packages yet.',
    typical: 'A typical first package: “1 Day”, ৳20, 1 day, 5 Mbps down, 2 Mbps up.',
    name: 'Name',
    price: 'Price',
    validity: 'Validity',
    clock: 'Clock',
    data: 'Data',
    speed: 'Speed',
    devices: 'Devices',
    status: 'Status',
    online: (v: string) => `${v} online`,
    useWithin: (v: string) => `use within ${v}`,
    topsUp: 'tops up when bought again',
    edit: 'Edit',
    stopSelling: (name: string) => `Stop selling ${name}?`,
    archive: 'Archive',
  },
  {
    title: 'প্যাকেজ',
    sub: 'গ্রাহক যা কিনতে পারেন: দাম, সময়, ডেটা ও গতি',
    showArchived: 'আর্কাইভ করা প্যাকেজও দেখান',
    newPackage: 'নতুন প্যাকেজ',
    none: 'এখনো কোনো প্যাকেজ নেই।',
    typical: 'সাধারণ প্রথম প্যাকেজ: “1 Day”, ৳২০, ১ দিন, ডাউনলোড ৫ Mbps, আপলোড ২ Mbps।',
    name: 'নাম',
    price: 'দাম',
    validity: 'মেয়াদ',
    clock: 'সময় গোনা',
    data: 'ডেটা',
    speed: 'গতি',
    devices: 'ডিভাইস',
    status: 'অবস্থা',
    online: (v) => `${v} অনলাইন সময়`,
    useWithin: (v) => `${v}-এর মধ্যে ব্যবহার করতে হবে`,
    topsUp: 'আবার কিনলে চালু প্যাকেজে যোগ হয়',
    edit: 'সম্পাদনা',
    stopSelling: (name) => `${name} বিক্রি বন্ধ করবেন?`,
    archive: 'আর্কাইভ',
  },
);

export function PackagesPage() {
  const { items, loaded, error, includeArchived, load, setIncludeArchived, archive } = usePackagesStore();
  const [editing, setEditing] = useState<Package | 'new' | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  // A cashier sees the packages but only an owner changes them (the server refuses anyway).
  const owner = useRole() === 'owner';
  const t = useT(M);
  const lang = useLang();

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageHeader title={t.title} sub={t.sub}>
        <label className="check">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          {t.showArchived}
        </label>
        {owner ? (
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} disabled={editing !== null}>
            {t.newPackage}
          </button>
        ) : null}
      </PageHeader>
      {error ? <Banner>{error}</Banner> : null}
      {actionError ? <Banner onClose={() => setActionError(null)}>{actionError}</Banner> : null}
      {editing ? <PackageForm key={editing === 'new' ? 'new' : editing.id} editing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}

      {loaded && items.length === 0 ? (
        <div className="empty card">
          <p>{t.none}</p>
          <p className="muted">{t.typical}</p>
        </div>
      ) : (
        <div className="card flush">
          <table className="table">
            <thead>
              <tr>
                <th>{t.name}</th>
                <th className="num">{t.price}</th>
                <th>{t.validity}</th>
                <th>{t.clock}</th>
                <th>{t.data}</th>
                <th>{t.speed}</th>
                <th className="num">{t.devices}</th>
                <th>{t.status}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td className="strong">{p.name}</td>
                  <td className="num">{formatTaka(p.price, lang)}</td>
                  <td>{p.clock === 'onlineTime' && p.validitySeconds != null ? t.online(formatValidity(p.validitySeconds, lang)) : formatValidity(p.validitySeconds, lang)}</td>
                  <td>
                    {formatClock(p.clock, lang)}
                    {p.useWithinSeconds != null ? <div className="muted">{t.useWithin(formatValidity(p.useWithinSeconds, lang))}</div> : null}
                    {p.onRepeat === 'topUp' ? <div className="muted">{t.topsUp}</div> : null}
                  </td>
                  <td>{formatDataLimit(p.dataLimitBytes, lang)}</td>
                  <td>{formatSpeed(p, lang)}</td>
                  <td className="num">{localDigits(String(p.devices), lang)}</td>
                  <td>
                    <StatusBadge status={p.active ? 'active' : 'archived'} />
                  </td>
                  <td className="row-actions">
                    {p.active && owner ? (
                      <>
                        <button type="button" className="btn btn-small" onClick={() => setEditing(p)}>
                          {t.edit}
                        </button>
                        <ConfirmButton
                          confirm={t.stopSelling(p.name)}
                          confirmLabel={t.archive}
                          onConfirm={async () => {
                            const r = await archive(p.id);
                            setActionError(r.ok ? null : r.error.message);
                          }}
                        >
                          {t.archive}
                        </ConfirmButton>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
