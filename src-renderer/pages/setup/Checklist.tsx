import { useEffect, useState } from 'react';
import type { Router } from '../../../src-shared/domain';
import { call } from '../../api';
import { useSettingsStore } from '../../stores/settingsStore';

/** One line of the closing checklist: done, or what is left and where to do it. */
export interface CheckItem {
  key: 'router' | 'radius' | 'portal' | 'packages' | 'sms';
  title: string;
  ok: boolean;
  detail: string;
}

/**
 * What works and what still needs doing, asked afresh of the router and the engine (not taken
 * from what the wizard remembers), so "Run setup again" from Settings shows the truth today.
 */
export function Checklist({ router, onBack, onFinish }: { router: Router | null; onBack(): void; onFinish(): void }) {
  const [items, setItems] = useState<CheckItem[] | null>(null);
  const sms = useSettingsStore((s) => s.settings?.sms.provider ?? 'outbox');

  useEffect(() => {
    let live = true;
    void (async () => {
      const list: CheckItem[] = [];
      const routers = await call('routers.list', {});
      const target = router ?? (routers.ok ? routers.value[0] : undefined) ?? null;
      if (!target) {
        list.push({ key: 'router', title: 'Router reachable', ok: false, detail: 'No router yet: add one on the Routers page.' });
      } else {
        const test = await call('routers.test', { id: target.id });
        list.push({ key: 'router', title: 'Router reachable', ok: test.ok, detail: test.ok ? `${target.name} answers (${test.value.identity}).` : test.error.message });
        const plan = test.ok ? await call('routers.plan', { id: target.id }) : null;
        const step = (key: string) => (plan?.ok ? plan.value.steps.find((s) => s.key === key) : undefined);
        const radius = step('radius');
        list.push({
          key: 'radius',
          title: 'RADIUS entry on the router',
          ok: radius?.status === 'ok',
          detail: radius?.status === 'ok' ? 'The router asks HotspotDesk about every login.' : `Not set yet: press “Set up the router” (router ${target.name}).`,
        });
        const page = step('login-page');
        list.push({
          key: 'portal',
          title: 'Portal reachable from the hotspot',
          ok: page?.status === 'ok',
          detail: page?.status === 'ok' ? 'Phones that join the WiFi land on the portal.' : (page?.note ?? 'The router does not have the portal’s login page yet: set the router up.'),
        });
      }
      const packages = await call('packages.list', {});
      const n = packages.ok ? packages.value.filter((p) => p.active).length : 0;
      list.push({ key: 'packages', title: 'A package to sell', ok: n > 0, detail: n > 0 ? `${n} package${n === 1 ? '' : 's'} on sale.` : 'Create one on the Packages page.' });
      list.push({
        key: 'sms',
        title: 'SMS gateway',
        ok: sms !== 'outbox',
        detail: sms !== 'outbox' ? `Codes are texted (${sms}).` : 'No gateway: codes wait in the SMS outbox for you to read out. Set one in Settings → SMS.',
      });
      if (live) setItems(list);
    })();
    return () => {
      live = false;
    };
  }, [router, sms]);

  return (
    <section className="card" aria-label="Checklist">
      <h2>What works, what is left</h2>
      {!items ? <p className="muted">Checking…</p> : null}
      {items ? (
        <ul className="checklist">
          {items.map((i) => (
            <li key={i.key} data-check={i.key} data-ok={i.ok}>
              <span className={`badge ${i.ok ? 'badge-green' : 'badge-amber'}`}>{i.ok ? 'Done' : 'To do'}</span> <span className="strong">{i.title}</span>
              <div className="muted">{i.detail}</div>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onBack}>
          Back
        </button>
        <button type="button" className="btn btn-primary" onClick={onFinish}>
          Finish setup
        </button>
      </div>
    </section>
  );
}
