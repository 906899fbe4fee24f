import { useEffect, useState, type FormEvent } from 'react';
import type { Router } from '../../../src-shared/domain';
import type { NetworkInterfaceAddress } from '../../../src-shared/api/system';
import type { SettingsView } from '../../../src-shared/settings';
import { call } from '../../api';
import { navigate } from '../../route';
import { useSettingsStore } from '../../stores/settingsStore';
import { useSubmit } from '../../formErrors';
import { Banner } from '../../components/Banner';
import { Field } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { RouterStep } from './RouterStep';
import { PackagesStep } from './PackagesStep';
import { Checklist } from './Checklist';
import { StepButtons } from './StepButtons';

/**
 * The first-run wizard (and Settings → "Run setup again"): shop, this PC's address, the first
 * router, starter packages, SMS, then a checklist of what works and what is left. Each step saves
 * as it goes, so closing the app half-way keeps what was done; `setup.done` is set at the end (or
 * on "Skip setup"), after which the app opens on the dashboard.
 */

const STEPS = ['Shop', 'This PC', 'Router', 'Packages', 'SMS', 'Checklist'] as const;

export function SetupPage() {
  const { settings, load } = useSettingsStore();
  const [step, setStep] = useState(0);
  const [router, setRouter] = useState<Router | null>(null);
  useEffect(() => {
    if (!settings) void load();
  }, [settings, load]);
  const next = () => setStep((s) => Math.min(s + 1, STEPS.length - 1));
  const back = () => setStep((s) => Math.max(s - 1, 0));

  async function finish() {
    const r = await useSettingsStore.getState().update({ setup: { done: true } });
    if (r.ok) navigate('#/dashboard');
  }

  return (
    <>
      <PageHeader title="Set up HotspotDesk" sub={`Step ${step + 1} of ${STEPS.length}: ${STEPS[step]}`}>
        <button type="button" className="btn" onClick={() => void finish()}>
          {step === STEPS.length - 1 ? 'Close' : 'Skip setup'}
        </button>
      </PageHeader>
      <ol className="setup-steps" aria-label="Setup steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} className={i < step ? 'done' : undefined}>
            {s}
          </li>
        ))}
      </ol>
      {!settings ? <p className="muted">Loading…</p> : null}
      {settings && step === 0 ? <ShopStep settings={settings} onNext={next} /> : null}
      {settings && step === 1 ? <AddressStep settings={settings} onNext={next} onBack={back} /> : null}
      {settings && step === 2 ? <RouterStep router={router} onRouter={setRouter} onNext={next} onBack={back} /> : null}
      {settings && step === 3 ? <PackagesStep onNext={next} onBack={back} /> : null}
      {settings && step === 4 ? <SmsStep settings={settings} onNext={next} onBack={back} /> : null}
      {settings && step === 5 ? <Checklist router={router} onBack={back} onFinish={() => void finish()} /> : null}
    </>
  );
}

function ShopStep({ settings, onNext }: { settings: SettingsView; onNext(): void }) {
  const [name, setName] = useState(settings.shop.name);
  const [language, setLanguage] = useState(settings.display.language);
  const [clock, setClock] = useState(settings.display.clock);
  const { busy, errors, submit } = useSubmit(['shop.name', 'display.language', 'display.clock']);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local['shop.name'] = 'Enter the shop’s name: customers see it on the portal and on printed cards.';
    const saved = await submit(local, () => useSettingsStore.getState().update({ shop: { name: name.trim() }, display: { language, clock } }));
    if (saved) onNext();
  }
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label="Shop">
      <h2>Your shop</h2>
      {errors.banner ? <Banner>{errors.banner}</Banner> : null}
      <div className="form-grid">
        <Field label="Shop name" error={errors.fields['shop.name']} hint="Shown on the portal and printed on recharge cards.">
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
        </Field>
        <Field label="Language" error={errors.fields['display.language']}>
          <select value={language} onChange={(e) => setLanguage(e.target.value as typeof language)}>
            <option value="en">English</option>
            <option value="bn">বাংলা (Bangla)</option>
          </select>
        </Field>
        <Field label="Time format" error={errors.fields['display.clock']} hint="Dates are always day/month/year.">
          <select value={clock} onChange={(e) => setClock(e.target.value as typeof clock)}>
            <option value="24h">24-hour (14:05)</option>
            <option value="12h">12-hour (2:05 pm)</option>
          </select>
        </Field>
      </div>
      <StepButtons busy={busy} />
    </form>
  );
}

