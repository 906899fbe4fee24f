import { useEffect, useState, type FormEvent } from 'react';
import type { Customer, Subscription } from '../../src-shared/domain';
import type { CustomerWithLastLogin } from '../../src-shared/api/customers';
import { PortalAccountCard } from '../components/PortalAccountCard';
import { Banner } from '../components/Banner';
import { ConfirmButton } from '../components/ConfirmButton';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { SellForm } from '../components/SellForm';
import { StatusBadge } from '../components/StatusBadge';
import { useSubmit } from '../formErrors';
import { describeTimeLeft, formatClock, formatData, formatDateTime, formatTaka } from '../../src-shared/format';
import { useShopTimeDisplay } from '../shopTime';
import { useCustomersStore } from '../stores/customersStore';
import { messages, useLang, useT, type Lang } from '../i18n';

const M = messages(
  {
    customer: 'Customer',
    allCustomers: '‹ All customers',
    loading: 'Loading…',
    didNotWork: 'That did not work.',
    noName: 'No name',
    customerSince: (time: string) => `customer since ${time}`,
    disableQ: 'Disable this customer? Their devices are logged out.',
    disable: 'Disable',
    disableCustomer: 'Disable customer',
    enableCustomer: 'Enable customer',
    sellHeading: 'Sell a package (cash)',
    enableToSell: 'Enable the customer to sell.',
    hotspotLogin: 'Hotspot login',
    hotspotHelp: 'To log a device in by hand on the router’s login page.',
    username: 'Username',
    password: 'Password',
    newPasswordQ: 'Make a new password? Devices must log in again.',
    newPassword: 'New password',
    resetPassword: 'Reset password',
    used: (data: string) => `${data} used`,
    of: (used: string, limit: string) => `${used} of ${limit}`,
    unlimited: 'Unlimited',
    subscriptions: 'Subscriptions',
    noSubscriptions: 'No packages bought yet.',
    package: 'Package',
    status: 'Status',
    price: 'Price',
    started: 'Started',
    expires: 'Expires',
    data: 'Data',
    left: 'Left',
    atFirstLogin: 'At first login + validity',
    cancelQ: 'Cancel this package? No refund is recorded.',
    cancelPackage: 'Cancel package',
    cancel: 'Cancel',
    needMac: 'Enter the device’s MAC address, such as AA:BB:CC:DD:EE:FF.',
    devices: 'Devices',
    devicesHelp: 'A phone is added by itself the first time it logs in. Up to the package’s device count can be online at once.',
    noDevices: 'No devices yet.',
    lastSeen: (time: string) => ` · last seen ${time}`,
    removeQ: 'Remove this device?',
    remove: 'Remove',
    macAddress: 'MAC address',
    labelOptional: 'Label (optional)',
    labelPlaceholder: "Rahim's phone",
    addDevice: 'Add device',
    badPin: 'A PIN is 4 to 6 digits.',
    profile: 'Profile',
    saved: 'Saved.',
    name: 'Name',
    newPin: 'New PIN',
    hasPin: 'The customer has a PIN. Enter a new one to replace it.',
    noPin: 'No PIN yet. Customers use it to log in on a new phone.',
    save: 'Save',
  },
  {
    customer: 'গ্রাহক',
    allCustomers: '‹ সব গ্রাহক',
    loading: 'লোড হচ্ছে…',
    didNotWork: 'কাজটি হয়নি।',
    noName: 'নাম নেই',
    customerSince: (time) => `গ্রাহক ${time} থেকে`,
    disableQ: 'এই গ্রাহককে বন্ধ করবেন? তাঁর ডিভাইসগুলো লগ আউট হয়ে যাবে।',
    disable: 'বন্ধ করুন',
    disableCustomer: 'গ্রাহক বন্ধ করুন',
    enableCustomer: 'গ্রাহক চালু করুন',
    sellHeading: 'প্যাকেজ বিক্রি (নগদ)',
    enableToSell: 'বিক্রি করতে আগে গ্রাহককে চালু করুন।',
    hotspotLogin: 'হটস্পট লগ ইন',
    hotspotHelp: 'রাউটারের লগ ইন পাতায় হাতে ডিভাইস লগ ইন করাতে।',
    username: 'ইউজারনেম',
    password: 'পাসওয়ার্ড',
    newPasswordQ: 'নতুন পাসওয়ার্ড বানাবেন? ডিভাইসগুলোকে আবার লগ ইন করতে হবে।',
    newPassword: 'নতুন পাসওয়ার্ড',
    resetPassword: 'পাসওয়ার্ড রিসেট',
    used: (data) => `${data} ব্যবহৃত`,
    of: (used, limit) => `${limit}-এর মধ্যে ${used}`,
    unlimited: 'আনলিমিটেড',
    subscriptions: 'কেনা প্যাকেজ',
    noSubscriptions: 'এখনো কোনো প্যাকেজ কেনা হয়নি।',
    package: 'প্যাকেজ',
    status: 'অবস্থা',
    price: 'দাম',
    started: 'শুরু',
    expires: 'মেয়াদ শেষ',
    data: 'ডেটা',
    left: 'বাকি',
    atFirstLogin: 'প্রথম লগ ইন + মেয়াদ',
    cancelQ: 'এই প্যাকেজ বাতিল করবেন? কোনো টাকা ফেরত লেখা হবে না।',
    cancelPackage: 'প্যাকেজ বাতিল করুন',
    cancel: 'বাতিল',
    needMac: 'ডিভাইসের MAC ঠিকানা লিখুন, যেমন AA:BB:CC:DD:EE:FF।',
    devices: 'ডিভাইস',
    devicesHelp: 'প্রথমবার লগ ইন করলে ফোন নিজে থেকেই যুক্ত হয়। প্যাকেজে যতটি ডিভাইস দেওয়া আছে, একসাথে ততটি অনলাইনে থাকতে পারে।',
    noDevices: 'এখনো কোনো ডিভাইস নেই।',
    lastSeen: (time) => ` · শেষ দেখা ${time}`,
    removeQ: 'এই ডিভাইসটি সরাবেন?',
    remove: 'সরান',
    macAddress: 'MAC ঠিকানা',
    labelOptional: 'নাম (ঐচ্ছিক)',
    labelPlaceholder: 'রহিমের ফোন',
    addDevice: 'ডিভাইস যোগ করুন',
    badPin: 'পিন ৪ থেকে ৬ অঙ্কের হয়।',
    profile: 'প্রোফাইল',
    saved: 'সংরক্ষণ হয়েছে।',
    name: 'নাম',
    newPin: 'নতুন পিন',
    hasPin: 'গ্রাহকের একটি পিন আছে। বদলাতে নতুন পিন লিখুন।',
    noPin: 'এখনো পিন নেই। নতুন ফোনে লগ ইন করতে গ্রাহক এটি ব্যবহার করেন।',
    save: 'সংরক্ষণ',
  },
);
type Words = (typeof M)['en'];

