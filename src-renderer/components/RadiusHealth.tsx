import type { RadiusStatus } from '../../src-shared/api/radius';
import { localDigits } from '../../src-shared/format';
import { messages, useLang, useT } from '../i18n';
import { reasonWords } from '../reasonWords';

const M = messages(
  {
    region: 'RADIUS health',
    listening: (auth: string, acct: string) => `Listening · ports ${auth}/${acct}`,
    notRunning: 'Not running',
    authLog: 'Auth log ›',
    loading: 'Loading…',
    since: (routers: number, online: number) => `Counted since HotspotDesk started · ${routers} router${routers === 1 ? '' : 's'} · ${online} online`,
    loginRequests: 'Login requests',
    accepted: 'Accepted',
    refused: 'Refused',
    accounting: 'Accounting',
    accountingTitle: (start: number, interim: number, stop: number, on: number, off: number) => `Start ${start} · update ${interim} · stop ${stop} · router on/off ${on}/${off}`,
    repeats: 'Repeats ignored',
    repeatsTitle: 'Requests the router sent again because an answer was slow; answered once.',
    stale: 'Stale closed',
    staleTitle: 'Sessions closed because their router stopped reporting them.',
    refusedByReason: 'Refused, by reason',
    noRefusal: 'No login refused.',
    ignored: 'Ignored packets',
    noIgnored: 'None: every packet was valid.',
    disconnects: 'Disconnects',
    sent: 'Sent',
    acked: 'Confirmed by router',
    apiRemoved: 'Removed through the API',
    naked: 'Refused by router',
    timedOut: 'No answer',
    failed: 'Failed',
    problems: 'Some disconnects did not work: run Diagnose on the router (CoA port, RADIUS incoming).',
  },
  {
    region: 'RADIUS-এর অবস্থা',
    listening: (auth, acct) => `চালু · পোর্ট ${localDigits(auth, 'bn')}/${localDigits(acct, 'bn')}`,
    notRunning: 'চালু নেই',
    authLog: 'লগইন খাতা ›',
    loading: 'লোড হচ্ছে…',
    since: (routers, online) => `HotspotDesk চালু হওয়ার পর থেকে গোনা · ${localDigits(String(routers), 'bn')}টি রাউটার · ${localDigits(String(online), 'bn')} জন অনলাইনে`,
    loginRequests: 'লগইনের অনুরোধ',
    accepted: 'গৃহীত',
    refused: 'প্রত্যাখ্যাত',
    accounting: 'হিসাবের বার্তা',
    accountingTitle: (start, interim, stop, on, off) => localDigits(`শুরু ${start} · হালনাগাদ ${interim} · শেষ ${stop} · রাউটার চালু/বন্ধ ${on}/${off}`, 'bn'),
    repeats: 'বাদ দেওয়া পুনরাবৃত্তি',
    repeatsTitle: 'উত্তর দেরিতে আসায় রাউটার যে অনুরোধ আবার পাঠিয়েছে; একবারই উত্তর দেওয়া হয়েছে।',
    stale: 'পুরনো সেশন বন্ধ',
    staleTitle: 'রাউটার খবর দেওয়া বন্ধ করায় যে সেশনগুলো বন্ধ করা হয়েছে।',
    refusedByReason: 'প্রত্যাখ্যানের কারণ',
    noRefusal: 'কোনো লগইন প্রত্যাখ্যাত হয়নি।',
    ignored: 'বাদ দেওয়া প্যাকেট',
    noIgnored: 'নেই: সব প্যাকেট ঠিক ছিল।',
    disconnects: 'সংযোগ বিচ্ছিন্ন',
    sent: 'পাঠানো',
    acked: 'রাউটার নিশ্চিত করেছে',
    apiRemoved: 'API দিয়ে সরানো',
    naked: 'রাউটার মানেনি',
    timedOut: 'উত্তর নেই',
    failed: 'ব্যর্থ',
    problems: 'কিছু সংযোগ বিচ্ছিন্ন কাজ করেনি: রাউটারে Diagnose চালান (CoA পোর্ট, RADIUS incoming)।',
  },
);

