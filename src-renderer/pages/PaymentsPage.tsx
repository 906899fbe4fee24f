import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../../src-shared/api';
import type { Payment, PaymentMethod, PaymentStatus } from '../../src-shared/domain';
import { formatTaka } from '../../src-shared/format';
import { ActionError } from '../components/ActionError';
import { ConfirmButton } from '../components/ConfirmButton';
import { Banner } from '../components/Banner';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { PaymentsTable } from '../components/PaymentsTable';
import { RecoverPayment } from '../components/RecoverPayment';
import { RefundPanel, type RefundDone } from '../components/RefundPanel';
import { SendMoneyToConfirm } from '../components/SendMoneyToConfirm';
import { call } from '../api';
import { ExportButton } from '../components/ExportButton';
import { VoidButton } from '../components/VoidButton';
import { useReceiptStore } from '../stores/receiptStore';
import { METHOD_OPTIONS, STATUS_OPTIONS, canRecheck, isSendMoneyMethod, outcomeText } from '../paymentLabels';
import { shopDaysFilter, shopToday } from '../shopTime';
import { useRole } from '../stores/authStore';
import { emptyPaymentFilters, PAYMENTS_PAGE_SIZE, usePaymentsStore, type PaymentFilters } from '../stores/paymentsStore';

type TextFilter = 'phone' | 'invoiceNo' | 'gatewayRef' | 'trxId';
const TEXT_FILTERS: Array<[TextFilter, string, string]> = [
  ['phone', 'Phone', '01712345678'],
  ['invoiceNo', 'Invoice', 'INV-…'],
  ['gatewayRef', 'Gateway reference', 'paymentID / tran_id'],
  ['trxId', 'Transaction ID', 'CJU0PZQ3U6'],
];

