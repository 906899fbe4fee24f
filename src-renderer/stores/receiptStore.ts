import { create } from 'zustand';
import type { Payment, Sale } from '../../src-shared/domain';
import { call } from '../api';
import type { Paper } from '../print';

interface ReceiptState {
  /** The last counter sale, offered for a receipt (it outlives the form: selling opens the customer). */
  lastSale: { sale: Sale; text: string } | null;
  /** The receipt being previewed / printed. */
  payment: Payment | null;
  paper: Paper;
  error: string | null;
  offer(sale: Sale, text: string): void;
  dismiss(): void;
  open(paymentId: number, customerId: number | null): Promise<void>;
  show(p: Payment): void;
  close(): void;
  setPaper(p: Paper): void;
}

/** Receipts: opened from a sale's result and from a payment row; the paper choice is remembered. */
export const useReceiptStore = create<ReceiptState>()((set) => ({
  lastSale: null,
  payment: null,
  paper: 'thermal80',
  error: null,
  offer: (sale, text) => set({ lastSale: { sale, text }, error: null }),
  dismiss: () => set({ lastSale: null, error: null }),
  async open(paymentId, customerId) {
    // The newest payments of the customer hold the one just sold (the ledger lists, it has no by-id read).
    const r = await call('payments.list', { ...(customerId ? { customerId } : {}), limit: 20 });
    const p = r.ok ? r.value.items.find((x) => x.id === paymentId) : undefined;
    set(p ? { payment: p, error: null } : { error: r.ok ? 'That sale is not in the latest payments; open its receipt from Payments.' : r.error.message });
  },
  show: (p) => set({ payment: p }),
  // Done with the receipt: the offer after the sale has served its purpose too.
  close: () => set({ payment: null, lastSale: null }),
  setPaper: (paper) => set({ paper }),
}));
