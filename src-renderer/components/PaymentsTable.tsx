import type { ReactNode } from 'react';
import type { Payment } from '../../src-shared/domain';
import { formatDateTime, formatTaka, localPhone } from '../../src-shared/format';
import { useShopTimeZone } from '../shopTime';
import { navigate } from '../route';
import { METHOD_LABEL, STATUS_LABEL, STATUS_TONE, problemText } from '../paymentLabels';

/**
 * The payments ledger as a table (the Payments page, and the dashboard's latest payments).
 * `detailed` adds the invoice number, gateway reference / TrxID and the problem a payment waits
 * on; `actions` adds a last column of buttons. A row opens its customer.
 */
export function PaymentsTable({
  payments,
  detailed = false,
  label,
  footer,
  actions,
}: {
  payments: Payment[];
  detailed?: boolean;
  label?: string;
  footer?: ReactNode;
  actions?: (p: Payment) => ReactNode;
}) {
  const tz = useShopTimeZone();
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          {detailed ? <th>Invoice</th> : null}
          <th>Time</th>
          <th>Customer</th>
          <th>Package</th>
          <th>Method</th>
          <th className="num">Amount</th>
          <th>Status</th>
          {actions ? <th className="row-actions no-print">Actions</th> : null}
        </tr>
      </thead>
      <tbody>
        {payments.map((p) => {
          // The ledger keeps a settled payment's problem as history; it is news only while open.
          const open = p.status === 'needs_review' || p.status === 'pending';
          const problem = detailed && open ? problemText(p.problem) : null;
          return (
            <tr key={p.id} data-payment={p.id} className={p.customerId ? 'clickable' : ''} onClick={() => p.customerId && navigate(`/customers/${p.customerId}`)}>
              {detailed ? (
                <td className="mono">
                  <span className="nowrap">{p.invoiceNo}</span>
                  {p.refundOf ? <div className="muted small">refund of #{p.refundOf}</div> : null}
                </td>
              ) : null}
              <td>{formatDateTime(p.createdAt, tz)}</td>
              <td className={detailed ? 'mono' : undefined}>
                {localPhone(p.customerPhone)}
                {detailed && p.senderPhone && p.senderPhone !== p.customerPhone ? <div className="muted small">sent from {localPhone(p.senderPhone)}</div> : null}
              </td>
              <td>{p.packageName ?? '—'}</td>
              <td>
                {METHOD_LABEL[p.method] ?? p.method}
                {detailed && (p.trxId || p.gatewayRef) ? (
                  <div className="muted small mono ref">{p.trxId ? <>TrxID <span className="nowrap">{p.trxId}</span></> : p.gatewayRef}</div>
                ) : null}
              </td>
              <td className="num">{formatTaka(p.amount)}</td>
              <td title={p.failureReason ?? undefined}>
                <span className={`badge badge-${STATUS_TONE[p.status] ?? 'grey'}`}>{p.reversal === 'void' ? 'Void' : (STATUS_LABEL[p.status] ?? p.status)}</span>
                {p.reversedBy ? <span className="muted small"> · {p.reversedBy.kind === 'void' ? 'voided' : 'refunded'}</span> : null}
                {problem ? <div className="problem small">{problem}</div> : null}
                {detailed && p.status === 'failed' && p.failureReason ? <div className="muted small">{p.failureReason}</div> : null}
              </td>
              {actions ? (
                // Buttons act on the payment; the row's click opens the customer.
                <td className="row-actions no-print" onClick={(e) => e.stopPropagation()}>
                  {actions(p)}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
      {footer}
    </table>
  );
}
