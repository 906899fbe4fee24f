import { useEffect, useState, type FormEvent } from 'react';
import { Banner } from '../components/Banner';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { formatTaka, localPhone } from '../../src-shared/format';
import { parseTaka } from '../../src-shared/units';
import { useSubmit } from '../formErrors';
import { useDistributorsStore } from '../stores/distributorsStore';
import { DistributorStatementView, describeCommission } from './DistributorStatement';

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
  const { busy, errors, submit, clear } = useSubmit(['name', 'phone', 'commissionPercent', 'commissionPerCard']);
  const field = kind === 'percent' ? 'commissionPercent' : 'commissionPerCard';

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'Enter the shop or agent’s name.';
    if (!phone.trim()) local.phone = 'Enter their mobile number.';
    let commission: Record<string, number> = {};
    if (kind === 'percent') {
      const p = Number(amount);
      if (!/^\d{1,3}(\.\d{1,2})?$/.test(amount.trim()) || p > 100) local.commissionPercent = 'Enter a percent from 0 to 100, e.g. 10 or 12.5.';
      else commission = { commissionPercent: p };
    } else {
      const paisa = parseTaka(amount);
      if (paisa === null) local.commissionPerCard = 'Enter taka per card, e.g. 2 or 1.50.';
      else commission = { commissionPerCard: paisa };
    }
    const r = await submit(local, () => create({ name: name.trim(), phone, ...commission }));
    if (r) {
      setName('');
      setPhone('');
      setAmount('');
      setDone(`Added ${r.name}.`);
    }
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label="New distributor">
      <h2>New distributor</h2>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      {done ? (
        <Banner kind="success" onClose={() => setDone(null)}>
          {done}
        </Banner>
      ) : null}
      <div className="form-row">
        <Field label="Name" error={errors.fields.name} className="grow">
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Rahim Telecom" />
        </Field>
        <Field label="Mobile number" error={errors.fields.phone}>
          <input value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" placeholder="01XXXXXXXXX" />
        </Field>
        <Field label="Commission">
          <select value={kind} onChange={(e) => setKind(e.target.value as 'percent' | 'perCard')}>
            <option value="percent">Percent of card price</option>
            <option value="perCard">Taka per card</option>
          </select>
        </Field>
        <Field label={kind === 'percent' ? 'Commission (%)' : 'Commission (৳ per card)'} error={errors.fields[field]}>
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" className="narrow" />
        </Field>
        <div className="field field-button">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add distributor'}
          </button>
        </div>
      </div>
    </form>
  );
}

function DistributorList() {
  const { items, loaded, error, load } = useDistributorsStore();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <PageHeader title="Distributors" sub="Shops and agents who resell your cards: what they hold, what they owe" />
      <CreateForm />
      {error ? <Banner>{error}</Banner> : null}
      {loaded && items.length === 0 ? (
        <div className="empty card">
          <p>No distributors yet. Add one above, then assign a batch of cards to them on the Recharge cards page.</p>
        </div>
      ) : (
        <div className="card flush">
          <table className="table" aria-label="Distributors">
            <thead>
              <tr>
                <th>Name</th>
                <th>Mobile</th>
                <th>Commission</th>
                <th className="num">Cards held</th>
                <th className="num">Balance owed</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td className="strong">{d.name}</td>
                  <td>{localPhone(d.phone)}</td>
                  <td>{describeCommission(d)}</td>
                  <td className="num">{d.cardsHeld}</td>
                  <td className="num">{formatTaka(d.balance)}</td>
                  <td className="row-actions">
                    <a className="btn btn-small" href={`#/distributors/${d.id}`}>
                      Statement
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
