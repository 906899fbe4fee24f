import { create } from 'zustand';
import type { ApiError, Input } from '../../src-shared/api';
import type { AuthLogEntry } from '../../src-shared/api/radius';
import type { AuthLogSortKey } from '../../src-shared/api/authLog';
import type { SortState } from '../components/SortHeader';
import { call } from '../api';
import { shopDaysFilter } from '../shopTime';
import { initialLoadable, type Loadable } from './load';

export const AUTH_LOG_PAGE_SIZE = 50;

export interface AuthLogFilters {
  routerId: number | null;
  /** The "Mobile / user name" box: a prefix of the user name, the number in any form (search). */
  username: string;
  mac: string;
  result: '' | AuthLogEntry['result'];
  reason: string;
  /** yyyy-mm-dd from a date input (a day of the shop's calendar), or ''. */
  from: string;
  to: string;
}

export const emptyAuthLogFilters: AuthLogFilters = { routerId: null, username: '', mac: '', result: '', reason: '', from: '', to: '' };

/** The "Auth log" page: every login the routers asked about, accepted or refused, and why. */
interface AuthLogState extends Loadable {
  items: AuthLogEntry[];
  total: number;
  filters: AuthLogFilters;
  offset: number;
  /** Sorted on the server; newest first until the owner clicks a column. */
  sort: SortState<AuthLogSortKey>;
  /** A filter the API refused (e.g. a MAC that is not one), shown next to that filter. */
  filterError: ApiError | null;
  load(): Promise<void>;
  setFilters(f: Partial<AuthLogFilters>, offset?: number): void;
  /** A new sort starts again at the first page. */
  setSort(sort: SortState<AuthLogSortKey>): void;
}

function toInput(f: AuthLogFilters, offset: number, sort: SortState<AuthLogSortKey>): Input<'authLog.list'> {
  return {
    ...(f.routerId ? { routerId: f.routerId } : {}),
    // A prefix search, so 017…, +88017… and part of a number all find the customer's logins.
    ...(f.username.trim() ? { search: f.username.trim() } : {}),
    ...(f.mac.trim() ? { mac: f.mac.trim() } : {}),
    ...(f.result ? { result: f.result } : {}),
    ...(f.reason ? { reason: f.reason as NonNullable<Input<'authLog.list'>['reason']> } : {}),
    ...shopDaysFilter(f.from, f.to),
    sort,
    limit: AUTH_LOG_PAGE_SIZE,
    offset,
  };
}

export const useAuthLogStore = create<AuthLogState>()((set, get) => ({
  ...initialLoadable,
  items: [],
  total: 0,
  filters: emptyAuthLogFilters,
  offset: 0,
  sort: { by: 'at', dir: 'desc' },
  filterError: null,
  async load() {
    set({ loading: true });
    const r = await call('authLog.list', toInput(get().filters, get().offset, get().sort));
    if (r.ok) set({ items: r.value.items, total: r.value.total, loading: false, loaded: true, error: null, filterError: null });
    else if (r.error.code === 'invalid_input') set({ loading: false, filterError: r.error });
    else set({ loading: false, error: r.error.message });
  },
  setFilters(f, offset = 0) {
    set({ filters: { ...get().filters, ...f }, offset });
    void get().load();
  },
  setSort(sort) {
    set({ sort, offset: 0 });
    void get().load();
  },
}));
