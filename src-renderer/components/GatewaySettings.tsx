import { useEffect, useState, type FormEvent } from 'react';
import type { Input } from '../../src-shared/api';
import { GATEWAY_FIELDS, type GatewayTestResult, type GatewayView } from '../../src-shared/api/gateways';
import { GATEWAYS, type GatewayId } from '../../src-shared/payments';
import { call } from '../api';
import { useSubmit } from '../formErrors';
import { GATEWAY_NAMES } from '../labels';
import { Banner } from './Banner';
import { BusyButton } from './BusyButton';
import { Field } from './Field';
import { SecretField, type SecretEdit } from './SecretField';

/** Each credential as the owner's merchant panel names it. */
const FIELD_LABEL: Record<string, { label: string; hint?: string; multiline?: boolean }> = {
  appKey: { label: 'App key' },
  username: { label: 'Username' },
  appSecret: { label: 'App secret' },
  password: { label: 'Password' },
  merchantId: { label: 'Merchant ID' },
  merchantNumber: { label: 'Merchant number', hint: 'The Nagad merchant wallet number, such as 01712345678.' },
  gatewayPublicKey: { label: 'Nagad public key', hint: 'The PEM text Nagad gave you (-----BEGIN PUBLIC KEY-----…).', multiline: true },
  merchantPrivateKey: { label: 'Merchant private key', hint: 'The PEM private key; kept encrypted on this PC, never shown again.' },
  storeId: { label: 'Store ID' },
  storePassword: { label: 'Store password' },
};

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
  const name = GATEWAY_NAMES[g];
  const fields = GATEWAY_FIELDS[g];
  const [enabled, setEnabled] = useState(view.enabled);
  const [mode, setMode] = useState(view.mode);
  const [baseUrl, setBaseUrl] = useState(view.baseUrl ?? '');
  const [plain, setPlain] = useState(() => plainOf(view));
  const [secrets, setSecrets] = useState<Record<string, SecretEdit>>({});
  const [saved, setSaved] = useState(false);
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<GatewayTestResult | null>(null);
  const { busy, errors, submit, clear } = useSubmit(['enabled', 'mode', 'baseUrl', ...fields.plain, ...fields.secret]);

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
    const r = await submit({}, () => call('gateways.configure', input as Input<'gateways.configure'>));
    if (r) {
      onSaved(r);
      setPlain(plainOf(r));
      setBaseUrl(r.baseUrl ?? '');
      setSecrets({});
      setSaved(true);
    }
  }

  async function onTest() {
    setTesting(true);
    setTest(null);
    const r = await call('gateways.test', { gateway: g });
    setTesting(false);
    setTest(r.ok ? r.value : { gateway: g, ok: false, message: r.error.message });
  }

  return (
    <section className="card gateway-card" aria-label={`${name} settings`}>
      <div className="card-head">
        <h2>{name}</h2>
        <span className={`badge badge-${view.enabled ? 'green' : 'grey'}`}>{view.enabled ? `on · ${view.mode}` : 'off'}</span>
      </div>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={name}>
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        {saved ? <Banner kind="success">{name} saved.</Banner> : null}
        <div className="form-grid">
          <label className="check">
            <input type="checkbox" checked={enabled} onChange={(e) => (setSaved(false), setEnabled(e.target.checked))} />
            Offer {name} on the portal
          </label>
          <Field label="Mode" error={errors.fields.mode} hint="Sandbox: the gateway’s test system, no real money.">
            <select value={mode} onChange={(e) => (setSaved(false), setMode(e.target.value as GatewayView['mode']))}>
              <option value="sandbox">Sandbox (testing)</option>
              <option value="live">Live</option>
            </select>
          </Field>
          <Field label="Base URL (optional, for testing)" error={errors.fields.baseUrl} hint="Empty = the gateway’s own address for the mode.">
            <input type="url" className="mono" value={baseUrl} maxLength={300} onChange={(e) => (setSaved(false), setBaseUrl(e.target.value))} />
          </Field>
          {fields.plain.map((f) => {
            const l = FIELD_LABEL[f] ?? { label: f };
            const onChange = (value: string) => (setSaved(false), setPlain({ ...plain, [f]: value }));
            return (
              <Field key={f} label={l.label} error={errors.fields[f]} hint={l.hint}>
                {l.multiline ? (
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
              label={FIELD_LABEL[f]?.label ?? f}
              isSet={hasSecret(view, f)}
              edit={secrets[f] ?? { kind: 'keep' }}
              onChange={(edit) => (setSaved(false), setSecrets({ ...secrets, [f]: edit }))}
              error={errors.fields[f]}
              hint={FIELD_LABEL[f]?.hint ?? 'Kept encrypted on this PC; never shown again.'}
            />
          ))}
        </div>
        {view.enabled && view.walledGardenHosts.length ? (
          <p className="muted small">Walled garden: {view.walledGardenHosts.join(', ')} (push it to each router under Routers).</p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Save {name}
          </button>
          <BusyButton busy={testing} busyLabel="Testing…" onClick={() => void onTest()}>
            Test
          </BusyButton>
        </div>
      </form>
      {test ? (
        <div className="gateway-test">
          <Banner kind={test.ok ? 'success' : 'error'}>
            {test.ok ? `Test passed. ${test.message}` : `Test failed. ${test.message}`}
            {!test.ok ? ' Save your changes first: Test uses the saved settings.' : ''}
          </Banner>
        </div>
      ) : null}
    </section>
  );
}
