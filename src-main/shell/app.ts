import path from 'node:path';
import { ENGINE_FLAGS, parseConfig, type EngineConfig } from '../config';
import { createLogger, type Logger } from '../log';
import type { KeyProvider } from '../secrets';
import { registerApiHandler } from './ipc';
import { safeStorageKeyProvider } from './keyProvider';
import { createTray, TRAY_ICON_DATA_URL } from './tray';
import { createMainWindow, fileUrl, isAppUrl, showWindow } from './window';
import type { BrowserWindowLike, ElectronLike, EngineLike, EventLike, TrayLike } from './types';

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
}

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
    registerApiHandler(electron.ipcMain, current, (url) => isAppUrl(url, appUrl), (err, method) =>
      log?.error({ err, method }, 'admin call threw'),
    );

    const icon = electron.nativeImage.createFromDataURL(TRAY_ICON_DATA_URL);
    const startHidden = deps.argv.includes(HIDDEN_FLAG) || app.getLoginItemSettings().wasOpenedAsHidden === true;
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
      }
    });

    const autoStartSupported = deps.platform === 'win32' || deps.platform === 'darwin';
    try {
      tray = createTray(electron.Tray, electron.Menu, electron.nativeImage, {
        open: () => showWindow(win),
        quit: () => app.quit(),
        autoStart: autoStartSupported
          ? {
              enabled: app.getLoginItemSettings().openAtLogin,
              set: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true, args: [HIDDEN_FLAG] }),
            }
          : undefined,
      });
    } catch (err) {
      // Some Linux desktops have no tray; the window then behaves like a normal app window.
      log.warn({ err }, 'no system tray; closing the window will quit HotspotDesk');
      if (startHidden) showWindow(win);
    }
    log.info({ dataDir: config.dataDir }, 'desktop app ready');
  })();

  return { ready, window: () => win, engine: () => engine };
}
