import { useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import type { PaymentOutcome } from '../../src-shared/api/payments';
import type { Payment } from '../../src-shared/domain';
import { formatDateTime, formatTaka, localDigits, localPhone } from '../../src-shared/format';
import { call } from '../api';
import { methodLabelFor, outcomeText } from '../paymentLabels';
import { messages, useLang, useT } from '../i18n';
import { useShopTimeDisplay } from '../shopTime';
import { ActionError } from './ActionError';
import { Banner } from './Banner';

const M = messages(
  {
    result: (invoice: string, trx: string, done: string, outcome: string) => `${invoice} (TrxID ${trx}): ${done} ${outcome}`,
    toConfirm: 'To confirm',
    heading: (n: number) => `To confirm${n ? ` (${n})` : ''}`,
    help: 'Send Money to your number: check the money arrived on the shop’s phone, then confirm. A forwarded SMS confirms it by itself.',
    ownerOnly: ' Only the owner can confirm or reject.',
    nothing: 'Nothing to confirm.',
    table: 'Send Money to confirm',
    time: 'Time',
    wallet: 'Wallet',
    trxId: 'TrxID',
    sentFrom: 'Sent from',
    amount: 'Amount',
    actions: 'Actions',
    reasonOptional: 'Reason (optional)',
    rejectPayment: 'Reject payment',
    cancel: 'Cancel',
    confirm: 'Confirm',
    reject: 'Reject',
    rejected: 'rejected.',
    confirmed: 'confirmed.',
  },
  {
    result: (invoice, trx, done, outcome) => `${invoice} (TrxID ${trx}): ${done} ${outcome}`,
    toConfirm: 'নিশ্চিত করতে হবে',
    heading: (n) => `নিশ্চিত করতে হবে${n ? ` (${localDigits(String(n), 'bn')})` : ''}`,
    help: 'আপনার নম্বরে সেন্ড মানি: দোকানের ফোনে টাকা এসেছে কি না দেখে নিশ্চিত করুন। ফরোয়ার্ড করা এসএমএস নিজেই নিশ্চিত করে।',
    ownerOnly: ' শুধু মালিক নিশ্চিত বা বাতিল করতে পারেন।',
    nothing: 'নিশ্চিত করার কিছু নেই।',
    table: 'নিশ্চিত করার সেন্ড মানি',
    time: 'সময়',
    wallet: 'ওয়ালেট',
    trxId: 'TrxID',
    sentFrom: 'যে নম্বর থেকে',
    amount: 'টাকা',
    actions: 'কাজ',
    reasonOptional: 'কারণ (ঐচ্ছিক)',
    rejectPayment: 'পেমেন্ট বাতিল করুন',
    cancel: 'থাক',
    confirm: 'নিশ্চিত করুন',
    reject: 'বাতিল',
    rejected: 'বাতিল করা হয়েছে।',
    confirmed: 'নিশ্চিত করা হয়েছে।',
  },
);

/**
 * Payments → To confirm: Send Money payments the customer says they sent. The owner looks for
 * the money on the shop's phone and presses Confirm (the package starts) or Reject (an optional
 * reason, then one more click). A forwarded SMS confirms them without the owner.
 */
export function SendMoneyToConfirm({ items, error, onDone, canDecide }: { items: Payment[]; error: string | null; onDone(): void; canDecide: boolean }) {
  const tz = useShopTimeDisplay();
  const t = useT(M);
  const lang = useLang();
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
    const o = outcomeText(r.value, lang);
    setResult({ ok: o.ok, text: t.result(p.invoiceNo, p.trxId ?? '—', done, o.text) });
    onDone();
  }

  return (
    <section className="card" aria-label={t.toConfirm}>
      <div className="card-head">
        <h2>{t.heading(items.length)}</h2>
      </div>
      <p className="muted small">
        {t.help}
        {canDecide ? '' : t.ownerOnly}
      </p>
      {error ? <Banner>{error}</Banner> : null}
      {result ? <Banner kind={result.ok ? 'success' : 'error'}>{result.text}</Banner> : null}
      <ActionError error={failure} onClose={() => setFailure(null)} />
      {items.length === 0 ? (
        <p className="muted">{t.nothing}</p>
      ) : (
        <table className="table" aria-label={t.table}>
          <thead>
            <tr>
              <th>{t.time}</th>
              <th>{t.wallet}</th>
              <th>{t.trxId}</th>
              <th>{t.sentFrom}</th>
              <th className="num">{t.amount}</th>
              {canDecide ? <th className="row-actions">{t.actions}</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td>{formatDateTime(p.createdAt, tz, lang)}</td>
                <td>{methodLabelFor(lang)[p.method]}</td>
                <td className="mono strong">{p.trxId ?? '—'}</td>
                <td className="mono">{localPhone(p.senderPhone ?? p.customerPhone, lang)}</td>
                <td className="num strong">{formatTaka(p.amount, lang)}</td>
                {canDecide ? (
                  <td className="row-actions">
                    {rejecting?.id === p.id ? (
                      <span className="confirm">
                        <input
                          aria-label={t.reasonOptional}
                          placeholder={t.reasonOptional}
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
                            void act(p, () => call('payments.reject', { id: p.id, ...(reason ? { reason } : {}) }), t.rejected);
                          }}
                        >
                          {t.rejectPayment}
                        </button>
                        <button type="button" className="btn btn-small" onClick={() => setRejecting(null)}>
                          {t.cancel}
                        </button>
                      </span>
                    ) : (
                      <>
                        <button type="button" className="btn btn-small btn-primary" disabled={busy === p.id} onClick={() => void act(p, () => call('payments.confirm', { id: p.id }), t.confirmed)}>
                          {t.confirm}
                        </button>
                        <button type="button" className="btn btn-small btn-danger-outline" disabled={busy === p.id} onClick={() => setRejecting({ id: p.id, reason: '' })}>
                          {t.reject}
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
