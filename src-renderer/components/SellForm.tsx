import { useEffect, useState, type FormEvent } from 'react';
import type { Sale } from '../../src-shared/domain';
import { useSubmit } from '../formErrors';
import { formatTaka } from '../../src-shared/format';
import { messages, useLang, useT } from '../i18n';
import { sellable, usePackagesStore } from '../stores/packagesStore';
import { useCustomersStore } from '../stores/customersStore';
import { useReceiptStore } from '../stores/receiptStore';
import { FormBanners } from './Banner';
import { Field } from './Field';
import { PackageSelect } from './PackageSelect';

const M = messages(
  {
    needPhone: 'Enter the customer’s mobile number, such as 01712345678.',
    needPackage: 'Choose a package.',
    sold: (pkg: string, phone: string, price: string) => `Sold ${pkg} to ${phone} for ${price} (cash).`,
    mobile: 'Mobile number',
    package: 'Package',
    sellFor: (price: string) => `Sell for ${price} cash`,
    sellForCash: 'Sell for cash',
    noPackages: 'No packages to sell yet.',
    createPackage: 'Create a package',
    first: 'first.',
  },
  {
    needPhone: 'গ্রাহকের মোবাইল নম্বর লিখুন, যেমন 01712345678।',
    needPackage: 'একটি প্যাকেজ বেছে নিন।',
    sold: (pkg, phone, price) => `${phone} নম্বরে ${pkg} ${price}-তে বিক্রি হয়েছে (নগদ)।`,
    mobile: 'মোবাইল নম্বর',
    package: 'প্যাকেজ',
    sellFor: (price) => `${price} নগদে বিক্রি করুন`,
    sellForCash: 'নগদে বিক্রি করুন',
    noPackages: 'বিক্রির জন্য এখনো কোনো প্যাকেজ নেই।',
    createPackage: 'আগে একটি প্যাকেজ তৈরি',
    first: 'করুন।',
  },
);

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
  const { busy, errors, submit, clear } = useSubmit(['phone', 'packageId', 'method'], 'customers.sellPackage');
  const t = useT(M);
  const lang = useLang();

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
    if (!fixedPhone && !phone.trim()) local.phone = t.needPhone;
    if (!chosen) local.packageId = t.needPackage;
    const input = { phone: who, packageId: Number(packageId), method: 'cash' as const };
    const sale = await submit(local, () => sell(input), input);
    if (sale && chosen) {
      const text = t.sold(chosen.name, who, formatTaka(chosen.price, lang));
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
      <FormBanners error={errors.banner} onClear={clear} done={done} onDoneClose={() => setDone(null)} />
      <div className="form-row">
        {fixedPhone ? null : (
          <Field label={t.mobile} error={errors.fields.phone}>
            <input type="tel" inputMode="tel" autoComplete="off" placeholder="01712345678" value={phone} onChange={(e) => setPhone(e.target.value)} />
          </Field>
        )}
        <Field label={t.package} error={errors.fields.packageId} className="grow">
          <PackageSelect packages={options} value={packageId} onChange={setPackageId} />
        </Field>
        <div className="field field-button">
          <button type="submit" className="btn btn-primary" disabled={busy || options.length === 0}>
            {chosen ? t.sellFor(formatTaka(chosen.price, lang)) : t.sellForCash}
          </button>
        </div>
      </div>
      {packages.loaded && options.length === 0 ? (
        <p className="muted">
          {t.noPackages} <a href="#/packages">{t.createPackage}</a>{` ${t.first}`}
        </p>
      ) : null}
    </form>
  );
}
