import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call } from '../api';
import { ExportButton } from '../components/ExportButton';
import { PageRule, PaperSelect } from '../components/PrintSheet';
import type { Paper } from '../print';
import type { Package, VoucherAlphabet, VoucherBatch } from '../../src-shared/domain';
import { Banner } from '../components/Banner';
import { ConfirmButton } from '../components/ConfirmButton';
import { Field } from '../components/Field';
import { PackageSelect } from '../components/PackageSelect';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { useSubmit } from '../formErrors';
import { JobProgressBar } from '../components/JobProgressBar';
import { withJobProgress } from '../jobProgress';
import type { JobProgress } from '../../src-shared/api/jobs';
import { describeTerms, formatDateTime, formatTaka } from '../../src-shared/format';
import { formatVoucherCode } from '../../src-shared/voucherCodes';
import { zonedDayRange, zonedYmd } from '../../src-shared/time';
import { useShopTimeZone } from '../shopTime';
import { navigate } from '../route';
import { sellable, usePackagesStore } from '../stores/packagesStore';
import { useSettingsStore } from '../stores/settingsStore';
import { useVouchersStore } from '../stores/vouchersStore';
import { useRole } from '../stores/authStore';
import { useDistributorsStore } from '../stores/distributorsStore';

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
  const [alphabet, setAlphabet] = useState<VoucherAlphabet>('default');
  const [expires, setExpires] = useState('');
  const tz = useShopTimeZone();
  const { busy, errors, submit, clear } = useSubmit(['packageId', 'count', 'prefix', 'alphabet', 'expiresAt']);
  // A big batch takes a while: its progress while the engine makes it (jobs.progress).
  const [job, setJob] = useState<JobProgress | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!packageId) local.packageId = 'Choose the package the cards sell.';
    const n = Number(count);
    if (!/^\d+$/.test(count.trim()) || n < 1 || n > 10_000) local.count = 'Enter how many cards: 1 to 10000.';
    const p = prefix.trim().toUpperCase();
    if (!/^[A-Z0-9]{0,6}$/.test(p)) local.prefix = 'Up to 6 letters or digits, or leave empty.';
    const expiresAt = expiryFromDay(expires, tz);
    if (expiresAt === 'bad') local.expiresAt = 'Choose a day, or leave empty for cards that never expire.';
    const r = await submit(local, () =>
      withJobProgress(
        (jobId) => generate({ packageId: Number(packageId), count: n, alphabet, ...(p ? { prefix: p } : {}), ...(typeof expiresAt === 'number' ? { expiresAt } : {}), jobId }),
        setJob,
      ),
    );
    setJob(null);
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
        <Field label="Code type" error={errors.fields.alphabet}>
          <select value={alphabet} onChange={(e) => setAlphabet(e.target.value as VoucherAlphabet)}>
            <option value="default">Letters and digits (12)</option>
            <option value="digits">Digits only (13, for keypads)</option>
          </select>
        </Field>
        <Field label="Expires after (optional)" error={errors.fields.expiresAt}>
          <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
        </Field>
        <div className="field field-button">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Generating…' : 'Generate'}
          </button>
        </div>
      </div>
      {busy ? <JobProgressBar job={job} unit="items" /> : null}
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
                <th className="num">Price</th>
                <th>Made</th>
                <th>Expires</th>
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
                  <td className="num">{formatTaka(b.faceValue)}</td>
                  <td>{formatDateTime(b.createdAt, tz)}</td>
                  <td>{b.expiresAt ? formatDateTime(b.expiresAt, tz) : 'Never'}</td>
                  <td>
                    <StatusBadge status={batchStatus(b)} />
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
  const [paper, setPaper] = useState<Paper>('a4');
  const grid = useRef<HTMLDivElement>(null);
  const role = useRole();

  useEffect(() => {
    void openBatch(batchId);
  }, [batchId, openBatch]);
  useEffect(() => {
    if (!settings.loaded && !settings.loading) void settings.load();
  }, [settings]);

  const batch = batches.find((b) => b.id === batchId);
  const pkg: Package | undefined = packages.find((p) => p.id === batch?.packageId);
  const shown = unusedOnly ? codes.filter((v) => v.status === 'new' || v.status === 'assigned') : codes;
  const shop = settings.settings?.shop.name ?? 'WiFi';
  const logo = settings.settings?.shop.logo ?? '';
  const colour = settings.settings?.shop.colour;
  const portal = settings.settings?.network.portalUrl ?? '';

  return (
    <>
      <div className="no-print">
        <a href="#/cards" className="back">
          ‹ All batches
        </a>
        <PageHeader
          title={`Batch #${batchId}${batch ? ` · ${batch.packageName}` : ''}`}
          sub={
            batch
              ? `${batch.count} cards · ${formatTaka(batch.faceValue)} each · ${batch.used} used · made ${formatDateTime(batch.createdAt, tz)} · ${
                  batch.expiresAt ? `expires ${formatDateTime(batch.expiresAt, tz)}` : 'never expires'
                }${batch.disabledAt ? ' · disabled' : ''}`
              : undefined
          }
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
          <PaperSelect paper={paper} onPaper={setPaper} />
          {role === 'owner' ? <ExportButton run={() => call('exports.cards', { batchId })} /> : null}
          <button type="button" className="btn btn-primary" onClick={() => window.print()} disabled={shown.length === 0}>
            Print {shown.length} card{shown.length === 1 ? '' : 's'}
          </button>
        </PageHeader>
        {codesError ? <Banner>{codesError}</Banner> : null}
        {actionError ? <Banner onClose={() => setActionError(null)}>{actionError}</Banner> : null}
        {/* keyed: a different batch starts with its own expiry in the form */}
        {batch ? <BatchTools key={batch.id} batch={batch} /> : null}
        {codesLoading && codes.length === 0 ? <p className="muted">Loading cards…</p> : null}
      </div>
      <PageRule paper={paper} content={grid} deps={shown.length} />
      <div className={`voucher-grid paper-${paper}`} aria-label="Cards" ref={grid} data-paper={paper}>
        {shown.map((v) => (
          <div key={v.id} className={`voucher voucher-${v.status}`}>
            <div className="voucher-top" style={colour ? { borderBottomColor: colour } : undefined}>
              <span className="voucher-shop" style={colour ? { color: colour } : undefined}>
                {logo ? <img className="voucher-logo" src={logo} alt="" /> : null}
                {shop}
              </span>
              <span className="voucher-price">{batch ? formatTaka(batch.faceValue) : ''}</span>
            </div>
            <div className="voucher-pkg">
              {batch?.packageName}
              {pkg ? <span className="voucher-desc"> · {describeTerms(pkg)}</span> : null}
            </div>
            <div className="voucher-code" data-testid="voucher-code">
              {batch ? formatVoucherCode(v.code, batch.prefix, batch.alphabet) : v.code}
            </div>
            <div className="voucher-help">
              {v.status === 'new' || v.status === 'assigned' ? (
                <>
                  Join the WiFi, open any page, choose “Recharge card” and enter this code.
                  {portal ? <span className="voucher-portal"> {portal}</span> : null}
                </>
              ) : null}
            </div>
            {v.status === 'new' ? null : (
              <div className="voucher-state no-print" data-testid="voucher-state">
                <StatusBadge status={v.status} label={v.status === 'assigned' && v.distributorName ? `assigned · ${v.distributorName}` : v.status} />
              </div>
            )}
          </div>
        ))}
      </div>
    </>
  );
}

