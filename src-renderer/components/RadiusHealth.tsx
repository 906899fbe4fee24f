import type { RadiusStatus } from '../../src-shared/api/radius';
import { reasonLabel } from '../labels';

function Counts({ title, counts, empty }: { title: string; counts: Record<string, number>; empty: string }) {
  const rows = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return (
    <div className="health-block">
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="count-list">
          {rows.map(([k, n]) => (
            <li key={k}>
              <span>{reasonLabel(k)}</span>
              <span className="num strong">{n}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** RADIUS server counters since HotspotDesk started: a quick "is it working" view. */
export function RadiusHealth({ status, error }: { status: RadiusStatus | null; error: string | null }) {
  const d = status?.disconnects;
  const problems = d ? d.naked + d.timedOut + d.failed : 0;
  return (
    <section className="card" aria-label="RADIUS health">
      <div className="card-head">
        <h2>
          RADIUS{' '}
          {status ? (
            <span className={`badge nocap badge-${status.listening ? 'green' : 'red'}`}>
              {status.listening ? `Listening · ports ${status.authPort ?? '?'}/${status.acctPort ?? '?'}` : 'Not running'}
            </span>
          ) : null}
        </h2>
        <a href="#/auth-log">Auth log ›</a>
      </div>
      {error ? <p className="field-error">{error}</p> : null}
      {!status ? (
        <p className="muted">{error ? '' : 'Loading…'}</p>
      ) : (
        <>
          <p className="muted small">Counted since HotspotDesk started · {status.routers} router{status.routers === 1 ? '' : 's'} · {status.online} online</p>
          <div className="mini-stats">
            <MiniStat label="Login requests" value={status.authRequests} />
            <MiniStat label="Accepted" value={status.accepts} tone="green" />
            <MiniStat label="Refused" value={status.rejects} tone={status.rejects ? 'red' : undefined} />
            <MiniStat label="Accounting" value={status.acctRequests} title={`Start ${status.accounting.start} · update ${status.accounting.interim} · stop ${status.accounting.stop} · router on/off ${status.accounting.accountingOn}/${status.accounting.accountingOff}`} />
            <MiniStat label="Repeats ignored" value={status.duplicates} title="Requests the router sent again because an answer was slow; answered once." />
            <MiniStat label="Stale closed" value={status.staleClosed} title="Sessions closed because their router stopped reporting them." />
          </div>
          <div className="health-grid">
            <Counts title="Refused, by reason" counts={status.rejectsByReason} empty="No login refused." />
            <Counts title="Ignored packets" counts={status.dropped} empty="None: every packet was valid." />
            <div className="health-block">
              <h3>Disconnects</h3>
              <ul className="count-list" aria-label="Disconnects">
                <li>
                  <span>Sent</span>
                  <span className="num strong">{d!.sent}</span>
                </li>
                <li>
                  <span>Confirmed by router</span>
                  <span className="num strong">{d!.acked}</span>
                </li>
                <li>
                  <span>Removed through the API</span>
                  <span className="num strong">{d!.apiRemoved}</span>
                </li>
                <li className={d!.naked ? 'bad' : ''}>
                  <span>Refused by router</span>
                  <span className="num strong">{d!.naked}</span>
                </li>
                <li className={d!.timedOut ? 'bad' : ''}>
                  <span>No answer</span>
                  <span className="num strong">{d!.timedOut}</span>
                </li>
                <li className={d!.failed ? 'bad' : ''}>
                  <span>Failed</span>
                  <span className="num strong">{d!.failed}</span>
                </li>
              </ul>
              {problems > 0 ? <p className="small field-error">Some disconnects did not work: run Diagnose on the router (CoA port, RADIUS incoming).</p> : null}
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function MiniStat({ label, value, tone, title }: { label: string; value: number; tone?: 'green' | 'red'; title?: string }) {
  return (
    <div className={`mini-stat${tone ? ` tone-${tone}` : ''}`} title={title}>
      <div className="mini-stat-value">{value}</div>
      <div className="mini-stat-label">{label}</div>
    </div>
  );
}
