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
import { messages, useLang, useT } from '../i18n';

const FIELDS = [
  'name', 'price', 'validitySeconds', 'dataLimitBytes', 'downloadBps', 'uploadBps', 'devices', 'routerIds', 'zoneIds',
  'clock', 'useWithinSeconds', 'onRepeat',
] as const;

const BN_UNITS: Record<TimeUnit | DataUnit, string> = { hours: 'ঘণ্টা', days: 'দিন', MB: 'MB', GB: 'GB' };

const M = messages(
  {
    // What each clock means to the owner, under the select.
    hintPurchase: 'Validity counts from the moment it is sold (or starts after the current package).',
    hintFirstLogin: 'Validity starts at the customer’s first login: good for cards sold in advance.',
    hintOnlineTime: 'Only time online counts; the validity is the online time it gives.',
    unit: (u: TimeUnit | DataUnit) => u as string,
    needName: 'Give the package a name customers understand, such as “1 Day 5 Mbps”.',
    needPrice: 'Enter the price in taka, such as 20 or 49.50.',
    badValidity: (unit: string) => `Enter a number of ${unit}, or leave it empty for no time limit.`,
    badData: (unit: string) => `Enter a number of ${unit}, or leave it empty for unlimited data.`,
    needLimit: 'Give a validity, a data limit, or both.',
    needOnlineTime: 'Give the online time this package gives.',
    needValidityFirstLogin: 'Give a validity: it starts at the first login.',
    badWithin: (unit: string) => `Enter a number of ${unit}, or leave it empty for no overall limit.`,
    badDown: 'Enter a speed in Mbps, such as 5 or 0.5 (empty = unlimited).',
    badUp: 'Enter a speed in Mbps, such as 2 (empty = unlimited).',
    badDevices: 'Enter how many devices may be online at once (1 or more).',
    editPackage: 'Edit package',
    newPackage: 'New package',
    editName: (name: string) => `Edit ${name}`,
    changesNote: 'Changes apply to new sales only; packages already sold keep their terms.',
    customerType: 'Customer type: Hotspot',
    name: 'Name',
    price: 'Price (৳ taka)',
    devices: 'Devices at once',
    clock: 'Clock',
    onlineTime: 'Online time',
    validity: 'Validity',
    noTimeLimitHint: 'Empty = no time limit',
    validityUnit: 'Validity unit',
    hours: 'hours',
    days: 'days',
    useWithin: 'Use within',
    useWithinHint: 'From activation. Empty = no overall limit',
    useWithinUnit: 'Use within unit',
    dataLimit: 'Data limit',
    unlimitedDataHint: 'Empty = unlimited data',
    unlimitedPlaceholder: 'Unlimited',
    dataUnit: 'Data unit',
    download: 'Download speed (Mbps)',
    upload: 'Upload speed (Mbps)',
    unlimitedHint: 'Empty = unlimited',
    repeat: 'Bought again while active',
    topUpHint: 'Adds its time and data to the active one at once.',
    queueHint: 'Starts when the current one ends.',
    onRepeat: 'On repeat',
    queue: 'Queue after the current one',
    topUp: 'Top up the active one',
    soldOn: 'Sold on routers',
    allRouters: 'Leave all unticked to sell it on every router.',
    save: 'Save changes',
    create: 'Create package',
    cancel: 'Cancel',
  },
  {
    hintPurchase: 'বিক্রির মুহূর্ত থেকে মেয়াদ গোনা শুরু হয় (অথবা এখনকার প্যাকেজ শেষ হলে শুরু হয়)।',
    hintFirstLogin: 'গ্রাহকের প্রথম লগ ইন থেকে মেয়াদ শুরু হয়: আগে থেকে বিক্রি করা কার্ডের জন্য ভালো।',
    hintOnlineTime: 'শুধু অনলাইনে থাকার সময় গোনা হয়; মেয়াদ মানে এটি যতটা অনলাইন সময় দেয়।',
    unit: (u) => BN_UNITS[u],
    needName: 'প্যাকেজের এমন একটি নাম দিন যা গ্রাহক বোঝেন, যেমন “1 Day 5 Mbps”।',
    needPrice: 'দাম টাকায় লিখুন, যেমন 20 বা 49.50।',
    badValidity: (unit) => `কত ${unit} তা সংখ্যায় লিখুন, অথবা সময়সীমা না চাইলে খালি রাখুন।`,
    badData: (unit) => `কত ${unit} তা সংখ্যায় লিখুন, অথবা আনলিমিটেড ডেটার জন্য খালি রাখুন।`,
    needLimit: 'মেয়াদ, ডেটার সীমা, অথবা দুটোই দিন।',
    needOnlineTime: 'এই প্যাকেজ কতটা অনলাইন সময় দেয় তা লিখুন।',
    needValidityFirstLogin: 'মেয়াদ দিন: এটি প্রথম লগ ইন থেকে শুরু হবে।',
    badWithin: (unit) => `কত ${unit} তা সংখ্যায় লিখুন, অথবা সার্বিক সীমা না চাইলে খালি রাখুন।`,
    badDown: 'গতি Mbps-এ লিখুন, যেমন 5 বা 0.5 (খালি = আনলিমিটেড)।',
    badUp: 'গতি Mbps-এ লিখুন, যেমন 2 (খালি = আনলিমিটেড)।',
    badDevices: 'একসাথে কয়টি ডিভাইস অনলাইনে থাকতে পারবে লিখুন (১ বা বেশি)।',
    editPackage: 'প্যাকেজ সম্পাদনা',
    newPackage: 'নতুন প্যাকেজ',
    editName: (name) => `${name} সম্পাদনা`,
    changesNote: 'পরিবর্তন শুধু নতুন বিক্রিতে খাটবে; আগে বিক্রি হওয়া প্যাকেজের শর্ত একই থাকবে।',
    customerType: 'গ্রাহকের ধরন: হটস্পট',
    name: 'নাম',
    price: 'দাম (৳ টাকা)',
    devices: 'একসাথে কয়টি ডিভাইস',
    clock: 'সময় গোনা',
    onlineTime: 'অনলাইন সময়',
    validity: 'মেয়াদ',
    noTimeLimitHint: 'খালি = সময়সীমা নেই',
    validityUnit: 'মেয়াদের একক',
    hours: 'ঘণ্টা',
    days: 'দিন',
    useWithin: 'এর মধ্যে ব্যবহার করতে হবে',
    useWithinHint: 'চালু হওয়া থেকে। খালি = সার্বিক সীমা নেই',
    useWithinUnit: 'ব্যবহারের সময়ের একক',
    dataLimit: 'ডেটার সীমা',
    unlimitedDataHint: 'খালি = আনলিমিটেড ডেটা',
    unlimitedPlaceholder: 'আনলিমিটেড',
    dataUnit: 'ডেটার একক',
    download: 'ডাউনলোড গতি (Mbps)',
    upload: 'আপলোড গতি (Mbps)',
    unlimitedHint: 'খালি = আনলিমিটেড',
    repeat: 'চালু থাকা অবস্থায় আবার কিনলে',
    topUpHint: 'এর সময় ও ডেটা সঙ্গে সঙ্গে চালু প্যাকেজে যোগ হয়।',
    queueHint: 'এখনকার প্যাকেজ শেষ হলে শুরু হয়।',
    onRepeat: 'আবার কিনলে',
    queue: 'এখনকারটির পরে অপেক্ষায় রাখুন',
    topUp: 'চালু প্যাকেজে যোগ করুন',
    soldOn: 'যে রাউটারগুলোতে বিক্রি হবে',
    allRouters: 'সব রাউটারে বিক্রি করতে কোনোটিতে টিক দেবেন না।',
    save: 'পরিবর্তন সংরক্ষণ করুন',
    create: 'প্যাকেজ তৈরি করুন',
    cancel: 'বাতিল',
  },
);

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
  const { busy, errors, submit, clear } = useSubmit(FIELDS, editing ? 'packages.update' : 'packages.create');
  const t = useT(M);
  const lang = useLang();
  const clockHints: Record<PackageClock, string> = { purchase: t.hintPurchase, firstLogin: t.hintFirstLogin, onlineTime: t.hintOnlineTime };

  useEffect(() => {
    if (!routers.loaded && !routers.loading) void routers.load();
  }, [routers]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = t.needName;
    const paisa = parseTaka(price);
    if (paisa === null) local.price = t.needPrice;
    const seconds = toSeconds(validity, validityUnit);
    if (seconds === 'bad') local.validitySeconds = t.badValidity(t.unit(validityUnit));
    const bytes = toBytes(data, dataUnit);
    if (bytes === 'bad') local.dataLimitBytes = t.badData(t.unit(dataUnit));
    if (seconds === null && bytes === null) local.validitySeconds = t.needLimit;
    if (clock !== 'purchase' && seconds === null) {
      local.validitySeconds = clock === 'onlineTime' ? t.needOnlineTime : t.needValidityFirstLogin;
    }
    const within = clock === 'onlineTime' ? toSeconds(useWithin, useWithinUnit) : null;
    if (within === 'bad') local.useWithinSeconds = t.badWithin(t.unit(useWithinUnit));
    const downBps = mbpsToBps(down);
    if (downBps === 'bad') local.downloadBps = t.badDown;
    const upBps = mbpsToBps(up);
    if (upBps === 'bad') local.uploadBps = t.badUp;
    const dev = Number(devices);
    if (!/^\d+$/.test(devices.trim()) || dev < 1) local.devices = t.badDevices;

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
    // Checked with the method's schema before sending (limits the local checks leave to it).
    const saved = editing
      ? await submit(local, () => update({ id: editing.id, ...fields }), { id: editing.id, ...fields })
      : await submit(local, () => create(fields), fields);
    if (saved) onDone();
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={editing ? t.editPackage : t.newPackage}>
      <h2>{editing ? t.editName(editing.name) : t.newPackage}</h2>
      {editing ? <p className="muted">{t.changesNote}</p> : null}
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      <p className="muted">{t.customerType}</p>
      <div className="form-grid">
        <Field label={t.name} error={errors.fields.name} className="span-2">
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="1 Day 5 Mbps" maxLength={100} />
        </Field>
        <Field label={t.price} error={errors.fields.price}>
          <input inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} placeholder="20" />
        </Field>
        <Field label={t.devices} error={errors.fields.devices}>
          <input inputMode="numeric" value={devices} onChange={(e) => setDevices(e.target.value)} />
        </Field>
        <Field label={t.clock} error={errors.fields.clock} hint={clockHints[clock]} className="span-2">
          <select value={clock} onChange={(e) => setClock(e.target.value as PackageClock)} aria-label={t.clock}>
            {(['purchase', 'firstLogin', 'onlineTime'] as const).map((c) => (
              <option key={c} value={c}>
                {formatClock(c, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={clock === 'onlineTime' ? t.onlineTime : t.validity}
          error={errors.fields.validitySeconds}
          hint={clock === 'purchase' ? t.noTimeLimitHint : undefined}
        >
          <div className="input-unit">
            <input inputMode="decimal" value={validity} onChange={(e) => setValidity(e.target.value)} placeholder="1" aria-label={t.validity} />
            <select value={validityUnit} onChange={(e) => setValidityUnit(e.target.value as TimeUnit)} aria-label={t.validityUnit}>
              <option value="hours">{t.hours}</option>
              <option value="days">{t.days}</option>
            </select>
          </div>
        </Field>
        {clock === 'onlineTime' ? (
          <Field label={t.useWithin} error={errors.fields.useWithinSeconds} hint={t.useWithinHint}>
            <div className="input-unit">
              <input inputMode="decimal" value={useWithin} onChange={(e) => setUseWithin(e.target.value)} placeholder="30" aria-label={t.useWithin} />
              <select value={useWithinUnit} onChange={(e) => setUseWithinUnit(e.target.value as TimeUnit)} aria-label={t.useWithinUnit}>
                <option value="hours">{t.hours}</option>
                <option value="days">{t.days}</option>
              </select>
            </div>
          </Field>
        ) : null}
        <Field label={t.dataLimit} error={errors.fields.dataLimitBytes} hint={t.unlimitedDataHint}>
          <div className="input-unit">
            <input inputMode="decimal" value={data} onChange={(e) => setData(e.target.value)} placeholder={t.unlimitedPlaceholder} aria-label={t.dataLimit} />
            <select value={dataUnit} onChange={(e) => setDataUnit(e.target.value as DataUnit)} aria-label={t.dataUnit}>
              <option value="MB">MB</option>
              <option value="GB">GB</option>
            </select>
          </div>
        </Field>
        <Field label={t.download} error={errors.fields.downloadBps} hint={t.unlimitedHint}>
          <input inputMode="decimal" value={down} onChange={(e) => setDown(e.target.value)} placeholder="5" />
        </Field>
        <Field label={t.upload} error={errors.fields.uploadBps} hint={t.unlimitedHint}>
          <input inputMode="decimal" value={up} onChange={(e) => setUp(e.target.value)} placeholder="2" />
        </Field>
        <Field
          label={t.repeat}
          error={errors.fields.onRepeat}
          hint={onRepeat === 'topUp' ? t.topUpHint : t.queueHint}
          className="span-2"
        >
          <select value={onRepeat} onChange={(e) => setOnRepeat(e.target.value as PackageRepeat)} aria-label={t.onRepeat}>
            <option value="queue">{t.queue}</option>
            <option value="topUp">{t.topUp}</option>
          </select>
        </Field>
      </div>
      {routers.routers.length > 0 ? (
        <fieldset className="checks">
          <legend>{t.soldOn}</legend>
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
          <div className="field-hint">{t.allRouters}</div>
          {errors.fields.routerIds ? <div className="field-error" role="alert">{errors.fields.routerIds}</div> : null}
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {editing ? t.save : t.create}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
