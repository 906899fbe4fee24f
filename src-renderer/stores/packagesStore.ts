import { create } from 'zustand';
import type { ApiReply, Input } from '../../src-shared/api';
import type { Package } from '../../src-shared/domain';
import { call } from '../api';
import { initialLoadable, loadInto, type Loadable } from './load';

interface PackagesState extends Loadable {
  items: Package[];
  includeArchived: boolean;
  load(): Promise<void>;
  setIncludeArchived(v: boolean): void;
  create(input: Input<'packages.create'>): Promise<ApiReply<Package>>;
  update(input: Input<'packages.update'>): Promise<ApiReply<Package>>;
  archive(id: number): Promise<ApiReply<Package>>;
}

export const usePackagesStore = create<PackagesState>()((set, get) => ({
  ...initialLoadable,
  items: [],
  includeArchived: false,
  async load() {
    await loadInto<Package[], PackagesState>(set, () => call('packages.list', { includeArchived: get().includeArchived }), (items) => ({ items }));
  },
  setIncludeArchived(v) {
    set({ includeArchived: v });
    void get().load();
  },
  async create(input) {
    const r = await call('packages.create', input);
    if (r.ok) await get().load();
    return r;
  },
  async update(input) {
    const r = await call('packages.update', input);
    if (r.ok) await get().load();
    return r;
  },
  async archive(id) {
    const r = await call('packages.archive', { id });
    if (r.ok) await get().load();
    return r;
  },
}));

/** Packages that can be sold now (the list may include archived ones when the toggle is on). */
export function sellable(items: Package[]): Package[] {
  return items.filter((p) => p.active);
}
