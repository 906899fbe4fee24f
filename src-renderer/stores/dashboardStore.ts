import { create } from 'zustand';
import type { DashboardOverview } from '../../src-shared/api/dashboard';
import type { Payment } from '../../src-shared/domain';
import { call } from '../api';
import { initialLoadable, loadInto, type Loadable } from './load';

interface DashboardState extends Loadable {
  /** dashboard.overview: money, charts, logins, routers and warnings in one answer. */
  summary: DashboardOverview | null;
  recent: Payment[];
  load(): Promise<void>;
}

export const useDashboardStore = create<DashboardState>()((set) => ({
  ...initialLoadable,
  summary: null,
  recent: [],
  async load() {
    await loadInto<DashboardOverview, DashboardState>(set, () => call('dashboard.overview', {}), (summary) => ({ summary }));
    const r = await call('payments.list', { limit: 8 });
    if (r.ok) set({ recent: r.value.items });
  },
}));
