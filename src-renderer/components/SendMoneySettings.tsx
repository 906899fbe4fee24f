import { useState, type FormEvent } from 'react';
import type { Input } from '../../src-shared/api';
import type { SettingsView } from '../../src-shared/settings';
import { localPhone } from '../../src-shared/format';
import { useSubmit } from '../formErrors';
import { useSettingsStore } from '../stores/settingsStore';
import { Banner } from './Banner';
import { Field } from './Field';
import { SecretField, type SecretEdit } from './SecretField';

const NUMBERS = [
  ['bkashNumber', 'bKash number'],
  ['nagadNumber', 'Nagad number'],
  ['rocketNumber', 'Rocket number'],
] as const;
type NumberField = (typeof NUMBERS)[number][0];

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
  const [numbers, setNumbers] = useState(() => numbersOf(settings));
  const [token, setToken] = useState<SecretEdit>({ kind: 'keep' });
  const [saved, setSaved] = useState(false);
  const { busy, errors, submit, clear } = useSubmit(['sendMoney.bkashNumber', 'sendMoney.nagadNumber', 'sendMoney.rocketNumber', 'sendMoney.smsWebhookToken']);
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
    const r = await submit({}, () => update({ sendMoney: patch } as Input<'settings.update'>));
    if (r) {
      setNumbers(numbersOf(r));
      setToken({ kind: 'keep' });
      setSaved(true);
    }
  }

  return (
    <section className="card" aria-label="Send Money settings">
      <h2>Send Money (personal number)</h2>
      <p className="muted small">Customers send money to your number and type the TrxID; you confirm it under Payments → To confirm, or the forwarded SMS does.</p>
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Send Money">
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        {saved ? <Banner kind="success">Send Money saved.</Banner> : null}
        <div className="form-grid">
          {NUMBERS.map(([f, label]) => (
            <Field key={f} label={label} error={errors.fields[`sendMoney.${f}`]} hint="Empty = not offered.">
              <input inputMode="tel" value={numbers[f]} maxLength={20} placeholder="01712345678" onChange={(e) => (setSaved(false), setNumbers({ ...numbers, [f]: e.target.value }))} />
            </Field>
          ))}
          <SecretField
            label="SMS webhook token"
            isSet={settings.sendMoney.hasSmsWebhookToken}
            edit={token}
            onChange={(edit) => (setSaved(false), setToken(edit))}
            error={errors.fields['sendMoney.smsWebhookToken']}
            hint="A long random word you also type into the forwarder app. Empty = the webhook is off."
          />
        </div>
        <div className="field webhook-url">
          <span className="strong small">Webhook URL for the SMS forwarder app</span>
          {hookUrl ? (
            <code data-testid="sms-webhook-url">{hookUrl}</code>
          ) : (
            <span className="muted small">
              http://&lt;this PC’s address&gt;:&lt;portal port&gt;{SMS_HOOK_PATH} — set the Portal URL under Network to see the exact address.
            </span>
          )}
          <span className="muted small">Send the token as the X-Webhook-Token header (or a “token” field). The phone must be on the shop’s WiFi.</span>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Save Send Money
          </button>
        </div>
      </form>
    </section>
  );
}
