import { formatDateTime } from '../../../src-shared/format';
import { ActionError } from '../../components/ActionError';
import { Banner } from '../../components/Banner';
import { BusyButton } from '../../components/BusyButton';
import { useShopTimeDisplay } from '../../shopTime';
import { useRouterSyncStore } from '../../stores/routerSyncStore';
import { YesNo } from './YesNo';

export function TestCard({ onFix }: { onFix(): void }) {
  const tz = useShopTimeDisplay();
  const { test, runTest, clearError } = useRouterSyncStore();
  const t = test.value;
  return (
    <section className="card" aria-label="Test connection">
      <div className="card-head">
        <h2>Connection test</h2>
        <BusyButton busy={test.busy} busyLabel="Testing…" onClick={() => void runTest()} primary>
          Test connection
        </BusyButton>
      </div>
      <ActionError error={test.error} onFix={onFix} onClose={() => clearError('test')} />
      {t ? (
        <div className="test-result">
          <Banner kind={t.canWrite ? 'success' : 'info'}>
            {t.canWrite ? 'Connected. HotspotDesk can set this router up.' : `Connected, but the API user “${t.apiUser}” can only read: give it a group with the write policy to set up, push and disconnect.`}
          </Banner>
          <dl className="kv">
            <dt>Identity</dt>
            <dd>{t.identity}</dd>
            <dt>RouterOS</dt>
            <dd>{t.version}</dd>
            <dt>Board</dt>
            <dd>{t.board}</dd>
            <dt>API user</dt>
            <dd>
              {t.apiUser}
              {t.apiGroup ? <span className="muted"> (group {t.apiGroup})</span> : null}
            </dd>
            <dt>Can change settings</dt>
            <dd>
              <YesNo value={t.canWrite} />
            </dd>
            <dt>Can read RADIUS secrets</dt>
            <dd>
              <YesNo value={t.canReadSecrets} />
              {!t.canReadSecrets ? <span className="muted small"> · diagnose cannot compare the secret</span> : null}
            </dd>
          </dl>
          <h3>Hotspot servers</h3>
          {t.hotspotServers.length === 0 ? (
            <p className="muted">None yet. “Set up router” creates one on the hotspot interface.</p>
          ) : (
            <table className="table" aria-label="Hotspot servers">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Interface</th>
                  <th>Profile</th>
                  <th>State</th>
                </tr>
              </thead>
              <tbody>
                {t.hotspotServers.map((h) => (
                  <tr key={h.name}>
                    <td className="strong">{h.name}</td>
                    <td>{h.interface}</td>
                    <td>{h.profile}</td>
                    <td>
                      <YesNo value={!h.disabled} yes="Enabled" no="Disabled" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="muted small">Checked {formatDateTime(test.at, tz)}</p>
        </div>
      ) : !test.error ? (
        <p className="muted">Logs in with the API user and reads the router’s name, version and hotspot servers. Changes nothing.</p>
      ) : null}
    </section>
  );
}
