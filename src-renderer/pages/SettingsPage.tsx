import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../src-shared/settings';
import { Banner } from '../components/Banner';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { useSubmit } from '../formErrors';
import { useSettingsStore } from '../stores/settingsStore';

type Editable = Omit<Settings, 'currency'>;
const FIELDS = ['shopName', 'acctInterimInterval', 'idleTimeout', 'serverAddress', 'portalUrl', 'timezone'] as const;

export function SettingsPage() {
  const { settings, error, load } = useSettingsStore();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <PageHeader title="Settings" />
      {error ? <Banner>{error}</Banner> : null}
      {settings ? <SettingsForm settings={settings} /> : <p className="muted">Loading…</p>}
    </>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { update } = useSettingsStore();
  const [f, setF] = useState({
    shopName: settings.shopName,
    acctInterimInterval: String(settings.acctInterimInterval),
    idleTimeout: String(settings.idleTimeout),
    serverAddress: settings.serverAddress,
    portalUrl: settings.portalUrl,
    timezone: settings.timezone,
  });
  const [saved, setSaved] = useState(false);
  const set = (k: keyof typeof f, v: string) => {
    setSaved(false);
    setF({ ...f, [k]: v });
  };
  const { busy, errors, submit, clear } = useSubmit(FIELDS);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    const int = (k: 'acctInterimInterval' | 'idleTimeout') => {
      if (!/^\d+$/.test(f[k].trim())) local[k] = 'Enter a whole number of seconds.';
      return Number(f[k]);
    };
    const next: Editable = {
      shopName: f.shopName.trim(),
      acctInterimInterval: int('acctInterimInterval'),
      idleTimeout: int('idleTimeout'),
      serverAddress: f.serverAddress.trim(),
      portalUrl: f.portalUrl.trim(),
      timezone: f.timezone.trim(),
    };
    if (!next.shopName) local.shopName = 'Enter the shop name shown to customers.';
    // Send only what changed, so a save never rewrites settings another window just changed.
    const patch = Object.fromEntries(Object.entries(next).filter(([k, v]) => settings[k as keyof Settings] !== v)) as Partial<Editable>;
    const r = await submit(local, () => update(patch));
    if (r) setSaved(true);
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label="Settings">
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      {saved ? <Banner kind="success">Settings saved.</Banner> : null}
      <h2>Shop</h2>
      <div className="form-grid">
        <Field label="Shop name" error={errors.fields.shopName} hint="Shown on the portal and printed on recharge cards.">
          <input value={f.shopName} onChange={(e) => set('shopName', e.target.value)} maxLength={60} />
        </Field>
        <Field label="Time zone" error={errors.fields.timezone}>
          <input value={f.timezone} onChange={(e) => set('timezone', e.target.value)} />
        </Field>
        <Field label="Currency">
          <input value={`${settings.currency} (৳ taka)`} readOnly disabled />
        </Field>
      </div>
      <h2>Network</h2>
      <div className="form-grid">
        <Field label="This PC’s address for routers" error={errors.fields.serverAddress} hint="Empty = detect automatically.">
          <input className="mono" value={f.serverAddress} onChange={(e) => set('serverAddress', e.target.value)} placeholder="192.168.88.10" />
        </Field>
        <Field label="Portal URL" error={errors.fields.portalUrl} hint="Empty = http://<this PC>:<portal port>.">
          <input className="mono" value={f.portalUrl} onChange={(e) => set('portalUrl', e.target.value)} placeholder="http://192.168.88.10:8080" />
        </Field>
        <Field label="Accounting interval (s)" error={errors.fields.acctInterimInterval} hint="How often routers report usage, in seconds: 30–3600.">
          <input inputMode="numeric" value={f.acctInterimInterval} onChange={(e) => set('acctInterimInterval', e.target.value)} />
        </Field>
        <Field label="Idle logout (s)" error={errors.fields.idleTimeout} hint="Seconds without traffic before a device is logged out; 0 = never.">
          <input inputMode="numeric" value={f.idleTimeout} onChange={(e) => set('idleTimeout', e.target.value)} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Save settings
        </button>
      </div>
    </form>
  );
}
