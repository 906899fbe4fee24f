import path from 'node:path';
import { ENGINE_FLAGS, parseConfig, type EngineConfig } from '../config';
import { createLogger, type Logger } from '../log';
import type { KeyProvider } from '../secrets';
import { registerApiHandler } from './ipc';
import { safeStorageKeyProvider } from './keyProvider';
import { contract, isMethod } from '../../src-shared/api';
import { createTray, showTrayStatus, TRAY_ICON_DATA_URL, type TrayActions } from './tray';
import { readTrayStatus, startStatusRefresher, wantsStartAtLogin, type StatusRefresher, type Timers, type TrayStatus } from './trayStatus';
import { createMainWindow, fileUrl, isAppUrl, showWindow } from './window';
import type { BrowserWindowLike, ElectronLike, EngineLike, EventLike, TrayLike, TrayRefreshEvent } from './types';

export type CreateEngine = (config: EngineConfig, opts: { log: Logger; keyProvider: KeyProvider }) => Promise<EngineLike>;

export interface DesktopDeps {
  createEngine: CreateEngine;
  argv: string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Folder holding build/ (the app's root; app.getAppPath() in Electron). */
  appRoot?: string;
  /** Tests pass a silent logger; the app logs to <dataDir>/logs/desktop.log. */
  makeLogger?: (config: EngineConfig) => Logger;
  /** Tests pass fake timers for the tray's periodic refresh. */
  timers?: Timers;
}

/** The tray's counts are re-read this often (and after every write from the window or engine event). */
export const TRAY_REFRESH_MS = 10_000;

const TRAY_REFRESH_EVENTS: TrayRefreshEvent[] = ['routers.changed', 'subscription.activated', 'subscription.ended', 'customer.disabled'];

/** Shown the first time the window is closed: the owner must know customers are still served. */
export const STILL_RUNNING = {
  title: 'HotspotDesk is still running',
  body: 'The hotspot keeps serving customers. Open HotspotDesk from its icon in the tray; choose Quit there to stop it.',
};

// The flags the headless server takes (config.ts's one table) also work for the app;
// Electron/Chromium flags are ignored.
export const HIDDEN_FLAG = '--hidden';

export function pickEngineArgs(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!ENGINE_FLAGS.includes(flag)) continue;
    out.push(arg);
    if (eq < 0 && i + 1 < argv.length) out.push(argv[++i]!);
  }
  return out;
}

