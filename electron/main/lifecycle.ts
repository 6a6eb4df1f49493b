import { app, session } from 'electron';
import { join } from 'node:path';
import { FolderAllowlist } from './folder-allowlist';
import { registerHandlers } from './handlers';
import { applyMenu } from './menu';
import { registerAppScheme, serveApp } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow, focusMainWindow, hasOpenWindow } from './window';

/**
 * Starts Zonelink: one instance only (a second start brings the first window forward), every
 * web contents hardened, the renderer served from app://zonelink, then the IPC handlers, the
 * menu (Dutch until the renderer sends the chosen language) and the window.
 */
export function startApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => focusMainWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession);
      serveApp(join(__dirname, '../renderer'));
      registerHandlers(await FolderAllowlist.load(join(app.getPath('userData'), 'folders.json')));
      applyMenu('nl-BE');
      createMainWindow();
      app.on('activate', () => {
        if (!hasOpenWindow()) createMainWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('Zonelink could not start', error);
      app.exit(1);
    });
}
