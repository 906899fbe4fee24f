import { create } from 'zustand';
import type { Payment, PaymentMethod, PaymentStatus } from '../../src-shared/domain';
import { call } from '../api';
import { shopDaysFilter } from '../shopTime';
import { initialLoadable, loadInto, type Loadable } from './load';

export const PAYMENTS_PAGE_SIZE = 50;

export interface PaymentFilters {
  method: PaymentMethod | '';
  status: PaymentStatus | '';
  /** yyyy-mm-dd from date inputs: days of the shop's calendar (settings time zone), both included. */
  from: string;
  to: string;
  customerId: number | null;
}

interface PaymentsState extends Loadable {
  items: Payment[];
  total: number;
  offset: number;
  filters: PaymentFilters;
  load(): Promise<void>;
  setFilters(f: Partial<PaymentFilters>): void;
  setOffset(offset: number): void;
}

export const emptyPaymentFilters: PaymentFilters = { method: '', status: '', from: '', to: '', customerId: null };

export const usePaymentsStore = create<PaymentsState>()((set, get) => ({
  ...initialLoadable,
  items: [],
  total: 0,
  offset: 0,
  filters: emptyPaymentFilters,
  async load() {
    const { filters: f, offset } = get();
    const days = shopDaysFilter(f.from, f.to);
    await loadInto<{ items: Payment[]; total: number }, PaymentsState>(
      set,
      () =>
        call('payments.list', {
          ...(f.method ? { method: f.method } : {}),
          ...(f.status ? { status: f.status } : {}),
          ...(f.customerId ? { customerId: f.customerId } : {}),
          ...days,
          limit: PAYMENTS_PAGE_SIZE,
          offset,
        }),
      (page) => ({ items: page.items, total: page.total }),
    );
  },
  setFilters(f) {
    set({ filters: { ...get().filters, ...f }, offset: 0 });
    void get().load();
  },
  setOffset(offset) {
    set({ offset });
    void get().load();
  },
}));

