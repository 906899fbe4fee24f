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
import { messages, useT } from '../../i18n';
import { localDigits } from '../../../src-shared/format';

/**
 * The first-run wizard (and Settings → "Run setup again"): shop, this PC's address, the first
 * router, starter packages, SMS, then a checklist of what works and what is left. Each step saves
 * as it goes, so closing the app half-way keeps what was done; `setup.done` is set at the end (or
 * on "Skip setup"), after which the app opens on the dashboard.
 */

const STEPS = ['shop', 'thisPc', 'router', 'packages', 'sms', 'checklist'] as const;

const M = messages(
  {
    shop: 'Shop',
    thisPc: 'This PC',
    router: 'Router',
    packages: 'Packages',
    sms: 'SMS',
    checklist: 'Checklist',
    title: 'Set up HotspotDesk',
    stepOf: (n: number, of: number, name: string) => `Step ${n} of ${of}: ${name}`,
    close: 'Close',
    skipSetup: 'Skip setup',
    steps: 'Setup steps',
    loading: 'Loading…',
    enterShopName: 'Enter the shop’s name: customers see it on the portal and on printed cards.',
    yourShop: 'Your shop',
    shopName: 'Shop name',
    shopNameHint: 'Shown on the portal and printed on recharge cards.',
    language: 'Language',
    timeFormat: 'Time format',
    timeFormatHint: 'Dates are always day/month/year.',
    clock24: '24-hour (14:05)',
    clock12: '12-hour (2:05 pm)',
    addressTitle: 'This PC’s address for the routers',
    addressIntro: 'Routers send logins (RADIUS) to this address and phones open the portal on it. Pick the network card that is on the routers’ network.',
    addresses: 'Network addresses',
    on: (name: string) => `on ${name}`,
    internal: ' (this PC only: routers cannot reach it)',
    typeAddress: 'Or type an address',
    typeAddressHint: 'Leave empty to let HotspotDesk pick one for each router.',
    enterSmsUrl: 'Enter the gateway’s send address, such as https://sms.example.com/send.',
    smsTitle: 'Texting codes to customers',
    smsHow: 'How codes reach customers',
    smsOutbox: 'No SMS gateway yet: codes wait in the SMS outbox and you read them out',
    smsHttp: 'An HTTP SMS gateway',
    smsUrl: 'Gateway send address',
    smsUrlHint: 'The key, sender ID and message template are in Settings → SMS.',
  },
  {
    shop: 'দোকান',
    thisPc: 'এই পিসি',
    router: 'রাউটার',
    packages: 'প্যাকেজ',
    sms: 'এসএমএস',
    checklist: 'চেকলিস্ট',
    title: 'HotspotDesk সেটআপ',
    stepOf: (n, of, name) => `ধাপ ${localDigits(String(n), 'bn')}/${localDigits(String(of), 'bn')}: ${name}`,
    close: 'বন্ধ করুন',
    skipSetup: 'সেটআপ বাদ দিন',
    steps: 'সেটআপের ধাপ',
    loading: 'লোড হচ্ছে…',
    enterShopName: 'দোকানের নাম লিখুন: গ্রাহকেরা এটি পোর্টালে আর ছাপা কার্ডে দেখেন।',
    yourShop: 'আপনার দোকান',
    shopName: 'দোকানের নাম',
    shopNameHint: 'পোর্টালে দেখানো হয় এবং রিচার্জ কার্ডে ছাপা হয়।',
    language: 'ভাষা',
    timeFormat: 'সময় দেখানোর ধরন',
    timeFormatHint: 'তারিখ সবসময় দিন/মাস/বছর।',
    clock24: '২৪ ঘণ্টা (১৪:০৫)',
    clock12: '১২ ঘণ্টা (২:০৫ পিএম)',
    addressTitle: 'রাউটারের জন্য এই পিসির ঠিকানা',
    addressIntro: 'রাউটার এই ঠিকানায় লগইন (RADIUS) পাঠায় আর ফোনগুলো এখানেই পোর্টাল খোলে। যে নেটওয়ার্ক কার্ডটি রাউটারের নেটওয়ার্কে আছে সেটি বেছে নিন।',
    addresses: 'নেটওয়ার্কের ঠিকানা',
    on: (name) => `${name}-এ`,
    internal: ' (শুধু এই পিসির: রাউটার এখানে পৌঁছাতে পারে না)',
    typeAddress: 'অথবা একটি ঠিকানা লিখুন',
    typeAddressHint: 'খালি রাখলে HotspotDesk প্রতিটি রাউটারের জন্য নিজেই একটি বেছে নেবে।',
    enterSmsUrl: 'গেটওয়ের পাঠানোর ঠিকানা লিখুন, যেমন https://sms.example.com/send।',
    smsTitle: 'গ্রাহকদের এসএমএসে কোড পাঠানো',
    smsHow: 'কোড কীভাবে গ্রাহকের কাছে যাবে',
    smsOutbox: 'এখনো এসএমএস গেটওয়ে নেই: কোডগুলো এসএমএস আউটবক্সে থাকবে, আপনি পড়ে শোনাবেন',
    smsHttp: 'একটি HTTP এসএমএস গেটওয়ে',
    smsUrl: 'গেটওয়ের পাঠানোর ঠিকানা',
    smsUrlHint: 'কী, প্রেরকের আইডি আর মেসেজের নমুনা সেটিংস → এসএমএস-এ আছে।',
  },
);

