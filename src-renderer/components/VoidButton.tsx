import { useState, type FormEvent } from 'react';
import type { Payment } from '../../src-shared/domain';
import { call } from '../api';
import { messages, useT } from '../i18n';

const M = messages(
  {
    void: 'Void',
    sayWhy: 'Say why this sale is voided (it is kept in the ledger).',
    voidInvoice: (invoice: string) => `Void ${invoice}`,
    reasonLabel: 'Reason for the void',
    reasonPlaceholder: 'Why void it?',
    voidSale: 'Void sale',
    keep: 'Keep',
  },
  {
    void: 'বাতিল',
    sayWhy: 'বিক্রিটি কেন বাতিল করছেন লিখুন (এটি হিসাবের খাতায় থেকে যাবে)।',
    voidInvoice: (invoice) => `${invoice} বাতিল`,
    reasonLabel: 'বাতিলের কারণ',
    reasonPlaceholder: 'কেন বাতিল করছেন?',
    voidSale: 'বিক্রি বাতিল করুন',
    keep: 'রেখে দিন',
  },
);

/**
 * The owner takes back a mistaken cash sale: asks for the reason first (it goes in the ledger
 * and the audit log), then voids; the customer's package is cancelled by the engine.
 */
export function VoidButton({ payment, onVoided }: { payment: Payment; onVoided(): void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = useT(M);

  if (!asking) {
    return (
      <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setAsking(true)}>
        {t.void}
      </button>
    );
  }
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t.sayWhy);
      return;
    }
    setBusy(true);
    const r = await call('payments.void', { id: payment.id, reason: reason.trim() });
    setBusy(false);
    if (r.ok) {
      setAsking(false);
      onVoided();
    } else setError(r.error.message);
  }
  return (
    <form className="void-form" onSubmit={onSubmit} aria-label={t.voidInvoice(payment.invoiceNo)}>
      <input aria-label={t.reasonLabel} placeholder={t.reasonPlaceholder} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} autoFocus />
      <button type="submit" className="btn btn-small btn-danger" disabled={busy}>
        {t.voidSale}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>
        {t.keep}
      </button>
      {error ? <div className="field-error">{error}</div> : null}
    </form>
  );
}
