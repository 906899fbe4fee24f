import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_CHANNEL, registerApiHandler } from '../../src-main/shell/ipc';
import { createMainWindow, fileUrl, hardenWebContents, isAppUrl, mainWindowOptions } from '../../src-main/shell/window';
import { SAFE_KEY_FILE, safeStorageKeyProvider } from '../../src-main/shell/keyProvider';
import { pickEngineArgs, runDesktopApp, STILL_RUNNING, TRAY_REFRESH_MS, type CreateEngine } from '../../src-main/shell/app';
import { trayMenuTemplate } from '../../src-main/shell/tray';
import { TRAY_STATUS_METHODS, type Timers } from '../../src-main/shell/trayStatus';
import { CONFIG_OPTIONS } from '../../src-main/config';
import { silentLogger } from '../../src-main/log';
import { KEY_FILE } from '../../src-main/secrets';
import type { Menu, NativeImage } from 'electron';
import type { ElectronLike, EngineLike, IpcInvokeEventLike, SafeStorageLike, WindowOptionsLike } from '../../src-main/shell/types';

// The Electron binary cannot run here, so the shell is driven with fakes of the Electron objects.

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: (channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => void handlers.delete(channel),
    invoke: (url: string, ...args: unknown[]) => handlers.get(API_CHANNEL)!({ senderFrame: { url } }, ...args),
  };
}

/** The window's calls, without the ones the shell makes itself for the tray. */
function windowCalls(calls: unknown[][]): unknown[][] {
  return calls.filter(([m]) => !(TRAY_STATUS_METHODS as readonly unknown[]).includes(m));
}

function fakeEngine(): EngineLike & { calls: unknown[][]; started: number; stopped: number } {
  const e = {
    calls: [] as unknown[][],
    started: 0,
    stopped: 0,
    start: async () => void e.started++,
    stop: async () => void e.stopped++,
    call: async (method: string, input: unknown) => {
      e.calls.push([method, input]);
      return { ok: true as const, value: { echoed: method, input } };
    },
  };
  return e;
}

/**
 * An engine that answers the tray's questions from state the test sets, keeps the desktop and
 * setup settings, and has a bus the shell can listen on.
 */
function statusEngine() {
  const listeners = new Map<string, Array<() => void>>();
  const state = {
    listening: true,
    online: 3,
    routers: [{ status: { reachable: true } }, { status: { reachable: false } }] as Array<{ status: { reachable: boolean | null } }>,
    setupDone: false,
    startAtLogin: true,
    failing: false,
  };
  const calls: unknown[][] = [];
  let stopped = 0;
  const engine: EngineLike = {
    start: async () => {},
    stop: async () => void stopped++,
    call: async (method, input) => {
      calls.push([method, input]);
      if (state.failing) throw new Error('database is closed');
      switch (method) {
        case 'radius.status':
          return { ok: true, value: { listening: state.listening, online: state.online } };
        case 'routers.list':
          return { ok: true, value: state.routers };
        case 'settings.get':
          return { ok: true, value: { setup: { done: state.setupDone }, desktop: { startAtLogin: state.startAtLogin } } };
        case 'settings.update': {
          const p = input as { setup?: { done?: boolean }; desktop?: { startAtLogin?: boolean } };
          if (p.setup?.done !== undefined) state.setupDone = p.setup.done;
          if (p.desktop?.startAtLogin !== undefined) state.startAtLogin = p.desktop.startAtLogin;
          return { ok: true, value: {} };
        }
        default:
          return { ok: true, value: null };
      }
    },
    bus: {
      on(event, listener) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
        return () => listeners.set(event, (listeners.get(event) ?? []).filter((l) => l !== listener));
      },
    },
  };
  const emit = (event: string) => (listeners.get(event) ?? []).forEach((l) => l());
  return { engine, state, calls, emit, listeners, stopped: () => stopped };
}

/** Timers the test ticks by hand: the 10 s refresh without waiting 10 s. */
function manualTimers() {
  const intervals = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: Timers = {
    setInterval: (fn, ms) => {
      intervals.set(next, { fn, ms });
      return next++;
    },
    clearInterval: (h) => void intervals.delete(h as number),
  };
  return { timers, intervals, tick: () => [...intervals.values()].forEach((i) => i.fn()) };
}

