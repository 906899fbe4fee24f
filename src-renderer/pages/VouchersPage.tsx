import { useEffect, useState, type FormEvent } from 'react';
import type { Package } from '../../src-shared/domain';
import { Banner } from '../components/Banner';
import { ConfirmButton } from '../components/ConfirmButton';
import { Field } from '../components/Field';
import { PackageSelect } from '../components/PackageSelect';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { useSubmit } from '../formErrors';
import { describeTerms, formatDateTime, formatTaka } from '../../src-shared/format';
import { useShopTimeZone } from '../shopTime';
import { navigate } from '../route';
import { sellable, usePackagesStore } from '../stores/packagesStore';
import { useSettingsStore } from '../stores/settingsStore';
import { useVouchersStore } from '../stores/vouchersStore';
import { useRole } from '../stores/authStore';

export function VouchersPage({ param }: { param: string | null }) {
  const packages = usePackagesStore();
  useEffect(() => {
    // Archived packages too: old batches still name them.
    if (!packages.loaded && !packages.loading) void packages.load();
  }, [packages]);
  const id = param && /^\d+$/.test(param) ? Number(param) : null;
  return id ? <BatchView batchId={id} /> : <BatchList />;
}

function GenerateForm() {
  const { generate } = useVouchersStore();
  const packages = usePackagesStore();
  const [packageId, setPackageId] = useState('');
  const [count, setCount] = useState('50');
  const [prefix, setPrefix] = useState('');
  const { busy, errors, submit, clear } = useSubmit(['packageId', 'count', 'prefix']);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!packageId) local.packageId = 'Choose the package the cards sell.';
    const n = Number(count);
    if (!/^\d+$/.test(count.trim()) || n < 1 || n > 5000) local.count = 'Enter how many cards: 1 to 5000.';
    const p = prefix.trim().toUpperCase();
    if (!/^[A-Z0-9]{0,6}$/.test(p)) local.prefix = 'Up to 6 letters or digits, or leave empty.';
    const r = await submit(local, () => generate({ packageId: Number(packageId), count: n, ...(p ? { prefix: p } : {}) }));
    if (r) navigate(`/cards/${r.batchId}`);
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label="Generate recharge cards">
      <h2>Generate recharge cards</h2>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      <div className="form-row">
        <Field label="Package" error={errors.fields.packageId} className="grow">
          <PackageSelect packages={sellable(packages.items)} value={packageId} onChange={setPackageId} />
        </Field>
        <Field label="Number of cards" error={errors.fields.count}>
          <input inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} className="narrow" />
        </Field>
        <Field label="Code prefix (optional)" error={errors.fields.prefix}>
          <input value={prefix} onChange={(e) => setPrefix(e.target.value.toUpperCase())} maxLength={6} placeholder="e.g. DAY" className="narrow" />
        </Field>
        <div className="field field-button">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Generating…' : 'Generate'}
          </button>
        </div>
      </div>
    </form>
  );
}

