import { contextBridge, ipcRenderer } from 'electron';

// Sandboxed preload: it may require only 'electron' (no relative imports), so it stays
// self-contained. The page gets exactly one function; raw ipcRenderer never crosses the bridge.

export interface HotspotDeskBridge {
  call(method: string, input: unknown): Promise<unknown>;
}

export function createBridge(invoke: (channel: string, ...args: unknown[]) => Promise<unknown>): HotspotDeskBridge {
  return Object.freeze({
    call(method: string, input: unknown): Promise<unknown> {
      if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'));
      return invoke('api', method, input);
    },
  });
}

contextBridge.exposeInMainWorld('hotspotdesk', createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)));
