import { useState, type FormEvent } from 'react';
import type { Payment } from '../../src-shared/domain';
import { call } from '../api';

/**
 * The owner takes back a mistaken cash sale: asks for the reason first (it goes in the ledger
 * and the audit log), then voids; the customer's package is cancelled by the engine.
 */
export function VoidButton({ payment, onVoided }: { payment: Payment; onVoided(): void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!asking) {
    return (
      <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setAsking(true)}>
        Void
      </button>
    );
  }
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setError('Say why this sale is voided (it is kept in the ledger).');
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
    <form className="void-form" onSubmit={onSubmit} aria-label={`Void ${payment.invoiceNo}`}>
      <input aria-label="Reason for the void" placeholder="Why void it?" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} autoFocus />
      <button type="submit" className="btn btn-small btn-danger" disabled={busy}>
        Void sale
      </button>
      <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>
        Keep
      </button>
      {error ? <div className="field-error">{error}</div> : null}
    </form>
  );
}
