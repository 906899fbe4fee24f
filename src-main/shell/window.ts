import { pathToFileURL } from 'node:url';
import type { NativeImage } from 'electron';
import type { BrowserWindowCtorLike, BrowserWindowLike, EventLike, WebContentsLike, WebPreferencesLike, WindowOptionsLike } from './types';

/**
 * The renderer is untrusted content as far as the main process is concerned: it gets no Node,
 * runs sandboxed in an isolated world, and reaches the engine only through the preload's one
 * `call` function.
 */
export function secureWebPreferences(preloadPath: string): WebPreferencesLike {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
  };
}

export function mainWindowOptions(preloadPath: string, icon?: NativeImage): WindowOptionsLike {
  return {
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show' so the owner never sees a blank white frame.
    show: false,
    title: 'HotspotDesk',
    backgroundColor: '#f4f6f8',
    autoHideMenuBar: true,
    ...(icon ? { icon } : {}),
    webPreferences: secureWebPreferences(preloadPath),
  };
}

function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/** True when `url` is our page (any #route), false for anything else, including other files. */
export function isAppUrl(url: string, appUrl: string): boolean {
  return url !== '' && withoutHash(url) === withoutHash(appUrl);
}

export function fileUrl(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/**
 * No new windows, no navigation away from the app, no <webview>, no permission prompts.
 * http(s) links the UI opens (e.g. the portal URL) go to the OS browser instead.
 */
export function hardenWebContents(wc: WebContentsLike, appUrl: string, openExternal?: (url: string) => void): void {
  const maybeExternal = (url: string) => {
    if (openExternal && /^https?:\/\//i.test(url)) openExternal(url);
  };
  wc.setWindowOpenHandler(({ url }) => {
    maybeExternal(url);
    return { action: 'deny' };
  });
  const guard = (event: EventLike, url: string) => {
    if (isAppUrl(url, appUrl)) return;
    event.preventDefault();
    maybeExternal(url);
  };
  wc.on('will-navigate', guard);
  wc.on('will-redirect', guard);
  wc.on('will-attach-webview', (event: EventLike) => event.preventDefault());
  wc.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}

export interface MainWindowSpec {
  preloadPath: string;
  indexHtml: string;
  icon?: NativeImage;
  /** Start hidden (launched at login): the tray is the way in. */
  startHidden?: boolean;
  openExternal?: (url: string) => void;
}

export function createMainWindow(BrowserWindow: BrowserWindowCtorLike, spec: MainWindowSpec): BrowserWindowLike {
  const win = new BrowserWindow(mainWindowOptions(spec.preloadPath, spec.icon));
  hardenWebContents(win.webContents, fileUrl(spec.indexHtml), spec.openExternal);
  if (!spec.startHidden) win.once('ready-to-show', () => win.show());
  void win.loadFile(spec.indexHtml);
  return win;
}

export function showWindow(win: BrowserWindowLike | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
