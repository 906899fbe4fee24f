import { useEffect, useState, type FormEvent } from 'react';
import type { Input } from '../../src-shared/api';
import { GATEWAY_FIELDS, type GatewayTestResult, type GatewayView } from '../../src-shared/api/gateways';
import { GATEWAYS, type GatewayId } from '../../src-shared/payments';
import { call } from '../api';
import { useSubmit } from '../formErrors';
import { gatewayNamesFor } from '../labels';
import { messages, useLang, useT } from '../i18n';
import { Banner } from './Banner';
import { BusyButton } from './BusyButton';
import { Field } from './Field';
import { SecretField, type SecretEdit } from './SecretField';

/** Each credential as the owner's merchant panel names it (the English names stay beside the Bangla: the panels are in English). */
const CREDENTIALS = messages(
  {
    appKey: 'App key',
    username: 'Username',
    appSecret: 'App secret',
    password: 'Password',
    merchantId: 'Merchant ID',
    merchantNumber: 'Merchant number',
    merchantNumberHint: 'The Nagad merchant wallet number, such as 01712345678.',
    gatewayPublicKey: 'Nagad public key',
    gatewayPublicKeyHint: 'The PEM text Nagad gave you (-----BEGIN PUBLIC KEY-----…).',
    merchantPrivateKey: 'Merchant private key',
    merchantPrivateKeyHint: 'The PEM private key; kept encrypted on this PC, never shown again.',
    storeId: 'Store ID',
    storePassword: 'Store password',
  },
  {
    appKey: 'অ্যাপ কী (App key)',
    username: 'ইউজার নেম (Username)',
    appSecret: 'অ্যাপ সিক্রেট (App secret)',
    password: 'পাসওয়ার্ড (Password)',
    merchantId: 'মার্চেন্ট আইডি (Merchant ID)',
    merchantNumber: 'মার্চেন্ট নম্বর',
    merchantNumberHint: 'নগদের মার্চেন্ট ওয়ালেট নম্বর, যেমন 01712345678।',
    gatewayPublicKey: 'নগদের পাবলিক কী',
    gatewayPublicKeyHint: 'নগদ যে PEM লেখা দিয়েছে (-----BEGIN PUBLIC KEY-----…)।',
    merchantPrivateKey: 'মার্চেন্ট প্রাইভেট কী',
    merchantPrivateKeyHint: 'PEM প্রাইভেট কী; এই পিসিতে এনক্রিপ্ট করে রাখা হয়, আর কখনো দেখানো হবে না।',
    storeId: 'স্টোর আইডি (Store ID)',
    storePassword: 'স্টোর পাসওয়ার্ড (Store password)',
  },
);
type Credentials = (typeof CREDENTIALS)['en'];
const FIELD_LABEL: Record<string, { label: keyof Credentials; hint?: keyof Credentials; multiline?: boolean }> = {
  appKey: { label: 'appKey' },
  username: { label: 'username' },
  appSecret: { label: 'appSecret' },
  password: { label: 'password' },
  merchantId: { label: 'merchantId' },
  merchantNumber: { label: 'merchantNumber', hint: 'merchantNumberHint' },
  gatewayPublicKey: { label: 'gatewayPublicKey', hint: 'gatewayPublicKeyHint', multiline: true },
  merchantPrivateKey: { label: 'merchantPrivateKey', hint: 'merchantPrivateKeyHint' },
  storeId: { label: 'storeId' },
  storePassword: { label: 'storePassword' },
};

