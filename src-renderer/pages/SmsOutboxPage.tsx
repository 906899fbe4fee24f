import { useEffect } from 'react';
import type { SmsKind, SmsOutboxItem, SmsStatus } from '../../src-shared/api/sms';
import { Banner } from '../components/Banner';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, localPhone } from '../../src-shared/format';
import { useShopTimeZone } from '../shopTime';
import { SMS_OUTBOX_PAGE_SIZE, useSmsOutboxStore } from '../stores/smsOutboxStore';

/** What each text was for, in the owner's words. A Record, so a new kind without words fails to compile. */
export const SMS_KIND_NAMES: Record<SmsKind, string> = {
  otp: 'Sign-in code',
  pinReset: 'PIN reset code',
  receipt: 'Receipt',
  test: 'Test',
};

const STATUS_NAMES: Record<SmsStatus, string> = {
  queued: 'Waiting',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
};

function statusCell(m: SmsOutboxItem) {
  return (
    <>
      <StatusBadge status={m.status} label={STATUS_NAMES[m.status]} />
      {m.status === 'failed' && m.error ? <div className="small sms-error">{m.error}</div> : null}
      {m.status === 'queued' ? <div className="small muted">Goes out when SMS sending starts.</div> : null}
    </>
  );
}

export function SmsOutboxPage() {
  const { items, total, offset, status, loaded, error, load, setStatus, setOffset } = useSmsOutboxStore();
  const tz = useShopTimeZone();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      {/* The codes are shown on purpose: a shop without an SMS gateway reads them to the customer. */}
      <PageHeader
        title="SMS outbox"
        sub="Every text HotspotDesk sent or tried to send, newest first. Without an SMS gateway, read the sign-in code here to the customer."
      >
        <button type="button" className="btn btn-small" onClick={() => void load()}>
          Refresh
        </button>
      </PageHeader>
      <div className="toolbar" role="group" aria-label="Filters">
        <label className="inline-field">
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value as SmsStatus | '')}>
            <option value="">All</option>
            <option value="sent">Sent</option>
            <option value="failed">Failed</option>
            <option value="queued">Waiting</option>
            <option value="sending">Sending</option>
          </select>
        </label>
      </div>
      {error ? <Banner>{error}</Banner> : null}
      {loaded && items.length === 0 ? (
        <div className="empty card">
          <p>{status ? 'No text with this status.' : 'No texts yet. Use “Send test” under Settings → SMS gateway to try the gateway.'}</p>
        </div>
      ) : (
        <div className="card flush">
          <table className="table sms-table" aria-label="SMS outbox">
            <thead>
              <tr>
                <th>Time</th>
                <th>Phone</th>
                <th>Kind</th>
                <th>Text</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td className="nowrap">{formatDateTime(m.at, tz)}</td>
                  <td className="mono nowrap">{localPhone(m.phone)}</td>
                  <td className="nowrap">{SMS_KIND_NAMES[m.kind]}</td>
                  <td className="sms-text">{m.text}</td>
                  <td>{statusCell(m)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} pageSize={SMS_OUTBOX_PAGE_SIZE} total={total} onChange={setOffset} />
        </div>
      )}
    </>
  );
}
