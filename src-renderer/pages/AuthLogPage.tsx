import { useEffect, useState } from 'react';
import type { AuthLogEntry } from '../../src-shared/api/radius';
import { Banner } from '../components/Banner';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { splitError } from '../formErrors';
import { formatDateTime } from '../../src-shared/format';
import { useShopTimeDisplay } from '../shopTime';
import { REASON_ORDER, reasonHelp, reasonLabel, REASONS, RESULT_LABEL, RESULT_TONE } from '../labels';
import { AUTH_LOG_PAGE_SIZE, emptyAuthLogFilters, useAuthLogStore, type AuthLogFilters } from '../stores/authLogStore';
import { useRoutersStore } from '../stores/routersStore';

/** Every login the routers asked HotspotDesk about: who, where, accepted or refused and why. */
export function AuthLogPage() {
  const tz = useShopTimeDisplay();
  const { items, total, offset, filters, loaded, loading, error, filterError, load, setFilters } = useAuthLogStore();
  const { routers, load: loadRouters } = useRoutersStore();
  // Text filters apply as the owner types (debounced), the rest at once.
  const [username, setUsername] = useState(filters.username);
  const [mac, setMac] = useState(filters.mac);

  useEffect(() => {
    void load();
    void loadRouters();
  }, [load, loadRouters]);

  useEffect(() => {
    if (username === filters.username && mac === filters.mac) return;
    const t = setTimeout(() => setFilters({ username, mac }), 300);
    return () => clearTimeout(t);
  }, [username, mac, filters.username, filters.mac, setFilters]);

  const fieldErrors = filterError ? splitError(filterError, ['mac', 'username', 'from', 'to']) : null;
  const set = (f: Partial<AuthLogFilters>) => setFilters({ username, mac, ...f });
  const routerName = (e: AuthLogEntry) => (e.routerId ? (routers.find((r) => r.id === e.routerId)?.name ?? `#${e.routerId}`) : null);
  const anyDetail = items.some((e) => e.detail);
  const anyFilter = JSON.stringify({ ...filters, username, mac }) !== JSON.stringify(emptyAuthLogFilters);

  return (
    <>
      <PageHeader title="Auth log" sub={loaded ? `${total} login attempt${total === 1 ? '' : 's'}${anyFilter ? ' match' : ''}` : undefined}>
        <button type="button" className="btn" onClick={() => void load()} disabled={loading}>
          Refresh
        </button>
      </PageHeader>
      {error ? <Banner>{error}</Banner> : null}
      {fieldErrors?.banner ? <Banner>{fieldErrors.banner}</Banner> : null}
      <div className="toolbar filters" role="search" aria-label="Filter the auth log">
        <label className="inline-field">
          Router
          <select aria-label="Router" value={filters.routerId ?? ''} onChange={(e) => set({ routerId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">All routers</option>
            {routers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          Mobile / user name
          <input type="search" aria-label="Mobile / user name" value={username} onChange={(e) => setUsername(e.target.value)} placeholder="01712345678" />
        </label>
        <label className="inline-field">
          Device MAC
          <input
            type="search"
            className="mono"
            aria-label="Device MAC"
            value={mac}
            onChange={(e) => setMac(e.target.value)}
            placeholder="AA:BB:CC:DD:EE:FF"
            aria-invalid={fieldErrors?.fields.mac ? true : undefined}
          />
          {fieldErrors?.fields.mac ? <span className="field-error">{fieldErrors.fields.mac}</span> : null}
        </label>
        <label className="inline-field">
          Result
          <select aria-label="Result" value={filters.result} onChange={(e) => set({ result: e.target.value as AuthLogFilters['result'], ...(e.target.value === 'accept' ? { reason: '' } : {}) })}>
            <option value="">Any result</option>
            <option value="accept">Accepted</option>
            <option value="reject">Refused</option>
            <option value="drop">Ignored</option>
          </select>
        </label>
        <label className="inline-field">
          Reason
          <select aria-label="Reason" value={filters.reason} onChange={(e) => set({ reason: e.target.value, ...(e.target.value && filters.result === 'accept' ? { result: '' } : {}) })}>
            <option value="">Any reason</option>
            {REASON_ORDER.map((r) => (
              <option key={r} value={r}>
                {REASONS[r]!.label}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          From
          <input type="date" aria-label="From" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label className="inline-field">
          To
          <input type="date" aria-label="To" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        {anyFilter ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setUsername('');
              setMac('');
              setFilters(emptyAuthLogFilters);
            }}
          >
            Clear filters
          </button>
        ) : null}
      </div>
      {loaded && items.length === 0 ? (
        <div className="empty card">
          <p>{anyFilter ? 'No login attempt matches.' : 'No login attempts yet. They appear when a router asks HotspotDesk about a login.'}</p>
        </div>
      ) : (
        <div className={`card flush${filterError ? ' outdated' : ''}`} title={filterError ? 'Fix the filter to update this list.' : undefined}>
          <table className="table" aria-label="Auth log">
            <thead>
              <tr>
                <th>Time</th>
                <th>Result</th>
                <th>Why</th>
                <th>User</th>
                <th>Device</th>
                <th>Router</th>
                {anyDetail ? <th>Detail</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatDateTime(e.at, tz)}</td>
                  <td>
                    <span className={`badge badge-${RESULT_TONE[e.result]}`}>{RESULT_LABEL[e.result]}</span>
                  </td>
                  <td>
                    {e.result === 'accept' && !e.reason ? (
                      <span className="muted">—</span>
                    ) : (
                      <>
                        <div className="strong">{reasonLabel(e.reason)}</div>
                        {reasonHelp(e.reason) ? <div className="muted small">{reasonHelp(e.reason)}</div> : null}
                      </>
                    )}
                  </td>
                  <td className="mono">{e.customerId ? <a href={`#/customers/${e.customerId}`}>{e.username ?? `#${e.customerId}`}</a> : (e.username ?? '—')}</td>
                  <td className="mono">{e.mac ?? '—'}</td>
                  <td className="cell-name">{routerName(e) ?? <span className="mono">{e.nasIp ?? '—'}</span>}</td>
                  {anyDetail ? <td className="muted small">{e.detail ?? ''}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} pageSize={AUTH_LOG_PAGE_SIZE} total={total} onChange={(o) => setFilters({ username, mac }, o)} />
        </div>
      )}
    </>
  );
}
