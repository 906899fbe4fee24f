import type { ReactNode } from 'react';
import type { Payment } from '../../src-shared/domain';
import type { PaymentSortKey } from '../../src-shared/api/payments';
import { formatDateTime, formatTaka, localDigits, localPhone } from '../../src-shared/format';
import { useShopTimeDisplay } from '../shopTime';
import { messages, useLang, useT } from '../i18n';
import { SortHeader, type SortState } from './SortHeader';
import { navigate } from '../route';
import { methodLabelFor, statusLabelFor, STATUS_TONE, problemText } from '../paymentLabels';

const M = messages(
  {
    invoice: 'Invoice',
    time: 'Time',
    customer: 'Customer',
    package: 'Package',
    method: 'Method',
    amount: 'Amount',
    status: 'Status',
    actions: 'Actions',
    refundOf: (id: number) => `refund of #${id}`,
    sentFrom: (phone: string) => `sent from ${phone}`,
    void: 'Void',
    voided: 'voided',
    refunded: 'refunded',
  },
  {
    invoice: 'ইনভয়েস',
    time: 'সময়',
    customer: 'গ্রাহক',
    package: 'প্যাকেজ',
    method: 'মাধ্যম',
    amount: 'টাকা',
    status: 'অবস্থা',
    actions: 'কাজ',
    refundOf: (id) => `#${localDigits(String(id), 'bn')}-এর ফেরত`,
    sentFrom: (phone) => `${phone} থেকে পাঠানো`,
    void: 'বাতিল',
    voided: 'বাতিল করা হয়েছে',
    refunded: 'টাকা ফেরত দেওয়া হয়েছে',
  },
);

/**
 * The payments ledger as a table (the Payments page, and the dashboard's latest payments).
 * `detailed` adds the invoice number, gateway reference / TrxID and the problem a payment waits
 * on; `actions` adds a last column of buttons; `sort` + `onSort` make the time, method, amount
 * and status headers sort the list on the server. A row opens its customer.
 */
export function PaymentsTable({
  payments,
  detailed = false,
  label,
  footer,
  actions,
  sort,
  onSort,
}: {
  payments: Payment[];
  detailed?: boolean;
  label?: string;
  footer?: ReactNode;
  actions?: (p: Payment) => ReactNode;
  sort?: SortState<PaymentSortKey>;
  onSort?: (sort: SortState<PaymentSortKey>) => void;
}) {
  const t = useT(M);
  const lang = useLang();
  const tz = useShopTimeDisplay();
  const header = (label: string, key: PaymentSortKey, firstDir: 'asc' | 'desc', className?: string) =>
    sort && onSort ? (
      <SortHeader label={label} sortKey={key} sort={sort} firstDir={firstDir} onSort={onSort} className={className} />
    ) : (
      <th className={className}>{label}</th>
    );
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          {detailed ? <th>{t.invoice}</th> : null}
          {header(t.time, 'at', 'desc')}
          <th>{t.customer}</th>
          <th>{t.package}</th>
          {header(t.method, 'method', 'asc')}
          {header(t.amount, 'amount', 'desc', 'num')}
          {header(t.status, 'status', 'asc')}
          {actions ? <th className="row-actions no-print">{t.actions}</th> : null}
        </tr>
      </thead>
      <tbody>
        {payments.map((p) => {
          // The ledger keeps a settled payment's problem as history; it is news only while open.
          const open = p.status === 'needs_review' || p.status === 'pending';
          const problem = detailed && open ? problemText(p.problem, lang) : null;
          return (
            <tr key={p.id} data-payment={p.id} className={p.customerId ? 'clickable' : ''} onClick={() => p.customerId && navigate(`/customers/${p.customerId}`)}>
              {detailed ? (
                <td className="mono">
                  <span className="nowrap">{p.invoiceNo}</span>
                  {p.refundOf ? <div className="muted small">{t.refundOf(p.refundOf)}</div> : null}
                </td>
              ) : null}
              <td>{formatDateTime(p.createdAt, tz, lang)}</td>
              <td className={detailed ? 'mono' : undefined}>
                {localPhone(p.customerPhone, lang)}
                {detailed && p.senderPhone && p.senderPhone !== p.customerPhone ? <div className="muted small">{t.sentFrom(localPhone(p.senderPhone, lang))}</div> : null}
              </td>
              <td>{p.packageName ?? '—'}</td>
              <td>
                {methodLabelFor(lang)[p.method] ?? p.method}
                {detailed && (p.trxId || p.gatewayRef) ? (
                  <div className="muted small mono ref">{p.trxId ? <>TrxID <span className="nowrap">{p.trxId}</span></> : p.gatewayRef}</div>
                ) : null}
              </td>
              <td className="num">{formatTaka(p.amount, lang)}</td>
              <td title={p.failureReason ?? undefined}>
                <span className={`badge badge-${STATUS_TONE[p.status] ?? 'grey'}`}>{p.reversal === 'void' ? t.void : (statusLabelFor(lang)[p.status] ?? p.status)}</span>
                {p.reversedBy ? <span className="muted small"> · {p.reversedBy.kind === 'void' ? t.voided : t.refunded}</span> : null}
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