const M = messages(
  {
    settingsOf: (name: string) => `${name} settings`,
    onMode: (mode: 'sandbox' | 'live') => `on · ${mode}`,
    off: 'off',
    saved: (name: string) => `${name} saved.`,
    offer: (name: string) => `Offer ${name} on the portal`,
    mode: 'Mode',
    modeHint: 'Sandbox: the gateway’s test system, no real money.',
    sandbox: 'Sandbox (testing)',
    live: 'Live',
    baseUrl: 'Base URL (optional, for testing)',
    baseUrlHint: 'Empty = the gateway’s own address for the mode.',
    secretHint: 'Kept encrypted on this PC; never shown again.',
    walledGarden: (hosts: string) => `Walled garden: ${hosts} (push it to each router under Routers).`,
    save: (name: string) => `Save ${name}`,
    testing: 'Testing…',
    test: 'Test',
    passed: (message: string) => `Test passed. ${message}`,
    failed: (message: string) => `Test failed. ${message}`,
    saveFirst: ' Save your changes first: Test uses the saved settings.',
  },
  {
    settingsOf: (name) => `${name} সেটিংস`,
    onMode: (mode) => `চালু · ${mode === 'live' ? 'লাইভ' : 'স্যান্ডবক্স'}`,
    off: 'বন্ধ',
    saved: (name) => `${name} সেভ হয়েছে।`,
    offer: (name) => `পোর্টালে ${name} দিয়ে টাকা দেওয়ার সুযোগ দিন`,
    mode: 'মোড',
    modeHint: 'স্যান্ডবক্স: গেটওয়ের পরীক্ষার ব্যবস্থা, আসল টাকা নয়।',
    sandbox: 'স্যান্ডবক্স (পরীক্ষা)',
    live: 'লাইভ',
    baseUrl: 'মূল URL (ঐচ্ছিক, পরীক্ষার জন্য)',
    baseUrlHint: 'খালি = এই মোডের জন্য গেটওয়ের নিজের ঠিকানা।',
    secretHint: 'এই পিসিতে এনক্রিপ্ট করে রাখা হয়; আর কখনো দেখানো হবে না।',
    walledGarden: (hosts) => `ওয়ালড গার্ডেন: ${hosts} (রাউটার পাতায় প্রতিটি রাউটারে এটি পাঠান)।`,
    save: (name) => `${name} সেভ করুন`,
    testing: 'পরীক্ষা হচ্ছে…',
    test: 'পরীক্ষা',
    passed: (message) => `পরীক্ষা সফল। ${message}`,
    failed: (message) => `পরীক্ষা ব্যর্থ। ${message}`,
    saveFirst: ' আগে পরিবর্তনগুলো সেভ করুন: পরীক্ষায় সেভ করা সেটিংস ব্যবহার হয়।',
  },
);

function plainOf(v: GatewayView): Record<string, string> {
  const r = v as unknown as Record<string, unknown>;
  return Object.fromEntries(GATEWAY_FIELDS[v.gateway].plain.map((f) => [f, String(r[f] ?? '')]));
}

function hasSecret(v: GatewayView, field: string): boolean {
  return (v as unknown as Record<string, unknown>)[`has${field.charAt(0).toUpperCase()}${field.slice(1)}`] === true;
}

/** Settings → Payments: one card per gateway (bKash, Nagad, SSLCommerz). */
export function GatewaySettings() {
  const [views, setViews] = useState<GatewayView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('gateways.get', {}).then((r) => (r.ok ? setViews(r.value) : setError(r.error.message)));
  }, []);
  return (
    <>
      {error ? <Banner>{error}</Banner> : null}
      {views
        ? GATEWAYS.map((g) => {
            const v = views.find((x) => x.gateway === g);
            return v ? <GatewayCard key={g} view={v} onSaved={(nv) => setViews(views.map((x) => (x.gateway === g ? nv : x)))} /> : null;
          })
        : null}
    </>
  );
}

