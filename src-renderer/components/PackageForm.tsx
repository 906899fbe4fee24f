import { useEffect, useState, type FormEvent } from 'react';
import type { Package, PackageClock, PackageRepeat } from '../../src-shared/domain';
import { formatClock } from '../../src-shared/format';
import { parseTaka } from '../../src-shared/units';
import { useSubmit } from '../formErrors';
import {
  bpsToMbps, fromBytes, fromSeconds, mbpsToBps, paisaToTaka, toBytes, toSeconds, type DataUnit, type TimeUnit,
} from '../formInput';
import { usePackagesStore } from '../stores/packagesStore';
import { useRoutersStore } from '../stores/routersStore';
import { Banner } from './Banner';
import { Field } from './Field';

const FIELDS = [
  'name', 'price', 'validitySeconds', 'dataLimitBytes', 'downloadBps', 'uploadBps', 'devices', 'routerIds', 'zoneIds',
  'clock', 'useWithinSeconds', 'onRepeat',
] as const;

/** What each clock means to the owner, under the select. */
const CLOCK_HINTS: Record<PackageClock, string> = {
  purchase: 'Validity counts from the moment it is sold (or starts after the current package).',
  firstLogin: 'Validity starts at the customer’s first login: good for cards sold in advance.',
  onlineTime: 'Only time online counts; the validity is the online time it gives.',
};

interface PackageFormProps {
  editing: Package | null;
  onDone(): void;
}

