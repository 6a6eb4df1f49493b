import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../electron/shared/ipc-contract';
import { startApp } from '../../../electron/main/lifecycle';
import { app, BrowserWindow, FakeWebContents, ipcMain, Menu, protocol, session } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => {
  app.removeAllListeners();
  ipcMain.handlers.clear();
});
afterEach(() => {
  BrowserWindow.closeAll();
  vi.clearAllMocks();
});

/** Lets the whenReady() chain run to its end. */
async function settle(): Promise<void> {
  await vi.waitFor(() => expect(BrowserWindow.created.length).toBeGreaterThan(0));
}

describe('single instance', () => {
  it('quits at once when another instance holds the lock', () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    startApp();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('brings the first window forward when a second instance starts', async () => {
    startApp();
    await settle();
    const [window] = BrowserWindow.created;
    window!.minimized = true;
    app.emit('second-instance', {}, ['zonelink'], '/');
    expect(window!.restore).toHaveBeenCalledOnce();
    expect(window!.show).toHaveBeenCalled();
    expect(window!.focus).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();
  });
});

describe('start', () => {
  it('registers the scheme before ready, then hardens, serves, answers, builds the menu and opens the window', async () => {
    startApp();
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
    await settle();
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
    const template = Menu.buildFromTemplate.mock.calls[0]?.[0] as { label: string }[];
    expect(template.map((item) => item.label)).toContain('Bewerken');
    expect(BrowserWindow.created).toHaveLength(1);
  });

  it('hardens every web contents the app creates', () => {
    startApp();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const navigation = { url: 'https://example.com/', preventDefault: vi.fn() };
    contents.emit('will-navigate', navigation);
    expect(navigation.preventDefault).toHaveBeenCalled();
  });

  it('exits with an error when starting fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    app.getPath.mockImplementationOnce(() => {
      throw new Error('no userData');
    });
    startApp();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(error).toHaveBeenCalledWith('Zonelink could not start', expect.any(Error));
    error.mockRestore();
  });
});
