import { useEffect } from 'react';
import type { SmsKind, SmsOutboxItem, SmsStatus } from '../../src-shared/api/sms';
import { Banner } from '../components/Banner';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, localPhone } from '../../src-shared/format';
import { useShopTimeDisplay } from '../shopTime';
import { messages, useLang, useT } from '../i18n';
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

// The Bangla halves, keyed the same way (a new kind or status without words fails to compile).
const BN_KIND: Record<SmsKind, string> = { otp: 'সাইন-ইন কোড', pinReset: 'পিন রিসেট কোড', receipt: 'রসিদ', test: 'পরীক্ষা' };
const BN_STATUS: Record<SmsStatus, string> = { queued: 'অপেক্ষায়', sending: 'পাঠানো হচ্ছে', sent: 'পাঠানো হয়েছে', failed: 'ব্যর্থ' };

const M = messages(
  {
    kind: (k: SmsKind) => SMS_KIND_NAMES[k],
    statusName: (s: SmsStatus) => STATUS_NAMES[s],
    goesOut: 'Goes out when SMS sending starts.',
    title: 'SMS outbox',
    sub: 'Every text HotspotDesk sent or tried to send, newest first. Without an SMS gateway, read the sign-in code here to the customer.',
    refresh: 'Refresh',
    filters: 'Filters',
    status: 'Status',
    all: 'All',
    noneWithStatus: 'No text with this status.',
    none: 'No texts yet. Use “Send test” under Settings → SMS gateway to try the gateway.',
    time: 'Time',
    phone: 'Phone',
    kindCol: 'Kind',
    text: 'Text',
  },
  {
    kind: (k) => BN_KIND[k],
    statusName: (s) => BN_STATUS[s],
    goesOut: 'এসএমএস পাঠানো চালু হলে যাবে।',
    title: 'এসএমএস আউটবক্স',
    sub: 'HotspotDesk যত এসএমএস পাঠিয়েছে বা পাঠাতে চেষ্টা করেছে, নতুনগুলো আগে। এসএমএস গেটওয়ে না থাকলে এখান থেকে সাইন-ইন কোডটি গ্রাহককে পড়ে শোনান।',
    refresh: 'রিফ্রেশ',
    filters: 'ফিল্টার',
    status: 'অবস্থা',
    all: 'সব',
    noneWithStatus: 'এই অবস্থার কোনো এসএমএস নেই।',
    none: 'এখনো কোনো এসএমএস নেই। গেটওয়ে পরীক্ষা করতে সেটিংস → এসএমএস গেটওয়ে থেকে “Send test” ব্যবহার করুন।',
    time: 'সময়',
    phone: 'ফোন',
    kindCol: 'ধরন',
    text: 'লেখা',
  },
);
type Words = (typeof M)['en'];

function statusCell(m: SmsOutboxItem, t: Words) {
  return (
    <>
      <StatusBadge status={m.status} label={t.statusName(m.status)} />
      {m.status === 'failed' && m.error ? <div className="small sms-error">{m.error}</div> : null}
      {m.status === 'queued' ? <div className="small muted">{t.goesOut}</div> : null}
    </>
  );
}

export function SmsOutboxPage() {
  const { items, total, offset, status, loaded, error, load, setStatus, setOffset } = useSmsOutboxStore();
  const tz = useShopTimeDisplay();
  const t = useT(M);
  const lang = useLang();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      {/* The codes are shown on purpose: a shop without an SMS gateway reads them to the customer. */}
      <PageHeader
        title={t.title}
        sub={t.sub}
      >
        <button type="button" className="btn btn-small" onClick={() => void load()}>
          {t.refresh}
        </button>
      </PageHeader>
      <div className="toolbar" role="group" aria-label={t.filters}>
        <label className="inline-field">
          {t.status}
          <select value={status} onChange={(e) => setStatus(e.target.value as SmsStatus | '')}>
            <option value="">{t.all}</option>
            <option value="sent">{t.statusName('sent')}</option>
            <option value="failed">{t.statusName('failed')}</option>
            <option value="queued">{t.statusName('queued')}</option>
            <option value="sending">{t.statusName('sending')}</option>
          </select>
        </label>
      </div>
      {error ? <Banner>{error}</Banner> : null}
      {loaded && items.length === 0 ? (
        <div className="empty card">
          <p>{status ? t.noneWithStatus : t.none}</p>
        </div>
      ) : (
        <div className="card flush">
          <table className="table sms-table" aria-label={t.title}>
            <thead>
              <tr>
                <th>{t.time}</th>
                <th>{t.phone}</th>
                <th>{t.kindCol}</th>
                <th>{t.text}</th>
                <th>{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td className="nowrap">{formatDateTime(m.at, tz, lang)}</td>
                  <td className="mono nowrap">{localPhone(m.phone, lang)}</td>
                  <td className="nowrap">{t.kind(m.kind)}</td>
                  <td className="sms-text">{m.text}</td>
                  <td>{statusCell(m, t)}</td>
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