/** Owner-friendly units in, API units out: taka → paisa, hours/days → s, MB/GB → bytes, Mbps → bps. */
export function PackageForm({ editing, onDone }: PackageFormProps) {
  const { create, update } = usePackagesStore();
  const routers = useRoutersStore();
  const v = fromSeconds(editing?.validitySeconds ?? null);
  const d = fromBytes(editing?.dataLimitBytes ?? null);
  const [name, setName] = useState(editing?.name ?? '');
  const [price, setPrice] = useState(editing ? paisaToTaka(editing.price) : '');
  const [validity, setValidity] = useState(editing ? v.value : '');
  const [validityUnit, setValidityUnit] = useState<TimeUnit>(editing ? v.unit : 'days');
  const [data, setData] = useState(d.value);
  const [dataUnit, setDataUnit] = useState<DataUnit>(d.unit);
  const [down, setDown] = useState(editing ? bpsToMbps(editing.downloadBps) : '');
  const [up, setUp] = useState(editing ? bpsToMbps(editing.uploadBps) : '');
  const [devices, setDevices] = useState(String(editing?.devices ?? 1));
  const [routerIds, setRouterIds] = useState<number[]>(editing?.routerIds ?? []);
  const [clock, setClock] = useState<PackageClock>(editing?.clock ?? 'purchase');
  const w = fromSeconds(editing?.useWithinSeconds ?? null);
  const [useWithin, setUseWithin] = useState(w.value);
  const [useWithinUnit, setUseWithinUnit] = useState<TimeUnit>(editing?.useWithinSeconds ? w.unit : 'days');
  const [onRepeat, setOnRepeat] = useState<PackageRepeat>(editing?.onRepeat ?? 'queue');
  const { busy, errors, submit, clear } = useSubmit(FIELDS);

  useEffect(() => {
    if (!routers.loaded && !routers.loading) void routers.load();
  }, [routers]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'Give the package a name customers understand, such as “1 Day 5 Mbps”.';
    const paisa = parseTaka(price);
    if (paisa === null) local.price = 'Enter the price in taka, such as 20 or 49.50.';
    const seconds = toSeconds(validity, validityUnit);
    if (seconds === 'bad') local.validitySeconds = `Enter a number of ${validityUnit}, or leave it empty for no time limit.`;
    const bytes = toBytes(data, dataUnit);
    if (bytes === 'bad') local.dataLimitBytes = `Enter a number of ${dataUnit}, or leave it empty for unlimited data.`;
    if (seconds === null && bytes === null) local.validitySeconds = 'Give a validity, a data limit, or both.';
    if (clock !== 'purchase' && seconds === null) {
      local.validitySeconds = clock === 'onlineTime' ? 'Give the online time this package gives.' : 'Give a validity: it starts at the first login.';
    }
    const within = clock === 'onlineTime' ? toSeconds(useWithin, useWithinUnit) : null;
    if (within === 'bad') local.useWithinSeconds = `Enter a number of ${useWithinUnit}, or leave it empty for no overall limit.`;
    const downBps = mbpsToBps(down);
    if (downBps === 'bad') local.downloadBps = 'Enter a speed in Mbps, such as 5 or 0.5 (empty = unlimited).';
    const upBps = mbpsToBps(up);
    if (upBps === 'bad') local.uploadBps = 'Enter a speed in Mbps, such as 2 (empty = unlimited).';
    const dev = Number(devices);
    if (!/^\d+$/.test(devices.trim()) || dev < 1) local.devices = 'Enter how many devices may be online at once (1 or more).';

    const fields = {
      name: name.trim(),
      price: paisa ?? 0,
      validitySeconds: typeof seconds === 'number' ? seconds : null,
      dataLimitBytes: typeof bytes === 'number' ? bytes : null,
      downloadBps: typeof downBps === 'number' ? downBps : 0,
      uploadBps: typeof upBps === 'number' ? upBps : 0,
      devices: dev,
      routerIds,
      clock,
      useWithinSeconds: typeof within === 'number' ? within : null,
      onRepeat,
    };
    const saved = await submit(local, () => (editing ? update({ id: editing.id, ...fields }) : create(fields)));
    if (saved) onDone();
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={editing ? 'Edit package' : 'New package'}>
      <h2>{editing ? `Edit ${editing.name}` : 'New package'}</h2>
      {editing ? <p className="muted">Changes apply to new sales only; packages already sold keep their terms.</p> : null}
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      <p className="muted">Customer type: Hotspot</p>
      <div className="form-grid">
        <Field label="Name" error={errors.fields.name} className="span-2">
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="1 Day 5 Mbps" maxLength={100} />
        </Field>
        <Field label="Price (৳ taka)" error={errors.fields.price}>
          <input inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} placeholder="20" />
        </Field>
        <Field label="Devices at once" error={errors.fields.devices}>
          <input inputMode="numeric" value={devices} onChange={(e) => setDevices(e.target.value)} />
        </Field>
        <Field label="Clock" error={errors.fields.clock} hint={CLOCK_HINTS[clock]} className="span-2">
          <select value={clock} onChange={(e) => setClock(e.target.value as PackageClock)} aria-label="Clock">
            {(['purchase', 'firstLogin', 'onlineTime'] as const).map((c) => (
              <option key={c} value={c}>
                {formatClock(c)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={clock === 'onlineTime' ? 'Online time' : 'Validity'}
          error={errors.fields.validitySeconds}
          hint={clock === 'purchase' ? 'Empty = no time limit' : undefined}
        >
          <div className="input-unit">
            <input inputMode="decimal" value={validity} onChange={(e) => setValidity(e.target.value)} placeholder="1" aria-label="Validity" />
            <select value={validityUnit} onChange={(e) => setValidityUnit(e.target.value as TimeUnit)} aria-label="Validity unit">
              <option value="hours">hours</option>
              <option value="days">days</option>
            </select>
          </div>
        </Field>
        {clock === 'onlineTime' ? (
          <Field label="Use within" error={errors.fields.useWithinSeconds} hint="From activation. Empty = no overall limit">
            <div className="input-unit">
              <input inputMode="decimal" value={useWithin} onChange={(e) => setUseWithin(e.target.value)} placeholder="30" aria-label="Use within" />
              <select value={useWithinUnit} onChange={(e) => setUseWithinUnit(e.target.value as TimeUnit)} aria-label="Use within unit">
                <option value="hours">hours</option>
                <option value="days">days</option>
              </select>
            </div>
          </Field>
        ) : null}
        <Field label="Data limit" error={errors.fields.dataLimitBytes} hint="Empty = unlimited data">
          <div className="input-unit">
            <input inputMode="decimal" value={data} onChange={(e) => setData(e.target.value)} placeholder="Unlimited" aria-label="Data limit" />
            <select value={dataUnit} onChange={(e) => setDataUnit(e.target.value as DataUnit)} aria-label="Data unit">
              <option value="MB">MB</option>
              <option value="GB">GB</option>
            </select>
          </div>
        </Field>
        <Field label="Download speed (Mbps)" error={errors.fields.downloadBps} hint="Empty = unlimited">
          <input inputMode="decimal" value={down} onChange={(e) => setDown(e.target.value)} placeholder="5" />
        </Field>
        <Field label="Upload speed (Mbps)" error={errors.fields.uploadBps} hint="Empty = unlimited">
          <input inputMode="decimal" value={up} onChange={(e) => setUp(e.target.value)} placeholder="2" />
        </Field>
        <Field
          label="Bought again while active"
          error={errors.fields.onRepeat}
          hint={onRepeat === 'topUp' ? 'Adds its time and data to the active one at once.' : 'Starts when the current one ends.'}
          className="span-2"
        >
          <select value={onRepeat} onChange={(e) => setOnRepeat(e.target.value as PackageRepeat)} aria-label="On repeat">
            <option value="queue">Queue after the current one</option>
            <option value="topUp">Top up the active one</option>
          </select>
        </Field>
      </div>
      {routers.routers.length > 0 ? (
        <fieldset className="checks">
          <legend>Sold on routers</legend>
          {routers.routers.map((r) => (
            <label key={r.id} className="check">
              <input
                type="checkbox"
                checked={routerIds.includes(r.id)}
                onChange={(e) => setRouterIds(e.target.checked ? [...routerIds, r.id] : routerIds.filter((x) => x !== r.id))}
              />
              {r.name}
            </label>
          ))}
          <div className="field-hint">Leave all unticked to sell it on every router.</div>
          {errors.fields.routerIds ? <div className="field-error" role="alert">{errors.fields.routerIds}</div> : null}
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {editing ? 'Save changes' : 'Create package'}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