function AddressStep({ settings, onNext, onBack }: { settings: SettingsView; onNext(): void; onBack(): void }) {
  const [list, setList] = useState<NetworkInterfaceAddress[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState(settings.network.serverAddress);
  const { busy, errors, submit } = useSubmit(['network.serverAddress']);
  useEffect(() => {
    void call('system.interfaces', {}).then((r) => {
      if (!r.ok) return setLoadError(r.error.message);
      setList(r.value);
      // The first IPv4 LAN address is the likely answer; keep the owner's earlier choice.
      const first = r.value.find((a) => a.family === 'IPv4' && !a.internal);
      setChosen((c) => c || first?.address || '');
    });
  }, []);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const saved = await submit({}, () => useSettingsStore.getState().update({ network: { serverAddress: chosen.trim() } }));
    if (saved) onNext();
  }
  const offered = (list ?? []).filter((a) => a.family === 'IPv4');
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label="This PC">
      <h2>This PC’s address for the routers</h2>
      <p className="muted">
        Routers send logins (RADIUS) to this address and phones open the portal on it. Pick the network card that is on the routers’ network.
      </p>
      {loadError ? <Banner>{loadError}</Banner> : null}
      {errors.banner ? <Banner>{errors.banner}</Banner> : null}
      <fieldset className="choice-list" aria-label="Network addresses">
        {offered.map((a) => (
          <label key={`${a.name}-${a.address}`} className="choice">
            <input type="radio" name="serverAddress" value={a.address} checked={chosen === a.address} onChange={() => setChosen(a.address)} />
            <span className="mono">{a.address}</span> <span className="muted">on {a.name}{a.internal ? ' (this PC only: routers cannot reach it)' : ''}</span>
          </label>
        ))}
      </fieldset>
      <Field label="Or type an address" error={errors.fields['network.serverAddress']} hint="Leave empty to let HotspotDesk pick one for each router.">
        <input className="mono" value={chosen} onChange={(e) => setChosen(e.target.value)} placeholder="192.168.88.10" />
      </Field>
      <StepButtons busy={busy} onBack={onBack} />
    </form>
  );
}

function SmsStep({ settings, onNext, onBack }: { settings: SettingsView; onNext(): void; onBack(): void }) {
  const [mode, setMode] = useState<'outbox' | 'http'>(settings.sms.provider === 'outbox' ? 'outbox' : 'http');
  const [url, setUrl] = useState(settings.sms.http.url);
  const { busy, errors, submit } = useSubmit(['sms.http.url', 'sms.provider']);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (mode === 'http' && !url.trim()) local['sms.http.url'] = 'Enter the gateway’s send address, such as https://sms.example.com/send.';
    const patch = mode === 'outbox' ? { sms: { provider: 'outbox' as const } } : { sms: { provider: 'http' as const, http: { url: url.trim() } } };
    const saved = await submit(local, () => useSettingsStore.getState().update(patch));
    if (saved) onNext();
  }
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label="SMS">
      <h2>Texting codes to customers</h2>
      {errors.banner ? <Banner>{errors.banner}</Banner> : null}
      <fieldset className="choice-list" aria-label="How codes reach customers">
        <label className="choice">
          <input type="radio" name="sms" checked={mode === 'outbox'} onChange={() => setMode('outbox')} /> No SMS gateway yet: codes wait in the SMS
          outbox and you read them out
        </label>
        <label className="choice">
          <input type="radio" name="sms" checked={mode === 'http'} onChange={() => setMode('http')} /> An HTTP SMS gateway
        </label>
      </fieldset>
      {mode === 'http' ? (
        <Field label="Gateway send address" error={errors.fields['sms.http.url']} hint="The key, sender ID and message template are in Settings → SMS.">
          <input className="mono" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://sms.example.com/send" />
        </Field>
      ) : null}
      <StepButtons busy={busy} onBack={onBack} />
    </form>
  );
}
