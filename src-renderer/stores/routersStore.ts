import { create } from 'zustand';
import type { ApiReply, Input } from '../../src-shared/api';
import type { Router, Zone } from '../../src-shared/domain';
import { call } from '../api';
import { initialLoadable, type Loadable } from './load';

interface RoutersState extends Loadable {
  routers: Router[];
  zones: Zone[];
  load(): Promise<void>;
  create(input: Input<'routers.create'>): Promise<ApiReply<Router>>;
  update(input: Input<'routers.update'>): Promise<ApiReply<Router>>;
  remove(id: number): Promise<ApiReply<{ removed: true }>>;
  createZone(input: Input<'zones.create'>): Promise<ApiReply<Zone>>;
}

export const useRoutersStore = create<RoutersState>()((set, get) => {
  const after = async <T,>(r: ApiReply<T>): Promise<ApiReply<T>> => {
    if (r.ok) await get().load();
    return r;
  };
  return {
    ...initialLoadable,
    routers: [],
    zones: [],
    async load() {
      set({ loading: true });
      const [r, z] = await Promise.all([call('routers.list', {}), call('zones.list', {})]);
      if (r.ok && z.ok) set({ routers: r.value, zones: z.value, loading: false, loaded: true, error: null });
      else set({ loading: false, error: !r.ok ? r.error.message : !z.ok ? z.error.message : null });
    },
    create: async (input) => after(await call('routers.create', input)),
    update: async (input) => after(await call('routers.update', input)),
    remove: async (id) => after(await call('routers.remove', { id })),
    createZone: async (input) => after(await call('zones.create', input)),
  };
});
