import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import type { Input } from '../../src-shared/api';
import type { SettingsView } from '../../src-shared/settings';
import { PORTAL_LANGUAGES, SMS_PROVIDERS } from '../../src-shared/settingsOptions';
import { Banner } from '../components/Banner';
import { Field } from '../components/Field';
import { SmsTestCard } from '../components/SmsTestCard';
import { GatewaySettings } from '../components/GatewaySettings';
import { SendMoneySettings } from '../components/SendMoneySettings';
import { DesktopSettings } from '../components/DesktopSettings';
import { PageHeader } from '../components/PageHeader';
import { SecretField, type SecretEdit } from '../components/SecretField';
import { useSubmit } from '../formErrors';
import { useSettingsStore } from '../stores/settingsStore';

type Kind =
  | { type: 'text'; max?: number; mono?: boolean; placeholder?: string; input?: 'color' | 'tel' | 'url' }
  | { type: 'int'; unit: string }
  | { type: 'onOff' }
  | { type: 'select'; options: ReadonlyArray<readonly [value: string, label: string]> };

/** One editable field, named by its dotted path in the settings (also the API's error field). */
interface Spec {
  path: string;
  label: string;
  hint?: string;
  kind: Kind;
}

const text = (max: number, more: Omit<Extract<Kind, { type: 'text' }>, 'type' | 'max'> = {}): Kind => ({ type: 'text', max, ...more });
const int = (unit: string): Kind => ({ type: 'int', unit });

const SHOP: Spec[] = [
  { path: 'shop.name', label: 'Shop name', hint: 'Shown on the portal and printed on recharge cards.', kind: text(60) },
  { path: 'shop.supportPhone', label: 'Support phone', hint: 'A mobile number customers can call; empty = none.', kind: text(20, { input: 'tel', placeholder: '01712345678' }) },
  { path: 'shop.notice', label: 'Notice on the portal', hint: 'One short line, such as your opening hours.', kind: text(200) },
  { path: 'shop.colour', label: 'Colour', hint: 'The portal’s main colour.', kind: text(7, { input: 'color' }) },
  { path: 'shop.timezone', label: 'Time zone', hint: 'Days and “Sales today” are counted in this zone, e.g. Asia/Dhaka.', kind: text(64) },
];

const NETWORK: Spec[] = [
  { path: 'network.serverAddress', label: 'This PC’s address for routers', hint: 'Empty = detect automatically.', kind: text(253, { mono: true, placeholder: '192.168.88.10' }) },
  { path: 'network.portalUrl', label: 'Portal URL', hint: 'Empty = http://<this PC>:<portal port>.', kind: text(300, { mono: true, placeholder: 'http://192.168.88.10:8080', input: 'url' }) },
  { path: 'network.acctInterimInterval', label: 'Accounting interval (s)', hint: 'How often routers report usage, in seconds: 30–3600.', kind: int('seconds') },
  { path: 'network.idleTimeout', label: 'Idle logout (s)', hint: 'Seconds without traffic before a device is logged out; 0 = never.', kind: int('seconds') },
];

const LANGUAGE_NAMES: Record<(typeof PORTAL_LANGUAGES)[number], string> = { en: 'English', bn: 'বাংলা (Bangla)' };
const PORTAL: Spec[] = [
  { path: 'portal.defaultLanguage', label: 'Portal opens in', kind: { type: 'select', options: PORTAL_LANGUAGES.map((l) => [l, LANGUAGE_NAMES[l]] as const) } },
  { path: 'portal.requestsPerAddressPerMinute', label: 'Portal requests per address per minute', hint: 'Keep it high: phones behind one router’s NAT share an address. 60–1,000,000.', kind: int('requests') },
  { path: 'portal.formPostsPerMacPerMinute', label: 'Portal form posts per phone per minute', hint: 'Counted by the device’s MAC address. 5–10,000.', kind: int('posts') },
  { path: 'portal.maxFieldChars', label: 'Longest portal field (characters)', hint: 'What a customer can type in one field. 20–4000.', kind: int('characters') },
  { path: 'portal.maxBodyKb', label: 'Largest portal form (KB)', hint: '1–1024 KB.', kind: int('KB') },
];

