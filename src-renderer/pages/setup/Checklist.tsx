import { useEffect, useState } from 'react';
import type { Router } from '../../../src-shared/domain';
import { call } from '../../api';
import { useSettingsStore } from '../../stores/settingsStore';
import { localDigits } from '../../../src-shared/format';
import { messages, useT } from '../../i18n';

const M = messages(
  {
    router: 'Router reachable',
    radius: 'RADIUS entry on the router',
    portal: 'Portal reachable from the hotspot',
    packages: 'A package to sell',
    sms: 'SMS gateway',
    noRouter: 'No router yet: add one on the Routers page.',
    routerAnswers: (name: string, identity: string) => `${name} answers (${identity}).`,
    radiusOk: 'The router asks HotspotDesk about every login.',
    radiusNotSet: (name: string) => `Not set yet: press “Set up the router” (router ${name}).`,
    portalOk: 'Phones that join the WiFi land on the portal.',
    portalNotSet: 'The router does not have the portal’s login page yet: set the router up.',
    onSale: (n: number) => `${n} package${n === 1 ? '' : 's'} on sale.`,
    createPackage: 'Create one on the Packages page.',
    texted: (provider: string) => `Codes are texted (${provider}).`,
    noGateway: 'No gateway: codes wait in the SMS outbox for you to read out. Set one in Settings → SMS.',
    region: 'Checklist',
    title: 'What works, what is left',
    checking: 'Checking…',
    done: 'Done',
    toDo: 'To do',
    back: 'Back',
    finish: 'Finish setup',
  },
  {
    router: 'রাউটারে পৌঁছানো যায়',
    radius: 'রাউটারে RADIUS-এর তথ্য',
    portal: 'হটস্পট থেকে পোর্টাল খোলে',
    packages: 'বিক্রির জন্য একটি প্যাকেজ',
    sms: 'এসএমএস গেটওয়ে',
    noRouter: 'এখনো কোনো রাউটার নেই: রাউটার পাতায় একটি যোগ করুন।',
    routerAnswers: (name, identity) => `${name} সাড়া দিচ্ছে (${identity})।`,
    radiusOk: 'প্রতিটি লগইনে রাউটার HotspotDesk-কে জিজ্ঞেস করে।',
    radiusNotSet: (name) => `এখনো সেট হয়নি: “রাউটার সেট আপ করুন” চাপুন (রাউটার ${name})।`,
    portalOk: 'যে ফোন ওয়াইফাইতে যুক্ত হয় সেটি পোর্টালে পৌঁছায়।',
    portalNotSet: 'রাউটারে এখনো পোর্টালের লগইন পাতা নেই: রাউটারটি সেট আপ করুন।',
    onSale: (n) => `${localDigits(String(n), 'bn')}টি প্যাকেজ বিক্রি হচ্ছে।`,
    createPackage: 'প্যাকেজ পাতায় একটি তৈরি করুন।',
    texted: (provider) => `কোড এসএমএসে পাঠানো হয় (${provider})।`,
    noGateway: 'গেটওয়ে নেই: কোডগুলো এসএমএস আউটবক্সে থাকে, আপনি পড়ে শোনান। সেটিংস → এসএমএস-এ একটি সেট করুন।',
    region: 'চেকলিস্ট',
    title: 'কী চলছে, কী বাকি',
    checking: 'দেখা হচ্ছে…',
    done: 'হয়েছে',
    toDo: 'বাকি',
    back: 'পেছনে',
    finish: 'সেটআপ শেষ করুন',
  },
);
type Words = (typeof M)['en'];

/**
 * One line of the closing checklist: done, or what is left and where to do it. The words are
 * picked when it is shown, so switching the language does not ask the router again.
 */
export interface CheckItem {
  key: 'router' | 'radius' | 'portal' | 'packages' | 'sms';
  ok: boolean;
  detail: (t: Words) => string;
}

/**
 * What works and what still needs doing, asked afresh of the router and the engine (not taken
 * from what the wizard remembers), so "Run setup again" from Settings shows the truth today.
 */
export function Checklist({ router, onBack, onFinish }: { router: Router | null; onBack(): void; onFinish(): void }) {
  const [items, setItems] = useState<CheckItem[] | null>(null);
  const sms = useSettingsStore((s) => s.settings?.sms.provider ?? 'outbox');
  const t = useT(M);

  useEffect(() => {
    let live = true;
    void (async () => {
      const list: CheckItem[] = [];
      const routers = await call('routers.list', {});
      const target = router ?? (routers.ok ? routers.value[0] : undefined) ?? null;
      if (!target) {
        list.push({ key: 'router', ok: false, detail: (w) => w.noRouter });
      } else {
        const test = await call('routers.test', { id: target.id });
        // The engine's own message when the router does not answer (server messages are English).
        const answer = test.ok ? test.value.identity : null;
        const failure = test.ok ? '' : test.error.message;
        list.push({ key: 'router', ok: test.ok, detail: (w) => (answer !== null ? w.routerAnswers(target.name, answer) : failure) });
        const plan = test.ok ? await call('routers.plan', { id: target.id }) : null;
        const step = (key: string) => (plan?.ok ? plan.value.steps.find((s) => s.key === key) : undefined);
        const radius = step('radius');
        list.push({
          key: 'radius',
          ok: radius?.status === 'ok',
          detail: (w) => (radius?.status === 'ok' ? w.radiusOk : w.radiusNotSet(target.name)),
        });
        const page = step('login-page');
        list.push({
          key: 'portal',
          ok: page?.status === 'ok',
          detail: (w) => (page?.status === 'ok' ? w.portalOk : (page?.note ?? w.portalNotSet)),
        });
      }
      const packages = await call('packages.list', {});
      const n = packages.ok ? packages.value.filter((p) => p.active).length : 0;
      list.push({ key: 'packages', ok: n > 0, detail: (w) => (n > 0 ? w.onSale(n) : w.createPackage) });
      list.push({
        key: 'sms',
        ok: sms !== 'outbox',
        detail: (w) => (sms !== 'outbox' ? w.texted(sms) : w.noGateway),
      });
      if (live) setItems(list);
    })();
    return () => {
      live = false;
    };
  }, [router, sms]);

  return (
    <section className="card" aria-label={t.region}>
      <h2>{t.title}</h2>
      {!items ? <p className="muted">{t.checking}</p> : null}
      {items ? (
        <ul className="checklist">
          {items.map((i) => (
            <li key={i.key} data-check={i.key} data-ok={i.ok}>
              <span className={`badge ${i.ok ? 'badge-green' : 'badge-amber'}`}>{i.ok ? t.done : t.toDo}</span> <span className="strong">{t[i.key]}</span>
              <div className="muted">{i.detail(t)}</div>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onBack}>
          {t.back}
        </button>
        <button type="button" className="btn btn-primary" onClick={onFinish}>
          {t.finish}
        </button>
      </div>
    </section>
  );
}