class FakeEvent {
  defaultPrevented = false;
  preventDefault() {
    this.defaultPrevented = true;
  }
}

class FakeWebContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  permissionHandler: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | null = null;
  session = { setPermissionRequestHandler: (h: typeof this.permissionHandler) => void (this.permissionHandler = h) };
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' } | { action: 'allow' }) {
    this.openHandler = h;
  }
  /** Emits like Electron: returns whether a listener called preventDefault. */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string): boolean {
    const ev = new FakeEvent();
    this.emit(kind, ev, url);
    return ev.defaultPrevented;
  }
}

class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  webContents = new FakeWebContents();
  loaded: string | null = null;
  visible = false;
  destroyed = false;
  constructor(public options: WindowOptionsLike) {
    super();
    FakeWindow.created.push(this);
  }
  async loadFile(f: string) {
    this.loaded = f;
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** Emits 'close' like Electron; true when the window would really close. */
  close(): boolean {
    const ev = new FakeEvent();
    this.emit('close', ev);
    return !ev.defaultPrevented;
  }
}

function fakeSafeStorage(available = true): SafeStorageLike {
  // A reversible "encryption" that is visibly not the plain text.
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(`sealed:${Buffer.from(s).toString('base64')}`),
    decryptString: (b) => {
      const t = b.toString();
      if (!t.startsWith('sealed:')) throw new Error('not sealed');
      return Buffer.from(t.slice(7), 'base64').toString();
    },
    getSelectedStorageBackend: () => 'gnome_libsecret',
  };
}

