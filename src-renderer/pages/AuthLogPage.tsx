import { useEffect, useState } from 'react';
import type { AuthLogEntry } from '../../src-shared/api/radius';
import { Banner } from '../components/Banner';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { splitError } from '../formErrors';
import { formatDateTime, localDigits } from '../../src-shared/format';
import { SortHeader } from '../components/SortHeader';
import { messages, useLang, useT } from '../i18n';
import { useShopTimeDisplay } from '../shopTime';
import { REASON_ORDER, reasonHelp, reasonLabel, reasonsFor, resultLabelFor, RESULT_TONE } from '../labels';
import { AUTH_LOG_PAGE_SIZE, emptyAuthLogFilters, useAuthLogStore, type AuthLogFilters } from '../stores/authLogStore';
import { useRoutersStore } from '../stores/routersStore';

const M = messages(
  {
    title: 'Auth log',
    count: (n: number, filtered: boolean) => `${n} login attempt${n === 1 ? '' : 's'}${filtered ? ' match' : ''}`,
    refresh: 'Refresh',
    filterLabel: 'Filter the auth log',
    router: 'Router',
    allRouters: 'All routers',
    user: 'Mobile / user name',
    mac: 'Device MAC',
    result: 'Result',
    anyResult: 'Any result',
    accepted: 'Accepted',
    refused: 'Refused',
    ignored: 'Ignored',
    reason: 'Reason',
    anyReason: 'Any reason',
    from: 'From',
    to: 'To',
    clear: 'Clear filters',
    noMatch: 'No login attempt matches.',
    none: 'No login attempts yet. They appear when a router asks HotspotDesk about a login.',
    outdated: 'Fix the filter to update this list.',
    tableLabel: 'Auth log',
    time: 'Time',
    why: 'Why',
    userColumn: 'User',
    device: 'Device',
    detail: 'Detail',
  },
  {
    title: 'লগইন খাতা',
    count: (n, filtered) => `${localDigits(String(n), 'bn')}টি লগইনের চেষ্টা${filtered ? ' মিলেছে' : ''}`,
    refresh: 'আবার দেখুন',
    filterLabel: 'লগইন খাতা ছাঁকুন',
    router: 'রাউটার',
    allRouters: 'সব রাউটার',
    user: 'মোবাইল / ইউজার নাম',
    mac: 'ডিভাইসের MAC',
    result: 'ফলাফল',
    anyResult: 'যেকোনো ফলাফল',
    accepted: 'ঢুকতে দেওয়া হয়েছে',
    refused: 'ফিরিয়ে দেওয়া হয়েছে',
    ignored: 'উপেক্ষা করা হয়েছে',
    reason: 'কারণ',
    anyReason: 'যেকোনো কারণ',
    from: 'থেকে',
    to: 'পর্যন্ত',
    clear: 'ছাঁকনি মুছুন',
    noMatch: 'কোনো লগইনের চেষ্টা মেলেনি।',
    none: 'এখনো কোনো লগইনের চেষ্টা নেই। কোনো রাউটার HotspotDesk-কে লগইনের কথা জিজ্ঞেস করলে এখানে দেখা যাবে।',
    outdated: 'তালিকাটি হালনাগাদ করতে ছাঁকনিটি ঠিক করুন।',
    tableLabel: 'লগইন খাতা',
    time: 'সময়',
    why: 'কেন',
    userColumn: 'ইউজার',
    device: 'ডিভাইস',
    detail: 'বিস্তারিত',
  },
);

