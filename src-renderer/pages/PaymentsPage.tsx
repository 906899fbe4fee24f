import { useEffect } from 'react';
import type { PaymentMethod, PaymentStatus } from '../../src-shared/domain';
import { call } from '../api';
import { ExportButton } from '../components/ExportButton';
import { VoidButton } from '../components/VoidButton';
import { useReceiptStore } from '../stores/receiptStore';
import { useRole } from '../stores/authStore';
import { Banner } from '../components/Banner';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { PaymentsTable, PAYMENT_METHODS } from '../components/PaymentsTable';
import { formatTaka } from '../../src-shared/format';
import { shopDaysFilter, shopToday } from '../shopTime';
import { emptyPaymentFilters, PAYMENTS_PAGE_SIZE, usePaymentsStore } from '../stores/paymentsStore';

const METHODS = PAYMENT_METHODS;

export function PaymentsPage() {
  const { items, total, offset, filters, loaded, error, load, setFilters, setOffset } = usePaymentsStore();
  useEffect(() => {
    void load();
  }, [load]);

  const role = useRole();
  const showReceipt = useReceiptStore((s) => s.show);
  // Net: a refund or void row takes its amount back off the page's sum.
  const pageSum = items.reduce((s, p) => s + (p.status === 'completed' ? p.amount : p.status === 'refunded' ? -p.amount : 0), 0);
  const filtered = JSON.stringify(filters) !== JSON.stringify(emptyPaymentFilters);

  return (
    <>
      <PageHeader title="Payments" sub="The ledger: every payment, newest first. Nothing is ever edited or deleted.">
        {role === 'owner' ? <ExportButton run={() => call('exports.payments', shopDaysFilter(filters.from, filters.to))} /> : null}
      </PageHeader>
      <div className="toolbar" role="group" aria-label="Filters">
        <label className="inline-field">
          Method
          <select value={filters.method} onChange={(e) => setFilters({ method: e.target.value as PaymentMethod | '' })}>
            <option value="">All</option>
            {METHODS.map(([v, l]) => (
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
            <option value="completed">Completed</option>
            <option value="pending">Pending</option>
            <option value="failed">Failed</option>
            <option value="refunded">Refunds and voids</option>
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
        {filtered ? (
          <button type="button" className="btn btn-small" onClick={() => setFilters(emptyPaymentFilters)}>
            Clear filters
          </button>
        ) : null}
      </div>
      {error ? <Banner>{error}</Banner> : null}
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
            actions={(p) => (
              <>
                {p.status === 'completed' || p.reversedBy ? (
                  <button type="button" className="btn btn-small" onClick={() => showReceipt(p)}>
                    Receipt
                  </button>
                ) : null}
                {role === 'owner' && p.method === 'cash' && p.status === 'completed' && !p.reversedBy ? <VoidButton payment={p} onVoided={() => void load()} /> : null}
              </>
            )}
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
    </>
  );
}
