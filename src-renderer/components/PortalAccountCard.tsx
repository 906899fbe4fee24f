import { useState } from 'react';
import type { CustomerLastLogin, CustomerWithLastLogin } from '../../src-shared/api/customers';
import { formatDateTime } from '../../src-shared/format';
import { messages, useLang, useT } from '../i18n';
import { useShopTimeDisplay } from '../shopTime';
import { useCustomersStore } from '../stores/customersStore';
import { Banner } from './Banner';
import { ConfirmButton } from './ConfirmButton';

const M = messages(
  {
    byMac: 'recognised by the device’s MAC address',
    byPassword: 'with the phone number and password (portal or card)',
    codeSent: (phone: string) => `A code was sent to ${phone}. The customer opens the WiFi portal and sets a new PIN with it.`,
    notSent: 'The code was not sent.',
    portalAccount: 'Portal account',
    registered: 'Registered',
    pin: 'PIN',
    hasPin: 'Has a PIN',
    noPin: 'No PIN yet',
    lastLoggedIn: 'Last logged in',
    lastLogin: (time: string, router: string | null, by: string) => `${time} on ${router ?? 'a removed router'}, ${by}`,
    never: 'Never',
    confirmReset: (phone: string) => `Text ${phone} a code to set a new PIN?`,
    sendCode: 'Send code',
    resetPin: 'Reset PIN',
    enableFirst: 'Enable the customer to reset the PIN.',
  },
  {
    byMac: 'ডিভাইসের MAC ঠিকানা দেখে চেনা গেছে',
    byPassword: 'ফোন নম্বর ও পাসওয়ার্ড দিয়ে (পোর্টাল বা কার্ড)',
    codeSent: (phone) => `${phone} নম্বরে একটি কোড পাঠানো হয়েছে। গ্রাহক ওয়াইফাই পোর্টাল খুলে এই কোড দিয়ে নতুন পিন দেবেন।`,
    notSent: 'কোডটি পাঠানো যায়নি।',
    portalAccount: 'পোর্টাল অ্যাকাউন্ট',
    registered: 'নিবন্ধনের তারিখ',
    pin: 'পিন',
    hasPin: 'পিন আছে',
    noPin: 'এখনো পিন নেই',
    lastLoggedIn: 'শেষ লগ ইন',
    lastLogin: (time, router, by) => `${time}, ${router ?? 'মুছে ফেলা একটি রাউটার'}-এ, ${by}`,
    never: 'কখনো না',
    confirmReset: (phone) => `নতুন পিন দেওয়ার জন্য ${phone} নম্বরে একটি কোড এসএমএস করবেন?`,
    sendCode: 'কোড পাঠান',
    resetPin: 'পিন রিসেট',
    enableFirst: 'পিন রিসেট করতে আগে গ্রাহককে চালু করুন।',
  },
);

type Outcome = { kind: 'success' | 'error'; text: string } | null;

/** The customer page's portal side: registration date, PIN, how they last logged in, PIN reset by text. */
export function PortalAccountCard({ c }: { c: CustomerWithLastLogin }) {
  const tz = useShopTimeDisplay();
  const t = useT(M);
  const lang = useLang();
  const loginBy: Record<CustomerLastLogin['by'], string> = { mac: t.byMac, password: t.byPassword };
  const { resetPin } = useCustomersStore();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const last = c.lastLogin;

  async function onReset() {
    setOutcome(null);
    const r = await resetPin(c.id);
    if (!r.ok) setOutcome({ kind: 'error', text: r.error.message });
    else if (r.value.sent) {
      setOutcome({ kind: 'success', text: t.codeSent(r.value.localPhone) });
    } else setOutcome({ kind: 'error', text: r.value.error ?? t.notSent });
  }

  return (
    <section className="card" aria-label={t.portalAccount}>
      <h2>{t.portalAccount}</h2>
      {outcome ? (
        <Banner kind={outcome.kind} onClose={() => setOutcome(null)}>
          {outcome.text}
        </Banner>
      ) : null}
      <dl className="kv">
        <dt>{t.registered}</dt>
        <dd data-testid="registered">{formatDateTime(c.createdAt, tz, lang)}</dd>
        <dt>{t.pin}</dt>
        <dd>{c.hasPin ? t.hasPin : t.noPin}</dd>
        <dt>{t.lastLoggedIn}</dt>
        <dd data-testid="last-login">
          {last ? (
            <>{t.lastLogin(formatDateTime(last.at, tz, lang), last.routerName, loginBy[last.by])}</>
          ) : (
            <span className="muted">{t.never}</span>
          )}
        </dd>
      </dl>
      <ConfirmButton
        danger={false}
        disabled={c.status === 'disabled'}
        confirm={t.confirmReset(c.localPhone)}
        confirmLabel={t.sendCode}
        onConfirm={onReset}
      >
        {t.resetPin}
      </ConfirmButton>
      {c.status === 'disabled' ? <p className="muted small">{t.enableFirst}</p> : null}
    </section>
  );
}
