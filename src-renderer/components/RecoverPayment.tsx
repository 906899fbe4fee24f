import { useState, type FormEvent } from 'react';
import type { PaymentOutcome } from '../../src-shared/api/payments';
import { GATEWAYS, type GatewayId } from '../../src-shared/payments';
import { call } from '../api';
import { messages, useLang, useT } from '../i18n';
import { useSubmit } from '../formErrors';
import { gatewayNamesFor } from '../labels';
import { outcomeText } from '../paymentLabels';
import { Banner } from './Banner';
import { Field } from './Field';

const M = messages(
  {
    needTrx: 'Enter the transaction ID from the customer’s payment SMS.',
    recoverPayment: 'Recover a payment',
    heading: 'Recover by transaction ID',
    help: 'A customer paid online but is not online: ask the gateway about the transaction ID in their payment SMS.',
    recover: 'Recover',
    gateway: 'Gateway',
    trxId: 'Transaction ID',
    asking: 'Asking…',
  },
  {
    needTrx: 'গ্রাহকের পেমেন্টের এসএমএস থেকে লেনদেন নম্বরটি (TrxID) লিখুন।',
    recoverPayment: 'পেমেন্ট উদ্ধার',
    heading: 'লেনদেন নম্বর দিয়ে পেমেন্ট উদ্ধার',
    help: 'গ্রাহক অনলাইনে টাকা দিয়েছেন কিন্তু ইন্টারনেট পাচ্ছেন না: তাঁর পেমেন্টের এসএমএসের লেনদেন নম্বরটি পেমেন্ট কোম্পানির কাছে যাচাই করুন।',
    recover: 'উদ্ধার করুন',
    gateway: 'পেমেন্ট কোম্পানি',
    trxId: 'লেনদেন নম্বর (TrxID)',
    asking: 'জানতে চাওয়া হচ্ছে…',
  },
);

/**
 * "I paid but have no internet", at the counter: the owner types the wallet's transaction id
 * from the customer's SMS; the engine asks the gateway and activates it if it is paid and unused.
 */
export function RecoverPayment({ onDone }: { onDone(): void }) {
  const [gateway, setGateway] = useState<GatewayId>('bkash');
  const [trxId, setTrxId] = useState('');
  const [result, setResult] = useState<PaymentOutcome | null>(null);
  const { busy, errors, submit, clear } = useSubmit(['gateway', 'trxId'], 'payments.recover');
  const t = useT(M);
  const lang = useLang();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    const local: Record<string, string> = trxId.trim() ? {} : { trxId: t.needTrx };
    const input = { gateway, trxId: trxId.trim() };
    const r = await submit(local, () => call('payments.recover', input), input);
    if (r) {
      setResult(r);
      onDone();
    }
  }

  const shown = result ? outcomeText(result, lang) : null;
  return (
    <section className="card" aria-label={t.recoverPayment}>
      <h2>{t.heading}</h2>
      <p className="muted small">{t.help}</p>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t.recover}>
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        <div className="form-row tight">
          <Field label={t.gateway} error={errors.fields.gateway}>
            <select value={gateway} onChange={(e) => setGateway(e.target.value as GatewayId)}>
              {GATEWAYS.map((g) => (
                <option key={g} value={g}>
                  {gatewayNamesFor(lang)[g]}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t.trxId} error={errors.fields.trxId}>
            <input className="mono" value={trxId} onChange={(e) => setTrxId(e.target.value)} placeholder="CJU0PZQ3U6" maxLength={40} autoComplete="off" />
          </Field>
          <div className="field field-button">
            <button type="submit" className="btn" disabled={busy} aria-busy={busy || undefined}>
              {busy ? t.asking : t.recover}
            </button>
          </div>
        </div>
      </form>
      {shown ? <Banner kind={shown.ok ? 'success' : 'error'}>{shown.text}</Banner> : null}
    </section>
  );
}
