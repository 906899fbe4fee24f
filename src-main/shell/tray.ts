import { trayStatusLines, trayTooltip, type TrayStatus } from './trayStatus';
import type { MenuItemTemplate, MenuLike, NativeImageLike, TrayCtorLike, TrayLike } from './types';

/** 32×32 PNG: white WiFi mark on teal, embedded so the shell needs no file lookups. */
export const TRAY_ICON_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAABfUlEQVR42uWXvUoEMRDH7w32DWRfwDfwDXyDq6612XK10+6wEwsRLBZBCwsbEa6wEa46sDrsRBZBS8Xq2pHf4kJu3dxmYtwcGBgI8/nPZDJJBkmeDWJSGzNN8qxI8qxM8kwCUfntM+0CMAoY1EYjG4A+gv8AYaZdeqbUBFBEAFCYAMoIAEoTgJPR5vhA9m6u5WR6L9PnpyWChwwdBQg3ADtXFzJ/exXXgS42vwYwPD+Tl4938R3Y4kMNYGN/Vy4fZhJq4AufTgBQ1KRbsy0tINozYFv952JRFRtpNZ0xh4cMHVsWVDVggsDp+G5SVTjFdfs4XwrEHB4ydNA15Zbg3UWIIanbOjqsjphtdc0soYsNtiuCux1D34JcUXj6PuALIFgjsoGou6BncFG3Yhyzx21dDh4yRXA9gPo+8JEFA1DT9ulxtVqIueeN6AeAgM3hCcIPAE2nOeD9HwB/sQXqJxmXD6uGOu58pydZ9Edp9Gd59I/JWnzN1uJz2jt9ASj5m1HXldeOAAAAAElFTkSuQmCC';

export interface TrayActions {
  open(): void;
  quit(): void;
  /** Present only where the OS supports start-at-login (Windows, macOS) and setup is done. */
  autoStart?: { enabled: boolean; set(enabled: boolean): void };
}

/** Status lines first (greyed out: they are information, not commands), then the commands. */
export function trayMenuTemplate(actions: TrayActions, status: TrayStatus | null = null): MenuItemTemplate[] {
  const items: MenuItemTemplate[] = [];
  if (status) items.push(...trayStatusLines(status).map((label) => ({ label, enabled: false })), { type: 'separator' as const });
  items.push({ label: 'Open HotspotDesk', click: () => actions.open() });
  if (actions.autoStart) {
    const auto = actions.autoStart;
    items.push({
      label: 'Start when the PC starts',
      type: 'checkbox',
      checked: auto.enabled,
      click: (item) => auto.set(item.checked),
    });
  }
  items.push({ type: 'separator' }, { label: 'Quit HotspotDesk (stops the hotspot)', click: () => actions.quit() });
  return items;
}

export function createTray(Tray: TrayCtorLike, Menu: MenuLike, nativeImage: NativeImageLike, actions: TrayActions): TrayLike {
  const tray = new Tray(nativeImage.createFromDataURL(TRAY_ICON_DATA_URL));
  showTrayStatus(tray, Menu, actions, null);
  tray.on('click', () => actions.open());
  return tray;
}

/** Rebuilds tooltip and menu (Electron menus are immutable once built, so a new one each time). */
export function showTrayStatus(tray: TrayLike, Menu: MenuLike, actions: TrayActions, status: TrayStatus | null): void {
  tray.setToolTip(trayTooltip(status));
  tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(actions, status)));
}