function GatewayCard({ view, onSaved }: { view: GatewayView; onSaved(v: GatewayView): void }) {
  const g: GatewayId = view.gateway;
  const t = useT(M);
  const c = useT(CREDENTIALS);
  const name = gatewayNamesFor(useLang())[g];
  const fields = GATEWAY_FIELDS[g];
  const [enabled, setEnabled] = useState(view.enabled);
  const [mode, setMode] = useState(view.mode);
  const [baseUrl, setBaseUrl] = useState(view.baseUrl ?? '');
  const [plain, setPlain] = useState(() => plainOf(view));
  const [secrets, setSecrets] = useState<Record<string, SecretEdit>>({});
  const [saved, setSaved] = useState(false);
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<GatewayTestResult | null>(null);
  const { busy, errors, submit, clear } = useSubmit(['enabled', 'mode', 'baseUrl', ...fields.plain, ...fields.secret], 'gateways.configure');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setTest(null);
    // Only what changed: an omitted credential keeps its stored value, null clears it.
    const input: Record<string, unknown> = { gateway: g };
    if (enabled !== view.enabled) input.enabled = enabled;
    if (mode !== view.mode) input.mode = mode;
    if (baseUrl.trim() !== (view.baseUrl ?? '')) input.baseUrl = baseUrl.trim() || null;
    const before = plainOf(view);
    for (const f of fields.plain) if ((plain[f] ?? '').trim() !== before[f]) input[f] = (plain[f] ?? '').trim() || null;
    for (const f of fields.secret) {
      const s = secrets[f];
      if (s?.kind === 'replace') input[f] = s.value;
      if (s?.kind === 'clear') input[f] = null;
    }
    const checked = input as Input<'gateways.configure'>;
    const r = await submit({}, () => call('gateways.configure', checked), checked);
    if (r) {
      onSaved(r);
      setPlain(plainOf(r));
      setBaseUrl(r.baseUrl ?? '');
      setSecrets({});
      setSaved(true);
    }
  }

  function secretHint(f: string): string {
    const hint = FIELD_LABEL[f]?.hint;
    return hint ? c[hint] : t.secretHint;
  }

  async function onTest() {
    setTesting(true);
    setTest(null);
    const r = await call('gateways.test', { gateway: g });
    setTesting(false);
    setTest(r.ok ? r.value : { gateway: g, ok: false, message: r.error.message });
  }

  return (
    <section className="card gateway-card" aria-label={t.settingsOf(name)}>
      <div className="card-head">
        <h2>{name}</h2>
        <span className={`badge badge-${view.enabled ? 'green' : 'grey'}`}>{view.enabled ? t.onMode(view.mode) : t.off}</span>
      </div>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={name}>
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        {saved ? <Banner kind="success">{t.saved(name)}</Banner> : null}
        <div className="form-grid">
          <label className="check">
            <input type="checkbox" checked={enabled} onChange={(e) => (setSaved(false), setEnabled(e.target.checked))} />
            {t.offer(name)}
          </label>
          <Field label={t.mode} error={errors.fields.mode} hint={t.modeHint}>
            <select value={mode} onChange={(e) => (setSaved(false), setMode(e.target.value as GatewayView['mode']))}>
              <option value="sandbox">{t.sandbox}</option>
              <option value="live">{t.live}</option>
            </select>
          </Field>
          <Field label={t.baseUrl} error={errors.fields.baseUrl} hint={t.baseUrlHint}>
            <input type="url" className="mono" value={baseUrl} maxLength={300} onChange={(e) => (setSaved(false), setBaseUrl(e.target.value))} />
          </Field>
          {fields.plain.map((f) => {
            const l = FIELD_LABEL[f];
            const onChange = (value: string) => (setSaved(false), setPlain({ ...plain, [f]: value }));
            return (
              <Field key={f} label={l ? c[l.label] : f} error={errors.fields[f]} hint={l?.hint ? c[l.hint] : undefined}>
                {l?.multiline ? (
                  <textarea className="mono" rows={3} value={plain[f] ?? ''} onChange={(e) => onChange(e.target.value)} />
                ) : (
                  <input className="mono" value={plain[f] ?? ''} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
                )}
              </Field>
            );
          })}
          {fields.secret.map((f) => (
            <SecretField
              key={f}
              label={FIELD_LABEL[f] ? c[FIELD_LABEL[f].label] : f}
              isSet={hasSecret(view, f)}
              edit={secrets[f] ?? { kind: 'keep' }}
              onChange={(edit) => (setSaved(false), setSecrets({ ...secrets, [f]: edit }))}
              error={errors.fields[f]}
              hint={secretHint(f)}
            />
          ))}
        </div>
        {view.enabled && view.walledGardenHosts.length ? (
          <p className="muted small">{t.walledGarden(view.walledGardenHosts.join(', '))}</p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t.save(name)}
          </button>
          <BusyButton busy={testing} busyLabel={t.testing} onClick={() => void onTest()}>
            {t.test}
          </BusyButton>
        </div>
      </form>
      {test ? (
        <div className="gateway-test">
          <Banner kind={test.ok ? 'success' : 'error'}>
            {test.ok ? t.passed(test.message) : t.failed(test.message)}
            {!test.ok ? t.saveFirst : ''}
          </Banner>
        </div>
      ) : null}
    </section>
  );
}
