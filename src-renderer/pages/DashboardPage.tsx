import { useEffect } from 'react';
import { Banner } from '../components/Banner';
import { PageHeader } from '../components/PageHeader';
import { RadiusHealth } from '../components/RadiusHealth';
import { SellForm } from '../components/SellForm';
import { SalesByMethod } from '../components/SalesByMethod';
import { PaymentsTable } from '../components/PaymentsTable';
import { formatDate, formatTaka } from '../../src-shared/format';
import { useShopTimeZone } from '../shopTime';
import { useDashboardStore } from '../stores/dashboardStore';
import { useRadiusStatusStore } from '../stores/radiusStatusStore';

export function DashboardPage() {
  const { summary, recent, error, load } = useDashboardStore();
  const radius = useRadiusStatusStore();
  const tz = useShopTimeZone();
  const loadRadius = radius.load;
  useEffect(() => {
    void load();
    void loadRadius();
    // Keep the counter view current while it is open.
    const t = setInterval(() => {
      void load();
      void loadRadius();
    }, 30_000);
    return () => clearInterval(t);
  }, [load, loadRadius]);

  return (
    <>
      {/* "Today" is the shop's day (what "Sales today" counts), not the browser's. */}
      <PageHeader title="Dashboard" sub={`Today at a glance · ${formatDate(Date.now(), tz)}`} />
      {error ? <Banner>{error}</Banner> : null}
      {summary?.warnings.map((w) => (
        <Banner key={w.code}>
          {w.message}
          {w.code === 'sms_low_balance' ? (
            <>
              {' '}
              <a href="#/settings">SMS settings ›</a>
            </>
          ) : null}
        </Banner>
      ))}
      <section className="stats" aria-label="Summary">
        <Stat label="Sales today" value={summary ? formatTaka(summary.salesTodayAmount) : '…'} sub={summary ? `${summary.salesTodayCount} sale${summary.salesTodayCount === 1 ? '' : 's'}` : ''} />
        <Stat label="Active subscriptions" value={summary?.activeSubscriptions} />
        <Stat label="Customers" value={summary?.customers} />
        <Stat label="Online now" value={summary ? (summary.online ?? '—') : undefined} sub={summary && summary.online === null ? 'Shown once routers report' : ''} href="#/online" />
        <Stat label="Routers" value={summary?.routers} />
      </section>

      {summary?.salesByMethod ? <SalesByMethod sales={summary.salesByMethod} /> : null}

      <RadiusHealth status={radius.status} error={radius.error} />

      <section className="card">
        <h2>Quick sale</h2>
        <SellForm compact onSold={() => void load()} />
      </section>

      <section className="card">
        <div className="card-head">
          <h2>Latest payments</h2>
          <a href="#/payments">All payments ›</a>
        </div>
        {recent.length === 0 ? (
          <p className="muted">No payments yet.</p>
        ) : (
          <PaymentsTable payments={recent} />
        )}
      </section>
    </>
  );
}

function Stat({ label, value, sub, href }: { label: string; value: string | number | undefined; sub?: string; href?: string }) {
  return (
    <div className="stat">
      <div className="stat-label">{href ? <a href={href}>{label}</a> : label}</div>
      <div className="stat-value">{value ?? '…'}</div>
      {sub ? <div className="stat-sub">{sub}</div> : null}
    </div>
  );
}
