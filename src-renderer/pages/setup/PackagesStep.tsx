import { useState, type FormEvent } from 'react';
import { describeTerms } from '../../../src-shared/format';
import { call } from '../../api';
import { Banner } from '../../components/Banner';
import { PACKAGE_TEMPLATES, STARTER_SPEED } from './templates';
import { StepButtons } from './StepButtons';
import { messages, useLang, useT } from '../../i18n';

const M = messages(
  {
    giveName: 'Give the package a name.',
    enterPrice: 'Enter a price in taka, such as 30.',
    title: 'Starter packages',
    intro: 'Tick the packages to sell and adjust their names and prices (speed 5 Mbps down, 2 Mbps up: change it later on the Packages page).',
    templates: 'Package templates',
    sell: 'Sell',
    name: 'Name',
    price: 'Price (৳)',
    gives: 'Gives',
    sellOne: (name: string) => `Sell ${name}`,
    // The template's key (1h, 1d …) names the row: the name itself is being edited.
    nameOf: (key: string) => `Name of ${key}`,
    priceOf: (key: string) => `Price of ${key}`,
    create: 'Create packages and continue',
  },
  {
    giveName: 'প্যাকেজের একটি নাম দিন।',
    enterPrice: 'টাকায় দাম লিখুন, যেমন 30।',
    title: 'শুরুর প্যাকেজ',
    intro: 'যে প্যাকেজগুলো বিক্রি করবেন তাতে টিক দিন, নাম আর দাম ঠিক করুন (গতি ডাউনলোড ৫ Mbps, আপলোড ২ Mbps: পরে প্যাকেজ পাতায় বদলাতে পারবেন)।',
    templates: 'প্যাকেজের নমুনা',
    sell: 'বিক্রি',
    name: 'নাম',
    price: 'দাম (৳)',
    gives: 'যা পাবেন',
    sellOne: (name) => `${name} বিক্রি করুন`,
    nameOf: (key) => `${key}-এর নাম`,
    priceOf: (key) => `${key}-এর দাম`,
    create: 'প্যাকেজ তৈরি করে এগিয়ে যান',
  },
);

interface Row {
  key: string;
  on: boolean;
  name: string;
  price: string;
  validitySeconds: number | null;
  dataLimitBytes: number | null;
}

/** Starter packages from templates; names and prices are edited here, the rest on the Packages page. */
export function PackagesStep({ onNext, onBack }: { onNext(): void; onBack(): void }) {
  const [rows, setRows] = useState<Row[]>(() =>
    PACKAGE_TEMPLATES.map((t) => ({ key: t.key, on: ['1h', '1d', '7d'].includes(t.key), name: t.name, price: String(t.priceTaka), validitySeconds: t.validitySeconds, dataLimitBytes: t.dataLimitBytes })),
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT(M);
  const lang = useLang();
  const edit = (key: string, patch: Partial<Row>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const chosen = rows.filter((r) => r.on);
    // Every row's problem in one round, before anything is created.
    const found: Record<string, string> = {};
    for (const r of chosen) {
      if (!r.name.trim()) found[r.key] = t.giveName;
      else if (!/^\d+(\.\d{1,2})?$/.test(r.price.trim()) || Number(r.price) <= 0) found[r.key] = t.enterPrice;
    }
    setProblems(found);
    setBanner(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      for (const r of chosen) {
        const res = await call('packages.create', {
          name: r.name.trim(),
          price: Math.round(Number(r.price) * 100),
          validitySeconds: r.validitySeconds,
          dataLimitBytes: r.dataLimitBytes,
          ...STARTER_SPEED,
        });
        if (!res.ok) {
          setBanner(`${r.name}: ${res.error.message}`);
          return;
        }
        setRows((all) => all.map((x) => (x.key === r.key ? { ...x, on: false } : x)));
      }
      onNext();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={t.title}>
      <h2>{t.title}</h2>
      <p className="muted">{t.intro}</p>
      {banner ? <Banner>{banner}</Banner> : null}
      <table className="table" aria-label={t.templates}>
        <thead>
          <tr>
            <th>{t.sell}</th>
            <th>{t.name}</th>
            <th>{t.price}</th>
            <th>{t.gives}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>
                <input type="checkbox" aria-label={t.sellOne(r.name)} checked={r.on} onChange={(e) => edit(r.key, { on: e.target.checked })} />
              </td>
              <td>
                <input aria-label={t.nameOf(r.key)} value={r.name} onChange={(e) => edit(r.key, { name: e.target.value })} aria-invalid={problems[r.key] ? true : undefined} />
                {problems[r.key] ? (
                  <div className="field-error" role="alert">
                    {problems[r.key]}
                  </div>
                ) : null}
              </td>
              <td>
                <input aria-label={t.priceOf(r.key)} className="input-narrow" inputMode="decimal" value={r.price} onChange={(e) => edit(r.key, { price: e.target.value })} />
              </td>
              <td className="muted">{describeTerms(r, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <StepButtons busy={busy} nextLabel={t.create} onBack={onBack} onSkip={onNext} />
    </form>
  );
}