/** A date input's day → the end of that day in the shop (cards work through the whole day); '' → none. */
function expiryFromDay(ymd: string, tz: string): number | null | 'bad' {
  if (!ymd) return null;
  return zonedDayRange(ymd, tz)?.to ?? 'bad';
}

function batchStatus(b: VoucherBatch): string {
  if (b.disabledAt) return 'disabled';
  if (b.expiresAt != null && b.expiresAt <= Date.now()) return 'expired';
  return 'active';
}

/** The owner's tools for one batch: its expiry, handing it to a distributor, disabling one card. */
function BatchTools({ batch }: { batch: VoucherBatch }) {
  const tz = useShopTimeZone();
  const { updateBatch, disableCard, assignBatch } = useVouchersStore();
  const distributors = useDistributorsStore();
  useEffect(() => {
    if (!distributors.loaded && !distributors.loading) void distributors.load();
  }, [distributors]);
  // The last day the cards work, as the date input shows it.
  const [expires, setExpires] = useState(batch.expiresAt ? zonedYmd(batch.expiresAt - 1, tz) : '');
  const [distributorId, setDistributorId] = useState('');
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const expiry = useSubmit(['expiresAt']);
  const assign = useSubmit(['distributorId']);
  const disable = useSubmit(['code']);

  async function onExpiry(e: FormEvent, remove = false) {
    e.preventDefault();
    const at = remove ? null : expiryFromDay(expires, tz);
    const local: Record<string, string> = at === 'bad' || (!remove && at === null) ? { expiresAt: 'Choose the last day the cards work.' } : {};
    const r = await expiry.submit(local, () => updateBatch(batch.id, at === 'bad' ? null : at));
    if (r) {
      if (remove) setExpires('');
      setDone(r.expiresAt ? `Cards of batch #${batch.id} now expire ${formatDateTime(r.expiresAt, tz)}.` : `Cards of batch #${batch.id} no longer expire.`);
    }
  }

  async function onAssign(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = distributorId ? {} : { distributorId: 'Choose the distributor who takes the cards.' };
    const r = await assign.submit(local, () => assignBatch(batch.id, Number(distributorId)));
    if (r) {
      const who = distributors.items.find((d) => d.id === Number(distributorId))?.name ?? 'the distributor';
      setDone(`Assigned ${r.assigned} card${r.assigned === 1 ? '' : 's'} to ${who}${r.skipped ? ` (${r.skipped} not new, left as they were)` : ''}.`);
    }
  }

  async function onDisable(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = code.trim() ? {} : { code: 'Type the code printed on the card.' };
    const r = await disable.submit(local, () => disableCard(code));
    if (r) {
      setCode('');
      setDone(`Card ${formatVoucherCode(r.code, batch.prefix, batch.alphabet)} is disabled.`);
    }
  }

  const banner = expiry.errors.banner ?? assign.errors.banner ?? disable.errors.banner;
  return (
    <div className="card batch-tools" role="region" aria-label="Batch tools">
      {done ? (
        <Banner kind="success" onClose={() => setDone(null)}>
          {done}
        </Banner>
      ) : null}
      {banner ? <Banner>{banner}</Banner> : null}
      <div className="form-row">
        <form className="form-inline" onSubmit={(e) => void onExpiry(e)} noValidate aria-label="Batch expiry">
          <Field label="Cards work until (last day)" error={expiry.errors.fields.expiresAt}>
            <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
          </Field>
          <button type="submit" className="btn" disabled={expiry.busy}>
            Save expiry
          </button>
          {batch.expiresAt ? (
            <button type="button" className="btn btn-small" onClick={(e) => void onExpiry(e, true)} disabled={expiry.busy}>
              Never expire
            </button>
          ) : null}
        </form>
        <form className="form-inline" onSubmit={(e) => void onAssign(e)} noValidate aria-label="Assign to a distributor">
          <Field label="Distributor" error={assign.errors.fields.distributorId}>
            <select value={distributorId} onChange={(e) => setDistributorId(e.target.value)}>
              <option value="">Choose…</option>
              {distributors.items.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="btn" disabled={assign.busy}>
            Assign new cards
          </button>
        </form>
        <form className="form-inline" onSubmit={(e) => void onDisable(e)} noValidate aria-label="Disable one card">
          <Field label="Card code" error={disable.errors.fields.code}>
            <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="as printed, any case" autoComplete="off" />
          </Field>
          <button type="submit" className="btn" disabled={disable.busy}>
            Disable card
          </button>
        </form>
      </div>
    </div>
  );
}
