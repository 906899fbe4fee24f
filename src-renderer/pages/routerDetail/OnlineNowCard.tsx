import { useState } from 'react';
import { formatData, formatDateTime } from '../../../src-shared/format';
import { ActionError } from '../../components/ActionError';
import { Banner } from '../../components/Banner';
import { BusyButton } from '../../components/BusyButton';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useShopTimeDisplay } from '../../shopTime';
import { useRouterSyncStore } from '../../stores/routerSyncStore';
import { messages, useLang, useT } from '../../i18n';

const M = messages(
  {
    cardLabel: 'Online now',
    title: 'Online now on the router',
    asking: 'Asking the router…',
    refresh: 'Refresh',
    show: 'Show who is online',
    intro: 'The router’s own list of logged-in devices (IP > Hotspot > Active). Disconnecting logs the device out; it can log in again while its package lasts.',
    nobody: 'Nobody is online on this router.',
    tableLabel: 'Active sessions',
    user: 'User',
    device: 'Device',
    ip: 'IP',
    onlineFor: 'Online for',
    timeLeft: 'Time left',
    downloaded: 'Downloaded',
    uploaded: 'Uploaded',
    login: 'Login',
    thisDevice: 'this device',
    theDevice: 'The device',
    confirmDisconnect: (who: string) => `Disconnect ${who}?`,
    disconnect: 'Disconnect',
    wasDisconnected: (who: string) => `${who} was disconnected.`,
    alreadyLeft: 'That device had already left.',
    kick: 'Kick',
    asOf: (when: string) => `As of ${when}`,
  },
  {
    cardLabel: 'এখন অনলাইন',
    title: 'রাউটারে এখন অনলাইন',
    asking: 'রাউটারকে জিজ্ঞেস করা হচ্ছে…',
    refresh: 'আবার দেখুন',
    show: 'কে অনলাইন দেখুন',
    intro: 'রাউটারের নিজের তালিকা, কোন ডিভাইস লগইন করা আছে (IP > Hotspot > Active)। বিচ্ছিন্ন করলে ডিভাইসটি লগআউট হয়; প্যাকেজ থাকা পর্যন্ত এটি আবার লগইন করতে পারে।',
    nobody: 'এই রাউটারে কেউ অনলাইন নেই।',
    tableLabel: 'চালু সেশন',
    user: 'ইউজার',
    device: 'ডিভাইস',
    ip: 'IP',
    onlineFor: 'কতক্ষণ অনলাইন',
    timeLeft: 'বাকি সময়',
    downloaded: 'ডাউনলোড',
    uploaded: 'আপলোড',
    login: 'লগইন',
    thisDevice: 'এই ডিভাইস',
    theDevice: 'ডিভাইসটি',
    confirmDisconnect: (who) => `${who} বিচ্ছিন্ন করবেন?`,
    disconnect: 'বিচ্ছিন্ন করুন',
    wasDisconnected: (who) => `${who} বিচ্ছিন্ন করা হয়েছে।`,
    alreadyLeft: 'ডিভাইসটি আগেই চলে গিয়েছিল।',
    kick: 'বের করে দিন',
    asOf: (when) => `${when} অনুযায়ী`,
  },
);

export function OnlineNowCard({ onFix }: { onFix(): void }) {
  const t = useT(M);
  const lang = useLang();
  const tz = useShopTimeDisplay();
  const { sessions, loadSessions, kick, clearError } = useRouterSyncStore();
  const [kickMsg, setKickMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const list = sessions.value;
  return (
    <section className="card" aria-label={t.cardLabel}>
      <div className="card-head">
        <h2>{t.title}</h2>
        <BusyButton
          busy={sessions.busy}
          busyLabel={t.asking}
          onClick={() => {
            setKickMsg(null);
            void loadSessions();
          }}
          primary={!list}
        >
          {list ? t.refresh : t.show}
        </BusyButton>
      </div>
      <p className="muted">{t.intro}</p>
      <ActionError error={sessions.error} onFix={onFix} onClose={() => clearError('sessions')} />
      {kickMsg ? (
        <Banner kind={kickMsg.ok ? 'success' : 'error'} onClose={() => setKickMsg(null)}>
          {kickMsg.text}
        </Banner>
      ) : null}
      {list ? (
        list.length === 0 ? (
          <p className="muted">{t.nobody}</p>
        ) : (
          <table className="table" aria-label={t.tableLabel}>
            <thead>
              <tr>
                <th>{t.user}</th>
                <th>{t.device}</th>
                <th>{t.ip}</th>
                <th>{t.onlineFor}</th>
                <th>{t.timeLeft}</th>
                <th className="num">{t.downloaded}</th>
                <th className="num">{t.uploaded}</th>
                <th>{t.login}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id}>
                  <td className="strong mono">{s.user ?? '—'}</td>
                  <td className="mono">{s.macAddress ?? '—'}</td>
                  <td className="mono">{s.address ?? '—'}</td>
                  <td>{s.uptime ?? '—'}</td>
                  <td>{s.sessionTimeLeft ?? '—'}</td>
                  {/* The router's bytes-out go to the device (download). */}
                  <td className="num">{s.bytesOut == null ? '—' : formatData(s.bytesOut, lang)}</td>
                  <td className="num">{s.bytesIn == null ? '—' : formatData(s.bytesIn, lang)}</td>
                  <td>{s.loginBy ?? '—'}</td>
                  <td className="row-actions">
                    <ConfirmButton
                      confirm={t.confirmDisconnect(s.user ?? s.macAddress ?? t.thisDevice)}
                      confirmLabel={t.disconnect}
                      onConfirm={async () => {
                        const r = await kick(s.id);
                        if (r.ok) setKickMsg({ ok: true, text: r.value.removed ? t.wasDisconnected(s.user ?? s.macAddress ?? t.theDevice) : t.alreadyLeft });
                        else setKickMsg({ ok: false, text: r.error.message });
                      }}
                    >
                      {t.kick}
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {sessions.at ? <p className="muted small">{t.asOf(formatDateTime(sessions.at, tz, lang))}</p> : null}
    </section>
  );
}
