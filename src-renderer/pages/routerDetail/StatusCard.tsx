import { useState } from 'react';
import type { Router } from '../../../src-shared/domain';
import { formatDateTime } from '../../../src-shared/format';
import { BusyButton } from '../../components/BusyButton';
import { messages, useLang, useT } from '../../i18n';
import { useShopTimeDisplay } from '../../shopTime';
import { useRouterSyncStore } from '../../stores/routerSyncStore';
import { YesNo } from './YesNo';

const M = messages(
  {
    cardLabel: 'Router status',
    title: 'Status',
    connection: 'Connection',
    notChecked: 'Not checked yet',
    reachable: 'Reachable',
    failed: 'Connection failed',
    apiAddress: 'API address',
    notSet: 'not set',
    identity: 'Identity',
    routerOs: 'RouterOS',
    lastSync: 'Last sync',
    lastError: 'Last error',
    certificate: 'API-SSL certificate',
    certNotSeen: 'not seen yet (pinned on the first connection)',
    certAnonymous: 'none (api-ssl without a certificate)',
    certChangedTitle: 'The router shows a different certificate',
    certChangedText:
      'HotspotDesk stopped talking to this router. If you replaced its certificate or reset the router, accept the new one; otherwise someone may be pretending to be the router.',
    newCertificate: 'New certificate',
    accept: 'Accept the new certificate',
    accepting: 'Accepting…',
    hotspotHosts: 'Hotspot address',
    hostsUnknown: 'not read yet (set up or diagnose reads it)',
  },
  {
    cardLabel: 'রাউটারের অবস্থা',
    title: 'অবস্থা',
    connection: 'সংযোগ',
    notChecked: 'এখনও দেখা হয়নি',
    reachable: 'সংযোগ আছে',
    failed: 'সংযোগ ব্যর্থ',
    apiAddress: 'API ঠিকানা',
    notSet: 'দেওয়া হয়নি',
    identity: 'আইডেন্টিটি',
    routerOs: 'RouterOS',
    lastSync: 'শেষ সিঙ্ক',
    lastError: 'শেষ সমস্যা',
    certificate: 'API-SSL সার্টিফিকেট',
    certNotSeen: 'এখনও দেখা হয়নি (প্রথম সংযোগে মনে রাখা হবে)',
    certAnonymous: 'নেই (সার্টিফিকেট ছাড়া api-ssl)',
    certChangedTitle: 'রাউটার অন্য একটি সার্টিফিকেট দেখাচ্ছে',
    certChangedText:
      'HotspotDesk এই রাউটারের সাথে কথা বলা বন্ধ রেখেছে। আপনি যদি এর সার্টিফিকেট বদলে থাকেন বা রাউটার রিসেট করে থাকেন, নতুনটি গ্রহণ করুন; নইলে কেউ হয়তো রাউটার সেজে আছে।',
    newCertificate: 'নতুন সার্টিফিকেট',
    accept: 'নতুন সার্টিফিকেট গ্রহণ করুন',
    accepting: 'গ্রহণ করা হচ্ছে…',
    hotspotHosts: 'হটস্পটের ঠিকানা',
    hostsUnknown: 'এখনও পড়া হয়নি (সেট-আপ বা সমস্যা খোঁজা এটি পড়ে)',
  },
);

function Fingerprint({ value, anonymous }: { value: string; anonymous: string }) {
  return value === 'anonymous' ? <span className="muted">{anonymous}</span> : <span className="mono small fingerprint">{value}</span>;
}

export function StatusCard({ router }: { router: Router }) {
  const t = useT(M);
  const lang = useLang();
  const tz = useShopTimeDisplay();
  const acceptCertificate = useRouterSyncStore((s) => s.acceptCertificate);
  const [accepting, setAccepting] = useState(false);
  const [acceptError, setAcceptError] = useState<string | null>(null);
  const s = router.status;
  const hosts = [router.hotspotDnsName, router.hotspotAddress].filter((h): h is string => h !== null);
  const accept = async () => {
    setAccepting(true);
    setAcceptError(null);
    const r = await acceptCertificate();
    setAccepting(false);
    if (!r.ok) setAcceptError(r.error.message);
  };
  return (
    <section className="card" aria-label={t.cardLabel}>
      <h2>{t.title}</h2>
      <dl className="kv">
        <dt>{t.connection}</dt>
        <dd>{s.reachable === null ? <span className="muted">{t.notChecked}</span> : <YesNo value={s.reachable} yes={t.reachable} no={t.failed} />}</dd>
        <dt>{t.apiAddress}</dt>
        <dd className="mono">{router.host ? `${router.apiUser ?? '?'}@${router.host}:${router.apiPort ?? (router.apiTls ? 8729 : 8728)}${router.apiTls ? ' (TLS)' : ''}` : <span className="muted">{t.notSet}</span>}</dd>
        {router.apiTls ? (
          <>
            <dt>{t.certificate}</dt>
            <dd aria-label={t.certificate}>
              {router.apiCertSha256 ? <Fingerprint value={router.apiCertSha256} anonymous={t.certAnonymous} /> : <span className="muted">{t.certNotSeen}</span>}
            </dd>
          </>
        ) : null}
        <dt>{t.identity}</dt>
        <dd>{s.identity ?? '—'}</dd>
        <dt>{t.routerOs}</dt>
        <dd>{s.version ?? '—'}</dd>
        <dt>{t.lastSync}</dt>
        <dd>{formatDateTime(s.lastSyncAt, tz, lang)}</dd>
        <dt>{t.hotspotHosts}</dt>
        <dd>{hosts.length > 0 ? <span className="mono">{hosts.join(' · ')}</span> : <span className="muted">{t.hostsUnknown}</span>}</dd>
      </dl>
      {router.apiCertPendingSha256 ? (
        <div className="last-error" role="alert" aria-label={t.certChangedTitle}>
          <div className="strong">{t.certChangedTitle}</div>
          <div className="small">{t.certChangedText}</div>
          <div className="small">
            {t.newCertificate}: <Fingerprint value={router.apiCertPendingSha256} anonymous={t.certAnonymous} />
          </div>
          <BusyButton busy={accepting} busyLabel={t.accepting} onClick={() => void accept()} small primary>
            {t.accept}
          </BusyButton>
          {acceptError ? <div className="field-error">{acceptError}</div> : null}
        </div>
      ) : null}
      {s.lastError ? (
        <div className="last-error">
          <div className="small muted">{t.lastError}</div>
          <div>{s.lastError}</div>
        </div>
      ) : null}
    </section>
  );
}