const OTP: Spec[] = [
  { path: 'otp.ttlSeconds', label: 'Code valid for (s)', hint: '60–1800 seconds.', kind: int('seconds') },
  { path: 'otp.maxAttempts', label: 'Tries per code', hint: '1–10.', kind: int('tries') },
  { path: 'otp.resendAfterSeconds', label: 'Resend allowed after (s)', hint: '15–600 seconds.', kind: int('seconds') },
  { path: 'otp.perNumberPerHour', label: 'Codes per number per hour', kind: int('codes') },
  { path: 'otp.perNumberPerDay', label: 'Codes per number per day', kind: int('codes') },
  { path: 'otp.perMacPerHour', label: 'Codes per phone per hour', hint: 'Counted by the device’s MAC address.', kind: int('codes') },
  { path: 'otp.perIpPerHour', label: 'Codes per IP address per hour', kind: int('codes') },
  { path: 'otp.pinMaxAttempts', label: 'PIN tries before locking', kind: int('tries') },
  { path: 'otp.pinLockMinutes', label: 'PIN lock (minutes)', kind: int('minutes') },
];

const PROVIDER_NAMES: Record<(typeof SMS_PROVIDERS)[number], string> = {
  outbox: 'None (outbox only)',
  http: 'Any HTTP SMS gateway',
  bulksmsbd: 'BulkSMSBD',
  sslwireless: 'SSL Wireless',
};
const SMS: Spec[] = [
  { path: 'sms.provider', label: 'SMS gateway', kind: { type: 'select', options: SMS_PROVIDERS.map((p) => [p, PROVIDER_NAMES[p]] as const) } },
  { path: 'sms.senderId', label: 'Sender ID', hint: 'The name or number the SMS comes from, as your gateway registered it.', kind: text(20) },
  { path: 'sms.lowBalanceWarnAt', label: 'Warn when the SMS balance is below (৳)', hint: '0 = never warn.', kind: int('taka') },
];
const SMS_HTTP: Spec[] = [
  { path: 'sms.http.method', label: 'HTTP method', kind: { type: 'select', options: [['GET', 'GET'], ['POST', 'POST']] } },
  { path: 'sms.http.url', label: 'Gateway URL', kind: text(300, { mono: true, placeholder: 'https://sms.example.com/send', input: 'url' }) },
  { path: 'sms.http.bodyTemplate', label: 'Body template', hint: 'With {to}, {text}, {apiKey} and {senderId} where they go.', kind: text(2000, { mono: true }) },
  { path: 'sms.http.contentType', label: 'Body format', kind: { type: 'select', options: [['form', 'Form fields'], ['json', 'JSON']] } },
  { path: 'sms.http.numberFormat', label: 'Number written as', kind: { type: 'select', options: [['880', '8801712345678'], ['e164', '+8801712345678'], ['local', '01712345678']] } },
  { path: 'sms.http.successContains', label: 'Reply text that means sent', hint: 'Empty = any 2xx reply.', kind: text(200) },
];

const CODE_HINT = 'Empty = the built-in text. Put {code} where the code goes; {shop} is the shop name.';
const SMS_TEXTS: Spec[] = [
  { path: 'sms.templates.otpEn', label: 'Sign-in code text (English)', hint: CODE_HINT, kind: text(300, { placeholder: 'Your {shop} WiFi code is {code}. It expires in 5 minutes.' }) },
  { path: 'sms.templates.otpBn', label: 'Sign-in code text (Bangla)', hint: CODE_HINT, kind: text(300, { placeholder: '{shop} WiFi কোড {code}। ৫ মিনিটের মধ্যে ব্যবহার করুন।' }) },
  { path: 'sms.templates.pinResetEn', label: 'PIN reset text (English)', hint: CODE_HINT, kind: text(300) },
  { path: 'sms.templates.pinResetBn', label: 'PIN reset text (Bangla)', hint: CODE_HINT, kind: text(300) },
  { path: 'sms.templates.receiptEn', label: 'Receipt text (English)', hint: 'Empty = the built-in text. {shop} {package} {until} {amount}.', kind: text(300) },
  { path: 'sms.templates.receiptBn', label: 'Receipt text (Bangla)', hint: 'Empty = the built-in text. {shop} {package} {until} {amount}.', kind: text(300) },
];

