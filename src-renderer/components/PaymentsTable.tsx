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
const METHOD_LABEL = Object.fromEntries(PAYMENT_METHODS) as Record<PaymentMethod, string>;

/**
 * The payments ledger as a table (the Payments page, and the dashboard's latest payments).
 * `detailed` adds the invoice number and gateway reference; a row opens its customer.
 */
export function PaymentsTable({ payments, detailed = false, label, footer }: { payments: Payment[]; detailed?: boolean; label?: string; footer?: ReactNode }) {
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
            <td title={p.failureReason ?? undefined}>
              <StatusBadge status={p.status} />
            </td>
          </tr>
        ))}
      </tbody>
      {footer}
    </table>
  );
}
