import { useEffect } from 'react';
import type { DashboardOverview } from '../../src-shared/api/dashboard';
import { Banner } from '../components/Banner';
import { BarChart } from '../components/BarChart';
import { DashboardWarnings } from '../components/DashboardWarnings';
import { PageHeader } from '../components/PageHeader';
import { SellForm } from '../components/SellForm';
import { SalesByMethod } from '../components/SalesByMethod';
import { PaymentsTable } from '../components/PaymentsTable';
import { formatDate, formatDateTime, formatTaka, localDigits, type Lang, type TimeDisplay } from '../../src-shared/format';
import { messages, useLang, useT } from '../i18n';
import { reasonWords } from '../reasonWords';
import { useShopTimeDisplay } from '../shopTime';
import { useDashboardStore } from '../stores/dashboardStore';

const M = messages(
  {
    title: 'Dashboard',
    sub: (date: string) => `Today at a glance · ${date}`,
    summary: 'Summary',
    salesToday: 'Sales today',
    sales: (n: number) => `${n} sale${n === 1 ? '' : 's'}`,
    activeSubscriptions: 'Active subscriptions',
    customers: 'Customers',
    onlineNow: 'Online now',
    onlineLater: 'Shown once routers report',
    routers: 'Routers',
    salesPerDay: 'Sales per day',
    salesPerDayHeading: 'Sales per day (30 days)',
    day: 'Day',
    netSales: 'Net sales',
    daySales: (date: string, amount: string, n: number) => `${date}: ${amount} (${n} sale${n === 1 ? '' : 's'})`,
    daysNote: (zone: string) => `Dates are dd/mm, days in ${zone}; voids and refunds are taken off the day they were made.`,
    onlinePerHour: 'Devices online per hour',
    onlinePerHourHeading: 'Devices online per hour (24 hours)',
    hour: 'Hour',
    devices: 'Devices',
    hourDevices: (time: string, n: number) => `${time}: ${n} device${n === 1 ? '' : 's'} online`,
    hoursNote: (zone: string) => `Hours in ${zone}; a device counts in every hour it was online.`,
    topPackages: 'Top packages (30 days)',
    noSales: 'No sales in the last 30 days.',
    packageCol: 'Package',
    soldCol: 'Sold',
    amountCol: 'Amount',
    logins: 'Logins in the last hour',
    accepted: 'Accepted',
    refused: 'Refused',
    topReasons: 'Why logins were refused',
    noRefusals: 'No login was refused.',
    authLog: 'Auth log ›',
    routersStatus: 'Routers',
    noRouters: 'No router added yet.',
    addRouter: 'Add a router ›',
    reachable: 'Reachable',
    unreachable: 'Unreachable',
    notChecked: 'Not checked yet',
    since: (time: string) => `since ${time}`,
    online: (n: number) => `${n} online`,
    health: 'RADIUS counters are on the Health page ›',
    quickSale: 'Quick sale',
    latestPayments: 'Latest payments',
    allPayments: 'All payments ›',
    noPayments: 'No payments yet.',
  },
  {
    title: 'ড্যাশবোর্ড',
    sub: (date) => `আজকের এক নজরে · ${date}`,
    summary: 'সারসংক্ষেপ',
    salesToday: 'আজকের বিক্রি',
    sales: (n) => `${localDigits(String(n), 'bn')}টি বিক্রি`,
    activeSubscriptions: 'চালু প্যাকেজ',
    customers: 'গ্রাহক',
    onlineNow: 'এখন অনলাইনে',
    onlineLater: 'রাউটার খবর দিলে দেখা যাবে',
    routers: 'রাউটার',
    salesPerDay: 'দিনে দিনে বিক্রি',
    salesPerDayHeading: 'দিনে দিনে বিক্রি (৩০ দিন)',
    day: 'দিন',
    netSales: 'নিট বিক্রি',
    daySales: (date, amount, n) => `${date}: ${amount} (${localDigits(String(n), 'bn')}টি বিক্রি)`,
    daysNote: (zone) => `তারিখ দিন/মাস, দিন গোনা ${zone} অনুযায়ী; বাতিল ও ফেরত যেদিন করা হয়েছে সেদিন থেকে বাদ।`,
    onlinePerHour: 'ঘণ্টায় ঘণ্টায় অনলাইন ডিভাইস',
    onlinePerHourHeading: 'ঘণ্টায় ঘণ্টায় অনলাইন ডিভাইস (২৪ ঘণ্টা)',
    hour: 'ঘণ্টা',
    devices: 'ডিভাইস',
    hourDevices: (time, n) => `${time}: ${localDigits(String(n), 'bn')}টি ডিভাইস অনলাইনে`,
    hoursNote: (zone) => `সময় ${zone} অনুযায়ী; একটি ডিভাইস যত ঘণ্টা অনলাইনে ছিল, প্রতিটিতে গোনা হয়।`,
    topPackages: 'সেরা প্যাকেজ (৩০ দিন)',
    noSales: 'গত ৩০ দিনে কোনো বিক্রি নেই।',
    packageCol: 'প্যাকেজ',
    soldCol: 'বিক্রি',
    amountCol: 'টাকা',
    logins: 'গত এক ঘণ্টার লগইন',
    accepted: 'গৃহীত',
    refused: 'প্রত্যাখ্যাত',
    topReasons: 'লগইন কেন প্রত্যাখ্যাত হলো',
    noRefusals: 'কোনো লগইন প্রত্যাখ্যাত হয়নি।',
    authLog: 'লগইন খাতা ›',
    routersStatus: 'রাউটার',
    noRouters: 'এখনো কোনো রাউটার যোগ করা হয়নি।',
    addRouter: 'রাউটার যোগ করুন ›',
    reachable: 'যোগাযোগ আছে',
    unreachable: 'যোগাযোগ নেই',
    notChecked: 'এখনো দেখা হয়নি',
    since: (time) => `${time} থেকে`,
    online: (n) => `${localDigits(String(n), 'bn')} জন অনলাইনে`,
    health: 'RADIUS-এর হিসাব অবস্থা পাতায় ›',
    quickSale: 'দ্রুত বিক্রি',
    latestPayments: 'সাম্প্রতিক পেমেন্ট',
    allPayments: 'সব পেমেন্ট ›',
    noPayments: 'এখনো কোনো পেমেন্ট নেই।',
  },
);