export function CustomerDetail({ id }: { id: number }) {
  const { current, currentError, open } = useCustomersStore();
  const t = useT(M);
  useEffect(() => {
    void open(id);
  }, [id, open]);

  if (currentError) {
    return (
      <>
        <PageHeader title={t.customer} />
        <Banner>{currentError}</Banner>
        <a href="#/customers">{t.allCustomers}</a>
      </>
    );
  }
  if (!current || current.id !== id) return <p className="muted">{t.loading}</p>;
  return <CustomerView c={current} />;
}

function CustomerView({ c }: { c: CustomerWithLastLogin }) {
  const tz = useShopTimeDisplay();
  const { update } = useCustomersStore();
  const t = useT(M);
  const lang = useLang();
  const [bannerError, setBannerError] = useState<string | null>(null);
  const act = async (p: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const r = await p;
    setBannerError(r.ok ? null : (r.error?.message ?? t.didNotWork));
  };

  return (
    <>
      <a href="#/customers" className="back">
        {t.allCustomers}
      </a>
      <PageHeader
        title={c.localPhone}
        sub={
          <>
            {c.name ?? t.noName} · {t.customerSince(formatDateTime(c.createdAt, tz, lang))} · <StatusBadge status={c.status} />
          </>
        }
      >
        {c.status === 'active' ? (
          <ConfirmButton confirm={t.disableQ} confirmLabel={t.disable} onConfirm={() => act(update({ id: c.id, status: 'disabled' }))}>
            {t.disableCustomer}
          </ConfirmButton>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => void act(update({ id: c.id, status: 'active' }))}>
            {t.enableCustomer}
          </button>
        )}
      </PageHeader>
      {bannerError ? <Banner onClose={() => setBannerError(null)}>{bannerError}</Banner> : null}

      <div className="columns">
        <section className="card">
          <h2>{t.sellHeading}</h2>
          {c.status === 'disabled' ? <p className="muted">{t.enableToSell}</p> : <SellForm phone={c.phone} compact />}
        </section>
        <section className="card">
          <h2>{t.hotspotLogin}</h2>
          <p className="muted">{t.hotspotHelp}</p>
          <dl className="kv">
            <dt>{t.username}</dt>
            <dd className="mono">{c.hotspotUsername}</dd>
            <dt>{t.password}</dt>
            <dd className="mono">{c.hotspotPassword}</dd>
          </dl>
          <ConfirmButton danger={false} confirm={t.newPasswordQ} confirmLabel={t.newPassword} onConfirm={() => act(update({ id: c.id, resetHotspotPassword: true }))}>
            {t.resetPassword}
          </ConfirmButton>
        </section>
      </div>

      <PortalAccountCard c={c} />
      <Subscriptions c={c} onError={setBannerError} />
      <div className="columns">
        <Devices c={c} onError={setBannerError} />
        <Profile c={c} />
      </div>
    </>
  );
}

