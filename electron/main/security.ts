import type { Session, WebContents } from 'electron';
import { isAppUrl } from './protocol';

/**
 * Every web contents stays on app://zonelink: navigations and redirects elsewhere are cancelled,
 * new windows are denied (nothing in Zonelink opens one; links to the web are not followed), and
 * <webview> never attaches.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** No web permission (camera, geolocation, notifications, …) is ever granted, nor reported granted. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
