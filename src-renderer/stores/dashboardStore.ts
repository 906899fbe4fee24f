import { create } from 'zustand';
import type { DashboardSummary, Payment } from '../../src-shared/domain';
import { call } from '../api';
import { initialLoadable, loadInto, type Loadable } from './load';

interface DashboardState extends Loadable {
  summary: DashboardSummary | null;
  recent: Payment[];
  load(): Promise<void>;
}

export const useDashboardStore = create<DashboardState>()((set) => ({
  ...initialLoadable,
  summary: null,
  recent: [],
  async load() {
    await loadInto<DashboardSummary, DashboardState>(set, () => call('dashboard.summary', {}), (summary) => ({ summary }));
    const r = await call('payments.list', { limit: 8 });
    if (r.ok) set({ recent: r.value.items });
  },
}));
