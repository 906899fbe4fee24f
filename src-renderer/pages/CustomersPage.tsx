import { useEffect, useState } from 'react';
import { Banner } from '../components/Banner';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { SellForm } from '../components/SellForm';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, localDigits } from '../../src-shared/format';
import { SortHeader } from '../components/SortHeader';
import { messages, useLang, useT } from '../i18n';
import { useShopTimeDisplay } from '../shopTime';
import { navigate } from '../route';
import { CUSTOMERS_PAGE_SIZE, useCustomersStore } from '../stores/customersStore';
import { CustomerDetail } from './CustomerDetail';
import { call } from '../api';
import { ExportButton } from '../components/ExportButton';
import { useRole } from '../stores/authStore';

const M = messages(
  {
    title: 'Customers',
    count: (n: number) => `${n} customer${n === 1 ? '' : 's'}`,
    sell: 'Sell a package (cash)',
    searchPlaceholder: 'Search by mobile number or name',
    searchLabel: 'Search customers',
    status: 'Status',
    all: 'All customers',
    active: 'Active',
    disabled: 'Disabled',
    noMatch: 'No customer matches.',
    none: 'No customers yet. They appear when they register on the portal or you sell them a package.',
    mobile: 'Mobile',
    name: 'Name',
    packageNow: 'Package now',
    until: 'Until',
    since: 'Since',
    noPackage: 'none',
  },
  {
    title: 'গ্রাহক',
    count: (n) => `${localDigits(String(n), 'bn')} জন গ্রাহক`,
    sell: 'প্যাকেজ বিক্রি (নগদ টাকায়)',
    searchPlaceholder: 'মোবাইল নম্বর বা নাম দিয়ে খুঁজুন',
    searchLabel: 'গ্রাহক খুঁজুন',
    status: 'অবস্থা',
    all: 'সব গ্রাহক',
    active: 'সক্রিয়',
    disabled: 'বন্ধ',
    noMatch: 'কোনো গ্রাহক মেলেনি।',
    none: 'এখনো কোনো গ্রাহক নেই। পোর্টালে নিবন্ধন করলে বা আপনি প্যাকেজ বিক্রি করলে তাঁরা এখানে দেখা যাবেন।',
    mobile: 'মোবাইল',
    name: 'নাম',
    packageNow: 'এখনকার প্যাকেজ',
    until: 'মেয়াদ শেষ',
    since: 'যোগ দিয়েছেন',
    noPackage: 'নেই',
  },
);

export function CustomersPage({ param }: { param: string | null }) {
  const id = param && /^\d+$/.test(param) ? Number(param) : null;
  return id ? <CustomerDetail id={id} /> : <CustomerList />;
}

function CustomerList() {
  const tz = useShopTimeDisplay();
  const t = useT(M);
  const lang = useLang();
  const { items, total, offset, search, status, sort, loaded, error, load, setQuery, setSort } = useCustomersStore();
  const [text, setText] = useState(search);
  const role = useRole();

  useEffect(() => {
    void load();
  }, [load]);

  // Search as the owner types, without a request per keystroke.
  useEffect(() => {
    if (text === search) return;
    const timer = setTimeout(() => setQuery({ search: text }), 250);
    return () => clearTimeout(timer);
  }, [text, search, setQuery]);

  return (
    <>
      <PageHeader title={t.title} sub={loaded ? t.count(total) : undefined}>
        {role === 'owner' ? <ExportButton run={() => call('exports.customers', {})} /> : null}
      </PageHeader>
      <section className="card">
        <h2>{t.sell}</h2>
        <SellForm compact onSold={(sale) => navigate(`/customers/${sale.customerId}`)} />
      </section>
      {error ? <Banner>{error}</Banner> : null}
      <div className="toolbar">
        <input
          type="search"
          className="search"
          placeholder={t.searchPlaceholder}
          aria-label={t.searchLabel}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select aria-label={t.status} value={status} onChange={(e) => setQuery({ search: text, status: e.target.value as '' | 'active' | 'disabled' })}>
          <option value="">{t.all}</option>
          <option value="active">{t.active}</option>
          <option value="disabled">{t.disabled}</option>
        </select>
      </div>
      {loaded && items.length === 0 ? (
        <div className="empty card">
          <p>{search || status ? t.noMatch : t.none}</p>
        </div>
      ) : (
        <div className="card flush">
          <table className="table">
            <thead>
              <tr>
                <SortHeader label={t.mobile} sortKey="phone" sort={sort} firstDir="asc" onSort={setSort} />
                <SortHeader label={t.name} sortKey="name" sort={sort} firstDir="asc" onSort={setSort} />
                <th>{t.packageNow}</th>
                <SortHeader label={t.until} sortKey="activeUntil" sort={sort} firstDir="desc" onSort={setSort} />
                <th>{t.status}</th>
                <SortHeader label={t.since} sortKey="createdAt" sort={sort} firstDir="desc" onSort={setSort} />
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} className="clickable" onClick={() => navigate(`/customers/${c.id}`)}>
                  <td className="strong mono">
                    <a href={`#/customers/${c.id}`} onClick={(e) => e.stopPropagation()}>
                      {c.localPhone}
                    </a>
                  </td>
                  <td>{c.name ?? <span className="muted">—</span>}</td>
                  <td>{c.activePackage ?? <span className="muted">{t.noPackage}</span>}</td>
                  <td>{formatDateTime(c.activeUntil, tz, lang)}</td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>{formatDateTime(c.createdAt, tz, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} pageSize={CUSTOMERS_PAGE_SIZE} total={total} onChange={(o) => setQuery({ search, status, offset: o })} />
        </div>
      )}
    </>
  );
}
