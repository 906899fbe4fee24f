import { useState, type FormEvent } from 'react';
import type { Payment } from '../../src-shared/domain';
import { formatTaka, localPhone } from '../../src-shared/format';
import { messages, useLang, useT } from '../i18n';
import { call } from '../api';
import { useSubmit } from '../formErrors';
import { methodLabelFor } from '../paymentLabels';
import { Banner } from './Banner';
import { Field } from './Field';

const M = messages(
  {
    sayWhy: 'Say why you refund it (kept in the ledger).',
    refund: 'Refund',
    heading: (invoice: string, amount: string) => `Refund ${invoice} · ${amount}`,
    what: (method: string, phone: string, pkg: string | null) =>
      `${method} from ${phone}${pkg ? ` for ${pkg}` : ''}. The package is cancelled and the customer disconnected.`,
    refundPayment: 'Refund payment',
    reason: 'Reason',
    reasonPlaceholder: 'Customer could not connect',
    confirm: (amount: string) => `Refund ${amount}?`,
    refunding: 'Refunding…',
    yes: (amount: string) => `Yes, refund ${amount}`,
    refundEllipsis: 'Refund…',
    cancel: 'Cancel',
  },
  {
    sayWhy: 'কেন টাকা ফেরত দিচ্ছেন লিখুন (এটি হিসাবের খাতায় থেকে যাবে)।',
    refund: 'টাকা ফেরত',
    heading: (invoice, amount) => `${invoice} ফেরত · ${amount}`,
    what: (method, phone, pkg) => `${phone} নম্বর থেকে ${method}${pkg ? `, ${pkg}-এর জন্য` : ''}। প্যাকেজটি বাতিল হবে এবং গ্রাহকের সংযোগ বিচ্ছিন্ন হবে।`,
    refundPayment: 'পেমেন্ট ফেরত দিন',
    reason: 'কারণ',
    reasonPlaceholder: 'গ্রাহক যুক্ত হতে পারেননি',
    confirm: (amount) => `${amount} ফেরত দেবেন?`,
    refunding: 'ফেরত দেওয়া হচ্ছে…',
    yes: (amount) => `হ্যাঁ, ${amount} ফেরত দিন`,
    refundEllipsis: 'টাকা ফেরত…',
    cancel: 'বাতিল',
  },
);

export interface RefundDone {
  refund: Payment;
  manual: boolean;
  original: Payment;
}

/**
 * Refund one completed payment (owner only): a reason, then a second click that names the amount.
 * The gateway's refund API is used where it has one, else it is recorded as a manual refund the
 * owner pays back by hand; the package is cancelled and the ledger gains a refund row.
 */
export function RefundPanel({ payment, onCancel, onDone }: { payment: Payment; onCancel(): void; onDone(r: RefundDone): void }) {
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const { busy, errors, submit, clear, setErrors } = useSubmit(['reason'], 'payments.refund');
  const t = useT(M);
  const lang = useLang();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = reason.trim() ? {} : { reason: t.sayWhy };
    if (!asking) {
      // First press: the reason is checked, then the owner confirms with the amount in view.
      if (Object.keys(local).length === 0) {
        clear();
        setAsking(true);
      } else setErrors({ fields: local, banner: null });
      return;
    }
    const input = { id: payment.id, reason: reason.trim() };
    const r = await submit(local, () => call('payments.refund', input), input);
    setAsking(false);
    if (r) onDone({ refund: r.refund, manual: r.manual, original: payment });
  }

  return (
    <section className="card refund-panel" aria-label={t.refund}>
      <h2>{t.heading(payment.invoiceNo, formatTaka(payment.amount, lang))}</h2>
      <p className="muted">{t.what(methodLabelFor(lang)[payment.method], localPhone(payment.customerPhone, lang), payment.packageName)}</p>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t.refundPayment}>
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        <div className="form-row tight">
          <Field label={t.reason} error={errors.fields.reason} className="grow">
            <input value={reason} onChange={(e) => (setAsking(false), setReason(e.target.value))} maxLength={300} placeholder={t.reasonPlaceholder} />
          </Field>
          <div className="field field-button">
            {asking ? (
              <span className="confirm">
                <span className="confirm-q">{t.confirm(formatTaka(payment.amount, lang))}</span>
                <button type="submit" className="btn btn-danger" disabled={busy} aria-busy={busy || undefined}>
                  {busy ? t.refunding : t.yes(formatTaka(payment.amount, lang))}
                </button>
              </span>
            ) : (
              <button type="submit" className="btn btn-danger-outline">
                {t.refundEllipsis}
              </button>
            )}
            <button type="button" className="btn" onClick={onCancel}>
              {t.cancel}
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