export interface DesktopApp {
  /** Resolves when the engine is serving and the window exists (or startup failed and the app exits). */
  ready: Promise<void>;
  window(): BrowserWindowLike | null;
  engine(): EngineLike | null;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The whole desktop shell: single instance, engine start, IPC, window, tray, auto-start, keeping
 * the PC awake while the hotspot is served, and stopping the engine before the process exits.
 * Takes Electron as a parameter so unit tests drive it with fakes.
 */
export function runDesktopApp(electron: ElectronLike, deps: DesktopDeps): DesktopApp {
  const { app } = electron;
  let win: BrowserWindowLike | null = null;
  let engine: EngineLike | null = null;
  let tray: TrayLike | null = null;
  let refresher: StatusRefresher | null = null;
  const unsubscribe: Array<() => void> = [];
  let hintShown = false;
  let log: Logger | null = null;
  let blockerId: number | null = null;
  let quitting = false;
  let stopped = false;
  let stopping: Promise<void> | null = null;

  if (!app.requestSingleInstanceLock()) {
    // Another HotspotDesk owns the ports and the database; it shows its window (second-instance).
    app.quit();
    return { ready: Promise.resolve(), window: () => null, engine: () => null };
  }
  app.on('second-instance', () => showWindow(win));

  const stopAll = (): Promise<void> => {
    stopping ??= (async () => {
      // The tray stops asking first: its calls would race the database closing.
      refresher?.stop();
      for (const off of unsubscribe.splice(0)) off();
      if (blockerId !== null) electron.powerSaveBlocker.stop(blockerId);
      blockerId = null;
      try {
        await engine?.stop();
      } catch (err) {
        log?.error({ err }, 'engine stop failed');
      }
      tray?.destroy();
      tray = null;
    })();
    return stopping;
  };

  // Quit is asynchronous: hold it until the engine has closed its sockets and the database.
  app.on('before-quit', (event: EventLike) => {
    quitting = true;
    if (stopped) return;
    event.preventDefault();
    void stopAll().finally(() => {
      stopped = true;
      app.quit();
    });
  });
  // The window hides to the tray; if it really closed (no tray), quitting is what the owner asked.
  app.on('window-all-closed', () => app.quit());

  const fail = (title: string, err: unknown) => {
    log?.error({ err }, title);
    electron.dialog.showErrorBox(title, message(err));
    void stopAll().finally(() => app.exit(1));
  };

  const ready = (async () => {
    await app.whenReady();
    let config: EngineConfig;
    try {
      config = parseConfig(pickEngineArgs(deps.argv), deps.env);
    } catch (err) {
      fail('HotspotDesk: bad option', err);
      return;
    }
    log = deps.makeLogger
      ? deps.makeLogger(config)
      : createLogger({ level: config.logLevel, destination: path.join(config.dataDir, 'logs', 'desktop.log') });
    try {
      engine = await deps.createEngine(config, { log, keyProvider: safeStorageKeyProvider(electron.safeStorage, log) });
      await engine.start();
    } catch (err) {
      fail('HotspotDesk could not start', err);
      return;
    }
    if (quitting) return;
    blockerId = electron.powerSaveBlocker.start('prevent-app-suspension');

    const root = deps.appRoot ?? app.getAppPath();
    const indexHtml = path.join(root, 'build', 'renderer', 'index.html');
    const preloadPath = path.join(root, 'build', 'main', 'src-main', 'preload.js');
    const appUrl = fileUrl(indexHtml);
    const current = engine;
    // A write from the window (a setting, setup finished, a router added) may change what the
    // tray shows and whether the app starts at login: refresh right after it.
    const windowCalls = {
      call: async (method: string, input: unknown) => {
        const reply = await current.call(method, input);
        if (reply.ok && isMethod(method) && contract[method].kind === 'command') void refresher?.refresh();
        return reply;
      },
    };
    registerApiHandler(electron.ipcMain, windowCalls, (url) => isAppUrl(url, appUrl), (err, method) =>
      log?.error({ err, method }, 'admin call threw'),
    );

    const icon = electron.nativeImage.createFromDataURL(TRAY_ICON_DATA_URL);
    const loginArgs = { args: [HIDDEN_FLAG] };
    const startHidden = deps.argv.includes(HIDDEN_FLAG) || app.getLoginItemSettings(loginArgs).wasOpenedAsHidden === true;
    win = createMainWindow(electron.BrowserWindow, {
      preloadPath,
      indexHtml,
      icon,
      startHidden,
      openExternal: (url) => void electron.shell.openExternal(url),
    });
    win.on('close', (event: EventLike) => {
      // Closing the window must not stop the hotspot: customers are still buying and browsing.
      if (!quitting && tray) {
        event.preventDefault();
        win?.hide();
        if (!hintShown) {
          hintShown = true;
          showStillRunning(electron, tray, deps.platform);
        }
      }
    });

    const autoStartSupported = deps.platform === 'win32' || deps.platform === 'darwin';
    const actions = (status: TrayStatus | null): TrayActions => ({
      open: () => showWindow(win),
      quit: () => app.quit(),
      // The checkbox is the owner's setting (the same as in Settings), offered once setup is done.
      autoStart:
        autoStartSupported && status?.setupDone
          ? {
              enabled: status.startAtLogin,
              set: (enabled) =>
                void current
                  .call('settings.update', { desktop: { startAtLogin: enabled } })
                  .then(() => refresher?.refresh())
                  .catch((err: unknown) => log?.warn({ err }, 'could not save start at login')),
            }
          : undefined,
    });
    try {
      tray = createTray(electron.Tray, electron.Menu, electron.nativeImage, actions(null));
    } catch (err) {
      // Some Linux desktops have no tray; the window then behaves like a normal app window.
      log.warn({ err }, 'no system tray; closing the window will quit HotspotDesk');
      if (startHidden) showWindow(win);
    }

    // Quit chosen while the window was being made: stopAll has run, so nothing may start now.
    if (stopping) return;
    // What the OS has now; set again only when the wanted state changes, so an owner who turned
    // it off in Windows' Startup apps is not overruled every 10 s.
    let loginItemOn = autoStartSupported ? app.getLoginItemSettings(loginArgs).openAtLogin : false;
    const applyStatus = (status: TrayStatus) => {
      if (tray) showTrayStatus(tray, electron.Menu, actions(status), status);
      if (!autoStartSupported) return;
      const want = wantsStartAtLogin(status);
      if (want === loginItemOn) return;
      loginItemOn = want;
      app.setLoginItemSettings({ openAtLogin: want, openAsHidden: true, ...loginArgs });
      log?.info({ openAtLogin: want }, 'start at login changed');
    };
    refresher = startStatusRefresher(() => readTrayStatus(current), applyStatus, TRAY_REFRESH_MS, deps.timers);
    for (const event of TRAY_REFRESH_EVENTS) {
      const off = current.bus?.on(event, () => void refresher?.refresh());
      if (off) unsubscribe.push(off);
    }
    // The tray shows real counts (not "starting") by the time the app is ready.
    await refresher.refresh();
    log.info({ dataDir: config.dataDir }, 'desktop app ready');
  })();

  return { ready, window: () => win, engine: () => engine };
}

/** A Windows balloon from the tray icon; a desktop notification elsewhere (where supported). */
function showStillRunning(electron: ElectronLike, tray: TrayLike, platform: NodeJS.Platform): void {
  if (platform === 'win32' && tray.displayBalloon) {
    tray.displayBalloon({ title: STILL_RUNNING.title, content: STILL_RUNNING.body, iconType: 'info' });
    return;
  }
  if (electron.Notification.isSupported()) new electron.Notification({ title: STILL_RUNNING.title, body: STILL_RUNNING.body, silent: true }).show();
}
