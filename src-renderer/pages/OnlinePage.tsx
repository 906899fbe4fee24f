import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../src-shared/api/radius';
import { formatDuration } from '../../src-shared/units';
import { Banner } from '../components/Banner';
import { ConfirmButton } from '../components/ConfirmButton';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { formatData, formatDateTime, formatTimeLeft, localDigits, localPhone } from '../../src-shared/format';
import { messages, useLang, useT, type Lang } from '../i18n';
import { useShopTimeDisplay } from '../shopTime';
import { kickOutcome, SESSION_STATUS_LABEL, SESSION_STATUS_TONE, sessionStatusLabelFor, terminateCause } from '../labels';
import { useRoutersStore } from '../stores/routersStore';
import { SESSIONS_PAGE_SIZE, useSessionsStore, type SessionStatusFilter } from '../stores/sessionsStore';

const BN_SUB: Record<SessionStatusFilter, string> = { online: 'জন এখন অনলাইনে', all: 'টি সেশন', stale: 'টি সেশনের খবর নেই', stopped: 'টি সেশন শেষ' };

const M = messages(
  {
    title: 'Online',
    sub: (n: number, status: SessionStatusFilter) =>
      `${n} ${status === 'online' ? 'online now' : status === 'all' ? 'sessions' : SESSION_STATUS_LABEL[status].toLowerCase()}`,
    refresh: 'Refresh',
    searchPlaceholder: 'Search mobile number, MAC or IP',
    searchLabel: 'Search sessions',
    router: 'Router',
    allRouters: 'All routers',
    sessionStatus: 'Session status',
    onlineNow: 'Online now',
    stale: 'No news from router',
    ended: 'Ended',
    allSessions: 'All sessions',
    noMatch: 'No session matches.',
    nobody: 'Nobody is online right now. Devices appear here when their router reports them.',
    sessions: 'Sessions',
    customer: 'Customer',
    deviceIp: 'Device / IP',
    onlineFor: 'Online for',
    dataCol: 'Data ↓ / ↑',
    status: 'Status',
    since: (time: string) => `since ${time}`,
    downloaded: 'Downloaded',
    uploaded: 'Uploaded',
    staleTitle: 'The router has not sent an update for a while.',
    disconnectQ: (who: string | null) => `Disconnect ${who ?? 'this device'}?`,
    disconnect: 'Disconnect',
    kick: 'Kick',
  },
  {
    title: 'অনলাইন',
    sub: (n, status) => `${localDigits(String(n), 'bn')} ${BN_SUB[status]}`,
    refresh: 'রিফ্রেশ',
    searchPlaceholder: 'মোবাইল নম্বর, MAC বা IP দিয়ে খুঁজুন',
    searchLabel: 'সেশন খুঁজুন',
    router: 'রাউটার',
    allRouters: 'সব রাউটার',
    sessionStatus: 'সেশনের অবস্থা',
    onlineNow: 'এখন অনলাইনে',
    stale: 'রাউটার থেকে খবর নেই',
    ended: 'শেষ',
    allSessions: 'সব সেশন',
    noMatch: 'কোনো সেশন মেলেনি।',
    nobody: 'এখন কেউ অনলাইনে নেই। রাউটার জানালে ডিভাইসগুলো এখানে দেখা যাবে।',
    sessions: 'সেশন',
    customer: 'গ্রাহক',
    deviceIp: 'ডিভাইস / IP',
    onlineFor: 'কতক্ষণ অনলাইনে',
    dataCol: 'ডেটা ↓ / ↑',
    status: 'অবস্থা',
    since: (time) => `${time} থেকে`,
    downloaded: 'ডাউনলোড',
    uploaded: 'আপলোড',
    staleTitle: 'রাউটার কিছুক্ষণ ধরে কোনো খবর পাঠায়নি।',
    disconnectQ: (who) => `${who ?? 'এই ডিভাইস'}-এর সংযোগ বিচ্ছিন্ন করবেন?`,
    disconnect: 'বিচ্ছিন্ন করুন',
    kick: 'বের করুন',
  },
);

