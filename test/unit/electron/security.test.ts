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

describe('session guards', () => {
  it('denies every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    hardenSession(session as unknown as Session);
    const onRequest = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    const onCheck = session.setPermissionCheckHandler.mock.calls[0]?.[0];
    for (const permission of ['media', 'geolocation', 'notifications', 'fileSystem', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      onRequest({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(onCheck({}, permission, 'app://zonelink', {})).toBe(false);
    }
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
