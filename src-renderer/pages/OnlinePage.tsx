import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../src-shared/api/radius';
import { formatDuration } from '../../src-shared/units';
import { Banner } from '../components/Banner';
import { ConfirmButton } from '../components/ConfirmButton';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { formatData, formatDateTime, localPhone } from '../../src-shared/format';
import { useShopTimeDisplay } from '../shopTime';
import { kickOutcome, SESSION_STATUS_LABEL, SESSION_STATUS_TONE, terminateCause } from '../labels';
import { useRoutersStore } from '../stores/routersStore';
import { SESSIONS_PAGE_SIZE, useSessionsStore, type SessionStatusFilter } from '../stores/sessionsStore';

/** Who is online now (RADIUS accounting), with data used and a Disconnect button. */
export function OnlinePage() {
  const tz = useShopTimeDisplay();
  const { items, total, offset, status, routerId, search, loaded, loading, error, load, setQuery, kick } = useSessionsStore();
  const { routers, load: loadRouters } = useRoutersStore();
  const [text, setText] = useState(search);
  const [kickMsg, setKickMsg] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void load();
    void loadRouters();
    // Accounting updates arrive every few minutes; keep the list current while it is open.
    const t = setInterval(() => void load(), 30_000);
    return () => clearInterval(t);
  }, [load, loadRouters]);

  useEffect(() => {
    if (text === search) return;
    const t = setTimeout(() => setQuery({ status, routerId, search: text }), 250);
    return () => clearTimeout(t);
  }, [text, search, status, routerId, setQuery]);

  const routerName = (s: SessionInfo) => s.routerName ?? routers.find((r) => r.id === s.routerId)?.name ?? `#${s.routerId}`;
  const filtered = Boolean(search || routerId || status !== 'online');

  return (
    <>
      <PageHeader title="Online" sub={loaded ? `${total} ${status === 'online' ? 'online now' : status === 'all' ? 'sessions' : SESSION_STATUS_LABEL[status].toLowerCase()}` : undefined}>
        <button type="button" className="btn" onClick={() => void load()} disabled={loading}>
          Refresh
        </button>
      </PageHeader>
      {error ? <Banner>{error}</Banner> : null}
      {kickMsg ? (
        <Banner kind={kickMsg.ok ? 'success' : 'error'} onClose={() => setKickMsg(null)}>
          {kickMsg.text}
        </Banner>
      ) : null}
      <div className="toolbar">
        <input
          type="search"
          className="search"
          placeholder="Search mobile number, MAC or IP"
          aria-label="Search sessions"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select aria-label="Router" value={routerId ?? ''} onChange={(e) => setQuery({ status, search: text, routerId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">All routers</option>
          {routers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <select aria-label="Session status" value={status} onChange={(e) => setQuery({ routerId, search: text, status: e.target.value as SessionStatusFilter })}>
          <option value="online">Online now</option>
          <option value="stale">No news from router</option>
          <option value="stopped">Ended</option>
          <option value="all">All sessions</option>
        </select>
      </div>
      {loaded && items.length === 0 ? (
        <div className="empty card">
          <p>{filtered ? 'No session matches.' : 'Nobody is online right now. Devices appear here when their router reports them.'}</p>
        </div>
      ) : (
        <div className="card flush">
          {/* Compact: device and IP, time online and start, download and upload share a cell, so
              the row (and its Kick button) fits a 1024 px screen without scrolling sideways. */}
          <table className="table table-compact" aria-label="Sessions">
            <thead>
              <tr>
                <th>Customer</th>
                <th>Device / IP</th>
                <th>Router</th>
                <th>Online for</th>
                <th className="num">Data ↓ / ↑</th>
                <th>Status</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <td className="strong mono">
                    {s.customerId ? <a href={`#/customers/${s.customerId}`}>{s.phone ? localPhone(s.phone) : (s.username ?? `#${s.customerId}`)}</a> : (s.username ?? '—')}
                  </td>
                  <td className="mono">
                    <div>{s.mac ?? '—'}</div>
                    <div className="muted small">{s.ip ?? '—'}</div>
                  </td>
                  <td className="cell-name">{routerName(s)}</td>
                  <td>
                    <div className="nowrap">{formatDuration(s.sessionTime)}</div>
                    <div className="muted small nowrap">since {formatDateTime(s.startedAt, tz)}</div>
                  </td>
                  {/* RADIUS output = to the device (download), input = from it (upload). */}
                  <td className="num">
                    <div title="Downloaded">↓ {formatData(s.outputBytes)}</div>
                    <div className="muted small" title="Uploaded">↑ {formatData(s.inputBytes)}</div>
                  </td>
                  <td>
                    <span className={`badge badge-${SESSION_STATUS_TONE[s.status]}`} title={s.status === 'stale' ? 'The router has not sent an update for a while.' : undefined}>
                      {SESSION_STATUS_LABEL[s.status]}
                    </span>
                    {s.status === 'stopped' && s.terminateCause ? <div className="muted small">{terminateCause(s.terminateCause)}</div> : null}
                  </td>
                  <td className="row-actions">
                    {s.status !== 'stopped' ? (
                      <ConfirmButton
                        confirm={`Disconnect ${s.phone ? localPhone(s.phone) : (s.mac ?? 'this device')}?`}
                        confirmLabel="Disconnect"
                        onConfirm={async () => {
                          const r = await kick(s.id);
                          setKickMsg(r.ok ? kickOutcome(r.value) : { ok: false, text: r.error.message });
                        }}
                      >
                        Kick
                      </ConfirmButton>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} pageSize={SESSIONS_PAGE_SIZE} total={total} onChange={(o) => setQuery({ status, routerId, search, offset: o })} />
        </div>
      )}
    </>
  );
}
