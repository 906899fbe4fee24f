import { formatDateTime } from '../../../src-shared/format';
import { ActionError } from '../../components/ActionError';
import { Banner } from '../../components/Banner';
import { BusyButton } from '../../components/BusyButton';
import { useShopTimeDisplay } from '../../shopTime';
import { useRouterSyncStore } from '../../stores/routerSyncStore';
import { YesNo } from './YesNo';
import { messages, useLang, useT } from '../../i18n';

const M = messages(
  {
    cardLabel: 'Test connection',
    title: 'Connection test',
    testing: 'Testing…',
    test: 'Test connection',
    canWrite: 'Connected. HotspotDesk can set this router up.',
    readOnly: (user: string) => `Connected, but the API user “${user}” can only read: give it a group with the write policy to set up, push and disconnect.`,
    identity: 'Identity',
    routerOs: 'RouterOS',
    board: 'Board',
    apiUser: 'API user',
    group: (g: string) => ` (group ${g})`,
    canChange: 'Can change settings',
    canReadSecrets: 'Can read RADIUS secrets',
    cannotCompare: ' · diagnose cannot compare the secret',
    hotspotServers: 'Hotspot servers',
    noneYet: 'None yet. “Set up router” creates one on the hotspot interface.',
    name: 'Name',
    iface: 'Interface',
    profile: 'Profile',
    state: 'State',
    enabled: 'Enabled',
    disabled: 'Disabled',
    checked: (when: string) => `Checked ${when}`,
    intro: 'Logs in with the API user and reads the router’s name, version and hotspot servers. Changes nothing.',
  },
  {
    cardLabel: 'সংযোগ পরীক্ষা',
    title: 'সংযোগ পরীক্ষা',
    testing: 'পরীক্ষা হচ্ছে…',
    test: 'সংযোগ পরীক্ষা করুন',
    canWrite: 'সংযোগ হয়েছে। HotspotDesk এই রাউটার সেট-আপ করতে পারবে।',
    readOnly: (user) => `সংযোগ হয়েছে, কিন্তু API ইউজার “${user}” শুধু পড়তে পারে: সেট-আপ, পাঠানো ও সংযোগ বিচ্ছিন্ন করতে একে write পলিসিসহ একটি গ্রুপ দিন।`,
    identity: 'আইডেন্টিটি',
    routerOs: 'RouterOS',
    board: 'বোর্ড',
    apiUser: 'API ইউজার',
    group: (g) => ` (গ্রুপ ${g})`,
    canChange: 'সেটিংস বদলাতে পারে',
    canReadSecrets: 'RADIUS সিক্রেট পড়তে পারে',
    cannotCompare: ' · সমস্যা খোঁজার সময় সিক্রেট মেলানো যাবে না',
    hotspotServers: 'হটস্পট সার্ভার',
    noneYet: 'এখনও নেই। “রাউটার সেট-আপ” হটস্পট ইন্টারফেসে একটি বানায়।',
    name: 'নাম',
    iface: 'ইন্টারফেস',
    profile: 'প্রোফাইল',
    state: 'অবস্থা',
    enabled: 'চালু',
    disabled: 'বন্ধ',
    checked: (when) => `দেখা হয়েছে ${when}`,
    intro: 'API ইউজার দিয়ে লগইন করে রাউটারের নাম, ভার্সন ও হটস্পট সার্ভার পড়ে। কিছুই বদলায় না।',
  },
);

export function TestCard({ onFix }: { onFix(): void }) {
  const m = useT(M);
  const lang = useLang();
  const tz = useShopTimeDisplay();
  const { test, runTest, clearError } = useRouterSyncStore();
  const t = test.value;
  return (
    <section className="card" aria-label={m.cardLabel}>
      <div className="card-head">
        <h2>{m.title}</h2>
        <BusyButton busy={test.busy} busyLabel={m.testing} onClick={() => void runTest()} primary>
          {m.test}
        </BusyButton>
      </div>
      <ActionError error={test.error} onFix={onFix} onClose={() => clearError('test')} />
      {t ? (
        <div className="test-result">
          <Banner kind={t.canWrite ? 'success' : 'info'}>
            {t.canWrite ? m.canWrite : m.readOnly(t.apiUser)}
          </Banner>
          <dl className="kv">
            <dt>{m.identity}</dt>
            <dd>{t.identity}</dd>
            <dt>{m.routerOs}</dt>
            <dd>{t.version}</dd>
            <dt>{m.board}</dt>
            <dd>{t.board}</dd>
            <dt>{m.apiUser}</dt>
            <dd>
              {t.apiUser}
              {t.apiGroup ? <span className="muted">{m.group(t.apiGroup)}</span> : null}
            </dd>
            <dt>{m.canChange}</dt>
            <dd>
              <YesNo value={t.canWrite} />
            </dd>
            <dt>{m.canReadSecrets}</dt>
            <dd>
              <YesNo value={t.canReadSecrets} />
              {!t.canReadSecrets ? <span className="muted small">{m.cannotCompare}</span> : null}
            </dd>
          </dl>
          <h3>{m.hotspotServers}</h3>
          {t.hotspotServers.length === 0 ? (
            <p className="muted">{m.noneYet}</p>
          ) : (
            <table className="table" aria-label={m.hotspotServers}>
              <thead>
                <tr>
                  <th>{m.name}</th>
                  <th>{m.iface}</th>
                  <th>{m.profile}</th>
                  <th>{m.state}</th>
                </tr>
              </thead>
              <tbody>
                {t.hotspotServers.map((h) => (
                  <tr key={h.name}>
                    <td className="strong">{h.name}</td>
                    <td>{h.interface}</td>
                    <td>{h.profile}</td>
                    <td>
                      <YesNo value={!h.disabled} yes={m.enabled} no={m.disabled} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="muted small">{m.checked(formatDateTime(test.at, tz, lang))}</p>
        </div>
      ) : !test.error ? (
        <p className="muted">{m.intro}</p>
      ) : null}
    </section>
  );
}
