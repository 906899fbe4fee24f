import type { Router } from '../../src-shared/domain';
import { formatDateTime } from '../../src-shared/format';
import { useShopTimeDisplay } from '../shopTime';
import { messages, useLang, useT } from '../i18n';

const M = messages(
  {
    apiNotSetUp: 'API not set up',
    notChecked: 'Not checked yet',
    lastSync: (when: string) => `Last sync ${when}`,
    online: 'Online',
    failed: 'Connection failed',
    certChanged: 'Certificate changed',
  },
  {
    apiNotSetUp: 'API সেট-আপ হয়নি',
    notChecked: 'এখনও দেখা হয়নি',
    lastSync: (when) => `শেষ সিঙ্ক ${when}`,
    online: 'অনলাইন',
    failed: 'সংযোগ ব্যর্থ',
    certChanged: 'সার্টিফিকেট বদলেছে',
  },
);

/** The router's last known API status as a badge (from the status columns, no router call). */
export function RouterState({ r }: { r: Router }) {
  const t = useT(M);
  const lang = useLang();
  const tz = useShopTimeDisplay();
  const s = r.status;
  if (!r.host || !r.apiUser) return <span className="muted">{t.apiNotSetUp}</span>;
  // A changed api-ssl certificate stops every call until the owner accepts it on the router page.
  if (r.apiCertPendingSha256) return <span className="badge badge-red nocap" title={s.lastError ?? undefined}>{t.certChanged}</span>;
  if (s.reachable === null) return <span className="muted">{t.notChecked}</span>;
  if (s.reachable) return <span className="badge badge-green nocap" title={t.lastSync(formatDateTime(s.lastSyncAt, tz, lang))}>{t.online}{s.version ? ` · ${s.version}` : ''}</span>;
  return <span className="badge badge-red nocap" title={s.lastError ?? undefined}>{t.failed}</span>;
}
