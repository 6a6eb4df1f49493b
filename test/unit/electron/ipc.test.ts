import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CHANNELS } from '../../../electron/shared/ipc-contract';
import { handle } from '../../../electron/main/ipc';
import { ZonelinkError } from '../../../electron/main/errors';
import { createMainWindow } from '../../../electron/main/window';
import { BrowserWindow, FakeFrame, FakeWebContents, invokeEvent, ipcMain } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let contents: FakeWebContents;
const fn = vi.fn(async (locale: string) => {
  void locale;
});

beforeEach(() => {
  ipcMain.handlers.clear();
  fn.mockClear();
  createMainWindow();
  contents = BrowserWindow.created[0]!.webContents;
  handle(CHANNELS.appSetLocale, z.enum(['nl-BE', 'en']), fn);
});
afterEach(() => BrowserWindow.closeAll());

function invoke(event: unknown, ...args: unknown[]): Promise<unknown> {
  return ipcMain.handlers.get(CHANNELS.appSetLocale)!(event, ...args);
}

describe('handle(): the sender', () => {
  it('answers the top frame of our window on app://zonelink', async () => {
    await invoke(invokeEvent(contents), 'en');
    expect(fn).toHaveBeenCalledWith('en', { window: BrowserWindow.created[0] });
  });

  it('refuses a message whose frame is gone', async () => {
    await expect(invoke(invokeEvent(contents, null), 'en')).rejects.toThrow('[forbidden] app:set-locale: the sending frame is gone');
    expect(fn).not.toHaveBeenCalled();
  });

  it.each(['https://evil.example/', 'app://evil/index.html', 'file:///tmp/x.html', 'about:blank'])(
    'refuses a frame showing %s',
    async (url) => {
      contents.mainFrame.url = url;
      await expect(invoke(invokeEvent(contents), 'en')).rejects.toThrow('[forbidden] app:set-locale: the sender is not app://zonelink');
      expect(fn).not.toHaveBeenCalled();
    },
  );

  it('refuses web contents that Zonelink did not create', async () => {
    const foreign = new FakeWebContents();
    await expect(invoke(invokeEvent(foreign), 'en')).rejects.toThrow('[forbidden] app:set-locale: the sender is not a Zonelink window');
    expect(fn).not.toHaveBeenCalled();
  });

  it('refuses a child frame, even one on app://zonelink', async () => {
    const child = new FakeFrame('app://zonelink/index.html', 'child');
    child.parent = contents.mainFrame;
    await expect(invoke(invokeEvent(contents, child), 'en')).rejects.toThrow('[forbidden] app:set-locale: the sender is not the top frame');
    expect(fn).not.toHaveBeenCalled();
  });

  it('refuses a top-level frame that is not the main frame of our window', async () => {
    const other = new FakeFrame('app://zonelink/index.html', 'someone-else');
    await expect(invoke(invokeEvent(contents, other), 'en')).rejects.toThrow('the sender is not the top frame');
  });

  it('refuses a window that has been closed', async () => {
    BrowserWindow.closeAll();
    await expect(invoke(invokeEvent(contents), 'en')).rejects.toThrow('the sender is not a Zonelink window');
  });
});

describe('handle(): the payload', () => {
  it.each([
    [42, 'malformed payload: payload: Invalid option: expected one of "nl-BE"|"en"'],
    ['fr', 'malformed payload: payload: Invalid option'],
    [undefined, 'malformed payload: payload: Invalid option'],
  ])('refuses %j with a clear message before fn runs', async (payload, message) => {
    await expect(invoke(invokeEvent(contents), payload)).rejects.toThrow(`[invalid-request] app:set-locale: ${message}`);
    expect(fn).not.toHaveBeenCalled();
  });

  it('refuses extra arguments', async () => {
    await expect(invoke(invokeEvent(contents), 'en', 'extra')).rejects.toThrow(
      '[invalid-request] app:set-locale: expected one payload, got 2 arguments',
    );
    expect(fn).not.toHaveBeenCalled();
  });

  it('names the field at fault in a nested payload', async () => {
    handle(CHANNELS.foldersList, z.strictObject({ folderId: z.string() }), () => []);
    const list = ipcMain.handlers.get(CHANNELS.foldersList)!;
    await expect(list(invokeEvent(contents), { folderId: 7 })).rejects.toThrow(
      '[invalid-request] folders:list: malformed payload: folderId: Invalid input: expected string, received number',
    );
    await expect(list(invokeEvent(contents), { folderId: 'a', path: '/etc' })).rejects.toThrow('Unrecognized key: "path"');
  });
});

describe('handle(): errors carry a code', () => {
  it.each([
    [new ZonelinkError('too-large', 'big'), '[too-large] app:set-locale: big'],
    [Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }), '[not-found] app:set-locale: ENOENT: no such file'],
    [Object.assign(new Error('EACCES: denied'), { code: 'EACCES' }), '[permission-denied] app:set-locale: EACCES: denied'],
    [new Error('disk on fire'), '[io] app:set-locale: disk on fire'],
  ])('%s', async (error, message) => {
    fn.mockRejectedValueOnce(error);
    await expect(invoke(invokeEvent(contents), 'en')).rejects.toThrow(message);
  });
});

describe('handle(): types follow the contract', () => {
  it('does not compile a schema or a result that differs from the contract', () => {
    // @ts-expect-error app:set-locale takes a UiLocale, not a number
    handle(CHANNELS.appSetLocale, z.number(), () => undefined);
    // @ts-expect-error folders:list answers FolderEntry[], not strings
    handle(CHANNELS.foldersList, z.strictObject({ folderId: z.string() }), () => ['a.zlb']);
    expect(ipcMain.handle).toHaveBeenCalled();
  });
});
