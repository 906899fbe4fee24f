import { create } from 'zustand';
import type { ApiReply, Input } from '../../src-shared/api';
import type { CustomerSortKey, CustomerWithLastLogin, PinResetResult } from '../../src-shared/api/customers';
import type { SortState } from '../components/SortHeader';
import type { Customer, CustomerSummary, CustomerStatus, Device, Sale, Subscription } from '../../src-shared/domain';
import { call } from '../api';
import { initialLoadable, loadInto, type Loadable } from './load';

export const CUSTOMERS_PAGE_SIZE = 50;

interface CustomersState extends Loadable {
  items: CustomerSummary[];
  total: number;
  search: string;
  status: CustomerStatus | '';
  offset: number;
  /** Sorted on the server; newest first until the owner clicks a column. */
  sort: SortState<CustomerSortKey>;
  /** The open customer (detail view). */
  current: CustomerWithLastLogin | null;
  currentError: string | null;
  load(): Promise<void>;
  setQuery(q: { search?: string; status?: CustomerStatus | ''; offset?: number }): void;
  /** A new sort starts again at the first page. */
  setSort(sort: SortState<CustomerSortKey>): void;
  open(id: number): Promise<void>;
  refreshCurrent(): Promise<void>;
  sell(input: Input<'customers.sellPackage'>): Promise<ApiReply<Sale>>;
  create(input: Input<'customers.create'>): Promise<ApiReply<Customer>>;
  update(input: Input<'customers.update'>): Promise<ApiReply<Customer>>;
  addDevice(input: Input<'customers.addDevice'>): Promise<ApiReply<Device>>;
  removeDevice(id: number): Promise<ApiReply<{ removed: true }>>;
  cancelSubscription(subscriptionId: number): Promise<ApiReply<Subscription>>;
  /** Texts the customer a code to set a new PIN on the portal; nothing on the page changes. */
  resetPin(id: number): Promise<ApiReply<PinResetResult>>;
}

export const useCustomersStore = create<CustomersState>()((set, get) => {
  /** After a change: refresh the open customer and the list. */
  const after = async <T,>(r: ApiReply<T>): Promise<ApiReply<T>> => {
    if (r.ok) await Promise.all([get().refreshCurrent(), get().load()]);
    return r;
  };
  return {
    ...initialLoadable,
    items: [],
    total: 0,
    search: '',
    status: '',
    offset: 0,
    sort: { by: 'createdAt', dir: 'desc' },
    current: null,
    currentError: null,
    async load() {
      const { search, status, offset, sort } = get();
      await loadInto<{ items: CustomerSummary[]; total: number }, CustomersState>(
        set,
        () => call('customers.list', { ...(search.trim() ? { search: search.trim() } : {}), ...(status ? { status } : {}), sort, limit: CUSTOMERS_PAGE_SIZE, offset }),
        (page) => ({ items: page.items, total: page.total }),
      );
    },
    setQuery(q) {
      set({ ...q, offset: q.offset ?? 0 });
      void get().load();
    },
    setSort(sort) {
      set({ sort, offset: 0 });
      void get().load();
    },
    async open(id) {
      if (get().current?.id !== id) set({ current: null });
      const r = await call('customers.get', { id });
      set(r.ok ? { current: r.value, currentError: null } : { current: null, currentError: r.error.message });
    },
    async refreshCurrent() {
      const c = get().current;
      if (c) await get().open(c.id);
    },
    async sell(input) {
      return after(await call('customers.sellPackage', input));
    },
    async create(input) {
      const r = await call('customers.create', input);
      if (r.ok) await get().load();
      return r;
    },
    async update(input) {
      return after(await call('customers.update', input));
    },
    async addDevice(input) {
      return after(await call('customers.addDevice', input));
    },
    async removeDevice(id) {
      return after(await call('customers.removeDevice', { id }));
    },
    async cancelSubscription(subscriptionId) {
      return after(await call('customers.cancelSubscription', { subscriptionId }));
    },
    resetPin(id) {
      return call('customers.resetPin', { id });
    },
  };
});
