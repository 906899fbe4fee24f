import { create } from 'zustand';
import type { ApiError, ApiReply, Input, Method, Output } from '../../src-shared/api';
import type { CustomWalledGardenEntry } from '../../src-shared/api/routers';
import type { JobProgress } from '../../src-shared/api/jobs';
import { call } from '../api';
import { withJobProgress } from '../jobProgress';
import { useRoutersStore } from './routersStore';

/**
 * Router sync for the open router (the router detail page): test, plan/configure, walled
 * garden, online sessions, diagnose. Each action keeps its own busy flag, result and error so
 * each card shows them next to its button; a call while the same action runs is ignored.
 */

export interface ActionState<T> {
  busy: boolean;
  error: ApiError | null;
  value: T | null;
  /** When the value arrived (epoch ms). */
  at: number | null;
}

const idle = <T,>(): ActionState<T> => ({ busy: false, error: null, value: null, at: null });

type Actions = {
  test: 'routers.test';
  plan: 'routers.plan';
  configure: 'routers.configure';
  garden: 'routers.walledGarden';
  push: 'routers.pushWalledGarden';
  sessions: 'routers.activeSessions';
  diagnose: 'routers.diagnose';
};
type Key = keyof Actions;
type Slots = { [K in Key]: ActionState<Output<Actions[K]>> };

/** The long actions whose steps are shown while they run (jobs.progress). */
type Watched = 'configure' | 'push';

interface RouterSyncState extends Slots {
  routerId: number | null;
  /** The running set-up's or push's last reported progress; null when not running. */
  progress: Record<Watched, JobProgress | null>;
  /** Trusts the api-ssl certificate the router shows now (after a reset or a new certificate). */
  acceptCertificate(): Promise<ApiReply<unknown>>;
  /** When HotspotDesk last changed the router (configure, push, kick): older diagnoses are out of date. */
  changedAt: number | null;
  /** Switches to a router; results of another router are cleared. */
  open(id: number): void;
  /** Clears every result (after the router's settings changed they may no longer hold). */
  reset(): void;
  runTest(): Promise<void>;
  runPlan(): Promise<void>;
  runConfigure(): Promise<void>;
  loadGarden(): Promise<void>;
  pushGarden(): Promise<void>;
  addGardenEntry(input: Omit<Input<'routers.addWalledGardenEntry'>, 'routerId'> & { allRouters: boolean }): Promise<ApiReply<CustomWalledGardenEntry>>;
  removeGardenEntry(entryId: number): Promise<ApiReply<{ removed: true }>>;
  loadSessions(): Promise<void>;
  kick(sessionId: string): Promise<ApiReply<{ removed: boolean }>>;
  runDiagnose(): Promise<void>;
  clearError(key: Key): void;
}

const fresh = (): Slots => ({
  test: idle(),
  plan: idle(),
  configure: idle(),
  garden: idle(),
  push: idle(),
  sessions: idle(),
  diagnose: idle(),
});

// Calls that talk to the router change its status (reachable, last sync, last error).
const TOUCHES_ROUTER: ReadonlySet<Key> = new Set(['test', 'plan', 'configure', 'push', 'sessions', 'diagnose']);

export const useRouterSyncStore = create<RouterSyncState>()((set, get) => {
  async function run<K extends Key>(key: K, method: Actions[K]): Promise<void> {
    const id = get().routerId;
    if (id === null || get()[key].busy) return;
    set({ [key]: { ...get()[key], busy: true, error: null } } as Partial<RouterSyncState>);
    const once = (input: object) => call(method as Method, input as never) as Promise<ApiReply<Output<Actions[K]>>>;
    const watched = key === 'configure' || key === 'push' ? (key as Watched) : null;
    const showProgress = (p: JobProgress | null) => {
      if (watched && get().routerId === id) set({ progress: { ...get().progress, [watched]: p } });
    };
    const r = watched ? await withJobProgress((jobId) => once({ id, jobId }), showProgress) : await once({ id });
    showProgress(null);
    // The owner may have opened another router meanwhile: drop a late answer.
    if (get().routerId !== id) return;
    // On failure the last result goes: "connected" next to "refused" would contradict itself.
    const next: ActionState<Output<Actions[K]>> = r.ok
      ? { busy: false, error: null, value: r.value, at: Date.now() }
      : { busy: false, error: r.error, value: null, at: null };
    set({ [key]: next } as Partial<RouterSyncState>);
    if (TOUCHES_ROUTER.has(key)) void useRoutersStore.getState().load();
  }

  return {
    ...fresh(),
    routerId: null,
    changedAt: null,
    progress: { configure: null, push: null },
    open(id) {
      if (get().routerId !== id) set({ routerId: id, changedAt: null, progress: { configure: null, push: null }, ...fresh() });
    },
    async acceptCertificate() {
      const id = get().routerId;
      if (id === null) return { ok: false, error: { code: 'not_found', message: 'No router is open.' } };
      const r = await call('routers.acceptCertificate', { id });
      if (r.ok) {
        // The errors shown were the refused certificate's: try again with the accepted one.
        get().reset();
        await useRoutersStore.getState().load();
      }
      return r;
    },
    reset() {
      set({ ...fresh(), changedAt: null });
      if (get().routerId !== null) void get().loadGarden();
    },
    runTest: () => run('test', 'routers.test'),
    runPlan: async () => {
      await run('plan', 'routers.plan');
      // A new plan replaces the last apply's report.
      if (!get().plan.error) set({ configure: idle() });
    },
    runConfigure: async () => {
      await run('configure', 'routers.configure');
      // The plan shown was what to change; after applying it is out of date.
      if (!get().configure.error) set({ plan: idle(), changedAt: Date.now() });
    },
    loadGarden: () => run('garden', 'routers.walledGarden'),
    pushGarden: async () => {
      await run('push', 'routers.pushWalledGarden');
      if (get().push.value && !get().push.error) set({ changedAt: Date.now() });
    },
    async addGardenEntry({ allRouters, ...input }) {
      const id = get().routerId;
      const r = await call('routers.addWalledGardenEntry', { ...input, routerId: allRouters ? null : id });
      if (r.ok) await get().loadGarden();
      return r;
    },
    async removeGardenEntry(entryId) {
      const r = await call('routers.removeWalledGardenEntry', { entryId });
      if (r.ok) await get().loadGarden();
      return r;
    },
    loadSessions: () => run('sessions', 'routers.activeSessions'),
    async kick(sessionId) {
      const id = get().routerId;
      if (id === null) return { ok: false, error: { code: 'not_found', message: 'No router is open.' } };
      const r = await call('routers.kick', { id, sessionId });
      if (r.ok) await get().loadSessions();
      return r;
    },
    runDiagnose: () => run('diagnose', 'routers.diagnose'),
    clearError(key) {
      set({ [key]: { ...get()[key], error: null } } as Partial<RouterSyncState>);
    },
  };
});