export function PaymentsPage() {
  const { items, total, offset, filters, loaded, error, toConfirm, toConfirmError, reload, setFilters, setOffset } = usePaymentsStore();
  const owner = useRole() === 'owner';
  const showReceipt = useReceiptStore((st) => st.show);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [refunding, setRefunding] = useState<Payment | null>(null);
  const [refunded, setRefunded] = useState<RefundDone | null>(null);
  useEffect(() => {
    void reload();
  }, [reload]);

  // Net on this page: sales less refunds and voids (reversal rows are stored as refunded).
  const pageSum = items.reduce((sum, p) => sum + (p.status === 'completed' ? p.amount : p.status === 'refunded' ? -p.amount : 0), 0);
  const filtered = JSON.stringify(filters) !== JSON.stringify(emptyPaymentFilters);
  // Refund rows on this page name the payments they refund: those get no Refund button.
  const refundedIds = new Set(items.flatMap((p) => (p.refundOf ? [p.refundOf] : [])));

  async function recheck(p: Payment) {
    setBusyId(p.id);
    setNotice(null);
    setFailure(null);
    const r = await call('payments.recheck', { id: p.id });
    setBusyId(null);
    if (!r.ok) return setFailure(r.error);
    const o = outcomeText(r.value);
    setNotice({ ok: o.ok, text: `${p.invoiceNo}: ${o.text}` });
    void reload();
  }

  async function decide(p: Payment, what: 'confirm' | 'reject') {
    setNotice(null);
    setFailure(null);
    const r = what === 'confirm' ? await call('payments.confirm', { id: p.id }) : await call('payments.reject', { id: p.id });
    if (!r.ok) return setFailure(r.error);
    const o = outcomeText(r.value);
    setNotice({ ok: o.ok, text: `${p.invoiceNo}: ${what === 'confirm' ? 'confirmed' : 'rejected'}. ${o.text}` });
    void reload();
  }

  function actions(p: Payment) {
    const buttons = [];
    if (p.status === 'completed' || p.reversedBy) {
      buttons.push(
        <button key="receipt" type="button" className="btn btn-small" onClick={() => showReceipt(p)}>
          Receipt
        </button>,
      );
    }
    if (owner && p.method === 'cash' && p.status === 'completed' && !p.reversedBy) {
      buttons.push(<VoidButton key="void" payment={p} onVoided={() => void reload()} />);
    }
    if (canRecheck(p)) {
      buttons.push(
        <button key="recheck" type="button" className="btn btn-small" disabled={busyId === p.id} aria-busy={busyId === p.id || undefined} onClick={() => void recheck(p)}>
          {busyId === p.id ? 'Asking…' : 'Recheck'}
        </button>,
      );
    }
    if (owner && p.status === 'needs_review') {
      // Nothing was activated: the owner checked the money (merchant panel, shop phone) and decides.
      buttons.push(
        <ConfirmButton key="confirm" danger={false} confirm={`Activate it as paid (${formatTaka(p.amount)})?`} confirmLabel="Yes, confirm" onConfirm={() => decide(p, 'confirm')}>
          Confirm
        </ConfirmButton>,
        <ConfirmButton key="reject" confirm="Reject it as not paid?" confirmLabel="Yes, reject" onConfirm={() => decide(p, 'reject')}>
          Reject
        </ConfirmButton>,
      );
    }
    if (owner && p.status === 'completed' && p.method !== 'voucher' && !p.reversedBy && !refundedIds.has(p.id)) {
      buttons.push(
        <button key="refund" type="button" className="btn btn-small btn-danger-outline" onClick={() => (setRefunded(null), setRefunding(p))}>
          Refund
        </button>,
      );
    }
    return buttons.length ? buttons : null;
  }

  function onRefunded(r: RefundDone) {
    setRefunding(null);
    setRefunded(r);
    // Show the new row: the ledger is newest first, so clear the filters that would hide it.
    setFilters(emptyPaymentFilters);
    void reload();
  }

  return (
    <>
      <PageHeader title="Payments" sub="The ledger: every payment, newest first. Nothing is ever edited or deleted; a refund or a void is a new row.">
        {owner ? <ExportButton run={() => call('exports.payments', shopDaysFilter(filters.from, filters.to))} /> : null}
      </PageHeader>
      <SendMoneyToConfirm items={toConfirm} error={toConfirmError} onDone={() => void reload()} canDecide={owner} />
      <RecoverPayment onDone={() => void reload()} />
      {refunding ? <RefundPanel payment={refunding} onCancel={() => setRefunding(null)} onDone={onRefunded} /> : null}
      {refunded ? (
        <Banner kind="success" onClose={() => setRefunded(null)}>
          Refunded {formatTaka(refunded.refund.amount)} of {refunded.original.invoiceNo}: refund row {refunded.refund.invoiceNo}.{' '}
          {refunded.manual ? 'Hand the money back to the customer yourself: this gateway has no refund through HotspotDesk.' : 'The gateway sends the money back.'}
        </Banner>
      ) : null}
      <div className="toolbar" role="group" aria-label="Filters">
        <label className="inline-field">
          Method
          <select value={filters.method} onChange={(e) => setFilters({ method: e.target.value as PaymentMethod | '' })}>
            <option value="">All</option>
            {METHOD_OPTIONS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          Status
          <select value={filters.status} onChange={(e) => setFilters({ status: e.target.value as PaymentStatus | '' })}>
            <option value="">All</option>
            {STATUS_OPTIONS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          From
          <input type="date" value={filters.from} onChange={(e) => setFilters({ from: e.target.value })} />
        </label>
        <label className="inline-field">
          To
          <input type="date" value={filters.to} onChange={(e) => setFilters({ to: e.target.value })} />
        </label>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            const today = shopToday();
            setFilters({ from: today, to: today });
          }}
        >
          Today
        </button>
        <SearchFilters filters={filters} onSearch={setFilters} />
        {filtered ? (
          <button type="button" className="btn btn-small" onClick={() => setFilters(emptyPaymentFilters)}>
            Clear filters
          </button>
        ) : null}
      </div>
      {error ? <Banner>{error}</Banner> : null}
      {notice ? (
        <Banner kind={notice.ok ? 'success' : 'error'} onClose={() => setNotice(null)}>
          {notice.text}
        </Banner>
      ) : null}
      <ActionError error={failure} onClose={() => setFailure(null)} />
      {loaded && items.length === 0 ? (
        <div className="empty card">
          <p>{filtered ? 'No payment matches these filters.' : 'No payments yet.'}</p>
        </div>
      ) : (
        <div className="card flush">
          <PaymentsTable
            payments={items}
            detailed
            label="Payments"
            actions={actions}
            footer={
              <tfoot>
                <tr>
                  <td colSpan={5}>
                    {total} payment{total === 1 ? '' : 's'}
                    {total > items.length ? ` (showing ${items.length})` : ''} · net on this page (sales less refunds and voids)
                  </td>
                  <td className="num strong">{formatTaka(pageSum)}</td>
                  <td colSpan={2} />
                </tr>
              </tfoot>
            }
          />
          <Pager offset={offset} pageSize={PAYMENTS_PAGE_SIZE} total={total} onChange={setOffset} />
        </div>
      )}
      {items.some((p) => p.status === 'needs_review' && !isSendMoneyMethod(p.method)) ? (
        <p className="muted small">A payment that needs review activated nothing. Check it in the gateway’s merchant panel; Recheck asks the gateway again.</p>
      ) : null}
    </>
  );
}

/** Phone, invoice, reference and TrxID: applied together on Search (not on every key). */
function SearchFilters({ filters, onSearch }: { filters: PaymentFilters; onSearch(f: Partial<PaymentFilters>): void }) {
  const [draft, setDraft] = useState(() => Object.fromEntries(TEXT_FILTERS.map(([k]) => [k, filters[k]])) as Record<TextFilter, string>);
  // "Clear filters" (or a refund) resets the store: show that in the boxes too.
  const applied = TEXT_FILTERS.map(([k]) => filters[k]).join('\u0000');
  const [seen, setSeen] = useState(applied);
  if (seen !== applied) {
    // Adjusting state while rendering (React's pattern for "reset when a prop changes").
    setSeen(applied);
    setDraft(Object.fromEntries(TEXT_FILTERS.map(([k]) => [k, filters[k]])) as Record<TextFilter, string>);
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    onSearch(draft);
  }
  return (
    <form className="search-filters" onSubmit={onSubmit} role="search" aria-label="Find a payment">
      {TEXT_FILTERS.map(([k, label, placeholder]) => (
        <label key={k} className="inline-field">
          {label}
          <input className={k === 'phone' ? undefined : 'mono'} value={draft[k]} placeholder={placeholder} maxLength={k === 'gatewayRef' ? 200 : 40} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
        </label>
      ))}
      <button type="submit" className="btn btn-small">
        Search
      </button>
    </form>
  );
}
