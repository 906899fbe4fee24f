import { create } from 'zustand';
import type { ApiReply } from '../../src-shared/api';
import type { BackupItem, BackupList, RestoreResult } from '../../src-shared/api/backups';
import { call } from '../api';
import { initialLoadable, loadInto, type Loadable } from './load';
import { useSettingsStore } from './settingsStore';

/** The Backups page: the backup folder's list, "Back up now" and restore. */
interface BackupsState extends Loadable {
  list: BackupList | null;
  load(): Promise<void>;
  create(): Promise<ApiReply<BackupItem>>;
  restore(file: string): Promise<ApiReply<RestoreResult>>;
}

export const useBackupsStore = create<BackupsState>()((set, get) => ({
  ...initialLoadable,
  list: null,
  async load() {
    await loadInto<BackupList, BackupsState>(set, () => call('backups.list', {}), (list) => ({ list }));
  },
  async create() {
    const r = await call('backups.create', {});
    if (r.ok) await get().load();
    return r;
  },
  async restore(file) {
    const r = await call('backups.restore', { file });
    if (r.ok) {
      // Everything now comes from the restored database: the settings (shop name, time zone) and
      // this list. Other pages load their data when opened.
      await Promise.all([get().load(), useSettingsStore.getState().load()]);
    }
    return r;
  },
}));
