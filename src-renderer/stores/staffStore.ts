import { create } from 'zustand';
import type { ApiReply, Input } from '../../src-shared/api';
import type { StaffUser } from '../../src-shared/api/users';
import { call } from '../api';
import { initialLoadable, loadInto, type Loadable } from './load';

interface StaffState extends Loadable {
  items: StaffUser[];
  load(): Promise<void>;
  create(input: Input<'users.create'>): Promise<ApiReply<StaffUser>>;
  disable(id: number): Promise<ApiReply<StaffUser>>;
}

/** Staff accounts (owner only). */
export const useStaffStore = create<StaffState>()((set, get) => ({
  ...initialLoadable,
  items: [],
  async load() {
    await loadInto<StaffUser[], StaffState>(set, () => call('users.list', {}), (items) => ({ items }));
  },
  async create(input) {
    const r = await call('users.create', input);
    if (r.ok) set({ items: [...get().items, r.value] });
    return r;
  },
  async disable(id) {
    const r = await call('users.disable', { id });
    if (r.ok) set({ items: get().items.map((u) => (u.id === id ? r.value : u)) });
    return r;
  },
}));