export function SetupPage() {
  const { settings, load } = useSettingsStore();
  const [step, setStep] = useState(0);
  const [router, setRouter] = useState<Router | null>(null);
  const t = useT(M);
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
      <PageHeader title={t.title} sub={t.stepOf(step + 1, STEPS.length, t[STEPS[step]!])}>
        <button type="button" className="btn" onClick={() => void finish()}>
          {step === STEPS.length - 1 ? t.close : t.skipSetup}
        </button>
      </PageHeader>
      <ol className="setup-steps" aria-label={t.steps}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} className={i < step ? 'done' : undefined}>
            {t[s]}
          </li>
        ))}
      </ol>
      {!settings ? <p className="muted">{t.loading}</p> : null}
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
  const { busy, errors, submit } = useSubmit(['shop.name', 'display.language', 'display.clock'], 'settings.update');
  const t = useT(M);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local['shop.name'] = t.enterShopName;
    const input = { shop: { name: name.trim() }, display: { language, clock } };
    const saved = await submit(local, () => useSettingsStore.getState().update(input), input);
    if (saved) onNext();
  }
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={t.shop}>
      <h2>{t.yourShop}</h2>
      {errors.banner ? <Banner>{errors.banner}</Banner> : null}
      <div className="form-grid">
        <Field label={t.shopName} error={errors.fields['shop.name']} hint={t.shopNameHint}>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
        </Field>
        <Field label={t.language} error={errors.fields['display.language']}>
          <select value={language} onChange={(e) => setLanguage(e.target.value as typeof language)}>
            <option value="en">English</option>
            <option value="bn">বাংলা (Bangla)</option>
          </select>
        </Field>
        <Field label={t.timeFormat} error={errors.fields['display.clock']} hint={t.timeFormatHint}>
          <select value={clock} onChange={(e) => setClock(e.target.value as typeof clock)}>
            <option value="24h">{t.clock24}</option>
            <option value="12h">{t.clock12}</option>
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
  const { busy, errors, submit } = useSubmit(['network.serverAddress'], 'settings.update');
  const t = useT(M);
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
    const input = { network: { serverAddress: chosen.trim() } };
    const saved = await submit({}, () => useSettingsStore.getState().update(input), input);
    if (saved) onNext();
  }
  const offered = (list ?? []).filter((a) => a.family === 'IPv4');
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={t.thisPc}>
      <h2>{t.addressTitle}</h2>
      <p className="muted">{t.addressIntro}</p>
      {loadError ? <Banner>{loadError}</Banner> : null}
      {errors.banner ? <Banner>{errors.banner}</Banner> : null}
      <fieldset className="choice-list" aria-label={t.addresses}>
        {offered.map((a) => (
          <label key={`${a.name}-${a.address}`} className="choice">
            <input type="radio" name="serverAddress" value={a.address} checked={chosen === a.address} onChange={() => setChosen(a.address)} />
            <span className="mono">{a.address}</span> <span className="muted">{t.on(a.name)}{a.internal ? t.internal : ''}</span>
          </label>
        ))}
      </fieldset>
      <Field label={t.typeAddress} error={errors.fields['network.serverAddress']} hint={t.typeAddressHint}>
        <input className="mono" value={chosen} onChange={(e) => setChosen(e.target.value)} placeholder="192.168.88.10" />
      </Field>
      <StepButtons busy={busy} onBack={onBack} />
    </form>
  );
}

function SmsStep({ settings, onNext, onBack }: { settings: SettingsView; onNext(): void; onBack(): void }) {
  const [mode, setMode] = useState<'outbox' | 'http'>(settings.sms.provider === 'outbox' ? 'outbox' : 'http');
  const [url, setUrl] = useState(settings.sms.http.url);
  const { busy, errors, submit } = useSubmit(['sms.http.url', 'sms.provider'], 'settings.update');
  const t = useT(M);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (mode === 'http' && !url.trim()) local['sms.http.url'] = t.enterSmsUrl;
    const patch = mode === 'outbox' ? { sms: { provider: 'outbox' as const } } : { sms: { provider: 'http' as const, http: { url: url.trim() } } };
    const saved = await submit(local, () => useSettingsStore.getState().update(patch), patch);
    if (saved) onNext();
  }
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={t.sms}>
      <h2>{t.smsTitle}</h2>
      {errors.banner ? <Banner>{errors.banner}</Banner> : null}
      <fieldset className="choice-list" aria-label={t.smsHow}>
        <label className="choice">
          <input type="radio" name="sms" checked={mode === 'outbox'} onChange={() => setMode('outbox')} /> {t.smsOutbox}
        </label>
        <label className="choice">
          <input type="radio" name="sms" checked={mode === 'http'} onChange={() => setMode('http')} /> {t.smsHttp}
        </label>
      </fieldset>
      {mode === 'http' ? (
        <Field label={t.smsUrl} error={errors.fields['sms.http.url']} hint={t.smsUrlHint}>
          <input className="mono" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://sms.example.com/send" />
        </Field>
      ) : null}
      <StepButtons busy={busy} onBack={onBack} />
    </form>
  );
}
