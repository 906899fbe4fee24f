import type { ApiReply } from '../../src-shared/api';

/** The shape every area store shares for its list: data, loading flag, banner error. */
export interface Loadable {
  loading: boolean;
  loaded: boolean;
  error: string | null;
}

export const initialLoadable: Loadable = { loading: false, loaded: false, error: null };

/** Runs a list call and merges the value (via pick) or the error into the store. */
export async function loadInto<T, S>(
  set: (partial: Partial<S & Loadable>) => void,
  run: () => Promise<ApiReply<T>>,
  pick: (value: T) => Partial<S>,
): Promise<void> {
  set({ loading: true } as Partial<S & Loadable>);
  const r = await run();
  if (r.ok) set({ ...pick(r.value), loading: false, loaded: true, error: null } as Partial<S & Loadable>);
  else set({ loading: false, error: r.error.message } as Partial<S & Loadable>);
}
