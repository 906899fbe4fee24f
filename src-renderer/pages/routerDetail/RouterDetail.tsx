import { useEffect, useState } from 'react';
import { Banner } from '../../components/Banner';
import { PageHeader } from '../../components/PageHeader';
import { RouterForm } from '../../components/RouterForm';
import { RouterState } from '../../components/RouterState';
import { useRouterSyncStore } from '../../stores/routerSyncStore';
import { useRoutersStore } from '../../stores/routersStore';
import { DiagnoseCard } from './DiagnoseCard';
import { OnlineNowCard } from './OnlineNowCard';
import { SetupCard } from './SetupCard';
import { StatusCard } from './StatusCard';
import { TestCard } from './TestCard';
import { WalledGardenCard } from './WalledGardenCard';
import { messages, useT } from '../../i18n';

const M = messages(
  {
    back: '‹ All routers',
    router: 'Router',
    notFound: 'That router does not exist (it may have been removed).',
    loading: 'Loading…',
    nasIp: 'NAS IP',
    zone: (name: string) => ` · zone ${name}`,
    hotspotOn: (iface: string) => ` · hotspot on ${iface}`,
    closeSettings: 'Close settings',
    editSettings: 'Edit settings',
    fillApi: 'Fill in the RouterOS API address, user and password in the router settings to set the router up, see who is online and diagnose it from here.',
    editSettingsLink: 'Edit settings ›',
  },
  {
    back: '‹ সব রাউটার',
    router: 'রাউটার',
    notFound: 'এই রাউটারটি নেই (হয়তো বাদ দেওয়া হয়েছে)।',
    loading: 'লোড হচ্ছে…',
    nasIp: 'NAS IP',
    zone: (name) => ` · জোন ${name}`,
    hotspotOn: (iface) => ` · হটস্পট ${iface}-এ`,
    closeSettings: 'সেটিংস বন্ধ করুন',
    editSettings: 'সেটিংস সম্পাদনা',
    fillApi: 'এখান থেকে রাউটার সেট-আপ, কে অনলাইন দেখা ও সমস্যা খুঁজতে রাউটারের সেটিংসে RouterOS API ঠিকানা, ইউজার ও পাসওয়ার্ড দিন।',
    editSettingsLink: 'সেটিংস সম্পাদনা ›',
  },
);

/** One router: its status and everything HotspotDesk does on it through the RouterOS API. */
export function RouterDetail({ id }: { id: number }) {
  const t = useT(M);
  const { routers, zones, loaded, error, load } = useRoutersStore();
  const open = useRouterSyncStore((s) => s.open);
  const reset = useRouterSyncStore((s) => s.reset);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    open(id);
    void load();
  }, [id, open, load]);

  const router = routers.find((r) => r.id === id);
  if (!router) {
    return (
      <>
        <a href="#/routers" className="back">
          {t.back}
        </a>
        <PageHeader title={t.router} />
        {error ? <Banner>{error}</Banner> : loaded ? <Banner>{t.notFound}</Banner> : <p className="muted">{t.loading}</p>}
      </>
    );
  }
  const apiReady = Boolean(router.host && router.apiUser);
  const zone = zones.find((z) => z.id === router.zoneId);
  const editSettings = () => {
    setEditing(true);
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <a href="#/routers" className="back">
        {t.back}
      </a>
      <PageHeader
        title={router.name}
        sub={
          <>
            {t.nasIp} <span className="mono">{router.nasIp}</span>
            {zone ? t.zone(zone.name) : null}
            {router.hotspotInterface ? t.hotspotOn(router.hotspotInterface) : null} · <RouterState r={router} />
          </>
        }
      >
        <button type="button" className="btn" onClick={() => setEditing(!editing)}>
          {editing ? t.closeSettings : t.editSettings}
        </button>
      </PageHeader>
      {editing ? <RouterForm key={router.id} editing={router} onDone={() => setEditing(false)} onSaved={reset} /> : null}
      {!apiReady ? (
        <Banner kind="info">
          {t.fillApi}{' '}
          <button type="button" className="link-button" onClick={editSettings}>
            {t.editSettingsLink}
          </button>
        </Banner>
      ) : null}
      <div className="columns">
        <StatusCard router={router} />
        <TestCard onFix={editSettings} />
      </div>
      <SetupCard onFix={editSettings} />
      <WalledGardenCard routerName={router.name} onFix={editSettings} />
      <OnlineNowCard onFix={editSettings} />
      <DiagnoseCard onFix={editSettings} />
    </>
  );
}
