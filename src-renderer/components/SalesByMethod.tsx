import type { DashboardSummary, PaymentMethod, SalesWindow } from '../../src-shared/domain';
import { formatDate, formatTaka } from '../../src-shared/format';
import { PAYMENT_METHODS } from '../../src-shared/payments';
import { METHOD_LABEL } from '../paymentLabels';
import { useShopTimeZone } from '../shopTime';

const WINDOWS = [
  ['today', 'Today'],
  ['week', 'This week'],
  ['month', 'This month'],
] as const;

function Cell({ w, method }: { w: SalesWindow; method: PaymentMethod }) {
  const m = w.byMethod.find((x) => x.method === method);
  if (!m) return <td className="num muted">—</td>;
  return (
    <td className="num">
      {formatTaka(m.amount)} <span className="muted small">({m.count})</span>
      {m.refunded ? <div className="problem small">− {formatTaka(m.refunded)} refunded</div> : null}
    </td>
  );
}

/**
 * Dashboard: the money by method, today / this week / this month on the shop's calendar (the
 * engine counts; this only lays it out). Refunds made in a window are shown against it.
 */
export function SalesByMethod({ sales }: { sales: DashboardSummary['salesByMethod'] }) {
  const tz = useShopTimeZone();
  const used = PAYMENT_METHODS.filter((m) => WINDOWS.some(([k]) => sales[k].byMethod.some((x) => x.method === m)));
  return (
    <section className="card" aria-label="Sales by method">
      <h2>Sales by method</h2>
      {used.length === 0 ? (
        <p className="muted">No sales this month yet.</p>
      ) : (
        <table className="table sales-table" aria-label="Sales by method">
          <thead>
            <tr>
              <th>Method</th>
              {WINDOWS.map(([k, label]) => (
                <th key={k} className="num" title={`Since ${formatDate(sales[k].from, tz)}`}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {used.map((m) => (
              <tr key={m}>
                <td className="method">{METHOD_LABEL[m]}</td>
                {WINDOWS.map(([k]) => (
                  <Cell key={k} w={sales[k]} method={m} />
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td className="strong">Total</td>
              {WINDOWS.map(([k]) => (
                <td key={k} className="num strong">
                  {formatTaka(sales[k].amount - sales[k].refunded)}
                  {sales[k].refunded ? <div className="muted small">after {formatTaka(sales[k].refunded)} refunded</div> : null}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      )}
      <p className="muted small">The week starts on Saturday ({formatDate(sales.week.from, tz)}); days follow the shop’s time zone.</p>
    </section>
  );
}