function fakeLog() {
  const lines: Array<[string, string]> = [];
  return {
    lines,
    info: (_o: object, msg: string) => void lines.push(['info', msg]),
    warn: (_o: object, msg: string) => void lines.push(['warn', msg]),
  };
}

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hd-shell-'));
  FakeWindow.created = [];
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('IPC bridge', () => {
  const appUrl = 'file:///opt/hotspotdesk/build/renderer/index.html';

  it('delegates to engine.call and returns its reply unchanged', async () => {
    const ipc = fakeIpcMain();
    const engine = fakeEngine();
    registerApiHandler(ipc, engine, (u) => isAppUrl(u, appUrl));
    const reply = await ipc.invoke(`${appUrl}#/packages`, 'packages.list', { includeArchived: true });
    expect(engine.calls).toEqual([['packages.list', { includeArchived: true }]]);
    expect(reply).toEqual({ ok: true, value: { echoed: 'packages.list', input: { includeArchived: true } } });
  });

  it('passes coded failures through as they are', async () => {
    const ipc = fakeIpcMain();
    const failure = { ok: false as const, error: { code: 'invalid_input', message: 'phone: bad', field: 'phone' } };
    registerApiHandler(ipc, { call: async () => failure }, () => true);
    expect(await ipc.invoke(appUrl, 'customers.sellPackage', {})).toBe(failure);
  });

  it('refuses frames that are not the app page, without calling the engine', async () => {
    const ipc = fakeIpcMain();
    const engine = fakeEngine();
    registerApiHandler(ipc, engine, (u) => isAppUrl(u, appUrl));
    for (const url of ['https://evil.example/', 'file:///tmp/other.html', '']) {
      expect(await ipc.invoke(url, 'packages.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(engine.calls).toEqual([]);
  });

  it('turns a thrown error into an internal reply and a non-string method into unknown_method', async () => {
    const ipc = fakeIpcMain();
    const seen: unknown[] = [];
    const remove = registerApiHandler(
      ipc,
      { call: async () => Promise.reject(new Error('boom')) },
      () => true,
      (err) => seen.push(err),
    );
    expect(await ipc.invoke(appUrl, 'packages.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(seen).toHaveLength(1);
    expect(await ipc.invoke(appUrl, { evil: true }, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    remove();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('window', () => {
  it('uses secure web preferences', () => {
    const o = mainWindowOptions('/app/preload.js');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(o.show).toBe(false);
  });

  it('denies every new window, sending web links to the OS browser', () => {
    const wc = new FakeWebContents();
    const opened: string[] = [];
    hardenWebContents(wc, 'file:///app/index.html', (u) => opened.push(u));
    expect(wc.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(wc.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(wc.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
  });

  it('blocks navigation away from the app but allows its own routes', () => {
    const wc = new FakeWebContents();
    hardenWebContents(wc, 'file:///app/index.html');
    expect(wc.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.navigate('will-navigate', 'file:///app/other.html')).toBe(true);
    expect(wc.navigate('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(wc.navigate('will-navigate', 'file:///app/index.html#/customers/4')).toBe(false);
  });

  it('refuses webviews and permission requests', () => {
    const wc = new FakeWebContents();
    hardenWebContents(wc, 'file:///app/index.html');
    const ev = new FakeEvent();
    wc.emit('will-attach-webview', ev);
    expect(ev.defaultPrevented).toBe(true);
    let granted: boolean | null = null;
    wc.permissionHandler!(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
  });

  it('creates the window hardened, loads the built renderer and shows it when ready', () => {
    const win = createMainWindow(FakeWindow, { preloadPath: '/app/preload.js', indexHtml: '/app/build/renderer/index.html' }) as unknown as FakeWindow;
    expect(win.options.webPreferences.sandbox).toBe(true);
    expect(win.loaded).toBe('/app/build/renderer/index.html');
    expect(win.webContents.openHandler).not.toBeNull();
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });
});

describe('safeStorage key provider', () => {
  it('creates a 32-byte key sealed with safeStorage and reads the same key back', () => {
    const log = fakeLog();
    const provider = safeStorageKeyProvider(fakeSafeStorage(), log);
    const key = provider.loadKey(tmp);
    expect(key).toHaveLength(32);
    const sealed = fs.readFileSync(path.join(tmp, SAFE_KEY_FILE), 'utf8');
    expect(sealed).not.toContain(key.toString('hex'));
    expect(fs.existsSync(path.join(tmp, KEY_FILE))).toBe(false);
    expect(provider.loadKey(tmp).equals(key)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(tmp, SAFE_KEY_FILE)).mode & 0o077).toBe(0);
  });

  it('falls back to the plain key file when safeStorage is unavailable, and says so', () => {
    const log = fakeLog();
    const key = safeStorageKeyProvider(fakeSafeStorage(false), log).loadKey(tmp);
    expect(key).toHaveLength(32);
    expect(fs.readFileSync(path.join(tmp, KEY_FILE), 'utf8').trim()).toBe(key.toString('hex'));
    expect(log.lines.some(([lvl, msg]) => lvl === 'warn' && /safeStorage is not available/.test(msg))).toBe(true);
  });

  it('keeps using a plain key the headless server already created (so its secrets stay readable)', () => {
    const existing = Buffer.alloc(32, 7);
    fs.writeFileSync(path.join(tmp, KEY_FILE), existing.toString('hex'));
    const key = safeStorageKeyProvider(fakeSafeStorage(), fakeLog()).loadKey(tmp);
    expect(key.equals(existing)).toBe(true);
    expect(fs.existsSync(path.join(tmp, SAFE_KEY_FILE))).toBe(false);
  });

  it('refuses to invent a new key when the sealed one cannot be opened', () => {
    safeStorageKeyProvider(fakeSafeStorage(), fakeLog()).loadKey(tmp);
    expect(() => safeStorageKeyProvider(fakeSafeStorage(false), fakeLog()).loadKey(tmp)).toThrow(/keyring/);
    expect(fs.existsSync(path.join(tmp, KEY_FILE))).toBe(false);
  });
});

describe('preload', () => {
  it('exposes only window.hotspotdesk.call, which invokes the api channel', async () => {
    const exposed: Record<string, unknown> = {};
    const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 1 }));
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (k: string, v: unknown) => void (exposed[k] = v) },
      ipcRenderer: { invoke, send: vi.fn(), on: vi.fn() },
    }));
    await import('../../src-main/preload.js');
    expect(Object.keys(exposed)).toEqual(['hotspotdesk']);
    const bridge = exposed.hotspotdesk as { call: (m: string, i: unknown) => Promise<unknown> };
    expect(Object.keys(bridge)).toEqual(['call']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(await bridge.call('dashboard.summary', {})).toEqual({ ok: true, value: 1 });
    expect(invoke).toHaveBeenCalledWith('api', 'dashboard.summary', {});
    await expect(bridge.call(42 as unknown as string, {})).rejects.toThrow(TypeError);
    vi.doUnmock('electron');
  });
});

describe('tray', () => {
  it('offers open, auto-start (where supported) and quit', () => {
    const set = vi.fn();
    const quit = vi.fn();
    const items = trayMenuTemplate({ open: vi.fn(), quit, autoStart: { enabled: false, set } });
    expect(items.map((i) => i.label ?? i.type)).toEqual(['Open HotspotDesk', 'Start when the PC starts', 'separator', 'Quit HotspotDesk (stops the hotspot)']);
    items[1]!.click!({ checked: true });
    expect(set).toHaveBeenCalledWith(true);
    items[3]!.click!({ checked: false });
    expect(quit).toHaveBeenCalled();
    expect(trayMenuTemplate({ open: vi.fn(), quit }).map((i) => i.label ?? i.type)).not.toContain('Start when the PC starts');
  });
});

// ---- the whole shell with a fake Electron ----

class FakeApp extends EventEmitter {
  lock = true;
  quitCalls = 0;
  exitCode: number | null = null;
  loginItem = { openAtLogin: false, wasOpenedAsHidden: false };
  loginSet: unknown[] = [];
  requestSingleInstanceLock() {
    return this.lock;
  }
  whenReady() {
    return Promise.resolve();
  }
  getAppPath() {
    return '/opt/hotspotdesk';
  }
  loginQueries: unknown[] = [];
  getLoginItemSettings(options?: unknown) {
    this.loginQueries.push(options);
    return this.loginItem;
  }
  setLoginItemSettings(s: { openAtLogin: boolean }) {
    this.loginSet.push(s);
    this.loginItem = { ...this.loginItem, openAtLogin: s.openAtLogin };
  }
  exit(code?: number) {
    this.exitCode = code ?? 0;
  }
  /** Like Electron: emits before-quit; quits for real only when nobody prevented it. */
  quit() {
    this.quitCalls++;
    const ev = new FakeEvent();
    this.emit('before-quit', ev);
    if (!ev.defaultPrevented) this.emit('quit');
  }
}

function fakeElectron() {
  const app = new FakeApp();
  const ipcMain = fakeIpcMain();
  const blockers = { started: [] as string[], stopped: [] as number[] };
  const trays: Array<{ destroyed: boolean; menu: unknown; tooltip: string; balloons: Array<{ title: string; content: string }> }> = [];
  const errors: Array<[string, string]> = [];
  const notifications: Array<{ title: string; body: string }> = [];
  class FakeTray extends EventEmitter {
    state = { destroyed: false, menu: null as unknown, tooltip: '', balloons: [] as Array<{ title: string; content: string }> };
    constructor(_image: NativeImage) {
      super();
      trays.push(this.state);
    }
    setToolTip(t: string) {
      this.state.tooltip = t;
    }
    setContextMenu(m: unknown) {
      this.state.menu = m;
    }
    destroy() {
      this.state.destroyed = true;
    }
    displayBalloon(o: { title: string; content: string }) {
      this.state.balloons.push(o);
    }
  }
  class FakeNotification {
    constructor(private readonly o: { title: string; body: string }) {}
    static isSupported() {
      return true;
    }
    show() {
      notifications.push(this.o);
    }
  }
  const electron: ElectronLike = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain,
    // Native handles are opaque to the shell: the fakes hand back plain objects.
    Menu: { buildFromTemplate: (t) => t as unknown as Menu },
    Tray: FakeTray,
    Notification: FakeNotification,
    nativeImage: { createFromDataURL: (u) => ({ u }) as unknown as NativeImage },
    powerSaveBlocker: {
      start: (t) => {
        blockers.started.push(t);
        return 7;
      },
      stop: (id) => void blockers.stopped.push(id),
    },
    safeStorage: fakeSafeStorage(),
    dialog: { showErrorBox: (t, c) => void errors.push([t, c]) },
    shell: { openExternal: async () => {} },
  };
  return { electron, app, ipcMain, blockers, trays, errors, notifications };
}

function run(
  f: ReturnType<typeof fakeElectron>,
  createEngine: CreateEngine,
  argv: string[] = [],
  more: { platform?: NodeJS.Platform; timers?: Timers } = {},
) {
  return runDesktopApp(f.electron, {
    createEngine,
    argv: ['/usr/bin/electron', '/opt/hotspotdesk', '--data-dir', tmp, ...argv],
    env: {},
    platform: more.platform ?? 'win32',
    makeLogger: () => silentLogger(),
    timers: more.timers ?? manualTimers().timers,
  });
}

describe('desktop app', () => {
  it('starts the engine, serves IPC, opens a secure window and keeps the PC awake', async () => {
    const f = fakeElectron();
    const engine = fakeEngine();
    let gotKeyProvider = false;
    const shell = run(f, async (config, opts) => {
      expect(config.dataDir).toBe(tmp);
      gotKeyProvider = opts.keyProvider.loadKey(tmp).length === 32;
      return engine;
    });
    await shell.ready;
    expect(gotKeyProvider).toBe(true);
    expect(fs.existsSync(path.join(tmp, SAFE_KEY_FILE))).toBe(true);
    expect(engine.started).toBe(1);
    expect(f.blockers.started).toEqual(['prevent-app-suspension']);
    const win = FakeWindow.created[0]!;
    expect(FakeWindow.created).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(win.options.webPreferences.preload).toBe(path.join('/opt/hotspotdesk', 'build', 'main', 'src-main', 'preload.js'));
    const indexHtml = path.join('/opt/hotspotdesk', 'build', 'renderer', 'index.html');
    expect(win.loaded).toBe(indexHtml);
    expect(await f.ipcMain.invoke(`${fileUrl(indexHtml)}#/`, 'dashboard.summary', {})).toMatchObject({ ok: true });
    expect(windowCalls(engine.calls)).toEqual([['dashboard.summary', {}]]);
    expect(await f.ipcMain.invoke('https://evil.example/', 'dashboard.summary', {})).toMatchObject({ ok: false });
  });

  it('closing the window hides it to the tray; quit stops the engine before exiting', async () => {
    const f = fakeElectron();
    const engine = fakeEngine();
    const shell = run(f, async () => engine);
    await shell.ready;
    const win = FakeWindow.created[0]!;
    win.show();
    expect(win.close()).toBe(false);
    expect(win.visible).toBe(false);
    expect(engine.stopped).toBe(0);

    const quitted = new Promise<void>((resolve) => f.app.once('quit', () => resolve()));
    f.app.quit();
    await quitted;
    expect(engine.stopped).toBe(1);
    expect(f.blockers.stopped).toEqual([7]);
    expect(f.trays[0]!.destroyed).toBe(true);
    expect(f.app.quitCalls).toBe(2);
    // Once quitting, the window closes for real.
    expect(win.close()).toBe(true);
  });

  it('tray menu: open shows the window, the auto-start checkbox saves the setting and sets the login item, quit stops the engine', async () => {
    const f = fakeElectron();
    const e = statusEngine();
    e.state.setupDone = true;
    e.state.startAtLogin = false;
    await run(f, async () => e.engine).ready;
    const menu = () => f.trays[0]!.menu as ReturnType<typeof trayMenuTemplate>;
    menu().find((i) => i.label === 'Open HotspotDesk')!.click!({ checked: false });
    expect(FakeWindow.created[0]!.visible).toBe(true);
    expect(menu().find((i) => i.label === 'Start when the PC starts')!.checked).toBe(false);
    menu().find((i) => i.label === 'Start when the PC starts')!.click!({ checked: true });
    await vi.waitFor(() => expect(f.app.loginSet).toEqual([{ openAtLogin: true, openAsHidden: true, args: ['--hidden'] }]));
    expect(e.calls).toContainEqual(['settings.update', { desktop: { startAtLogin: true } }]);
    expect(menu().find((i) => i.label === 'Start when the PC starts')!.checked).toBe(true);
    const quitted = new Promise<void>((resolve) => f.app.once('quit', () => resolve()));
    menu().find((i) => i.label?.startsWith('Quit'))!.click!({ checked: false });
    await quitted;
    expect(e.stopped()).toBe(1);
  });

  it('the tray shows RADIUS, routers reachable and devices online, in the tooltip and the menu', async () => {
    const f = fakeElectron();
    const e = statusEngine();
    await run(f, async () => e.engine).ready;
    const tray = f.trays[0]!;
    expect(tray.tooltip).toBe('HotspotDesk\nRADIUS: up\nRouters reachable: 1/2\nOnline: 3 devices');
    const menu = tray.menu as ReturnType<typeof trayMenuTemplate>;
    expect(menu.slice(0, 3)).toEqual([
      { label: 'RADIUS: up', enabled: false },
      { label: 'Routers reachable: 1/2', enabled: false },
      { label: 'Online: 3 devices', enabled: false },
    ]);
    // Setup is not done: no auto-start checkbox yet.
    expect(menu.map((i) => i.label)).not.toContain('Start when the PC starts');
  });

  it('refreshes every 10 s, on engine events and after a write from the window, but not after a read', async () => {
    const f = fakeElectron();
    const e = statusEngine();
    const t = manualTimers();
    await run(f, async () => e.engine, [], { timers: t.timers }).ready;
    const tray = f.trays[0]!;
    expect([...t.intervals.values()].map((i) => i.ms)).toEqual([TRAY_REFRESH_MS]);
    expect(TRAY_REFRESH_MS).toBe(10_000);

    e.state.online = 1;
    t.tick();
    await vi.waitFor(() => expect(tray.tooltip).toContain('Online: 1 device'));
    expect(tray.tooltip).not.toContain('devices');

    e.state.routers = e.state.routers.map(() => ({ status: { reachable: true } }));
    e.emit('routers.changed');
    await vi.waitFor(() => expect(tray.tooltip).toContain('Routers reachable: 2/2'));

    const appUrl = `${fileUrl(path.join('/opt/hotspotdesk', 'build', 'renderer', 'index.html'))}#/`;
    const reads = () => e.calls.filter(([m]) => m === 'radius.status').length;
    const before = reads();
    await f.ipcMain.invoke(appUrl, 'dashboard.summary', {});
    await f.ipcMain.invoke(appUrl, 'packages.list', {});
    expect(reads()).toBe(before);
    e.state.listening = false;
    await f.ipcMain.invoke(appUrl, 'routers.remove', { id: 1 });
    await vi.waitFor(() => expect(tray.tooltip).toContain('RADIUS: DOWN'));
  });

  it('shows unknown status, not a crash, when the engine does not answer', async () => {
    const f = fakeElectron();
    const e = statusEngine();
    const t = manualTimers();
    await run(f, async () => e.engine, [], { timers: t.timers }).ready;
    e.state.failing = true;
    t.tick();
    await vi.waitFor(() => expect(f.trays[0]!.tooltip).toBe('HotspotDesk\nRADIUS: not answering\nRouters: none added yet\nOnline: unknown'));
  });

  it('start at login: off until setup is done, then on; the owner\'s setting turns it off again', async () => {
    const f = fakeElectron();
    const e = statusEngine();
    const t = manualTimers();
    await run(f, async () => e.engine, [], { timers: t.timers }).ready;
    // Windows matches the Run entry by its arguments: the shell asks about the one it sets.
    expect(f.app.loginQueries).toContainEqual({ args: ['--hidden'] });
    expect(f.app.loginSet).toEqual([]);
    const appUrl = `${fileUrl(path.join('/opt/hotspotdesk', 'build', 'renderer', 'index.html'))}#/`;
    // The wizard's last step, through the window.
    await f.ipcMain.invoke(appUrl, 'settings.update', { setup: { done: true } });
    await vi.waitFor(() => expect(f.app.loginSet).toEqual([{ openAtLogin: true, openAsHidden: true, args: ['--hidden'] }]));
    // Unchanged settings are not applied again at every refresh.
    t.tick();
    t.tick();
    await vi.waitFor(() => expect(e.calls.filter(([m]) => m === 'settings.get').length).toBeGreaterThanOrEqual(3));
    expect(f.app.loginSet).toHaveLength(1);
    await f.ipcMain.invoke(appUrl, 'settings.update', { desktop: { startAtLogin: false } });
    await vi.waitFor(() => expect(f.app.loginSet.at(-1)).toEqual({ openAtLogin: false, openAsHidden: true, args: ['--hidden'] }));
  });

  it('start at login is never set where the OS has no login items (Linux)', async () => {
    const f = fakeElectron();
    const e = statusEngine();
    e.state.setupDone = true;
    await run(f, async () => e.engine, [], { platform: 'linux' }).ready;
    expect(f.app.loginSet).toEqual([]);
    expect((f.trays[0]!.menu as ReturnType<typeof trayMenuTemplate>).map((i) => i.label)).not.toContain('Start when the PC starts');
  });

  it('the first close says, once, that HotspotDesk keeps running in the tray (a balloon on Windows)', async () => {
    const f = fakeElectron();
    await run(f, async () => statusEngine().engine).ready;
    const win = FakeWindow.created[0]!;
    win.show();
    expect(win.close()).toBe(false);
    win.show();
    expect(win.close()).toBe(false);
    expect(f.trays[0]!.balloons).toEqual([{ title: STILL_RUNNING.title, content: STILL_RUNNING.body, iconType: 'info' }]);
    expect(STILL_RUNNING.body).toMatch(/tray/);
    expect(f.notifications).toEqual([]);
  });

  it('the first close shows a desktop notification where there are no balloons (Linux, macOS)', async () => {
    const f = fakeElectron();
    await run(f, async () => statusEngine().engine, [], { platform: 'linux' }).ready;
    FakeWindow.created[0]!.close();
    FakeWindow.created[0]!.close();
    expect(f.notifications).toEqual([{ title: STILL_RUNNING.title, body: STILL_RUNNING.body, silent: true }]);
  });

  it('quitting stops the tray refresh and its event listeners before the engine stops', async () => {
    const f = fakeElectron();
    const e = statusEngine();
    const t = manualTimers();
    await run(f, async () => e.engine, [], { timers: t.timers }).ready;
    expect([...e.listeners.values()].flat().length).toBeGreaterThan(0);
    const quitted = new Promise<void>((resolve) => f.app.once('quit', () => resolve()));
    f.app.quit();
    await quitted;
    expect(t.intervals.size).toBe(0);
    expect([...e.listeners.values()].flat()).toHaveLength(0);
    expect(e.stopped()).toBe(1);
  });

  it('starts hidden when launched at login', async () => {
    const f = fakeElectron();
    await run(f, async () => fakeEngine(), ['--hidden']).ready;
    FakeWindow.created[0]!.emit('ready-to-show');
    expect(FakeWindow.created[0]!.visible).toBe(false);
  });

  it('a second instance quits at once and focuses the first', async () => {
    const f = fakeElectron();
    f.app.lock = false;
    let created = 0;
    await run(f, async () => {
      created++;
      return fakeEngine();
    }).ready;
    expect(created).toBe(0);
    expect(f.app.quitCalls).toBe(1);
    expect(FakeWindow.created).toHaveLength(0);

    const first = fakeElectron();
    await run(first, async () => fakeEngine()).ready;
    const win = FakeWindow.created[0]!;
    first.app.emit('second-instance');
    expect(win.visible).toBe(true);
  });

  it('an engine that cannot start shows the reason and exits non-zero', async () => {
    const f = fakeElectron();
    const engine = fakeEngine();
    engine.start = async () => {
      throw Object.assign(new Error('A port HotspotDesk needs is already used by another program.'), { code: 'PORT_IN_USE' });
    };
    await run(f, async () => engine).ready;
    await vi.waitFor(() => expect(f.app.exitCode).toBe(1));
    expect(f.errors).toEqual([['HotspotDesk could not start', 'A port HotspotDesk needs is already used by another program.']]);
    expect(engine.stopped).toBe(1);
    expect(FakeWindow.created).toHaveLength(0);
    expect(f.ipcMain.handlers.size).toBe(0);
  });

  it('passes every engine option through, in both forms, so none is silently dropped', () => {
    for (const o of Object.values(CONFIG_OPTIONS)) {
      expect(pickEngineArgs(['/e', '.', '--no-sandbox', o.flag, 'v', '--hidden']), o.flag).toEqual([o.flag, 'v']);
      expect(pickEngineArgs(['/e', '.', `${o.flag}=v`]), o.flag).toEqual([`${o.flag}=v`]);
    }
  });

  it('takes the server flags from argv and ignores Chromium flags', () => {
    expect(pickEngineArgs(['/e', '.', '--no-sandbox', '--data-dir', '/d', '--admin-port=9', '--hidden', '--portal-port', '81'])).toEqual([
      '--data-dir', '/d', '--admin-port=9', '--portal-port', '81',
    ]);
  });
});
