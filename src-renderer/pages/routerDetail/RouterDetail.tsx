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

/** One router: its status and everything HotspotDesk does on it through the RouterOS API. */
export function RouterDetail({ id }: { id: number }) {
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
          ‹ All routers
        </a>
        <PageHeader title="Router" />
        {error ? <Banner>{error}</Banner> : loaded ? <Banner>That router does not exist (it may have been removed).</Banner> : <p className="muted">Loading…</p>}
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
        ‹ All routers
      </a>
      <PageHeader
        title={router.name}
        sub={
          <>
            NAS IP <span className="mono">{router.nasIp}</span>
            {zone ? <> · zone {zone.name}</> : null}
            {router.hotspotInterface ? <> · hotspot on {router.hotspotInterface}</> : null} · <RouterState r={router} />
          </>
        }
      >
        <button type="button" className="btn" onClick={() => setEditing(!editing)}>
          {editing ? 'Close settings' : 'Edit settings'}
        </button>
      </PageHeader>
      {editing ? <RouterForm key={router.id} editing={router} onDone={() => setEditing(false)} onSaved={reset} /> : null}
      {!apiReady ? (
        <Banner kind="info">
          Fill in the RouterOS API address, user and password in the router settings to set the router up, see who is online and diagnose it from here.{' '}
          <button type="button" className="link-button" onClick={editSettings}>
            Edit settings ›
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
