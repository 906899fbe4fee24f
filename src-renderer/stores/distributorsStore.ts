import { create } from 'zustand';
import type { ApiReply, Input } from '../../src-shared/api';
import type { Distributor, DistributorPayment, DistributorStatement } from '../../src-shared/domain';
import { call } from '../api';
import { initialLoadable, loadInto, type Loadable } from './load';

interface DistributorsState extends Loadable {
  items: Distributor[];
  statement: DistributorStatement | null;
  statementError: string | null;
  load(): Promise<void>;
  create(input: Input<'distributors.create'>): Promise<ApiReply<Distributor>>;
  openStatement(id: number, range: { from?: number; to?: number }): Promise<void>;
  recordPayment(input: Input<'distributors.recordPayment'>): Promise<ApiReply<DistributorPayment>>;
}

export const useDistributorsStore = create<DistributorsState>()((set, get) => ({
  ...initialLoadable,
  items: [],
  statement: null,
  statementError: null,
  async load() {
    await loadInto<Distributor[], DistributorsState>(set, () => call('distributors.list', {}), (items) => ({ items }));
  },
  async create(input) {
    const r = await call('distributors.create', input);
    if (r.ok) await get().load();
    return r;
  },
  async openStatement(id, range) {
    if (get().statement?.distributor.id !== id) set({ statement: null });
    const r = await call('distributors.statement', { id, ...range });
    set(r.ok ? { statement: r.value, statementError: null } : { statementError: r.error.message });
  },
  async recordPayment(input) {
    const r = await call('distributors.recordPayment', input);
    if (r.ok) await get().load();
    return r;
  },
}));
