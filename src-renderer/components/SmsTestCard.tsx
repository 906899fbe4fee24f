import { useEffect, useState, type FormEvent } from 'react';
import type { SmsTestResult } from '../../src-shared/api/sms';
import { formatDateTime, formatTaka, localPhone } from '../../src-shared/format';
import { call } from '../api';
import { useSubmit } from '../formErrors';
import { useShopTimeDisplay } from '../shopTime';
import { useDashboardStore } from '../stores/dashboardStore';
import { Banner } from './Banner';
import { Field } from './Field';
import { messages, useLang, useT } from '../i18n';

const M = messages(
  {
    enterPhone: 'Enter the mobile number to text, such as 01712345678.',
    title: 'Send a test SMS',
    usesSaved: 'Uses the saved gateway settings: save changes first.',
    balance: 'Gateway balance:',
    checked: (when: string) => ` (checked ${when})`,
    noGateway: 'No gateway: texts wait in the SMS outbox.',
    noBalance: 'This gateway does not report a balance.',
    lowBalance: 'The SMS balance is low. Top it up so customers keep getting their codes.',
    formLabel: 'Send test',
    phone: 'Mobile number',
    sending: 'Sending…',
    send: 'Send test',
    inOutbox: ' It is in the SMS outbox (no gateway is set).',
    sentTo: (to: string, where: string) => `Sent to ${to}.${where}`,
    openOutbox: 'Open the SMS outbox ›',
    queued: 'Recorded; it goes out when SMS sending starts.',
    notSent: (why: string | null) => `Not sent: ${why ?? 'the gateway did not accept it.'} The SMS outbox keeps the details.`,
  },
  {
    enterPhone: 'যে মোবাইল নম্বরে পাঠাবেন তা লিখুন, যেমন 01712345678।',
    title: 'পরীক্ষার এসএমএস পাঠান',
    usesSaved: 'সেভ করা গেটওয়ে সেটিংস ব্যবহার হয়: আগে পরিবর্তন সেভ করুন।',
    balance: 'গেটওয়ের ব্যালান্স:',
    checked: (when) => ` (${when}-এ দেখা)`,
    noGateway: 'গেটওয়ে নেই: এসএমএসগুলো আউটবক্সে অপেক্ষা করে।',
    noBalance: 'এই গেটওয়ে ব্যালান্স জানায় না।',
    lowBalance: 'এসএমএস ব্যালান্স কম। রিচার্জ করুন, যাতে গ্রাহকেরা কোড পেতে থাকেন।',
    formLabel: 'পরীক্ষা পাঠান',
    phone: 'মোবাইল নম্বর',
    sending: 'পাঠানো হচ্ছে…',
    send: 'পরীক্ষা পাঠান',
    inOutbox: ' এটি এসএমএস আউটবক্সে আছে (কোনো গেটওয়ে সেট করা নেই)।',
    sentTo: (to, where) => `${to} নম্বরে পাঠানো হয়েছে।${where}`,
    openOutbox: 'এসএমএস আউটবক্স খুলুন ›',
    queued: 'রাখা হয়েছে; এসএমএস পাঠানো শুরু হলে চলে যাবে।',
    notSent: (why) => `পাঠানো যায়নি: ${why ?? 'গেটওয়ে এটি নেয়নি।'} এসএমএস আউটবক্সে বিস্তারিত আছে।`,
  },
);

/**
 * Settings → SMS gateway: "Send test" to a number the owner types (the saved gateway settings are
 * used), and the gateway's balance where it reports one (dashboard.summary carries it).
 */
export function SmsTestCard() {
  const tz = useShopTimeDisplay();
  const t = useT(M);
  const lang = useLang();
  const { summary, load } = useDashboardStore();
  const [phone, setPhone] = useState('');
  const [result, setResult] = useState<(SmsTestResult & { to: string }) | null>(null);
  const { busy, errors, submit, clear } = useSubmit(['phone'], 'sms.test');
  useEffect(() => {
    void load();
  }, [load]);

  async function onSend(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    const local: Record<string, string> = phone.trim() ? {} : { phone: t.enterPhone };
    const input = { phone: phone.trim() };
    const r = await submit(local, () => call('sms.test', input), input);
    if (r) {
      // The engine answers with the number it normalised to; show the one the owner knows.
      setResult({ ...r, to: phone.trim() });
      void load();
    }
  }

  const sms = summary?.sms;
  return (
    <section className="card" aria-label={t.title}>
      <h2>{t.title}</h2>
      <p className="muted">{t.usesSaved}</p>
      {sms ? (
        <p>
          {sms.balance !== null ? (
            <>
              {t.balance} <span className="strong">{formatTaka(sms.balance, lang)}</span>
              {sms.balanceAt ? <span className="muted small">{t.checked(formatDateTime(sms.balanceAt, tz, lang))}</span> : null}
            </>
          ) : sms.provider === 'outbox' ? (
            <span className="muted">{t.noGateway}</span>
          ) : (
            <span className="muted">{t.noBalance}</span>
          )}
        </p>
      ) : null}
      {sms?.lowBalance ? <Banner kind="error">{t.lowBalance}</Banner> : null}
      <form className="form" onSubmit={onSend} noValidate aria-label={t.formLabel}>
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        <div className="form-row tight">
          <Field label={t.phone} error={errors.fields.phone}>
            <input inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="01712345678" maxLength={20} />
          </Field>
          <div className="field field-button">
            <button type="submit" className="btn" disabled={busy} aria-busy={busy || undefined}>
              {busy ? t.sending : t.send}
            </button>
          </div>
        </div>
      </form>
      {result ? <TestResult r={result} /> : null}
    </section>
  );
}

function TestResult({ r }: { r: SmsTestResult & { to: string } }) {
  // What the owner typed, in the local form where it was typed as +880…
  const t = useT(M);
  const to = r.to.startsWith('+880') ? localPhone(r.to) : r.to;
  if (r.status === 'sent') {
    const where = r.provider === 'outbox' ? t.inOutbox : '';
    return (
      <div className="sms-test-result">
        <Banner kind="success">
          {t.sentTo(to, where)} <a href="#/sms">{t.openOutbox}</a>
        </Banner>
      </div>
    );
  }
  if (r.status === 'queued') {
    return (
      <div className="sms-test-result">
        <Banner kind="info">{t.queued}</Banner>
      </div>
    );
  }
  return (
    <div className="sms-test-result">
      <Banner kind="error">{t.notSent(r.error ?? null)}</Banner>
    </div>
  );
}