// Off by default: free internet is the owner's choice (issue #10).
const FREE_MINUTES: Spec[] = [
  { path: 'freeMinutes.enabled', label: 'Free minutes to pay', hint: 'Phones without a package can go online briefly to pay in the bKash or Nagad app, once a day each.', kind: { type: 'onOff' } },
  { path: 'freeMinutes.minutes', label: 'Free minutes', hint: '1–30 minutes.', kind: int('minutes') },
  { path: 'freeMinutes.rateLimit', label: 'Speed (upload/download)', hint: 'Slow enough that it is only good for paying, e.g. 256k/256k.', kind: text(40, { mono: true, placeholder: '256k/256k' }) },
  { path: 'freeMinutes.dataCapMb', label: 'Data allowed (MB)', hint: '1–200 MB.', kind: int('MB') },
];

const SPECS = [...SHOP, ...NETWORK, ...PORTAL, ...OTP, ...SMS, ...SMS_HTTP, ...SMS_TEXTS, ...FREE_MINUTES];
const FIELDS = [...SPECS.map((s) => s.path), 'shop.logo', 'portal.languages', 'sms.apiKey'];

function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys.at(-1)!] = value;
}

function formValues(s: SettingsView): Record<string, string> {
  return Object.fromEntries(SPECS.map((spec) => [spec.path, String(getPath(s, spec.path) ?? '')]));
}

export function SettingsPage() {
  const { settings, error, load } = useSettingsStore();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <PageHeader title="Settings">
        <a className="btn" href="#/setup">
          Run setup again
        </a>
      </PageHeader>
      {error ? <Banner>{error}</Banner> : null}
      {settings ? <SettingsForm settings={settings} /> : <p className="muted">Loading…</p>}
      {settings ? <SmsTestCard /> : null}
      {settings ? <DesktopSettings settings={settings} /> : null}
      {settings ? (
        <section aria-labelledby="payments-settings">
          <h2 id="payments-settings" className="section-title">
            Payments
          </h2>
          <GatewaySettings />
          <SendMoneySettings settings={settings} />
        </section>
      ) : null}
    </>
  );
}

