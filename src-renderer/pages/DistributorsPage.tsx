import { useEffect, useState, type FormEvent } from 'react';
import { Banner, FormBanners } from '../components/Banner';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { formatTaka, localDigits, localPhone } from '../../src-shared/format';
import { messages, useLang, useT } from '../i18n';
import { parseTaka } from '../../src-shared/units';
import { useSubmit } from '../formErrors';
import { useDistributorsStore } from '../stores/distributorsStore';
import { DistributorStatementView, describeCommission } from './DistributorStatement';

const M = messages(
  {
    needName: 'Enter the shop or agent’s name.',
    needPhone: 'Enter their mobile number.',
    badPercent: 'Enter a percent from 0 to 100, e.g. 10 or 12.5.',
    badPerCard: 'Enter taka per card, e.g. 2 or 1.50.',
    added: (name: string) => `Added ${name}.`,
    newDistributor: 'New distributor',
    name: 'Name',
    namePlaceholder: 'e.g. Rahim Telecom',
    mobile: 'Mobile number',
    commission: 'Commission',
    percentOfPrice: 'Percent of card price',
    takaPerCard: 'Taka per card',
    commissionPercent: 'Commission (%)',
    commissionPerCard: 'Commission (৳ per card)',
    adding: 'Adding…',
    add: 'Add distributor',
    title: 'Distributors',
    sub: 'Shops and agents who resell your cards: what they hold, what they owe',
    none: 'No distributors yet. Add one above, then assign a batch of cards to them on the Recharge cards page.',
    mobileCol: 'Mobile',
    cardsHeld: 'Cards held',
    balanceOwed: 'Balance owed',
    statement: 'Statement',
  },
  {
    needName: 'দোকান বা এজেন্টের নাম লিখুন।',
    needPhone: 'তাঁর মোবাইল নম্বর লিখুন।',
    badPercent: '০ থেকে ১০০-এর মধ্যে শতাংশ লিখুন, যেমন 10 বা 12.5।',
    badPerCard: 'প্রতি কার্ডে কত টাকা লিখুন, যেমন 2 বা 1.50।',
    added: (name) => `${name} যোগ করা হয়েছে।`,
    newDistributor: 'নতুন বিক্রেতা',
    name: 'নাম',
    namePlaceholder: 'যেমন রহিম টেলিকম',
    mobile: 'মোবাইল নম্বর',
    commission: 'কমিশন',
    percentOfPrice: 'কার্ডের দামের শতাংশ',
    takaPerCard: 'প্রতি কার্ডে টাকা',
    commissionPercent: 'কমিশন (%)',
    commissionPerCard: 'কমিশন (প্রতি কার্ডে ৳)',
    adding: 'যোগ করা হচ্ছে…',
    add: 'বিক্রেতা যোগ করুন',
    title: 'বিক্রেতা',
    sub: 'যে দোকান ও এজেন্টরা আপনার কার্ড বিক্রি করেন: কার কাছে কত কার্ড, কার কাছে কত পাওনা',
    none: 'এখনো কোনো বিক্রেতা নেই। ওপরে একজনকে যোগ করুন, তারপর রিচার্জ কার্ড পাতায় তাঁকে এক ব্যাচ কার্ড দিন।',
    mobileCol: 'মোবাইল',
    cardsHeld: 'হাতে কার্ড',
    balanceOwed: 'বাকি পাওনা',
    statement: 'হিসাব বিবরণী',
  },
);

/**
 * Distributors: the shops and agents who resell the cards. `#/distributors` lists them with what
 * each owes; `#/distributors/<id>` is one's statement (printable).
 */
export function DistributorsPage({ param }: { param: string | null }) {
  const id = param && /^\d+$/.test(param) ? Number(param) : null;
  return id ? <DistributorStatementView distributorId={id} /> : <DistributorList />;
}

function CreateForm() {
  const { create } = useDistributorsStore();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [kind, setKind] = useState<'percent' | 'perCard'>('percent');
  const [amount, setAmount] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, errors, submit, clear } = useSubmit(['name', 'phone', 'commissionPercent', 'commissionPerCard'], 'distributors.create');
  const t = useT(M);
  const field = kind === 'percent' ? 'commissionPercent' : 'commissionPerCard';

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = t.needName;
    if (!phone.trim()) local.phone = t.needPhone;
    // Zero stands in while the local check reports a bad amount, so the schema check (which
    // wants one commission) does not also flag the other, hidden, kind.
    let commission: Record<string, number> = { [field]: 0 };
    if (kind === 'percent') {
      const p = Number(amount);
      if (!/^\d{1,3}(\.\d{1,2})?$/.test(amount.trim()) || p > 100) local.commissionPercent = t.badPercent;
      else commission = { commissionPercent: p };
    } else {
      const paisa = parseTaka(amount);
      if (paisa === null) local.commissionPerCard = t.badPerCard;
      else commission = { commissionPerCard: paisa };
    }
    const input = { name: name.trim(), phone, ...commission };
    const r = await submit(local, () => create(input), input);
    if (r) {
      setName('');
      setPhone('');
      setAmount('');
      setDone(t.added(r.name));
    }
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={t.newDistributor}>
      <h2>{t.newDistributor}</h2>
      <FormBanners error={errors.banner} onClear={clear} done={done} onDoneClose={() => setDone(null)} />
      <div className="form-row">
        <Field label={t.name} error={errors.fields.name} className="grow">
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t.namePlaceholder} />
        </Field>
        <Field label={t.mobile} error={errors.fields.phone}>
          <input value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" placeholder="01XXXXXXXXX" />
        </Field>
        <Field label={t.commission}>
          <select value={kind} onChange={(e) => setKind(e.target.value as 'percent' | 'perCard')}>
            <option value="percent">{t.percentOfPrice}</option>
            <option value="perCard">{t.takaPerCard}</option>
          </select>
        </Field>
        <Field label={kind === 'percent' ? t.commissionPercent : t.commissionPerCard} error={errors.fields[field]}>
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" className="narrow" />
        </Field>
        <div className="field field-button">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t.adding : t.add}
          </button>
        </div>
      </div>
    </form>
  );
}

function DistributorList() {
  const { items, loaded, error, load } = useDistributorsStore();
  const t = useT(M);
  const lang = useLang();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <PageHeader title={t.title} sub={t.sub} />
      <CreateForm />
      {error ? <Banner>{error}</Banner> : null}
      {loaded && items.length === 0 ? (
        <div className="empty card">
          <p>{t.none}</p>
        </div>
      ) : (
        <div className="card flush">
          <table className="table" aria-label={t.title}>
            <thead>
              <tr>
                <th>{t.name}</th>
                <th>{t.mobileCol}</th>
                <th>{t.commission}</th>
                <th className="num">{t.cardsHeld}</th>
                <th className="num">{t.balanceOwed}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td className="strong">{d.name}</td>
                  <td>{localPhone(d.phone, lang)}</td>
                  <td>{describeCommission(d, lang)}</td>
                  <td className="num">{localDigits(String(d.cardsHeld), lang)}</td>
                  <td className="num">{formatTaka(d.balance, lang)}</td>
                  <td className="row-actions">
                    <a className="btn btn-small" href={`#/distributors/${d.id}`}>
                      {t.statement}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
