import { create } from 'zustand';
import type { ApiReply } from '../../src-shared/api';
import type { KickResult, SessionInfo } from '../../src-shared/api/radius';
import { call } from '../api';
import { initialLoadable, loadInto, type Loadable } from './load';

export const SESSIONS_PAGE_SIZE = 50;

export type SessionStatusFilter = 'online' | 'stale' | 'stopped' | 'all';

/** The "Online" page: RADIUS accounting sessions with filters, and kicking one. */
interface SessionsState extends Loadable {
  items: SessionInfo[];
  total: number;
  status: SessionStatusFilter;
  routerId: number | null;
  search: string;
  offset: number;
  load(): Promise<void>;
  setQuery(q: { status?: SessionStatusFilter; routerId?: number | null; search?: string; offset?: number }): void;
  kick(id: number): Promise<ApiReply<KickResult>>;
}

export const useSessionsStore = create<SessionsState>()((set, get) => ({
  ...initialLoadable,
  items: [],
  total: 0,
  status: 'online',
  routerId: null,
  search: '',
  offset: 0,
  async load() {
    const { status, routerId, search, offset } = get();
    await loadInto<{ items: SessionInfo[]; total: number }, SessionsState>(
      set,
      () =>
        call('sessions.list', {
          status,
          ...(routerId ? { routerId } : {}),
          ...(search.trim() ? { search: search.trim() } : {}),
          limit: SESSIONS_PAGE_SIZE,
          offset,
        }),
      (page) => ({ items: page.items, total: page.total }),
    );
  },
  setQuery(q) {
    set({ ...q, offset: q.offset ?? 0 });
    void get().load();
  },
  async kick(id) {
    const r = await call('sessions.kick', { id });
    await get().load();
    // The router has confirmed the session is gone (or the API removed it), but its Accounting-Stop
    // may still be on its way to the database: do not show it as online until the next refresh.
    const gone = r.ok && (r.value.outcome === 'ack' || r.value.outcome === 'api_removed');
    const { items, total, status } = get();
    if (gone && status === 'online' && items.some((s) => s.id === id)) {
      set({ items: items.filter((s) => s.id !== id), total: Math.max(0, total - 1) });
    }
    return r;
  },
}));