function usage(s: Subscription, t: Words, lang: Lang): string {
  if (s.dataLimitBytes == null) return s.bytesUsed ? t.used(formatData(s.bytesUsed, lang)) : '—';
  return t.of(formatData(s.bytesUsed, lang), formatData(s.dataLimitBytes, lang));
}

function left(s: Subscription, t: Words, lang: Lang): string {
  // "starts at first login" is worth saying for a queued card too.
  const time = describeTimeLeft(s, lang);
  if (s.status !== 'active') return s.status === 'queued' && time ? time : '—';
  const parts = [];
  if (time) parts.push(time);
  if (s.bytesLeft != null) parts.push(formatData(s.bytesLeft, lang));
  return parts.join(' · ') || t.unlimited;
}

function Subscriptions({ c, onError }: { c: Customer; onError(msg: string | null): void }) {
  const tz = useShopTimeDisplay();
  const { cancelSubscription } = useCustomersStore();
  const t = useT(M);
  const lang = useLang();
  return (
    <section className="card flush" aria-label={t.subscriptions}>
      <h2 className="pad">{t.subscriptions}</h2>
      {c.subscriptions.length === 0 ? (
        <p className="muted pad">{t.noSubscriptions}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t.package}</th>
              <th>{t.status}</th>
              <th className="num">{t.price}</th>
              <th>{t.started}</th>
              <th>{t.expires}</th>
              <th>{t.data}</th>
              <th>{t.left}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {c.subscriptions.map((s) => (
              <tr key={s.id}>
                <td className="strong">{s.packageName}</td>
                <td>
                  <StatusBadge status={s.status} />
                </td>
                <td className="num">{formatTaka(s.price, lang)}</td>
                <td>{formatDateTime(s.startsAt, tz, lang)}</td>
                <td>
                  {s.expiresAt == null && s.clock === 'firstLogin' && s.clockStartedAt == null ? t.atFirstLogin : formatDateTime(s.expiresAt, tz, lang)}
                  {s.clock !== 'purchase' ? <div className="muted">{formatClock(s.clock, lang)}</div> : null}
                </td>
                <td>{usage(s, t, lang)}</td>
                <td>{left(s, t, lang)}</td>
                <td className="row-actions">
                  {s.status === 'active' || s.status === 'queued' ? (
                    <ConfirmButton
                      confirm={t.cancelQ}
                      confirmLabel={t.cancelPackage}
                      onConfirm={async () => {
                        const r = await cancelSubscription(s.id);
                        onError(r.ok ? null : r.error.message);
                      }}
                    >
                      {t.cancel}
                    </ConfirmButton>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Devices({ c, onError }: { c: Customer; onError(msg: string | null): void }) {
  const tz = useShopTimeDisplay();
  const { addDevice, removeDevice } = useCustomersStore();
  const t = useT(M);
  const lang = useLang();
  const [mac, setMac] = useState('');
  const [label, setLabel] = useState('');
  const { busy, errors, submit, clear } = useSubmit(['mac', 'label'], 'customers.addDevice');

  async function onAdd(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = mac.trim() ? {} : { mac: t.needMac };
    const input = { customerId: c.id, mac: mac.trim(), ...(label.trim() ? { label: label.trim() } : {}) };
    const ok = await submit(local, () => addDevice(input), input);
    if (ok) {
      setMac('');
      setLabel('');
    }
  }

  return (
    <section className="card" aria-label={t.devices}>
      <h2>{t.devices}</h2>
      <p className="muted">{t.devicesHelp}</p>
      {c.devices.length === 0 ? (
        <p className="muted">{t.noDevices}</p>
      ) : (
        <ul className="list">
          {c.devices.map((d) => (
            <li key={d.id}>
              <span className="mono">{d.mac}</span>
              {d.label ? <span className="muted"> · {d.label}</span> : null}
              <span className="muted small">{t.lastSeen(formatDateTime(d.lastSeenAt, tz, lang))}</span>
              <span className="spacer" />
              <ConfirmButton
                confirm={t.removeQ}
                confirmLabel={t.remove}
                onConfirm={async () => {
                  const r = await removeDevice(d.id);
                  onError(r.ok ? null : r.error.message);
                }}
              >
                {t.remove}
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={onAdd} noValidate>
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        <div className="form-row tight">
          <Field label={t.macAddress} error={errors.fields.mac}>
            <input className="mono" value={mac} onChange={(e) => setMac(e.target.value)} placeholder="AA:BB:CC:DD:EE:FF" />
          </Field>
          <Field label={t.labelOptional} error={errors.fields.label}>
            <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t.labelPlaceholder} maxLength={50} />
          </Field>
          <div className="field field-button">
            <button type="submit" className="btn" disabled={busy}>
              {t.addDevice}
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}

function Profile({ c }: { c: Customer }) {
  const { update } = useCustomersStore();
  const t = useT(M);
  const [name, setName] = useState(c.name ?? '');
  const [pin, setPin] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, errors, submit, clear } = useSubmit(['name', 'pin'], 'customers.update');

  async function onSave(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const local: Record<string, string> = pin && !/^\d{4,6}$/.test(pin) ? { pin: t.badPin } : {};
    const input = { id: c.id, name: name.trim() || null, ...(pin ? { pin } : {}) };
    const r = await submit(local, () => update(input), input);
    if (r) {
      setPin('');
      setSaved(true);
    }
  }

  return (
    <section className="card" aria-label={t.profile}>
      <h2>{t.profile}</h2>
      <form className="form" onSubmit={onSave} noValidate>
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        {saved ? <Banner kind="success" onClose={() => setSaved(false)}>{t.saved}</Banner> : null}
        <Field label={t.name} error={errors.fields.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        </Field>
        <Field label={t.newPin} error={errors.fields.pin} hint={c.hasPin ? t.hasPin : t.noPin}>
          <input inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} maxLength={6} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={busy}>
            {t.save}
          </button>
        </div>
      </form>
    </section>
  );
}
