import { useState, type FormEvent } from 'react';
import type { Input } from '../../src-shared/api';
import type { SettingsView } from '../../src-shared/settings';
import { localPhone } from '../../src-shared/format';
import { useSubmit } from '../formErrors';
import { useSettingsStore } from '../stores/settingsStore';
import { Banner } from './Banner';
import { Field } from './Field';
import { SecretField, type SecretEdit } from './SecretField';
import { messages, useT } from '../i18n';

const NUMBERS = [
  ['bkashNumber', 'bkashNumber'],
  ['nagadNumber', 'nagadNumber'],
  ['rocketNumber', 'rocketNumber'],
] as const;
type NumberField = (typeof NUMBERS)[number][0];

const M = messages(
  {
    bkashNumber: 'bKash number',
    nagadNumber: 'Nagad number',
    rocketNumber: 'Rocket number',
    sectionLabel: 'Send Money settings',
    title: 'Send Money (personal number)',
    intro: 'Customers send money to your number and type the TrxID; you confirm it under Payments → To confirm, or the forwarded SMS does.',
    formLabel: 'Send Money',
    saved: 'Send Money saved.',
    notOffered: 'Empty = not offered.',
    token: 'SMS webhook token',
    tokenHint: 'A long random word you also type into the forwarder app. Empty = the webhook is off.',
    hookTitle: 'Webhook URL for the SMS forwarder app',
    hookPattern: (path: string) => `http://<this PC’s address>:<portal port>${path} — set the Portal URL under Network to see the exact address.`,
    hookHelp: 'Send the token as the X-Webhook-Token header (or a “token” field). The phone must be on the shop’s WiFi.',
    save: 'Save Send Money',
  },
  {
    bkashNumber: 'বিকাশ নম্বর',
    nagadNumber: 'নগদ নম্বর',
    rocketNumber: 'রকেট নম্বর',
    sectionLabel: 'সেন্ড মানি সেটিংস',
    title: 'সেন্ড মানি (পার্সোনাল নম্বর)',
    intro: 'গ্রাহকেরা আপনার নম্বরে সেন্ড মানি করে TrxID লেখেন; আপনি পেমেন্ট → নিশ্চিত করুন-এ তা নিশ্চিত করেন, অথবা ফরোয়ার্ড করা এসএমএস নিজেই করে।',
    formLabel: 'সেন্ড মানি',
    saved: 'সেন্ড মানি সেভ হয়েছে।',
    notOffered: 'খালি = এটি দেওয়া হবে না।',
    token: 'এসএমএস ওয়েবহুক টোকেন',
    tokenHint: 'লম্বা একটি এলোমেলো শব্দ, যা ফরোয়ার্ডার অ্যাপেও লিখবেন। খালি = ওয়েবহুক বন্ধ।',
    hookTitle: 'এসএমএস ফরোয়ার্ডার অ্যাপের ওয়েবহুক URL',
    hookPattern: (path) => `http://<এই পিসির ঠিকানা>:<পোর্টালের পোর্ট>${path} — ঠিক ঠিকানাটি দেখতে নেটওয়ার্ক অংশে পোর্টালের URL দিন।`,
    hookHelp: 'টোকেনটি X-Webhook-Token হেডারে (অথবা “token” ফিল্ডে) পাঠান। ফোনটিকে দোকানের ওয়াইফাইতে থাকতে হবে।',
    save: 'সেন্ড মানি সেভ করুন',
  },
);

/** Where the forwarder app posts (the portal's door, on the shop's LAN). */
export const SMS_HOOK_PATH = '/hooks/sms-in';

function numbersOf(s: SettingsView): Record<NumberField, string> {
  const n = s.sendMoney;
  // Shown as the owner writes them (01…); the engine stores +880….
  const show = (v: string) => (v.startsWith('+880') ? localPhone(v) : v);
  return { bkashNumber: show(n.bkashNumber), nagadNumber: show(n.nagadNumber), rocketNumber: show(n.rocketNumber) };
}

/**
 * Settings → Payments → Send Money: the shop's personal wallet numbers the portal shows (a wallet
 * without a number is not offered), and the SMS webhook's token (write-only) with the address to
 * paste into the SMS forwarder app on the shop's phone.
 */
export function SendMoneySettings({ settings }: { settings: SettingsView }) {
  const { update } = useSettingsStore();
  const t = useT(M);
  const [numbers, setNumbers] = useState(() => numbersOf(settings));
  const [token, setToken] = useState<SecretEdit>({ kind: 'keep' });
  const [saved, setSaved] = useState(false);
  const { busy, errors, submit, clear } = useSubmit(['sendMoney.bkashNumber', 'sendMoney.nagadNumber', 'sendMoney.rocketNumber', 'sendMoney.smsWebhookToken'], 'settings.update');
  const before = numbersOf(settings);
  const portal = settings.network.portalUrl.trim().replace(/\/$/, '');
  const hookUrl = portal ? `${portal}${SMS_HOOK_PATH}` : null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const patch: Record<string, unknown> = {};
    for (const [f] of NUMBERS) if (numbers[f].trim() !== before[f]) patch[f] = numbers[f].trim();
    if (token.kind === 'replace') patch.smsWebhookToken = token.value;
    if (token.kind === 'clear') patch.smsWebhookToken = null;
    if (Object.keys(patch).length === 0) return setSaved(true);
    const input = { sendMoney: patch } as Input<'settings.update'>;
    const r = await submit({}, () => update(input), input);
    if (r) {
      setNumbers(numbersOf(r));
      setToken({ kind: 'keep' });
      setSaved(true);
    }
  }

  return (
    <section className="card" aria-label={t.sectionLabel}>
      <h2>{t.title}</h2>
      <p className="muted small">{t.intro}</p>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t.formLabel}>
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        {saved ? <Banner kind="success">{t.saved}</Banner> : null}
        <div className="form-grid">
          {NUMBERS.map(([f, label]) => (
            <Field key={f} label={t[label]} error={errors.fields[`sendMoney.${f}`]} hint={t.notOffered}>
              <input inputMode="tel" value={numbers[f]} maxLength={20} placeholder="01712345678" onChange={(e) => (setSaved(false), setNumbers({ ...numbers, [f]: e.target.value }))} />
            </Field>
          ))}
          <SecretField
            label={t.token}
            isSet={settings.sendMoney.hasSmsWebhookToken}
            edit={token}
            onChange={(edit) => (setSaved(false), setToken(edit))}
            error={errors.fields['sendMoney.smsWebhookToken']}
            hint={t.tokenHint}
          />
        </div>
        <div className="field webhook-url">
          <span className="strong small">{t.hookTitle}</span>
          {hookUrl ? (
            <code data-testid="sms-webhook-url">{hookUrl}</code>
          ) : (
            <span className="muted small">{t.hookPattern(SMS_HOOK_PATH)}</span>
          )}
          <span className="muted small">{t.hookHelp}</span>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t.save}
          </button>
        </div>
      </form>
    </section>
  );
}