function Counts({ title, counts, empty }: { title: string; counts: Record<string, number>; empty: string }) {
  const lang = useLang();
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
              <span>{reasonWords(k, lang)}</span>
              <span className="num strong">{localDigits(String(n), lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** RADIUS server counters since HotspotDesk started: a quick "is it working" view (the Health page). */
export function RadiusHealth({ status, error }: { status: RadiusStatus | null; error: string | null }) {
  const t = useT(M);
  const lang = useLang();
  const num = (n: number) => localDigits(String(n), lang);
  const d = status?.disconnects;
  const problems = d ? d.naked + d.timedOut + d.failed : 0;
  return (
    <section className="card" aria-label={t.region}>
      <div className="card-head">
        <h2>
          RADIUS{' '}
          {status ? (
            <span className={`badge nocap badge-${status.listening ? 'green' : 'red'}`}>
              {status.listening ? t.listening(String(status.authPort ?? '?'), String(status.acctPort ?? '?')) : t.notRunning}
            </span>
          ) : null}
        </h2>
        <a href="#/auth-log">{t.authLog}</a>
      </div>
      {error ? <p className="field-error">{error}</p> : null}
      {!status ? (
        <p className="muted">{error ? '' : t.loading}</p>
      ) : (
        <>
          <p className="muted small">{t.since(status.routers, status.online)}</p>
          <div className="mini-stats">
            <MiniStat label={t.loginRequests} value={num(status.authRequests)} />
            <MiniStat label={t.accepted} value={num(status.accepts)} tone="green" />
            <MiniStat label={t.refused} value={num(status.rejects)} tone={status.rejects ? 'red' : undefined} />
            <MiniStat label={t.accounting} value={num(status.acctRequests)} title={t.accountingTitle(status.accounting.start, status.accounting.interim, status.accounting.stop, status.accounting.accountingOn, status.accounting.accountingOff)} />
            <MiniStat label={t.repeats} value={num(status.duplicates)} title={t.repeatsTitle} />
            <MiniStat label={t.stale} value={num(status.staleClosed)} title={t.staleTitle} />
          </div>
          <div className="health-grid">
            <Counts title={t.refusedByReason} counts={status.rejectsByReason} empty={t.noRefusal} />
            <Counts title={t.ignored} counts={status.dropped} empty={t.noIgnored} />
            <div className="health-block">
              <h3>{t.disconnects}</h3>
              <ul className="count-list" aria-label={t.disconnects}>
                <li>
                  <span>{t.sent}</span>
                  <span className="num strong">{num(d!.sent)}</span>
                </li>
                <li>
                  <span>{t.acked}</span>
                  <span className="num strong">{num(d!.acked)}</span>
                </li>
                <li>
                  <span>{t.apiRemoved}</span>
                  <span className="num strong">{num(d!.apiRemoved)}</span>
                </li>
                <li className={d!.naked ? 'bad' : ''}>
                  <span>{t.naked}</span>
                  <span className="num strong">{num(d!.naked)}</span>
                </li>
                <li className={d!.timedOut ? 'bad' : ''}>
                  <span>{t.timedOut}</span>
                  <span className="num strong">{num(d!.timedOut)}</span>
                </li>
                <li className={d!.failed ? 'bad' : ''}>
                  <span>{t.failed}</span>
                  <span className="num strong">{num(d!.failed)}</span>
                </li>
              </ul>
              {problems > 0 ? <p className="small field-error">{t.problems}</p> : null}
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function MiniStat({ label, value, tone, title }: { label: string; value: string; tone?: 'green' | 'red'; title?: string }) {
  return (
    <div className={`mini-stat${tone ? ` tone-${tone}` : ''}`} title={title}>
      <div className="mini-stat-value">{value}</div>
      <div className="mini-stat-label">{label}</div>
    </div>
  );
}
