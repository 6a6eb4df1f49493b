import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { BrowserWindow, FakeWebContents } from './fake-electron';
import { hardenSession, hardenWebContents } from '../../../electron/main/security';
import { createMainWindow } from '../../../electron/main/window';

vi.mock('electron', () => import('./fake-electron'));

afterEach(() => BrowserWindow.closeAll());

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

function emitNavigation(contents: FakeWebContents, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const details = { url, preventDefault: vi.fn() };
  contents.emit(event, details, url);
  return details.preventDefault.mock.calls.length > 0;
}

describe('web contents guards', () => {
  it.each([
    'https://example.com/',
    'http://127.0.0.1:5180/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://zonelink.evil/index.html',
    'app://zonelink:8080/index.html',
    'app://user@zonelink/index.html',
    'javascript:alert(1)',
    'data:text/html,<p>hi</p>',
    'not a url',
  ])('refuses navigation and redirects to %s', (url) => {
    const contents = hardened();
    expect(emitNavigation(contents, 'will-navigate', url)).toBe(true);
    expect(emitNavigation(contents, 'will-redirect', url)).toBe(true);
  });

  it('lets the app navigate within app://zonelink', () => {
    const contents = hardened();
    expect(emitNavigation(contents, 'will-navigate', 'app://zonelink/index.html')).toBe(false);
    expect(emitNavigation(contents, 'will-redirect', 'app://zonelink/index.html#/settings')).toBe(false);
  });

  it.each(['https://example.com/', 'app://zonelink/index.html', 'about:blank'])('denies window.open(%s)', (url) => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
  });

  it('prevents a <webview> from attaching', () => {
    const contents = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0] & {};
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0] & {};
type Permission = Parameters<CheckHandler>[1];

const APP_URL = 'app://zonelink/index.html';
const APP_ORIGIN = 'app://zonelink/';

/** The session's two permission handlers, as hardenSession sets them. */
function hardenedSession(): { onRequest: RequestHandler; onCheck: CheckHandler } {
  const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
  hardenSession(session as unknown as Session);
  const onRequest = session.setPermissionRequestHandler.mock.calls[0]?.[0] as RequestHandler | undefined;
  const onCheck = session.setPermissionCheckHandler.mock.calls[0]?.[0] as CheckHandler | undefined;
  if (!onRequest || !onCheck) throw new Error('hardenSession set no permission handler');
  return { onRequest, onCheck };
}

/** The web contents of a window Zonelink created. */
function ownContents(): WebContents {
  return createMainWindow().webContents;
}

interface Asker {
  contents: WebContents | null;
  isMainFrame?: boolean;
  requestingUrl?: string;
  requestingOrigin?: string;
  embeddingOrigin?: string;
}

/** What the request handler answers (it must answer exactly once). */
function requested(permission: Permission, asker: Asker): boolean {
  const { onRequest } = hardenedSession();
  const callback = vi.fn();
  const details = { isMainFrame: asker.isMainFrame ?? true, requestingUrl: asker.requestingUrl ?? APP_URL };
  onRequest(asker.contents as WebContents, permission, callback, details);
  expect(callback).toHaveBeenCalledOnce();
  return callback.mock.calls[0]?.[0] as boolean;
}

/** What the check handler answers. */
function checked(permission: Permission, asker: Asker): boolean {
  const { onCheck } = hardenedSession();
  const details = {
    isMainFrame: asker.isMainFrame ?? true,
    requestingUrl: asker.requestingUrl ?? APP_URL,
    ...(asker.embeddingOrigin === undefined ? {} : { embeddingOrigin: asker.embeddingOrigin }),
  };
  return onCheck(asker.contents, permission, asker.requestingOrigin ?? APP_ORIGIN, details);
}

describe('session guards', () => {
  it('grants persistent storage to the top frame of our own window on app://zonelink', () => {
    expect(requested('persistent-storage', { contents: ownContents() })).toBe(true);
    expect(checked('persistent-storage', { contents: ownContents() })).toBe(true);
    expect(
      checked('persistent-storage', {
        contents: ownContents(),
        requestingUrl: 'app://zonelink/index.html#/settings',
        requestingOrigin: 'app://zonelink',
        embeddingOrigin: APP_ORIGIN,
      }),
    ).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5180/',
    'file:///home/agent/index.html',
    'app://evil/index.html',
    'app://zonelink.evil/index.html',
    'app://zonelink:8080/index.html',
    'app://user@zonelink/index.html',
    'about:blank',
    'data:text/html,<p>hi</p>',
  ])('refuses persistent storage to a frame showing %s, even in our own window', (url) => {
    expect(requested('persistent-storage', { contents: ownContents(), requestingUrl: url })).toBe(false);
    expect(checked('persistent-storage', { contents: ownContents(), requestingUrl: url, requestingOrigin: url })).toBe(
      false,
    );
    expect(checked('persistent-storage', { contents: ownContents(), requestingOrigin: url })).toBe(false);
    expect(checked('persistent-storage', { contents: ownContents(), embeddingOrigin: url })).toBe(false);
  });

  it('refuses persistent storage to a subframe, to web contents we did not create, and to a check without a frame', () => {
    expect(requested('persistent-storage', { contents: ownContents(), isMainFrame: false })).toBe(false);
    expect(checked('persistent-storage', { contents: ownContents(), isMainFrame: false })).toBe(false);
    const foreign = new FakeWebContents() as unknown as WebContents;
    expect(requested('persistent-storage', { contents: foreign })).toBe(false);
    expect(checked('persistent-storage', { contents: foreign })).toBe(false);
    expect(checked('persistent-storage', { contents: null, isMainFrame: false })).toBe(false);
  });

  it.each<Permission>([
    'media',
    'display-capture',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fileSystem',
    'openExternal',
    'midi',
    'midiSysex',
    'hid',
    'serial',
    'usb',
    'fullscreen',
    'pointerLock',
    'storage-access',
    'top-level-storage-access',
    'background-sync',
    'idle-detection',
    'local-fonts',
    'window-management',
    'unknown',
  ])('refuses %s, even to the top frame of our own window', (permission) => {
    expect(requested(permission, { contents: ownContents() })).toBe(false);
    expect(checked(permission, { contents: ownContents() })).toBe(false);
  });
});

describe('the main window', () => {
  it('is sandboxed, isolated, without Node or webviews, with the bundled preload, on app://zonelink', () => {
    createMainWindow();
    const [window] = BrowserWindow.created;
    expect(window?.options.webPreferences).toEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: expect.stringMatching(/[/\\]preload\.cjs$/),
    });
    expect(window?.loadURL).toHaveBeenCalledWith('app://zonelink/index.html');
  });
});
