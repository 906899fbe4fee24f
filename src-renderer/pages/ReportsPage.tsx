import { useCallback, useEffect, useState } from 'react';
import type { DailyMoney, DailyReport } from '../../src-shared/api/reports';
import { call } from '../api';
import { Banner } from '../components/Banner';
import { PageHeader } from '../components/PageHeader';
import { methodLabelFor } from '../paymentLabels';
import { formatDate, formatTaka, localDigits } from '../../src-shared/format';
import { messages, useLang, useT, type Lang } from '../i18n';
import { zonedDayRange } from '../../src-shared/time';
import { shopDaysFilter, shopToday, useShopTimeZone } from '../shopTime';

const M = messages(
  {
    byMethod: 'By method',
    noSales: 'No sales',
    byStaff: 'Counter sales by staff',
    noCashSales: 'No cash sales',
    needDays: 'Choose both days: from and to.',
    title: 'Daily report',
    sub: "Sales, voids and refunds per day, and the cash the drawer should hold. Days are the shop's.",
    days: 'Days',
    from: 'From',
    to: 'To',
    refresh: 'Refresh',
    print: 'Print',
    day: 'Day',
    sales: 'Sales',
    voids: 'Voids',
    refunds: 'Refunds',
    net: 'Net',
    cashExpected: 'Cash expected',
    total: 'Total',
    dayLabel: (ymd: string) => `Day ${ymd}`,
    drawer: (taka: string) => `Drawer: ${taka}`,
  },
  {
    byMethod: 'যেভাবে টাকা এসেছে',
    noSales: 'কোনো বিক্রি নেই',
    byStaff: 'কর্মী অনুযায়ী কাউন্টারের বিক্রি',
    noCashSales: 'কোনো নগদ বিক্রি নেই',
    needDays: 'দুটো দিনই বেছে নিন: কবে থেকে এবং কবে পর্যন্ত।',
    title: 'দৈনিক হিসাব',
    sub: 'প্রতিদিনের বিক্রি, বাতিল ও ফেরত, আর ক্যাশ ড্রয়ারে কত টাকা থাকার কথা। দিনগুলো দোকানের সময় অনুযায়ী।',
    days: 'দিন',
    from: 'থেকে',
    to: 'পর্যন্ত',
    refresh: 'রিফ্রেশ',
    print: 'প্রিন্ট',
    day: 'দিন',
    sales: 'বিক্রি',
    voids: 'বাতিল',
    refunds: 'ফেরত',
    net: 'নিট',
    cashExpected: 'ড্রয়ারে থাকার কথা',
    total: 'মোট',
    dayLabel: (ymd) => `দিন ${ymd}`,
    drawer: (taka) => `ড্রয়ার: ${taka}`,
  },
);

const dayLabel = (ymd: string, tz: string, lang: Lang) => formatDate(zonedDayRange(ymd, tz)?.from, tz, lang);

function Breakdown({ m }: { m: DailyMoney }) {
  const t = useT(M);
  const lang = useLang();
  return (
    <div className="columns">
      <div>
        <h3>{t.byMethod}</h3>
        <ul className="count-list">
          {m.byMethod.length === 0 ? <li className="muted">{t.noSales}</li> : null}
          {m.byMethod.map((x) => (
            <li key={x.method}>
              <span>
                {methodLabelFor(lang)[x.method] ?? x.method} × {localDigits(String(x.count), lang)}
              </span>
              <span>{formatTaka(x.amount, lang)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3>{t.byStaff}</h3>
        <ul className="count-list">
          {m.byStaff.length === 0 ? <li className="muted">{t.noCashSales}</li> : null}
          {m.byStaff.map((x) => (
            <li key={x.staff}>
              <span>
                {x.staff} × {localDigits(String(x.count), lang)}
              </span>
              <span>{formatTaka(x.amount, lang)}</span>
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
  const t = useT(M);
  const lang = useLang();
  const n = (v: number) => localDigits(String(v), lang);
  const [from, setFrom] = useState(() => shopToday());
  const [to, setTo] = useState(() => shopToday());
  const [report, setReport] = useState<DailyReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const range = shopDaysFilter(from, to, tz);
    if (range.from === undefined || range.to === undefined) {
      setError(M[lang].needDays);
      return;
    }
    const r = await call('reports.daily', { from: range.from, to: range.to });
    if (r.ok) {
      setReport(r.value);
      setError(null);
    } else setError(r.error.message);
  }, [from, to, tz, lang]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageHeader title={t.title} sub={t.sub} />
      <div className="toolbar no-print" role="group" aria-label={t.days}>
        <label className="inline-field">
          {t.from}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="inline-field">
          {t.to}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" className="btn btn-small" onClick={() => void load()}>
          {t.refresh}
        </button>
        <button type="button" className="btn btn-small" onClick={() => window.print()}>
          {t.print}
        </button>
      </div>
      {error ? <Banner>{error}</Banner> : null}
      {report ? (
        <>
          <div className="card flush">
            <table className="table" aria-label={t.days}>
              <thead>
                <tr>
                  <th>{t.day}</th>
                  <th className="num">{t.sales}</th>
                  <th className="num">{t.voids}</th>
                  <th className="num">{t.refunds}</th>
                  <th className="num">{t.net}</th>
                  <th className="num">{t.cashExpected}</th>
                </tr>
              </thead>
              <tbody>
                {report.days.map((d) => (
                  <tr key={d.day} data-day={d.day}>
                    <td>{dayLabel(d.day, tz, lang)}</td>
                    <td className="num">
                      {formatTaka(d.sales.amount, lang)} <span className="muted small">({n(d.sales.count)})</span>
                    </td>
                    <td className="num">
                      {formatTaka(d.voids.amount, lang)} <span className="muted small">({n(d.voids.count)})</span>
                    </td>
                    <td className="num">
                      {formatTaka(d.refunds.amount, lang)} <span className="muted small">({n(d.refunds.count)})</span>
                    </td>
                    <td className="num">{formatTaka(d.net, lang)}</td>
                    <td className="num strong" data-testid="cash-expected">
                      {formatTaka(d.cashExpected, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
              {report.days.length > 1 ? (
                <tfoot>
                  <tr>
                    <td>{t.total}</td>
                    <td className="num">{formatTaka(report.total.sales.amount, lang)}</td>
                    <td className="num">{formatTaka(report.total.voids.amount, lang)}</td>
                    <td className="num">{formatTaka(report.total.refunds.amount, lang)}</td>
                    <td className="num">{formatTaka(report.total.net, lang)}</td>
                    <td className="num strong">{formatTaka(report.total.cashExpected, lang)}</td>
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
          {report.days
            .filter((d) => d.sales.count + d.voids.count + d.refunds.count > 0)
            .map((d) => (
              <section key={d.day} className="card report-day" aria-label={t.dayLabel(d.day)}>
                <h2>
                  <span>{dayLabel(d.day, tz, lang)}</span>
                  <span>{t.drawer(formatTaka(d.cashExpected, lang))}</span>
                </h2>
                <Breakdown m={d} />
              </section>
            ))}
        </>
      ) : null}
    </>
  );
}
