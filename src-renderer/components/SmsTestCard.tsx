import { useEffect, useState, type FormEvent } from 'react';
import type { SmsTestResult } from '../../src-shared/api/sms';
import { formatDateTime, formatTaka, localPhone } from '../../src-shared/format';
import { call } from '../api';
import { useSubmit } from '../formErrors';
import { useShopTimeDisplay } from '../shopTime';
import { useDashboardStore } from '../stores/dashboardStore';
import { Banner } from './Banner';
import { Field } from './Field';

/**
 * Settings → SMS gateway: "Send test" to a number the owner types (the saved gateway settings are
 * used), and the gateway's balance where it reports one (dashboard.summary carries it).
 */
export function SmsTestCard() {
  const tz = useShopTimeDisplay();
  const { summary, load } = useDashboardStore();
  const [phone, setPhone] = useState('');
  const [result, setResult] = useState<(SmsTestResult & { to: string }) | null>(null);
  const { busy, errors, submit, clear } = useSubmit(['phone']);
  useEffect(() => {
    void load();
  }, [load]);

  async function onSend(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    const local: Record<string, string> = phone.trim() ? {} : { phone: 'Enter the mobile number to text, such as 01712345678.' };
    const r = await submit(local, () => call('sms.test', { phone: phone.trim() }));
    if (r) {
      // The engine answers with the number it normalised to; show the one the owner knows.
      setResult({ ...r, to: phone.trim() });
      void load();
    }
  }

  const sms = summary?.sms;
  return (
    <section className="card" aria-label="Send a test SMS">
      <h2>Send a test SMS</h2>
      <p className="muted">Uses the saved gateway settings: save changes first.</p>
      {sms ? (
        <p>
          {sms.balance !== null ? (
            <>
              Gateway balance: <span className="strong">{formatTaka(sms.balance)}</span>
              {sms.balanceAt ? <span className="muted small"> (checked {formatDateTime(sms.balanceAt, tz)})</span> : null}
            </>
          ) : sms.provider === 'outbox' ? (
            <span className="muted">No gateway: texts wait in the SMS outbox.</span>
          ) : (
            <span className="muted">This gateway does not report a balance.</span>
          )}
        </p>
      ) : null}
      {sms?.lowBalance ? <Banner kind="error">The SMS balance is low. Top it up so customers keep getting their codes.</Banner> : null}
      <form className="form" onSubmit={onSend} noValidate aria-label="Send test">
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        <div className="form-row tight">
          <Field label="Mobile number" error={errors.fields.phone}>
            <input inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="01712345678" maxLength={20} />
          </Field>
          <div className="field field-button">
            <button type="submit" className="btn" disabled={busy} aria-busy={busy || undefined}>
              {busy ? 'Sending…' : 'Send test'}
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
  const to = r.to.startsWith('+880') ? localPhone(r.to) : r.to;
  if (r.status === 'sent') {
    const where = r.provider === 'outbox' ? ' It is in the SMS outbox (no gateway is set).' : '';
    return (
      <div className="sms-test-result">
        <Banner kind="success">
          Sent to {to}.{where} <a href="#/sms">Open the SMS outbox ›</a>
        </Banner>
      </div>
    );
  }
  if (r.status === 'queued') {
    return (
      <div className="sms-test-result">
        <Banner kind="info">Recorded; it goes out when SMS sending starts.</Banner>
      </div>
    );
  }
  return (
    <div className="sms-test-result">
      <Banner kind="error">Not sent: {r.error ?? 'the gateway did not accept it.'} The SMS outbox keeps the details.</Banner>
    </div>
  );
}
