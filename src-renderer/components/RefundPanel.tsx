import { useState, type FormEvent } from 'react';
import type { Payment } from '../../src-shared/domain';
import { formatTaka, localPhone } from '../../src-shared/format';
import { call } from '../api';
import { useSubmit } from '../formErrors';
import { METHOD_LABEL } from '../paymentLabels';
import { Banner } from './Banner';
import { Field } from './Field';

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
  const { busy, errors, submit, clear, setErrors } = useSubmit(['reason']);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = reason.trim() ? {} : { reason: 'Say why you refund it (kept in the ledger).' };
    if (!asking) {
      // First press: the reason is checked, then the owner confirms with the amount in view.
      if (Object.keys(local).length === 0) {
        clear();
        setAsking(true);
      } else setErrors({ fields: local, banner: null });
      return;
    }
    const r = await submit(local, () => call('payments.refund', { id: payment.id, reason: reason.trim() }));
    setAsking(false);
    if (r) onDone({ refund: r.refund, manual: r.manual, original: payment });
  }

  return (
    <section className="card refund-panel" aria-label="Refund">
      <h2>
        Refund {payment.invoiceNo} · {formatTaka(payment.amount)}
      </h2>
      <p className="muted">
        {METHOD_LABEL[payment.method]} from {localPhone(payment.customerPhone)}
        {payment.packageName ? ` for ${payment.packageName}` : ''}. The package is cancelled and the customer disconnected.
      </p>
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Refund payment">
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        <div className="form-row tight">
          <Field label="Reason" error={errors.fields.reason} className="grow">
            <input value={reason} onChange={(e) => (setAsking(false), setReason(e.target.value))} maxLength={300} placeholder="Customer could not connect" />
          </Field>
          <div className="field field-button">
            {asking ? (
              <span className="confirm">
                <span className="confirm-q">Refund {formatTaka(payment.amount)}?</span>
                <button type="submit" className="btn btn-danger" disabled={busy} aria-busy={busy || undefined}>
                  {busy ? 'Refunding…' : `Yes, refund ${formatTaka(payment.amount)}`}
                </button>
              </span>
            ) : (
              <button type="submit" className="btn btn-danger-outline">
                Refund…
              </button>
            )}
            <button type="button" className="btn" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