type Words = (typeof M)['en'];

/** dd/mm of a shop day (the chart's axis: the year is the same for all but a January's first days). */
function dayMonth(ms: number, display: TimeDisplay, lang: Lang): string {
  return formatDate(ms, display, lang).slice(0, 5);
}

/** The wall-clock time of an instant, in the owner's 12/24-hour style ("14:00" or "2:00 pm"). */
function timeOf(ms: number, display: TimeDisplay, lang: Lang): string {
  const s = formatDateTime(ms, display, lang);
  return s.slice(s.indexOf(', ') + 2);
}

export function DashboardPage() {
  const { summary, recent, error, load } = useDashboardStore();
  const t = useT(M);
  const lang = useLang();
  const display = useShopTimeDisplay();
  useEffect(() => {
    void load();
    // Keep the view current while it is open.
    const timer = setInterval(() => void load(), 30_000);
    return () => clearInterval(timer);
  }, [load]);
  const num = (n: number) => localDigits(String(n), lang);

  return (
    <>
      {/* "Today" is the shop's day (what "Sales today" counts), not the browser's. */}
      <PageHeader title={t.title} sub={t.sub(formatDate(Date.now(), display, lang))} />
      {error ? <Banner>{error}</Banner> : null}
      {summary ? <DashboardWarnings warnings={summary.warnings} /> : null}
      <section className="stats" aria-label={t.summary}>
        <Stat label={t.salesToday} value={summary ? formatTaka(summary.salesTodayAmount, lang) : '…'} sub={summary ? t.sales(summary.salesTodayCount) : ''} />
        <Stat label={t.activeSubscriptions} value={summary ? num(summary.activeSubscriptions) : undefined} />
        <Stat label={t.customers} value={summary ? num(summary.customers) : undefined} />
        <Stat label={t.onlineNow} value={summary ? (summary.online === null ? '—' : num(summary.online)) : undefined} sub={summary && summary.online === null ? t.onlineLater : ''} href="#/online" />
        <Stat label={t.routers} value={summary ? num(summary.routers) : undefined} />
      </section>

      {summary?.salesByMethod ? <SalesByMethod sales={summary.salesByMethod} /> : null}

      {summary ? <Charts o={summary} t={t} lang={lang} display={display} /> : null}

      {summary ? (
        <div className="dash-grid">
          <TopPackages o={summary} t={t} lang={lang} />
          <Logins o={summary} t={t} lang={lang} />
          <RouterList o={summary} t={t} lang={lang} display={display} />
        </div>
      ) : null}

      <p className="small">
        <a href="#/health">{t.health}</a>
      </p>

      <section className="card">
        <h2>{t.quickSale}</h2>
        <SellForm compact onSold={() => void load()} />
      </section>

      <section className="card">
        <div className="card-head">
          <h2>{t.latestPayments}</h2>
          <a href="#/payments">{t.allPayments}</a>
        </div>
        {recent.length === 0 ? <p className="muted">{t.noPayments}</p> : <PaymentsTable payments={recent} />}
      </section>
    </>
  );
}

