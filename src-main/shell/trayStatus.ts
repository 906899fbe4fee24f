import type { ApiReply } from '../../src-shared/api';
import type { EngineLike } from './types';

/** What the tray shows: is the hotspot being served, and how much of it works. */
export interface TrayStatus {
  /** The RADIUS server is listening (null: the engine did not answer). */
  radiusUp: boolean | null;
  /** Routers whose last RouterOS check succeeded, out of all routers. */
  routersReachable: number;
  routersTotal: number;
  /** Devices online (RADIUS sessions open); null when unknown. */
  online: number | null;
  /** From settings: whether the owner finished first-run setup and wants start at login. */
  setupDone: boolean;
  startAtLogin: boolean;
}

/** The admin methods the shell itself calls (tests tell them apart from the window's calls). */
export const TRAY_STATUS_METHODS = ['radius.status', 'routers.list', 'settings.get'] as const;

function value(reply: PromiseSettledResult<ApiReply<unknown>>): Record<string, unknown> | unknown[] | null {
  if (reply.status !== 'fulfilled' || !reply.value.ok) return null;
  const v = reply.value.value;
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null;
}

function field(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null && !Array.isArray(obj) ? (obj as Record<string, unknown>)[key] : undefined;
}

/**
 * Reads the status through the admin API, like the window does, so the shell needs no engine
 * internals. Never throws: a failed call (the engine stopping, a restore in progress) shows as
 * unknown rather than taking the tray down.
 */
export async function readTrayStatus(engine: Pick<EngineLike, 'call'>): Promise<TrayStatus> {
  const [radius, routers, settings] = await Promise.allSettled(TRAY_STATUS_METHODS.map((m) => engine.call(m, {})));
  const r = value(radius!);
  const list = value(routers!);
  const s = value(settings!);
  const listening = field(r, 'listening');
  const online = field(r, 'online');
  const routerList = Array.isArray(list) ? list : [];
  return {
    radiusUp: typeof listening === 'boolean' ? listening : null,
    routersReachable: routerList.filter((x) => field(field(x, 'status'), 'reachable') === true).length,
    routersTotal: routerList.length,
    online: typeof online === 'number' ? online : null,
    setupDone: field(field(s, 'setup'), 'done') === true,
    // Unknown counts as "off": the shell must never register itself at login by mistake.
    startAtLogin: field(field(s, 'desktop'), 'startAtLogin') === true,
  };
}

/** The tray menu's status lines, in the order shown. */
export function trayStatusLines(s: TrayStatus): string[] {
  const radius = s.radiusUp === null ? 'RADIUS: not answering' : s.radiusUp ? 'RADIUS: up' : 'RADIUS: DOWN';
  const routers = s.routersTotal === 0 ? 'Routers: none added yet' : `Routers reachable: ${s.routersReachable}/${s.routersTotal}`;
  const online = s.online === null ? 'Online: unknown' : `Online: ${s.online} ${s.online === 1 ? 'device' : 'devices'}`;
  return [radius, routers, online];
}

/** Windows truncates tray tooltips at 127 characters; these stay well under it. */
export function trayTooltip(s: TrayStatus | null): string {
  if (!s) return 'HotspotDesk: starting';
  return `HotspotDesk\n${trayStatusLines(s).join('\n')}`;
}

/** Start at login is on only once setup is done and while the owner's setting says so. */
export function wantsStartAtLogin(s: TrayStatus): boolean {
  return s.setupDone && s.startAtLogin;
}

export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface StatusRefresher {
  /** Asks for a refresh; calls that arrive while one runs are folded into one more run. */
  refresh(): Promise<void>;
  stop(): void;
}

/**
 * Runs `read` then `apply` now, every `intervalMs`, and whenever `refresh()` is called (engine
 * events, the window's writes). At most one read is in flight: a burst of events (100 cards
 * sold) costs one extra read, not a hundred.
 */
export function startStatusRefresher(
  read: () => Promise<TrayStatus>,
  apply: (s: TrayStatus) => void,
  intervalMs: number,
  timers: Timers = globalThis,
): StatusRefresher {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      const s = await read();
      if (stopped) return;
      apply(s);
    } while (again && !stopped);
  };
  const refresh = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = null;
    });
    return running;
  };
  const handle = timers.setInterval(() => void refresh(), intervalMs);
  void refresh();
  return {
    refresh,
    stop() {
      stopped = true;
      timers.clearInterval(handle);
    },
  };
}
