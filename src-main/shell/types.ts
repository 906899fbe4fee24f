import type { Menu, NativeImage } from 'electron';
import type { ApiReply } from '../../src-shared/api';
import type { BusEvents } from '../bus';

/**
 * The slices of Electron's API the shell uses, as structural types. The real `electron` module
 * satisfies them; unit tests pass small fakes (the Electron binary cannot run here). Native
 * handles (NativeImage, Menu) are only passed through, so their electron types are imported as
 * types: nothing here loads electron at runtime.
 */

/** Any event listener (the shell's listeners declare their own argument types). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- must match Node's EventEmitter listener type
export type Listener = (...args: any[]) => void;

/** What the shell needs from the engine (src-main/engine.ts). */
export interface EngineLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  call(method: string, input: unknown): Promise<ApiReply<unknown>>;
  /** The engine's event bus, where the host wants to react to writes (the tray refreshes). */
  bus?: { on(event: TrayRefreshEvent, listener: () => void): () => void };
}

/** Bus events after which the tray's counts may have changed. */
export type TrayRefreshEvent = keyof Pick<BusEvents, 'routers.changed' | 'subscription.activated' | 'subscription.ended' | 'customer.disabled'>;

export interface IpcInvokeEventLike {
  senderFrame?: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface WindowOpenDetailsLike {
  url: string;
}

export interface EventLike {
  preventDefault(): void;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
}

export interface WebContentsLike {
  setWindowOpenHandler(handler: (details: WindowOpenDetailsLike) => { action: 'deny' } | { action: 'allow' }): void;
  on(event: string, listener: Listener): unknown;
  session: SessionLike;
}

export interface BrowserWindowLike {
  webContents: WebContentsLike;
  loadFile(filePath: string): Promise<void>;
  show(): void;
  hide(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  on(event: string, listener: Listener): unknown;
  once(event: string, listener: Listener): unknown;
}

export interface WebPreferencesLike {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webviewTag: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  spellcheck: boolean;
}

export interface WindowOptionsLike {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  icon?: NativeImage;
  webPreferences: WebPreferencesLike;
}

export type BrowserWindowCtorLike = new (options: WindowOptionsLike) => BrowserWindowLike;

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface PowerSaveBlockerLike {
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number;
  stop(id: number): boolean | void;
}

export interface MenuItemTemplate {
  label?: string;
  type?: 'normal' | 'separator' | 'checkbox';
  checked?: boolean;
  enabled?: boolean;
  click?: (item: { checked: boolean }) => void;
}

export interface MenuLike {
  buildFromTemplate(template: MenuItemTemplate[]): Menu;
}

export interface TrayLike {
  setToolTip(text: string): void;
  setContextMenu(menu: Menu): void;
  on(event: string, listener: Listener): unknown;
  destroy(): void;
  /** Windows only (a balloon from the tray icon). */
  displayBalloon?(options: { title: string; content: string; iconType?: 'none' | 'info' | 'warning' | 'error' }): void;
}

export interface NotificationLike {
  show(): void;
}

export interface NotificationCtorLike {
  new (options: { title: string; body: string; silent?: boolean }): NotificationLike;
  isSupported(): boolean;
}

export type TrayCtorLike = new (image: NativeImage) => TrayLike;

export interface NativeImageLike {
  createFromDataURL(dataUrl: string): NativeImage;
}

export interface LoginItemSettingsLike {
  openAtLogin: boolean;
  wasOpenedAsHidden?: boolean;
}

export interface AppLike {
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<unknown>;
  on(event: string, listener: Listener): unknown;
  quit(): void;
  exit(code?: number): void;
  getAppPath(): string;
  /** On Windows the entry is matched by its args, so the shell passes the same ones it set. */
  getLoginItemSettings(options?: { args?: string[] }): LoginItemSettingsLike;
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }): void;
}

export interface DialogLike {
  showErrorBox(title: string, content: string): void;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** Everything the desktop app takes from `electron`. */
export interface ElectronLike {
  app: AppLike;
  BrowserWindow: BrowserWindowCtorLike;
  ipcMain: IpcMainLike;
  Menu: MenuLike;
  Tray: TrayCtorLike;
  Notification: NotificationCtorLike;
  nativeImage: NativeImageLike;
  powerSaveBlocker: PowerSaveBlockerLike;
  safeStorage: SafeStorageLike;
  dialog: DialogLike;
  shell: ShellLike;
}
