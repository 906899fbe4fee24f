import { create } from 'zustand';
import type { ApiReply, Input } from '../../src-shared/api';
import type { Settings } from '../../src-shared/settings';
import { call } from '../api';
import { initialLoadable, loadInto, type Loadable } from './load';

interface SettingsState extends Loadable {
  settings: Settings | null;
  load(): Promise<void>;
  update(patch: Input<'settings.update'>): Promise<ApiReply<Settings>>;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  ...initialLoadable,
  settings: null,
  async load() {
    await loadInto<Settings, SettingsState>(set, () => call('settings.get', {}), (settings) => ({ settings }));
  },
  async update(patch) {
    const r = await call('settings.update', patch);
    if (r.ok) set({ settings: r.value });
    return r;
  },
}));