function SettingsForm({ settings }: { settings: SettingsView }) {
  const { update } = useSettingsStore();
  const [values, setValues] = useState(() => formValues(settings));
  const [languages, setLanguages] = useState<string[]>(settings.portal.languages);
  const [logo, setLogo] = useState(settings.shop.logo);
  const [apiKey, setApiKey] = useState<SecretEdit>({ kind: 'keep' });
  const [saved, setSaved] = useState(false);
  const { busy, errors, submit, clear, setErrors } = useSubmit(FIELDS);
  const changed = () => setSaved(false);
  const set = (path: string, v: string) => {
    changed();
    setValues({ ...values, [path]: v });
  };

  function onLogo(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    // Read as a data: URL, the form the engine stores; it checks the size and type.
    const reader = new FileReader();
    reader.onload = () => {
      changed();
      setLogo(String(reader.result));
    };
    reader.onerror = () => setErrors({ fields: { 'shop.logo': 'That file could not be read.' }, banner: null });
    reader.readAsDataURL(file);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    // Send only what changed, so a save never rewrites settings another window just changed.
    const patch: Record<string, unknown> = {};
    for (const spec of SPECS) {
      const raw = values[spec.path] ?? '';
      let v: string | number | boolean = spec.kind.type === 'text' ? raw.trim() : raw;
      if (spec.kind.type === 'onOff') v = raw === 'true';
      if (spec.kind.type === 'int') {
        if (!/^\d+$/.test(raw.trim())) local[spec.path] = `Enter a whole number of ${spec.kind.unit}.`;
        v = Number(raw.trim());
      }
      if (getPath(settings, spec.path) !== v) setPath(patch, spec.path, v);
    }
    if (!values['shop.name']?.trim()) local['shop.name'] = 'Enter the shop name shown to customers.';
    if (languages.length === 0) local['portal.languages'] = 'Choose at least one language for the portal.';
    if (languages.join() !== settings.portal.languages.join()) setPath(patch, 'portal.languages', languages);
    if (logo !== settings.shop.logo) setPath(patch, 'shop.logo', logo);
    if (apiKey.kind === 'replace') setPath(patch, 'sms.apiKey', apiKey.value);
    if (apiKey.kind === 'clear') setPath(patch, 'sms.apiKey', null);
    if (Object.keys(patch).length === 0 && Object.keys(local).length === 0) {
      setSaved(true);
      return;
    }
    const r = await submit(local, () => update(patch as Input<'settings.update'>));
    if (r) {
      // Show what was saved (the engine normalises phones, colours and zone names).
      setValues(formValues(r));
      setLanguages(r.portal.languages);
      setLogo(r.shop.logo);
      setApiKey({ kind: 'keep' });
      setSaved(true);
    }
  }

  const field = (spec: Spec) => {
    const v = values[spec.path] ?? '';
    const onChange = (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set(spec.path, e.target.value);
    const k = spec.kind;
    const control =
      k.type === 'onOff' ? (
        <select value={v} onChange={onChange}>
          <option value="false">Off</option>
          <option value="true">On</option>
        </select>
      ) : k.type === 'select' ? (
        <select value={v} onChange={onChange}>
          {k.options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      ) : k.type === 'int' ? (
        <input inputMode="numeric" value={v} onChange={onChange} />
      ) : (
        <input type={k.input ?? 'text'} className={k.mono ? 'mono' : undefined} value={v} onChange={onChange} maxLength={k.max} placeholder={k.placeholder} />
      );
    return (
      <Field key={spec.path} label={spec.label} error={errors.fields[spec.path]} hint={spec.hint}>
        {control}
      </Field>
    );
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label="Settings">
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      {saved ? <Banner kind="success">Settings saved.</Banner> : null}
      <h2>Shop</h2>
      <div className="form-grid">
        {SHOP.map(field)}
        <Field label="Currency">
          <input value={`${settings.shop.currency} (৳ taka)`} readOnly disabled />
        </Field>
        <Field label="Logo" error={errors.fields['shop.logo']} hint="A PNG, JPEG, WebP or SVG image up to 48 KB, shown on the portal.">
          <input type="file" accept="image/png,image/jpeg,image/webp,image/svg+xml" onChange={onLogo} />
        </Field>
        {logo ? (
          <div className="field">
            <img src={logo} alt="Logo preview" style={{ maxHeight: 48, maxWidth: 160 }} />
            <button type="button" className="btn btn-small" onClick={() => (changed(), setLogo(''))}>
              Remove logo
            </button>
          </div>
        ) : null}
      </div>
      <h2>Network</h2>
      <div className="form-grid">{NETWORK.map(field)}</div>
      <h2>Portal</h2>
      <div className="form-grid">
        <fieldset className="checks" aria-describedby="portal-languages-msg">
          <legend>Languages on the portal</legend>
          {PORTAL_LANGUAGES.map((l) => (
            <label key={l} className="check">
              <input
                type="checkbox"
                checked={languages.includes(l)}
                onChange={(e) => {
                  changed();
                  setLanguages(e.target.checked ? PORTAL_LANGUAGES.filter((x) => x === l || languages.includes(x)) : languages.filter((x) => x !== l));
                }}
              />
              {LANGUAGE_NAMES[l]}
            </label>
          ))}
          {errors.fields['portal.languages'] ? (
            <div className="field-error" id="portal-languages-msg" role="alert">
              {errors.fields['portal.languages']}
            </div>
          ) : null}
        </fieldset>
        {PORTAL.map(field)}
      </div>
      <h2>Sign-in codes (SMS OTP)</h2>
      <div className="form-grid">{OTP.map(field)}</div>
      <h2>SMS gateway</h2>
      <div className="form-grid">
        {SMS.map(field)}
        <SecretField
          label="API key"
          isSet={settings.sms.hasApiKey}
          edit={apiKey}
          onChange={(edit) => (changed(), setApiKey(edit))}
          error={errors.fields['sms.apiKey']}
          hint="Kept encrypted on this PC; never shown again."
        />
        {values['sms.provider'] === 'http' ? SMS_HTTP.map(field) : null}
      </div>
      <h2>Texts to customers</h2>
      <div className="form-grid">{SMS_TEXTS.map(field)}</div>
      <h2>Free minutes to pay</h2>
      <div className="form-grid">{FREE_MINUTES.map(field)}</div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Save settings
        </button>
      </div>
    </form>
  );
}