function Charts({ o, t, lang, display }: { o: DashboardOverview; t: Words; lang: Lang; display: TimeDisplay }) {
  return (
    <div className="dash-grid">
      <section className="card">
        <h2>{t.salesPerDayHeading}</h2>
        <BarChart
          label={t.salesPerDay}
          columns={[t.day, t.netSales]}
          max={(v) => formatTaka(v, lang)}
          tickEvery={5}
          caption={t.daysNote(o.timeZone)}
          bars={o.salesPerDay.map((d) => ({
            key: d.day,
            // A day whose refunds outweigh its sales draws as empty; its words keep the minus.
            value: Math.max(0, d.amount),
            tick: dayMonth(d.from, display, lang),
            title: t.daySales(formatDate(d.from, display, lang), formatTaka(d.amount, lang), d.count),
          }))}
        />
      </section>
      <section className="card">
        <h2>{t.onlinePerHourHeading}</h2>
        <BarChart
          label={t.onlinePerHour}
          columns={[t.hour, t.devices]}
          max={(v) => num(v, lang)}
          tickEvery={4}
          caption={t.hoursNote(o.timeZone)}
          bars={o.onlinePerHour.map((h) => ({
            key: h.from,
            value: h.devices,
            tick: timeOf(h.from, display, lang),
            title: t.hourDevices(`${dayMonth(h.from, display, lang)} ${timeOf(h.from, display, lang)}`, h.devices),
          }))}
        />
      </section>
    </div>
  );
}

function num(n: number, lang: Lang): string {
  return localDigits(String(n), lang);
}

function TopPackages({ o, t, lang }: { o: DashboardOverview; t: Words; lang: Lang }) {
  return (
    <section className="card" aria-label={t.topPackages}>
      <h2>{t.topPackages}</h2>
      {o.topPackages.length === 0 ? (
        <p className="muted">{t.noSales}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t.packageCol}</th>
              <th className="num">{t.soldCol}</th>
              <th className="num">{t.amountCol}</th>
            </tr>
          </thead>
          <tbody>
            {o.topPackages.map((p) => (
              <tr key={p.packageId}>
                <td>{p.name}</td>
                <td className="num">{num(p.count, lang)}</td>
                <td className="num">{formatTaka(p.amount, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Logins({ o, t, lang }: { o: DashboardOverview; t: Words; lang: Lang }) {
  const { accepted, refused, topReasons } = o.logins;
  return (
    <section className="card" aria-label={t.logins}>
      <div className="card-head">
        <h2>{t.logins}</h2>
        <a href="#/auth-log">{t.authLog}</a>
      </div>
      <div className="mini-stats">
        <div className="mini-stat tone-green">
          <div className="mini-stat-value">{num(accepted, lang)}</div>
          <div className="mini-stat-label">{t.accepted}</div>
        </div>
        <div className={`mini-stat${refused ? ' tone-red' : ''}`}>
          <div className="mini-stat-value">{num(refused, lang)}</div>
          <div className="mini-stat-label">{t.refused}</div>
        </div>
      </div>
      <h3>{t.topReasons}</h3>
      {topReasons.length === 0 ? (
        <p className="muted small">{t.noRefusals}</p>
      ) : (
        <ul className="count-list" aria-label={t.topReasons}>
          {topReasons.map((r) => (
            <li key={r.reason}>
              <span>{reasonWords(r.reason, lang)}</span>
              <span className="num strong">{num(r.count, lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RouterList({ o, t, lang, display }: { o: DashboardOverview; t: Words; lang: Lang; display: TimeDisplay }) {
  return (
    <section className="card" aria-label={t.routersStatus}>
      <h2>{t.routersStatus}</h2>
      {o.routerHealth.length === 0 ? (
        <p className="muted">
          {t.noRouters} <a href="#/routers">{t.addRouter}</a>
        </p>
      ) : (
        <ul className="count-list">
          {o.routerHealth.map((r) => (
            <li key={r.id}>
              <span>
                <a href={`#/routers/${r.id}`}>{r.name}</a>{' '}
                <span className={`badge nocap badge-${r.reachable === null ? 'grey' : r.reachable ? 'green' : 'red'}`}>
                  {r.reachable === null ? t.notChecked : r.reachable ? t.reachable : t.unreachable}
                </span>
                {r.since ? <span className="muted small"> {t.since(formatDateTime(r.since, display, lang))}</span> : null}
              </span>
              <span className="num strong">{t.online(r.online)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Stat({ label, value, sub, href }: { label: string; value: string | undefined; sub?: string; href?: string }) {
  return (
    <div className="stat">
      <div className="stat-label">{href ? <a href={href}>{label}</a> : label}</div>
      <div className="stat-value">{value ?? '…'}</div>
      {sub ? <div className="stat-sub">{sub}</div> : null}
    </div>
  );
}