function BatchList() {
  const tz = useShopTimeZone();
  const { batches, loaded, error, load, disableBatch } = useVouchersStore();
  const [actionError, setActionError] = useState<string | null>(null);
  // Making cards makes money-equivalents: the owner's; a cashier views and prints batches.
  const owner = useRole() === 'owner';
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageHeader title="Recharge cards" sub="Printed cards customers redeem on the portal" />
      {owner ? <GenerateForm /> : null}
      {error ? <Banner>{error}</Banner> : null}
      {actionError ? <Banner onClose={() => setActionError(null)}>{actionError}</Banner> : null}
      {loaded && batches.length === 0 ? (
        <div className="empty card">
          <p>No cards yet. Generate a batch above, then print it.</p>
        </div>
      ) : (
        <div className="card flush">
          <table className="table" aria-label="Batches">
            <thead>
              <tr>
                <th>Batch</th>
                <th>Package</th>
                <th>Prefix</th>
                <th className="num">Cards</th>
                <th className="num">Used</th>
                <th>Made</th>
                <th>Status</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <td className="strong">#{b.id}</td>
                  <td>{b.packageName}</td>
                  <td className="mono">{b.prefix || '—'}</td>
                  <td className="num">{b.count}</td>
                  <td className="num">{b.used}</td>
                  <td>{formatDateTime(b.createdAt, tz)}</td>
                  <td>
                    <StatusBadge status={b.disabledAt ? 'disabled' : 'active'} />
                  </td>
                  <td className="row-actions">
                    <a className="btn btn-small" href={`#/cards/${b.id}`}>
                      View &amp; print
                    </a>
                    {b.disabledAt ? null : (
                      <ConfirmButton
                        confirm={`Disable all unused cards in batch #${b.id}?`}
                        confirmLabel="Disable"
                        onConfirm={async () => {
                          const r = await disableBatch(b.id);
                          setActionError(r.ok ? null : r.error.message);
                        }}
                      >
                        Disable
                      </ConfirmButton>
                    )}
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

function BatchView({ batchId }: { batchId: number }) {
  const tz = useShopTimeZone();
  const { batches, codes, codesLoading, codesError, openBatch, disableBatch } = useVouchersStore();
  const packages = usePackagesStore((s) => s.items);
  const settings = useSettingsStore();
  const [actionError, setActionError] = useState<string | null>(null);
  const [unusedOnly, setUnusedOnly] = useState(true);

  useEffect(() => {
    void openBatch(batchId);
  }, [batchId, openBatch]);
  useEffect(() => {
    if (!settings.loaded && !settings.loading) void settings.load();
  }, [settings]);

  const batch = batches.find((b) => b.id === batchId);
  const pkg: Package | undefined = packages.find((p) => p.id === batch?.packageId);
  const shown = unusedOnly ? codes.filter((v) => v.status === 'new') : codes;
  const shop = settings.settings?.shop.name ?? 'WiFi';

  return (
    <>
      <div className="no-print">
        <a href="#/cards" className="back">
          ‹ All batches
        </a>
        <PageHeader
          title={`Batch #${batchId}${batch ? ` · ${batch.packageName}` : ''}`}
          sub={batch ? `${batch.count} cards · ${batch.used} used · made ${formatDateTime(batch.createdAt, tz)}${batch.disabledAt ? ' · disabled' : ''}` : undefined}
        >
          <label className="check">
            <input type="checkbox" checked={unusedOnly} onChange={(e) => setUnusedOnly(e.target.checked)} />
            Unused only
          </label>
          {batch && !batch.disabledAt ? (
            <ConfirmButton
              confirm="Disable every unused card in this batch?"
              confirmLabel="Disable"
              onConfirm={async () => {
                const r = await disableBatch(batchId);
                setActionError(r.ok ? null : r.error.message);
              }}
            >
              Disable batch
            </ConfirmButton>
          ) : null}
          <button type="button" className="btn btn-primary" onClick={() => window.print()} disabled={shown.length === 0}>
            Print {shown.length} card{shown.length === 1 ? '' : 's'}
          </button>
        </PageHeader>
        {codesError ? <Banner>{codesError}</Banner> : null}
        {actionError ? <Banner onClose={() => setActionError(null)}>{actionError}</Banner> : null}
        {codesLoading && codes.length === 0 ? <p className="muted">Loading cards…</p> : null}
      </div>
      <div className="voucher-grid" aria-label="Cards">
        {shown.map((v) => (
          <div key={v.id} className={`voucher voucher-${v.status}`}>
            <div className="voucher-top">
              <span className="voucher-shop">{shop}</span>
              <span className="voucher-price">{pkg ? formatTaka(pkg.price) : ''}</span>
            </div>
            <div className="voucher-pkg">
              {batch?.packageName}
              {pkg ? <span className="voucher-desc"> · {describeTerms(pkg)}</span> : null}
            </div>
            <div className="voucher-code" data-testid="voucher-code">
              {v.code}
            </div>
            <div className="voucher-help">
              {v.status === 'new' ? 'Join the WiFi, open any page, choose “Recharge card” and enter this code.' : <StatusBadge status={v.status} />}
            </div>
          </div>
        ))}
      </div>
    </>
  );
}
