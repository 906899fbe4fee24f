import './productionMode';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, powerSaveBlocker, safeStorage, shell, Tray } from 'electron';
import { createEngine } from './engine';
import { runDesktopApp } from './shell/app';

// Electron entry: all logic lives in ./shell (unit-tested with fakes); this file only wires the
// real Electron objects in. The engine never imports electron.
runDesktopApp(
  { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, powerSaveBlocker, safeStorage, shell, Tray },
  { createEngine, argv: process.argv, env: process.env, platform: process.platform },
);
