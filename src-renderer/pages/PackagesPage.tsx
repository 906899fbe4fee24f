import { useEffect, useState } from 'react';
import type { Package } from '../../src-shared/domain';
import { Banner } from '../components/Banner';
import { ConfirmButton } from '../components/ConfirmButton';
import { PackageForm } from '../components/PackageForm';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { formatClock, formatDataLimit, formatSpeed, formatTaka, formatValidity } from '../../src-shared/format';
import { usePackagesStore } from '../stores/packagesStore';
import { useRole } from '../stores/authStore';

export function PackagesPage() {
  const { items, loaded, error, includeArchived, load, setIncludeArchived, archive } = usePackagesStore();
  const [editing, setEditing] = useState<Package | 'new' | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  // A cashier sees the packages but only an owner changes them (the server refuses anyway).
  const owner = useRole() === 'owner';

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageHeader title="Packages" sub="What customers can buy: price, time, data and speed">
        <label className="check">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          Show archived
        </label>
        {owner ? (
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} disabled={editing !== null}>
            New package
          </button>
        ) : null}
      </PageHeader>
      {error ? <Banner>{error}</Banner> : null}
      {actionError ? <Banner onClose={() => setActionError(null)}>{actionError}</Banner> : null}
      {editing ? <PackageForm key={editing === 'new' ? 'new' : editing.id} editing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}

      {loaded && items.length === 0 ? (
        <div className="empty card">
          <p>No packages yet.</p>
          <p className="muted">A typical first package: “1 Day”, ৳20, 1 day, 5 Mbps down, 2 Mbps up.</p>
        </div>
      ) : (
        <div className="card flush">
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th className="num">Price</th>
                <th>Validity</th>
                <th>Clock</th>
                <th>Data</th>
                <th>Speed</th>
                <th className="num">Devices</th>
                <th>Status</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td className="strong">{p.name}</td>
                  <td className="num">{formatTaka(p.price)}</td>
                  <td>{p.clock === 'onlineTime' && p.validitySeconds != null ? `${formatValidity(p.validitySeconds)} online` : formatValidity(p.validitySeconds)}</td>
                  <td>
                    {formatClock(p.clock)}
                    {p.useWithinSeconds != null ? <div className="muted">use within {formatValidity(p.useWithinSeconds)}</div> : null}
                    {p.onRepeat === 'topUp' ? <div className="muted">tops up when bought again</div> : null}
                  </td>
                  <td>{formatDataLimit(p.dataLimitBytes)}</td>
                  <td>{formatSpeed(p)}</td>
                  <td className="num">{p.devices}</td>
                  <td>
                    <StatusBadge status={p.active ? 'active' : 'archived'} />
                  </td>
                  <td className="row-actions">
                    {p.active && owner ? (
                      <>
                        <button type="button" className="btn btn-small" onClick={() => setEditing(p)}>
                          Edit
                        </button>
                        <ConfirmButton
                          confirm={`Stop selling ${p.name}?`}
                          confirmLabel="Archive"
                          onConfirm={async () => {
                            const r = await archive(p.id);
                            setActionError(r.ok ? null : r.error.message);
                          }}
                        >
                          Archive
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
