import type { Router } from '../../src-shared/domain';
import { formatDateTime } from '../../src-shared/format';
import { useShopTimeDisplay } from '../shopTime';

/** The router's last known API status as a badge (from the status columns, no router call). */
export function RouterState({ r }: { r: Router }) {
  const tz = useShopTimeDisplay();
  const s = r.status;
  if (!r.host || !r.apiUser) return <span className="muted">API not set up</span>;
  if (s.reachable === null) return <span className="muted">Not checked yet</span>;
  if (s.reachable) return <span className="badge badge-green nocap" title={`Last sync ${formatDateTime(s.lastSyncAt, tz)}`}>Online{s.version ? ` · ${s.version}` : ''}</span>;
  return <span className="badge badge-red nocap" title={s.lastError ?? undefined}>Connection failed</span>;
}
