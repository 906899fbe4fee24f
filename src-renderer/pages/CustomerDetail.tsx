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

export function CustomerDetail({ id }: { id: number }) {
  const { current, currentError, open } = useCustomersStore();
  useEffect(() => {
    void open(id);
  }, [id, open]);

  if (currentError) {
    return (
      <>
        <PageHeader title="Customer" />
        <Banner>{currentError}</Banner>
        <a href="#/customers">‹ All customers</a>
      </>
    );
  }
  if (!current || current.id !== id) return <p className="muted">Loading…</p>;
  return <CustomerView c={current} />;
}

function CustomerView({ c }: { c: CustomerWithLastLogin }) {
  const tz = useShopTimeDisplay();
  const { update } = useCustomersStore();
  const [bannerError, setBannerError] = useState<string | null>(null);
  const act = async (p: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const r = await p;
    setBannerError(r.ok ? null : (r.error?.message ?? 'That did not work.'));
  };

  return (
    <>
      <a href="#/customers" className="back">
        ‹ All customers
      </a>
      <PageHeader
        title={c.localPhone}
        sub={
          <>
            {c.name ?? 'No name'} · customer since {formatDateTime(c.createdAt, tz)} · <StatusBadge status={c.status} />
          </>
        }
      >
        {c.status === 'active' ? (
          <ConfirmButton confirm="Disable this customer? Their devices are logged out." confirmLabel="Disable" onConfirm={() => act(update({ id: c.id, status: 'disabled' }))}>
            Disable customer
          </ConfirmButton>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => void act(update({ id: c.id, status: 'active' }))}>
            Enable customer
          </button>
        )}
      </PageHeader>
      {bannerError ? <Banner onClose={() => setBannerError(null)}>{bannerError}</Banner> : null}

      <div className="columns">
        <section className="card">
          <h2>Sell a package (cash)</h2>
          {c.status === 'disabled' ? <p className="muted">Enable the customer to sell.</p> : <SellForm phone={c.phone} compact />}
        </section>
        <section className="card">
          <h2>Hotspot login</h2>
          <p className="muted">To log a device in by hand on the router’s login page.</p>
          <dl className="kv">
            <dt>Username</dt>
            <dd className="mono">{c.hotspotUsername}</dd>
            <dt>Password</dt>
            <dd className="mono">{c.hotspotPassword}</dd>
          </dl>
          <ConfirmButton danger={false} confirm="Make a new password? Devices must log in again." confirmLabel="New password" onConfirm={() => act(update({ id: c.id, resetHotspotPassword: true }))}>
            Reset password
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

function usage(s: Subscription): string {
  if (s.dataLimitBytes == null) return s.bytesUsed ? `${formatData(s.bytesUsed)} used` : '—';
  return `${formatData(s.bytesUsed)} of ${formatData(s.dataLimitBytes)}`;
}

function left(s: Subscription): string {
  // "starts at first login" is worth saying for a queued card too.
  const time = describeTimeLeft(s);
  if (s.status !== 'active') return s.status === 'queued' && time ? time : '—';
  const parts = [];
  if (time) parts.push(time);
  if (s.bytesLeft != null) parts.push(formatData(s.bytesLeft));
  return parts.join(' · ') || 'Unlimited';
}

function Subscriptions({ c, onError }: { c: Customer; onError(msg: string | null): void }) {
  const tz = useShopTimeDisplay();
  const { cancelSubscription } = useCustomersStore();
  return (
    <section className="card flush" aria-label="Subscriptions">
      <h2 className="pad">Subscriptions</h2>
      {c.subscriptions.length === 0 ? (
        <p className="muted pad">No packages bought yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Package</th>
              <th>Status</th>
              <th className="num">Price</th>
              <th>Started</th>
              <th>Expires</th>
              <th>Data</th>
              <th>Left</th>
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
                <td className="num">{formatTaka(s.price)}</td>
                <td>{formatDateTime(s.startsAt, tz)}</td>
                <td>
                  {s.expiresAt == null && s.clock === 'firstLogin' && s.clockStartedAt == null ? 'At first login + validity' : formatDateTime(s.expiresAt, tz)}
                  {s.clock !== 'purchase' ? <div className="muted">{formatClock(s.clock)}</div> : null}
                </td>
                <td>{usage(s)}</td>
                <td>{left(s)}</td>
                <td className="row-actions">
                  {s.status === 'active' || s.status === 'queued' ? (
                    <ConfirmButton
                      confirm="Cancel this package? No refund is recorded."
                      confirmLabel="Cancel package"
                      onConfirm={async () => {
                        const r = await cancelSubscription(s.id);
                        onError(r.ok ? null : r.error.message);
                      }}
                    >
                      Cancel
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
  const [mac, setMac] = useState('');
  const [label, setLabel] = useState('');
  const { busy, errors, submit, clear } = useSubmit(['mac', 'label']);

  async function onAdd(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = mac.trim() ? {} : { mac: 'Enter the device’s MAC address, such as AA:BB:CC:DD:EE:FF.' };
    const ok = await submit(local, () => addDevice({ customerId: c.id, mac: mac.trim(), ...(label.trim() ? { label: label.trim() } : {}) }));
    if (ok) {
      setMac('');
      setLabel('');
    }
  }

  return (
    <section className="card" aria-label="Devices">
      <h2>Devices</h2>
      <p className="muted">A phone is added by itself the first time it logs in. Up to the package’s device count can be online at once.</p>
      {c.devices.length === 0 ? (
        <p className="muted">No devices yet.</p>
      ) : (
        <ul className="list">
          {c.devices.map((d) => (
            <li key={d.id}>
              <span className="mono">{d.mac}</span>
              {d.label ? <span className="muted"> · {d.label}</span> : null}
              <span className="muted small"> · last seen {formatDateTime(d.lastSeenAt, tz)}</span>
              <span className="spacer" />
              <ConfirmButton
                confirm="Remove this device?"
                confirmLabel="Remove"
                onConfirm={async () => {
                  const r = await removeDevice(d.id);
                  onError(r.ok ? null : r.error.message);
                }}
              >
                Remove
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={onAdd} noValidate>
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        <div className="form-row tight">
          <Field label="MAC address" error={errors.fields.mac}>
            <input className="mono" value={mac} onChange={(e) => setMac(e.target.value)} placeholder="AA:BB:CC:DD:EE:FF" />
          </Field>
          <Field label="Label (optional)" error={errors.fields.label}>
            <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="Rahim's phone" maxLength={50} />
          </Field>
          <div className="field field-button">
            <button type="submit" className="btn" disabled={busy}>
              Add device
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}

function Profile({ c }: { c: Customer }) {
  const { update } = useCustomersStore();
  const [name, setName] = useState(c.name ?? '');
  const [pin, setPin] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, errors, submit, clear } = useSubmit(['name', 'pin']);

  async function onSave(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const local: Record<string, string> = pin && !/^\d{4,6}$/.test(pin) ? { pin: 'A PIN is 4 to 6 digits.' } : {};
    const r = await submit(local, () => update({ id: c.id, name: name.trim() || null, ...(pin ? { pin } : {}) }));
    if (r) {
      setPin('');
      setSaved(true);
    }
  }

  return (
    <section className="card" aria-label="Profile">
      <h2>Profile</h2>
      <form className="form" onSubmit={onSave} noValidate>
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        {saved ? <Banner kind="success" onClose={() => setSaved(false)}>Saved.</Banner> : null}
        <Field label="Name" error={errors.fields.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        </Field>
        <Field label="New PIN" error={errors.fields.pin} hint={c.hasPin ? 'The customer has a PIN. Enter a new one to replace it.' : 'No PIN yet. Customers use it to log in on a new phone.'}>
          <input inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} maxLength={6} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </section>
  );
}
