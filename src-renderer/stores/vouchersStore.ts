import { create } from 'zustand';
import type { ApiReply, Input } from '../../src-shared/api';
import type { Voucher, VoucherBatch } from '../../src-shared/domain';
import { call } from '../api';
import { initialLoadable, loadInto, type Loadable } from './load';

const PAGE = 1000;

interface VouchersState extends Loadable {
  batches: VoucherBatch[];
  /** Codes of the open batch. */
  batchId: number | null;
  codes: Voucher[];
  codesLoading: boolean;
  codesError: string | null;
  load(): Promise<void>;
  openBatch(batchId: number): Promise<void>;
  generate(input: Input<'vouchers.generate'>): Promise<ApiReply<{ batchId: number; codes: string[] }>>;
  disableBatch(batchId: number): Promise<ApiReply<VoucherBatch>>;
  updateBatch(batchId: number, expiresAt: number | null): Promise<ApiReply<VoucherBatch>>;
  /** One card by its code (as typed: the engine ignores spaces, dashes and case). */
  disableCard(code: string): Promise<ApiReply<Voucher>>;
  assignBatch(batchId: number, distributorId: number): Promise<ApiReply<{ assigned: number; skipped: number }>>;
  /** Reloads the batch list, and the open batch's cards if it is this one. */
  refreshBatch(batchId: number): Promise<void>;
}

export const useVouchersStore = create<VouchersState>()((set, get) => ({
  ...initialLoadable,
  batches: [],
  batchId: null,
  codes: [],
  codesLoading: false,
  codesError: null,
  async load() {
    // Only the batch list is wanted here; one voucher keeps the reply small.
    await loadInto<{ batches: VoucherBatch[] }, VouchersState>(set, () => call('vouchers.list', { limit: 1 }), (v) => ({ batches: v.batches }));
  },
  async openBatch(batchId) {
    set({ batchId, codesLoading: true, codesError: null, ...(get().batchId === batchId ? {} : { codes: [] }) });
    // A batch holds up to 10,000 cards; the API pages at 1000.
    const codes: Voucher[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const r = await call('vouchers.list', { batchId, limit: PAGE, offset });
      if (!r.ok) {
        set({ codesLoading: false, codesError: r.error.message });
        return;
      }
      if (offset === 0 && r.value.batches.length) set({ batches: mergeBatches(get().batches, r.value.batches) });
      codes.push(...r.value.vouchers.filter((v) => v.batchId === batchId));
      if (r.value.vouchers.length < PAGE) break;
    }
    if (get().batchId === batchId) set({ codes, codesLoading: false });
  },
  async generate(input) {
    const r = await call('vouchers.generate', input);
    if (r.ok) await get().load();
    return r;
  },
  async disableBatch(batchId) {
    const r = await call('vouchers.disableBatch', { batchId });
    if (r.ok) await get().refreshBatch(batchId);
    return r;
  },
  async updateBatch(batchId, expiresAt) {
    const r = await call('vouchers.updateBatch', { batchId, expiresAt });
    if (r.ok) await get().refreshBatch(batchId);
    return r;
  },
  async disableCard(code) {
    const r = await call('vouchers.disable', { code });
    if (r.ok) await get().refreshBatch(r.value.batchId);
    return r;
  },
  async assignBatch(batchId, distributorId) {
    const r = await call('vouchers.assign', { batchId, distributorId });
    if (r.ok) await get().refreshBatch(batchId);
    return r;
  },
  async refreshBatch(batchId) {
    await get().load();
    if (get().batchId === batchId) await get().openBatch(batchId);
  },
}));

function mergeBatches(old: VoucherBatch[], fresh: VoucherBatch[]): VoucherBatch[] {
  const byId = new Map(old.map((b) => [b.id, b]));
  for (const b of fresh) byId.set(b.id, b);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}
