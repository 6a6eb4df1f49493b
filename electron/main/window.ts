import { BrowserWindow, type WebContents } from 'electron';
import { join } from 'node:path';
import { APP_ENTRY_URL } from './protocol';

// The windows Zonelink created, by the id of their web contents; IPC answers only these.
const windows = new Map<number, BrowserWindow>();

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    title: 'Zonelink',
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: join(__dirname, 'preload.cjs'),
    },
  });
  const id = window.webContents.id;
  windows.set(id, window);
  window.on('closed', () => windows.delete(id));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** The window Zonelink created that shows these web contents, if any. */
export function ownWindowOf(contents: WebContents): BrowserWindow | undefined {
  return windows.get(contents.id);
}

export function hasOpenWindow(): boolean {
  return windows.size > 0;
}

/** Brings the first window to the front (a second start of the app lands here). */
export function focusMainWindow(): void {
  const [window] = windows.values();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
