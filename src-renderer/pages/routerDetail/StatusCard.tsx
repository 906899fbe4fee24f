import type { Router } from '../../../src-shared/domain';
import { formatDateTime } from '../../../src-shared/format';
import { useShopTimeDisplay } from '../../shopTime';
import { YesNo } from './YesNo';

export function StatusCard({ router }: { router: Router }) {
  const tz = useShopTimeDisplay();
  const s = router.status;
  return (
    <section className="card" aria-label="Router status">
      <h2>Status</h2>
      <dl className="kv">
        <dt>Connection</dt>
        <dd>
          {s.reachable === null ? <span className="muted">Not checked yet</span> : <YesNo value={s.reachable} yes="Reachable" no="Connection failed" />}
        </dd>
        <dt>API address</dt>
        <dd className="mono">{router.host ? `${router.apiUser ?? '?'}@${router.host}:${router.apiPort ?? (router.apiTls ? 8729 : 8728)}${router.apiTls ? ' (TLS)' : ''}` : <span className="muted">not set</span>}</dd>
        <dt>Identity</dt>
        <dd>{s.identity ?? '—'}</dd>
        <dt>RouterOS</dt>
        <dd>{s.version ?? '—'}</dd>
        <dt>Last sync</dt>
        <dd>{formatDateTime(s.lastSyncAt, tz)}</dd>
      </dl>
      {s.lastError ? (
        <div className="last-error">
          <div className="small muted">Last error</div>
          <div>{s.lastError}</div>
        </div>
      ) : null}
    </section>
  );
}
