import { useEffect, useState, type FormEvent } from 'react';
import type { Sale } from '../../src-shared/domain';
import { useSubmit } from '../formErrors';
import { formatTaka } from '../../src-shared/format';
import { sellable, usePackagesStore } from '../stores/packagesStore';
import { useCustomersStore } from '../stores/customersStore';
import { useReceiptStore } from '../stores/receiptStore';
import { Banner } from './Banner';
import { Field } from './Field';
import { PackageSelect } from './PackageSelect';

interface SellFormProps {
  /** Fixed phone (customer detail); otherwise the form asks for one. */
  phone?: string;
  onSold?(sale: Sale, phone: string): void;
  compact?: boolean;
}

/** Cash sale at the counter: phone + package → payment + subscription (customer made if new). */
export function SellForm({ phone: fixedPhone, onSold, compact }: SellFormProps) {
  const packages = usePackagesStore();
  const sell = useCustomersStore((s) => s.sell);
  const [phone, setPhone] = useState('');
  const [packageId, setPackageId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, errors, submit, clear } = useSubmit(['phone', 'packageId', 'method']);

  useEffect(() => {
    if (!packages.loaded && !packages.loading) void packages.load();
  }, [packages]);

  const options = sellable(packages.items);
  const chosen = options.find((p) => String(p.id) === packageId);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const local: Record<string, string> = {};
    const who = fixedPhone ?? phone;
    if (!fixedPhone && !phone.trim()) local.phone = 'Enter the customer’s mobile number, such as 01712345678.';
    if (!chosen) local.packageId = 'Choose a package.';
    const sale = await submit(local, () => sell({ phone: who, packageId: Number(packageId), method: 'cash' }));
    if (sale && chosen) {
      const text = `Sold ${chosen.name} to ${who} for ${formatTaka(chosen.price)} (cash).`;
      setDone(text);
      // Offered by the shell, so it survives the page moving on to the customer.
      useReceiptStore.getState().offer(sale, text);
      setPhone('');
      setPackageId('');
      onSold?.(sale, who);
    }
  }

  return (
    <form className={`form sell-form${compact ? ' form-inline' : ''}`} onSubmit={onSubmit} onChange={() => errors.banner && clear()} noValidate>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      {done ? (
        <Banner kind="success" onClose={() => setDone(null)}>
          {done}
        </Banner>
      ) : null}
      <div className="form-row">
        {fixedPhone ? null : (
          <Field label="Mobile number" error={errors.fields.phone}>
            <input type="tel" inputMode="tel" autoComplete="off" placeholder="01712345678" value={phone} onChange={(e) => setPhone(e.target.value)} />
          </Field>
        )}
        <Field label="Package" error={errors.fields.packageId} className="grow">
          <PackageSelect packages={options} value={packageId} onChange={setPackageId} />
        </Field>
        <div className="field field-button">
          <button type="submit" className="btn btn-primary" disabled={busy || options.length === 0}>
            {chosen ? `Sell for ${formatTaka(chosen.price)} cash` : 'Sell for cash'}
          </button>
        </div>
      </div>
      {packages.loaded && options.length === 0 ? (
        <p className="muted">
          No packages to sell yet. <a href="#/packages">Create a package</a> first.
        </p>
      ) : null}
    </form>
  );
}
