import { create } from 'zustand';
import type { SmsOutboxItem, SmsStatus } from '../../src-shared/api/sms';
import { call } from '../api';
import { initialLoadable, loadInto, type Loadable } from './load';

export const SMS_OUTBOX_PAGE_SIZE = 50;

interface SmsOutboxState extends Loadable {
  items: SmsOutboxItem[];
  total: number;
  offset: number;
  status: SmsStatus | '';
  load(): Promise<void>;
  setStatus(status: SmsStatus | ''): void;
  setOffset(offset: number): void;
}

/** The SMS outbox page: every text the engine recorded, newest first (the engine orders it). */
export const useSmsOutboxStore = create<SmsOutboxState>()((set, get) => ({
  ...initialLoadable,
  items: [],
  total: 0,
  offset: 0,
  status: '',
  async load() {
    const { status, offset } = get();
    await loadInto<{ items: SmsOutboxItem[]; total: number }, SmsOutboxState>(
      set,
      () => call('sms.outbox', { ...(status ? { status } : {}), limit: SMS_OUTBOX_PAGE_SIZE, offset }),
      (page) => ({ items: page.items, total: page.total }),
    );
  },
  setStatus(status) {
    set({ status, offset: 0 });
    void get().load();
  },
  setOffset(offset) {
    set({ offset });
    void get().load();
  },
}));
