import { useEffect, useState } from 'react';
import { Banner } from '../components/Banner';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { SellForm } from '../components/SellForm';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime } from '../../src-shared/format';
import { useShopTimeDisplay } from '../shopTime';
import { navigate } from '../route';
import { CUSTOMERS_PAGE_SIZE, useCustomersStore } from '../stores/customersStore';
import { CustomerDetail } from './CustomerDetail';
import { call } from '../api';
import { ExportButton } from '../components/ExportButton';
import { useRole } from '../stores/authStore';

export function CustomersPage({ param }: { param: string | null }) {
  const id = param && /^\d+$/.test(param) ? Number(param) : null;
  return id ? <CustomerDetail id={id} /> : <CustomerList />;
}

function CustomerList() {
  const tz = useShopTimeDisplay();
  const { items, total, offset, search, status, loaded, error, load, setQuery } = useCustomersStore();
  const [text, setText] = useState(search);
  const role = useRole();

  useEffect(() => {
    void load();
  }, [load]);

  // Search as the owner types, without a request per keystroke.
  useEffect(() => {
    if (text === search) return;
    const t = setTimeout(() => setQuery({ search: text }), 250);
    return () => clearTimeout(t);
  }, [text, search, setQuery]);

  return (
    <>
      <PageHeader title="Customers" sub={loaded ? `${total} customer${total === 1 ? '' : 's'}` : undefined}>
        {role === 'owner' ? <ExportButton run={() => call('exports.customers', {})} /> : null}
      </PageHeader>
      <section className="card">
        <h2>Sell a package (cash)</h2>
        <SellForm compact onSold={(sale) => navigate(`/customers/${sale.customerId}`)} />
      </section>
      {error ? <Banner>{error}</Banner> : null}
      <div className="toolbar">
        <input
          type="search"
          className="search"
          placeholder="Search by mobile number or name"
          aria-label="Search customers"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select aria-label="Status" value={status} onChange={(e) => setQuery({ search: text, status: e.target.value as '' | 'active' | 'disabled' })}>
          <option value="">All customers</option>
          <option value="active">Active</option>
          <option value="disabled">Disabled</option>
        </select>
      </div>
      {loaded && items.length === 0 ? (
        <div className="empty card">
          <p>{search || status ? 'No customer matches.' : 'No customers yet. They appear when they register on the portal or you sell them a package.'}</p>
        </div>
      ) : (
        <div className="card flush">
          <table className="table">
            <thead>
              <tr>
                <th>Mobile</th>
                <th>Name</th>
                <th>Package now</th>
                <th>Until</th>
                <th>Status</th>
                <th>Since</th>
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
                  <td>{c.activePackage ?? <span className="muted">none</span>}</td>
                  <td>{formatDateTime(c.activeUntil, tz)}</td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>{formatDateTime(c.createdAt, tz)}</td>
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
