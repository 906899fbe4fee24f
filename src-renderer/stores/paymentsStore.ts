import { create } from 'zustand';
import type { Payment, PaymentMethod, PaymentStatus } from '../../src-shared/domain';
import { SEND_MONEY_METHODS } from '../../src-shared/payments';
import type { PaymentSortKey } from '../../src-shared/api/payments';
import type { SortState } from '../components/SortHeader';
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
  /** The customer's number or the Send Money sender's, as typed (the engine normalises it). */
  phone: string;
  invoiceNo: string;
  /** The gateway's reference (bKash paymentID, SSLCommerz tran_id …). */
  gatewayRef: string;
  /** The wallet's transaction id (from the payment SMS). */
  trxId: string;
  /** The search box: a prefix of an invoice, reference, TrxID or phone number (as typed). */
  search: string;
}

interface PaymentsState extends Loadable {
  items: Payment[];
  total: number;
  offset: number;
  filters: PaymentFilters;
  /** Sorted on the server; newest first until the owner clicks a column. */
  sort: SortState<PaymentSortKey>;
  /** Send Money payments waiting for the owner's Confirm / Reject, newest first. */
  toConfirm: Payment[];
  toConfirmError: string | null;
  load(): Promise<void>;
  loadToConfirm(): Promise<void>;
  /** After an action: the ledger page and the to-confirm list again. */
  reload(): Promise<void>;
  setFilters(f: Partial<PaymentFilters>): void;
  setOffset(offset: number): void;
  /** A new sort starts again at the first page. */
  setSort(sort: SortState<PaymentSortKey>): void;
}

export const emptyPaymentFilters: PaymentFilters = { method: '', status: '', from: '', to: '', customerId: null, phone: '', invoiceNo: '', gatewayRef: '', trxId: '', search: '' };

/** Enough for a shop's waiting Send Money payments; older ones are in the ledger's filters. */
const TO_CONFIRM_LIMIT = 50;

export const usePaymentsStore = create<PaymentsState>()((set, get) => ({
  ...initialLoadable,
  items: [],
  total: 0,
  offset: 0,
  filters: emptyPaymentFilters,
  sort: { by: 'at', dir: 'desc' },
  toConfirm: [],
  toConfirmError: null,
  async load() {
    const { filters: f, offset, sort } = get();
    const days = shopDaysFilter(f.from, f.to);
    const text = (k: 'phone' | 'invoiceNo' | 'gatewayRef' | 'trxId' | 'search') => (f[k].trim() ? { [k]: f[k].trim() } : {});
    await loadInto<{ items: Payment[]; total: number }, PaymentsState>(
      set,
      () =>
        call('payments.list', {
          ...(f.method ? { method: f.method } : {}),
          ...(f.status ? { status: f.status } : {}),
          ...(f.customerId ? { customerId: f.customerId } : {}),
          ...text('phone'),
          ...text('invoiceNo'),
          ...text('gatewayRef'),
          ...text('trxId'),
          ...text('search'),
          ...days,
          sort,
          limit: PAYMENTS_PAGE_SIZE,
          offset,
        }),
      (page) => ({ items: page.items, total: page.total }),
    );
  },
  async loadToConfirm() {
    // One call per wallet: the list filters by one method at a time.
    const replies = await Promise.all(SEND_MONEY_METHODS.map((method) => call('payments.list', { method, status: 'pending', limit: TO_CONFIRM_LIMIT })));
    const failed = replies.find((r) => !r.ok);
    if (failed && !failed.ok) return set({ toConfirmError: failed.error.message });
    const items = replies.flatMap((r) => (r.ok ? r.value.items : [])).sort((a, b) => b.id - a.id);
    set({ toConfirm: items, toConfirmError: null });
  },
  async reload() {
    await Promise.all([get().load(), get().loadToConfirm()]);
  },
  setFilters(f) {
    set({ filters: { ...get().filters, ...f }, offset: 0 });
    void get().load();
  },
  setOffset(offset) {
    set({ offset });
    void get().load();
  },
  setSort(sort) {
    set({ sort, offset: 0 });
    void get().load();
  },
}));
