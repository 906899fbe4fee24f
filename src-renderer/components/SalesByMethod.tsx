import type { DashboardSummary, PaymentMethod, SalesWindow } from '../../src-shared/domain';
import { formatDate, formatTaka, localDigits } from '../../src-shared/format';
import { PAYMENT_METHODS } from '../../src-shared/payments';
import { messages, useLang, useT, type Lang } from '../i18n';
import { methodLabelFor } from '../paymentLabels';
import { useShopTimeZone } from '../shopTime';

const M = messages(
  {
    heading: 'Sales by method',
    none: 'No sales this month yet.',
    method: 'Method',
    today: 'Today',
    week: 'This week',
    month: 'This month',
    since: (date: string) => `Since ${date}`,
    total: 'Total',
    refunded: (amount: string) => `− ${amount} refunded`,
    after: (amount: string) => `after ${amount} refunded`,
    weekNote: (date: string) => `The week starts on Saturday (${date}); days follow the shop’s time zone.`,
  },
  {
    heading: 'পদ্ধতি অনুযায়ী বিক্রি',
    none: 'এই মাসে এখনো কোনো বিক্রি নেই।',
    method: 'পদ্ধতি',
    today: 'আজ',
    week: 'এই সপ্তাহ',
    month: 'এই মাস',
    since: (date) => `${date} থেকে`,
    total: 'মোট',
    refunded: (amount) => `− ${amount} ফেরত`,
    after: (amount) => `${amount} ফেরতের পরে`,
    weekNote: (date) => `সপ্তাহ শুরু শনিবার (${date}); দিন গোনা হয় দোকানের টাইম জোনে।`,
  },
);

export function methodWords(m: PaymentMethod, lang: Lang): string {
  return methodLabelFor(lang)[m];
}

const WINDOWS = ['today', 'week', 'month'] as const;

function Cell({ w, method }: { w: SalesWindow; method: PaymentMethod }) {
  const t = useT(M);
  const lang = useLang();
  const m = w.byMethod.find((x) => x.method === method);
  if (!m) return <td className="num muted">—</td>;
  return (
    <td className="num">
      {formatTaka(m.amount, lang)} <span className="muted small">({localDigits(String(m.count), lang)})</span>
      {m.refunded ? <div className="problem small">{t.refunded(formatTaka(m.refunded, lang))}</div> : null}
    </td>
  );
}

/**
 * Dashboard: the money by method, today / this week / this month on the shop's calendar (the
 * engine counts; this only lays it out). Refunds made in a window are shown against it.
 */
export function SalesByMethod({ sales }: { sales: DashboardSummary['salesByMethod'] }) {
  const tz = useShopTimeZone();
  const t = useT(M);
  const lang = useLang();
  const used = PAYMENT_METHODS.filter((m) => WINDOWS.some((k) => sales[k].byMethod.some((x) => x.method === m)));
  return (
    <section className="card" aria-label={t.heading}>
      <h2>{t.heading}</h2>
      {used.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <table className="table sales-table" aria-label={t.heading}>
          <thead>
            <tr>
              <th>{t.method}</th>
              {WINDOWS.map((k) => (
                <th key={k} className="num" title={t.since(formatDate(sales[k].from, tz, lang))}>
                  {t[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {used.map((m) => (
              <tr key={m}>
                <td className="method">{methodWords(m, lang)}</td>
                {WINDOWS.map((k) => (
                  <Cell key={k} w={sales[k]} method={m} />
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td className="strong">{t.total}</td>
              {WINDOWS.map((k) => (
                <td key={k} className="num strong">
                  {formatTaka(sales[k].amount - sales[k].refunded, lang)}
                  {sales[k].refunded ? <div className="muted small">{t.after(formatTaka(sales[k].refunded, lang))}</div> : null}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      )}
      <p className="muted small">{t.weekNote(formatDate(sales.week.from, tz, lang))}</p>
    </section>
  );
}
