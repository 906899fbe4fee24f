import { create } from 'zustand';
import type { ApiReply, Input } from '../../src-shared/api';
import type { SettingsView } from '../../src-shared/settings';
import { call } from '../api';
import { initialLoadable, loadInto, type Loadable } from './load';

interface SettingsState extends Loadable {
  /** The saved settings, secrets only as `has<Field>`. */
  settings: SettingsView | null;
  load(): Promise<void>;
  /** A partial per section; omitted fields keep their value, a secret null clears it. */
  update(patch: Input<'settings.update'>): Promise<ApiReply<SettingsView>>;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  ...initialLoadable,
  settings: null,
  async load() {
    await loadInto<SettingsView, SettingsState>(set, () => call('settings.get', {}), (settings) => ({ settings }));
  },
  async update(patch) {
    const r = await call('settings.update', patch);
    if (r.ok) set({ settings: r.value });
    return r;
  },
}));
