import { useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import type { PaymentOutcome } from '../../src-shared/api/payments';
import type { Payment } from '../../src-shared/domain';
import { formatDateTime, formatTaka, localPhone } from '../../src-shared/format';
import { call } from '../api';
import { METHOD_LABEL, outcomeText } from '../paymentLabels';
import { useShopTimeZone } from '../shopTime';
import { ActionError } from './ActionError';
import { Banner } from './Banner';

/**
 * Payments → To confirm: Send Money payments the customer says they sent. The owner looks for
 * the money on the shop's phone and presses Confirm (the package starts) or Reject (an optional
 * reason, then one more click). A forwarded SMS confirms them without the owner.
 */
export function SendMoneyToConfirm({ items, error, onDone, canDecide }: { items: Payment[]; error: string | null; onDone(): void; canDecide: boolean }) {
  const tz = useShopTimeZone();
  const [busy, setBusy] = useState<number | null>(null);
  const [rejecting, setRejecting] = useState<{ id: number; reason: string } | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  async function act(p: Payment, run: () => Promise<{ ok: true; value: PaymentOutcome } | { ok: false; error: ApiError }>, done: string) {
    setBusy(p.id);
    setResult(null);
    setFailure(null);
    const r = await run();
    setBusy(null);
    if (!r.ok) return setFailure(r.error);
    setRejecting(null);
    const o = outcomeText(r.value);
    setResult({ ok: o.ok, text: `${p.invoiceNo} (TrxID ${p.trxId ?? '—'}): ${done} ${o.text}` });
    onDone();
  }

  return (
    <section className="card" aria-label="To confirm">
      <div className="card-head">
        <h2>To confirm{items.length ? ` (${items.length})` : ''}</h2>
      </div>
      <p className="muted small">
        Send Money to your number: check the money arrived on the shop’s phone, then confirm. A forwarded SMS confirms it by itself.
        {canDecide ? '' : ' Only the owner can confirm or reject.'}
      </p>
      {error ? <Banner>{error}</Banner> : null}
      {result ? <Banner kind={result.ok ? 'success' : 'error'}>{result.text}</Banner> : null}
      <ActionError error={failure} onClose={() => setFailure(null)} />
      {items.length === 0 ? (
        <p className="muted">Nothing to confirm.</p>
      ) : (
        <table className="table" aria-label="Send Money to confirm">
          <thead>
            <tr>
              <th>Time</th>
              <th>Wallet</th>
              <th>TrxID</th>
              <th>Sent from</th>
              <th className="num">Amount</th>
              {canDecide ? <th className="row-actions">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td>{formatDateTime(p.createdAt, tz)}</td>
                <td>{METHOD_LABEL[p.method]}</td>
                <td className="mono strong">{p.trxId ?? '—'}</td>
                <td className="mono">{localPhone(p.senderPhone ?? p.customerPhone)}</td>
                <td className="num strong">{formatTaka(p.amount)}</td>
                {canDecide ? (
                  <td className="row-actions">
                    {rejecting?.id === p.id ? (
                      <span className="confirm">
                        <input
                          aria-label="Reason (optional)"
                          placeholder="Reason (optional)"
                          maxLength={300}
                          value={rejecting.reason}
                          onChange={(e) => setRejecting({ id: p.id, reason: e.target.value })}
                        />
                        <button
                          type="button"
                          className="btn btn-small btn-danger"
                          disabled={busy === p.id}
                          onClick={() => {
                            const reason = rejecting.reason.trim();
                            void act(p, () => call('payments.reject', { id: p.id, ...(reason ? { reason } : {}) }), 'rejected.');
                          }}
                        >
                          Reject payment
                        </button>
                        <button type="button" className="btn btn-small" onClick={() => setRejecting(null)}>
                          Cancel
                        </button>
                      </span>
                    ) : (
                      <>
                        <button type="button" className="btn btn-small btn-primary" disabled={busy === p.id} onClick={() => void act(p, () => call('payments.confirm', { id: p.id }), 'confirmed.')}>
                          Confirm
                        </button>
                        <button type="button" className="btn btn-small btn-danger-outline" disabled={busy === p.id} onClick={() => setRejecting({ id: p.id, reason: '' })}>
                          Reject
                        </button>
                      </>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
