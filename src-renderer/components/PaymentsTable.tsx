import type { ReactNode } from 'react';
import type { Payment, PaymentMethod } from '../../src-shared/domain';
import { StatusBadge } from './StatusBadge';
import { formatDateTime, formatTaka, localPhone } from '../../src-shared/format';
import { useShopTimeZone } from '../shopTime';
import { navigate } from '../route';

export const PAYMENT_METHODS: Array<[PaymentMethod, string]> = [
  ['cash', 'Cash'],
  ['voucher', 'Recharge card'],
  ['bkash', 'bKash'],
  ['nagad', 'Nagad'],
  ['sslcommerz', 'SSLCommerz'],
];
export const METHOD_LABEL: Record<PaymentMethod, string> = {
  ...(Object.fromEntries(PAYMENT_METHODS) as Record<PaymentMethod, string>),
  bkash_send_money: 'bKash Send Money',
  nagad_send_money: 'Nagad Send Money',
  rocket_send_money: 'Rocket Send Money',
};

/**
 * The payments ledger as a table (the Payments page, and the dashboard's latest payments).
 * `detailed` adds the invoice number and gateway reference; a row opens its customer.
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
  /** A last column of buttons per row (receipt, void); clicks there do not open the customer. */
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
        {payments.map((p) => (
          <tr key={p.id} className={p.customerId ? 'clickable' : ''} onClick={() => p.customerId && navigate(`/customers/${p.customerId}`)}>
            {detailed ? <td className="mono">{p.invoiceNo}</td> : null}
            <td>{formatDateTime(p.createdAt, tz)}</td>
            <td className={detailed ? 'mono' : undefined}>{localPhone(p.customerPhone)}</td>
            <td>{p.packageName ?? '—'}</td>
            <td>
              {METHOD_LABEL[p.method] ?? p.method}
              {detailed && p.gatewayRef ? <span className="muted small"> · {p.gatewayRef}</span> : null}
            </td>
            <td className="num">{formatTaka(p.amount)}</td>
            <td title={p.failureReason ?? p.note ?? undefined}>
              <StatusBadge status={p.reversal ?? p.status} />
              {p.reversedBy ? <span className="muted small"> · {p.reversedBy.kind === 'void' ? 'voided' : 'refunded'}</span> : null}
            </td>
            {actions ? (
              <td className="row-actions no-print" onClick={(e) => e.stopPropagation()}>
                {actions(p)}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
      {footer}
    </table>
  );
}