// English keeps the compact "2h 10m" the table was sized for; Bangla spells the units out.
function onlineFor(seconds: number, lang: Lang): string {
  return lang === 'en' ? formatDuration(seconds) : formatTimeLeft(seconds, lang);
}

/** Who is online now (RADIUS accounting), with data used and a Disconnect button. */
export function OnlinePage() {
  const tz = useShopTimeDisplay();
  const t = useT(M);
  const lang = useLang();
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
      <PageHeader title={t.title} sub={loaded ? t.sub(total, status) : undefined}>
        <button type="button" className="btn" onClick={() => void load()} disabled={loading}>
          {t.refresh}
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
          placeholder={t.searchPlaceholder}
          aria-label={t.searchLabel}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select aria-label={t.router} value={routerId ?? ''} onChange={(e) => setQuery({ status, search: text, routerId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t.allRouters}</option>
          {routers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <select aria-label={t.sessionStatus} value={status} onChange={(e) => setQuery({ routerId, search: text, status: e.target.value as SessionStatusFilter })}>
          <option value="online">{t.onlineNow}</option>
          <option value="stale">{t.stale}</option>
          <option value="stopped">{t.ended}</option>
          <option value="all">{t.allSessions}</option>
        </select>
      </div>
      {loaded && items.length === 0 ? (
        <div className="empty card">
          <p>{filtered ? t.noMatch : t.nobody}</p>
        </div>
      ) : (
        <div className="card flush">
          {/* Compact: device and IP, time online and start, download and upload share a cell, so
              the row (and its Kick button) fits a 1024 px screen without scrolling sideways. */}
          <table className="table table-compact" aria-label={t.sessions}>
            <thead>
              <tr>
                <th>{t.customer}</th>
                <th>{t.deviceIp}</th>
                <th>{t.router}</th>
                <th>{t.onlineFor}</th>
                <th className="num">{t.dataCol}</th>
                <th>{t.status}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <td className="strong mono">
                    {s.customerId ? <a href={`#/customers/${s.customerId}`}>{s.phone ? localPhone(s.phone, lang) : (s.username ?? `#${s.customerId}`)}</a> : (s.username ?? '—')}
                  </td>
                  <td className="mono">
                    <div>{s.mac ?? '—'}</div>
                    <div className="muted small">{s.ip ?? '—'}</div>
                  </td>
                  <td className="cell-name">{routerName(s)}</td>
                  <td>
                    <div className="nowrap">{onlineFor(s.sessionTime, lang)}</div>
                    <div className="muted small nowrap">{t.since(formatDateTime(s.startedAt, tz, lang))}</div>
                  </td>
                  {/* RADIUS output = to the device (download), input = from it (upload). */}
                  <td className="num">
                    <div title={t.downloaded}>↓ {formatData(s.outputBytes, lang)}</div>
                    <div className="muted small" title={t.uploaded}>↑ {formatData(s.inputBytes, lang)}</div>
                  </td>
                  <td>
                    <span className={`badge badge-${SESSION_STATUS_TONE[s.status]}`} title={s.status === 'stale' ? t.staleTitle : undefined}>
                      {sessionStatusLabelFor(lang)[s.status]}
                    </span>
                    {s.status === 'stopped' && s.terminateCause ? <div className="muted small">{terminateCause(s.terminateCause, lang)}</div> : null}
                  </td>
                  <td className="row-actions">
                    {s.status !== 'stopped' ? (
                      <ConfirmButton
                        confirm={t.disconnectQ(s.phone ? localPhone(s.phone, lang) : s.mac)}
                        confirmLabel={t.disconnect}
                        onConfirm={async () => {
                          const r = await kick(s.id);
                          setKickMsg(r.ok ? kickOutcome(r.value, lang) : { ok: false, text: r.error.message });
                        }}
                      >
                        {t.kick}
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
