import { useCallback, useEffect, useState } from 'react';
import type { DailyMoney, DailyReport } from '../../src-shared/api/reports';
import { call } from '../api';
import { Banner } from '../components/Banner';
import { PageHeader } from '../components/PageHeader';
import { METHOD_LABEL } from '../paymentLabels';
import { formatDate, formatTaka } from '../../src-shared/format';
import { zonedDayRange } from '../../src-shared/time';
import { shopDaysFilter, shopToday, useShopTimeZone } from '../shopTime';

const dayLabel = (ymd: string, tz: string) => formatDate(zonedDayRange(ymd, tz)?.from, tz);

function Breakdown({ m }: { m: DailyMoney }) {
  return (
    <div className="columns">
      <div>
        <h3>By method</h3>
        <ul className="count-list">
          {m.byMethod.length === 0 ? <li className="muted">No sales</li> : null}
          {m.byMethod.map((x) => (
            <li key={x.method}>
              <span>
                {METHOD_LABEL[x.method] ?? x.method} × {x.count}
              </span>
              <span>{formatTaka(x.amount)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3>Counter sales by staff</h3>
        <ul className="count-list">
          {m.byStaff.length === 0 ? <li className="muted">No cash sales</li> : null}
          {m.byStaff.map((x) => (
            <li key={x.staff}>
              <span>
                {x.staff} × {x.count}
              </span>
              <span>{formatTaka(x.amount)}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The daily cash report: per shop day, what was sold, taken back, and what the drawer should hold. */
export function ReportsPage() {
  const tz = useShopTimeZone();
  const [from, setFrom] = useState(() => shopToday());
  const [to, setTo] = useState(() => shopToday());
  const [report, setReport] = useState<DailyReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const range = shopDaysFilter(from, to, tz);
    if (range.from === undefined || range.to === undefined) {
      setError('Choose both days: from and to.');
      return;
    }
    const r = await call('reports.daily', { from: range.from, to: range.to });
    if (r.ok) {
      setReport(r.value);
      setError(null);
    } else setError(r.error.message);
  }, [from, to, tz]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageHeader title="Daily report" sub="Sales, voids and refunds per day, and the cash the drawer should hold. Days are the shop's." />
      <div className="toolbar no-print" role="group" aria-label="Days">
        <label className="inline-field">
          From
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="inline-field">
          To
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" className="btn btn-small" onClick={() => void load()}>
          Refresh
        </button>
        <button type="button" className="btn btn-small" onClick={() => window.print()}>
          Print
        </button>
      </div>
      {error ? <Banner>{error}</Banner> : null}
      {report ? (
        <>
          <div className="card flush">
            <table className="table" aria-label="Days">
              <thead>
                <tr>
                  <th>Day</th>
                  <th className="num">Sales</th>
                  <th className="num">Voids</th>
                  <th className="num">Refunds</th>
                  <th className="num">Net</th>
                  <th className="num">Cash expected</th>
                </tr>
              </thead>
              <tbody>
                {report.days.map((d) => (
                  <tr key={d.day} data-day={d.day}>
                    <td>{dayLabel(d.day, tz)}</td>
                    <td className="num">
                      {formatTaka(d.sales.amount)} <span className="muted small">({d.sales.count})</span>
                    </td>
                    <td className="num">
                      {formatTaka(d.voids.amount)} <span className="muted small">({d.voids.count})</span>
                    </td>
                    <td className="num">
                      {formatTaka(d.refunds.amount)} <span className="muted small">({d.refunds.count})</span>
                    </td>
                    <td className="num">{formatTaka(d.net)}</td>
                    <td className="num strong" data-testid="cash-expected">
                      {formatTaka(d.cashExpected)}
                    </td>
                  </tr>
                ))}
              </tbody>
              {report.days.length > 1 ? (
                <tfoot>
                  <tr>
                    <td>Total</td>
                    <td className="num">{formatTaka(report.total.sales.amount)}</td>
                    <td className="num">{formatTaka(report.total.voids.amount)}</td>
                    <td className="num">{formatTaka(report.total.refunds.amount)}</td>
                    <td className="num">{formatTaka(report.total.net)}</td>
                    <td className="num strong">{formatTaka(report.total.cashExpected)}</td>
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
          {report.days
            .filter((d) => d.sales.count + d.voids.count + d.refunds.count > 0)
            .map((d) => (
              <section key={d.day} className="card report-day" aria-label={`Day ${d.day}`}>
                <h2>
                  <span>{dayLabel(d.day, tz)}</span>
                  <span>Drawer: {formatTaka(d.cashExpected)}</span>
                </h2>
                <Breakdown m={d} />
              </section>
            ))}
        </>
      ) : null}
    </>
  );
}
