import { useState } from 'react';
import { formatData, formatDateTime } from '../../../src-shared/format';
import { ActionError } from '../../components/ActionError';
import { Banner } from '../../components/Banner';
import { BusyButton } from '../../components/BusyButton';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useShopTimeDisplay } from '../../shopTime';
import { useRouterSyncStore } from '../../stores/routerSyncStore';

export function OnlineNowCard({ onFix }: { onFix(): void }) {
  const tz = useShopTimeDisplay();
  const { sessions, loadSessions, kick, clearError } = useRouterSyncStore();
  const [kickMsg, setKickMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const list = sessions.value;
  return (
    <section className="card" aria-label="Online now">
      <div className="card-head">
        <h2>Online now on the router</h2>
        <BusyButton
          busy={sessions.busy}
          busyLabel="Asking the router…"
          onClick={() => {
            setKickMsg(null);
            void loadSessions();
          }}
          primary={!list}
        >
          {list ? 'Refresh' : 'Show who is online'}
        </BusyButton>
      </div>
      <p className="muted">The router’s own list of logged-in devices (IP &gt; Hotspot &gt; Active). Disconnecting logs the device out; it can log in again while its package lasts.</p>
      <ActionError error={sessions.error} onFix={onFix} onClose={() => clearError('sessions')} />
      {kickMsg ? (
        <Banner kind={kickMsg.ok ? 'success' : 'error'} onClose={() => setKickMsg(null)}>
          {kickMsg.text}
        </Banner>
      ) : null}
      {list ? (
        list.length === 0 ? (
          <p className="muted">Nobody is online on this router.</p>
        ) : (
          <table className="table" aria-label="Active sessions">
            <thead>
              <tr>
                <th>User</th>
                <th>Device</th>
                <th>IP</th>
                <th>Online for</th>
                <th>Time left</th>
                <th className="num">Downloaded</th>
                <th className="num">Uploaded</th>
                <th>Login</th>
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
                  <td className="num">{s.bytesOut == null ? '—' : formatData(s.bytesOut)}</td>
                  <td className="num">{s.bytesIn == null ? '—' : formatData(s.bytesIn)}</td>
                  <td>{s.loginBy ?? '—'}</td>
                  <td className="row-actions">
                    <ConfirmButton
                      confirm={`Disconnect ${s.user ?? s.macAddress ?? 'this device'}?`}
                      confirmLabel="Disconnect"
                      onConfirm={async () => {
                        const r = await kick(s.id);
                        if (r.ok) setKickMsg({ ok: true, text: r.value.removed ? `${s.user ?? s.macAddress ?? 'The device'} was disconnected.` : 'That device had already left.' });
                        else setKickMsg({ ok: false, text: r.error.message });
                      }}
                    >
                      Kick
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {sessions.at ? <p className="muted small">As of {formatDateTime(sessions.at, tz)}</p> : null}
    </section>
  );
}