/** Every login the routers asked HotspotDesk about: who, where, accepted or refused and why. */
export function AuthLogPage() {
  const tz = useShopTimeDisplay();
  const t = useT(M);
  const lang = useLang();
  const { items, total, offset, filters, sort, loaded, loading, error, filterError, load, setFilters, setSort } = useAuthLogStore();
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
    const timer = setTimeout(() => setFilters({ username, mac }), 300);
    return () => clearTimeout(timer);
  }, [username, mac, filters.username, filters.mac, setFilters]);

  const fieldErrors = filterError ? splitError(filterError, ['mac', 'search', 'from', 'to']) : null;
  const set = (f: Partial<AuthLogFilters>) => setFilters({ username, mac, ...f });
  const routerName = (e: AuthLogEntry) => (e.routerId ? (routers.find((r) => r.id === e.routerId)?.name ?? `#${e.routerId}`) : null);
  const anyDetail = items.some((e) => e.detail);
  const anyFilter = JSON.stringify({ ...filters, username, mac }) !== JSON.stringify(emptyAuthLogFilters);

  return (
    <>
      <PageHeader title={t.title} sub={loaded ? t.count(total, anyFilter) : undefined}>
        <button type="button" className="btn" onClick={() => void load()} disabled={loading}>
          {t.refresh}
        </button>
      </PageHeader>
      {error ? <Banner>{error}</Banner> : null}
      {fieldErrors?.banner ? <Banner>{fieldErrors.banner}</Banner> : null}
      <div className="toolbar filters" role="search" aria-label={t.filterLabel}>
        <label className="inline-field">
          {t.router}
          <select aria-label={t.router} value={filters.routerId ?? ''} onChange={(e) => set({ routerId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">{t.allRouters}</option>
            {routers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {t.user}
          <input
            type="search"
            aria-label={t.user}
            value={username}
            maxLength={50}
            onChange={(e) => setUsername(e.target.value)}
            placeholder="01712345678"
            aria-invalid={fieldErrors?.fields.search ? true : undefined}
          />
          {fieldErrors?.fields.search ? <span className="field-error">{fieldErrors.fields.search}</span> : null}
        </label>
        <label className="inline-field">
          {t.mac}
          <input
            type="search"
            className="mono"
            aria-label={t.mac}
            value={mac}
            onChange={(e) => setMac(e.target.value)}
            placeholder="AA:BB:CC:DD:EE:FF"
            aria-invalid={fieldErrors?.fields.mac ? true : undefined}
          />
          {fieldErrors?.fields.mac ? <span className="field-error">{fieldErrors.fields.mac}</span> : null}
        </label>
        <label className="inline-field">
          {t.result}
          <select aria-label={t.result} value={filters.result} onChange={(e) => set({ result: e.target.value as AuthLogFilters['result'], ...(e.target.value === 'accept' ? { reason: '' } : {}) })}>
            <option value="">{t.anyResult}</option>
            <option value="accept">{t.accepted}</option>
            <option value="reject">{t.refused}</option>
            <option value="drop">{t.ignored}</option>
          </select>
        </label>
        <label className="inline-field">
          {t.reason}
          <select aria-label={t.reason} value={filters.reason} onChange={(e) => set({ reason: e.target.value, ...(e.target.value && filters.result === 'accept' ? { result: '' } : {}) })}>
            <option value="">{t.anyReason}</option>
            {REASON_ORDER.map((r) => (
              <option key={r} value={r}>
                {reasonsFor(lang)[r]!.label}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {t.from}
          <input type="date" aria-label={t.from} value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label className="inline-field">
          {t.to}
          <input type="date" aria-label={t.to} value={filters.to} onChange={(e) => set({ to: e.target.value })} />
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
            {t.clear}
          </button>
        ) : null}
      </div>
      {loaded && items.length === 0 ? (
        <div className="empty card">
          <p>{anyFilter ? t.noMatch : t.none}</p>
        </div>
      ) : (
        <div className={`card flush${filterError ? ' outdated' : ''}`} title={filterError ? t.outdated : undefined}>
          <table className="table" aria-label={t.tableLabel}>
            <thead>
              <tr>
                <SortHeader label={t.time} sortKey="at" sort={sort} firstDir="desc" onSort={setSort} />
                <SortHeader label={t.result} sortKey="result" sort={sort} firstDir="asc" onSort={setSort} />
                <SortHeader label={t.why} sortKey="reason" sort={sort} firstDir="asc" onSort={setSort} />
                <th>{t.userColumn}</th>
                <th>{t.device}</th>
                <th>{t.router}</th>
                {anyDetail ? <th>{t.detail}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatDateTime(e.at, tz, lang)}</td>
                  <td>
                    <span className={`badge badge-${RESULT_TONE[e.result]}`}>{resultLabelFor(lang)[e.result]}</span>
                  </td>
                  <td>
                    {e.result === 'accept' && !e.reason ? (
                      <span className="muted">—</span>
                    ) : (
                      <>
                        <div className="strong">{reasonLabel(e.reason, lang)}</div>
                        {reasonHelp(e.reason, lang) ? <div className="muted small">{reasonHelp(e.reason, lang)}</div> : null}
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
