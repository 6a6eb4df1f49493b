import type { PermissionCheckHandlerHandlerDetails, PermissionRequest, Session, WebContents } from 'electron';
import { isAppUrl } from './protocol';
import { ownWindowOf } from './window';

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

// The one permission Zonelink uses: it keeps the origin's storage (the station's database, often
// the only copy of its data) from being evicted under storage pressure. See docs/decisions/0054.
const PERSISTENT_STORAGE = 'persistent-storage';

/** Whether the asking frame is the top frame of a window Zonelink created, showing app://zonelink. */
function isOwnTopFrame(contents: WebContents | null, isMainFrame: boolean, requestingUrl: string | undefined): boolean {
  return (
    contents !== null &&
    ownWindowOf(contents) !== undefined &&
    isMainFrame &&
    requestingUrl !== undefined &&
    isAppUrl(requestingUrl)
  );
}

function grantsRequest(contents: WebContents, permission: string, details: PermissionRequest): boolean {
  return permission === PERSISTENT_STORAGE && isOwnTopFrame(contents, details.isMainFrame, details.requestingUrl);
}

function grantsCheck(
  contents: WebContents | null,
  permission: string,
  requestingOrigin: string,
  details: PermissionCheckHandlerHandlerDetails,
): boolean {
  return (
    permission === PERSISTENT_STORAGE &&
    isOwnTopFrame(contents, details.isMainFrame, details.requestingUrl) &&
    isAppUrl(requestingOrigin) &&
    (details.embeddingOrigin === undefined || isAppUrl(details.embeddingOrigin))
  );
}

/**
 * Persistent storage is granted, and reported granted, to the top frame of Zonelink's own windows
 * on app://zonelink; every other web permission (camera, geolocation, notifications, …) and every
 * other asker (another origin, a subframe, a worker, web contents we did not create) is refused.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(grantsRequest(contents, permission, details));
  });
  session.setPermissionCheckHandler(grantsCheck);
}
