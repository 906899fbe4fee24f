import { create } from 'zustand';
import type { RadiusStatus } from '../../src-shared/api/radius';
import { call } from '../api';
import { initialLoadable, loadInto, type Loadable } from './load';

/** RADIUS server counters for the dashboard's health panel. */
interface RadiusStatusState extends Loadable {
  status: RadiusStatus | null;
  load(): Promise<void>;
}

export const useRadiusStatusStore = create<RadiusStatusState>()((set) => ({
  ...initialLoadable,
  status: null,
  async load() {
    await loadInto<RadiusStatus, RadiusStatusState>(set, () => call('radius.status', {}), (status) => ({ status }));
  },
}));
