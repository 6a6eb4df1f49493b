import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS, type FolderRef } from '../../../electron/shared/ipc-contract';
import { MENU_MESSAGES } from '../../../electron/shared/menu-messages';
import { FolderAllowlist } from '../../../electron/main/folder-allowlist';
import { registerHandlers } from '../../../electron/main/handlers';
import { createMainWindow } from '../../../electron/main/window';
import { BrowserWindow, dialog, FakeWebContents, invokeEvent, ipcMain, Menu, type FakeFrame } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let base: string;
let contents: FakeWebContents;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'zonelink-handlers-'));
  registerHandlers(await FolderAllowlist.load(join(base, 'folders.json')));
});
afterAll(() => rm(base, { recursive: true, force: true }));
beforeEach(() => {
  createMainWindow();
  contents = BrowserWindow.created[0]!.webContents;
});
afterEach(() => {
  BrowserWindow.closeAll();
  vi.clearAllMocks();
});

function call(channel: string, ...args: unknown[]): Promise<unknown> {
  return callFrom(contents, contents.mainFrame, channel, ...args);
}
function callFrom(from: FakeWebContents, frame: FakeFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(invokeEvent(from, frame), ...args);
}

async function chooseNewFolder(): Promise<{ ref: FolderRef; path: string }> {
  const path = await mkdtemp(join(base, 'folder-'));
  dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
  return { ref: (await call(CHANNELS.foldersChoose)) as FolderRef, path };
}

describe('every channel of the contract', () => {
  it('is registered exactly once, through handle()', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it.each(Object.values(CHANNELS))('%s refuses a foreign sender before doing anything', async (channel) => {
    const foreign = new FakeWebContents();
    await expect(callFrom(foreign, foreign.mainFrame, channel, undefined)).rejects.toThrow(`[forbidden] ${channel}:`);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(Menu.setApplicationMenu).not.toHaveBeenCalled();
  });
});

describe('app', () => {
  it('app:info describes the shell', async () => {
    expect(await call(CHANNELS.appInfo)).toEqual({ name: 'Zonelink', version: '0.1.0', shell: 'electron', platform: process.platform });
  });

  it('app:set-locale rebuilds the menu in that language', async () => {
    await call(CHANNELS.appSetLocale, 'en');
    const template = Menu.buildFromTemplate.mock.calls[0]?.[0] as { label: string }[];
    expect(template.map((item) => item.label)).toContain(MENU_MESSAGES.en.edit);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith({ template });
    await expect(call(CHANNELS.appSetLocale, 'de')).rejects.toThrow('[invalid-request] app:set-locale: malformed payload');
  });
});

describe('files', () => {
  it('files:save writes what the person chose, atomically', async () => {
    const target = join(base, 'export.zlb');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const saved = await call(CHANNELS.filesSave, {
      suggestedName: 'export.zlb',
      bytes: new Uint8Array([9, 8, 7]),
      filter: { name: 'Zonelink bundle', extensions: ['zlb'] },
    });
    expect(saved).toEqual({ name: 'export.zlb', size: 3 });
    expect(await readFile(target)).toEqual(Buffer.from([9, 8, 7]));
    const [parent, options] = dialog.showSaveDialog.mock.calls[0] ?? [];
    expect(parent).toBe(BrowserWindow.created[0]);
    expect(options).toMatchObject({ filters: [{ name: 'Zonelink bundle', extensions: ['zlb'] }] });
  });

  it('files:save returns null when the person cancels', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call(CHANNELS.filesSave, { suggestedName: 'x.zlb', bytes: new Uint8Array(1) })).toBeNull();
  });

  it.each([
    [{ suggestedName: '../../.bashrc', bytes: new Uint8Array(1) }, 'suggestedName: file name "../../.bashrc" contains a path separator'],
    [{ suggestedName: 'x.zlb', bytes: 'not bytes' }, 'bytes: expected bytes (a Uint8Array)'],
    [{ suggestedName: 'x.zlb', bytes: new Uint8Array(1), filter: { name: 'x', extensions: ['*'] } }, 'filter.extensions.0: an extension is 1 to 16 letters or digits'],
    [{ suggestedName: 'x.zlb', bytes: new Uint8Array(1), path: '/etc/passwd' }, 'payload: Unrecognized key: "path"'],
  ])('files:save refuses %j', async (payload, problem) => {
    await expect(call(CHANNELS.filesSave, payload)).rejects.toThrow(`[invalid-request] files:save: malformed payload: ${problem}`);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('files:open reads the chosen file, or null on cancel', async () => {
    const path = join(base, 'incoming.zlb');
    await writeFile(path, Buffer.from([1, 2]));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    expect(await call(CHANNELS.filesOpen, {})).toEqual({ name: 'incoming.zlb', bytes: new Uint8Array([1, 2]) });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call(CHANNELS.filesOpen, { filter: { name: 'Zonelink bundle', extensions: ['zlb'] } })).toBeNull();
  });
});

describe('folders', () => {
  it('choose, write, list, read and remove through the allowlist', async () => {
    const { ref, path } = await chooseNewFolder();
    expect(ref.label).toBe(path);
    await call(CHANNELS.foldersWrite, { folderId: ref.id, name: 'st1-0001.zlb', bytes: new Uint8Array([5, 6]) });
    expect(await readdir(path)).toEqual(['st1-0001.zlb']);
    expect(await call(CHANNELS.foldersList, { folderId: ref.id })).toEqual([
      { name: 'st1-0001.zlb', size: 2, modified: expect.any(Number) },
    ]);
    expect(await call(CHANNELS.foldersRead, { folderId: ref.id, name: 'st1-0001.zlb' })).toEqual(new Uint8Array([5, 6]));
    await call(CHANNELS.foldersRemove, { folderId: ref.id, name: 'st1-0001.zlb' });
    expect(await readdir(path)).toEqual([]);
  });

  it('folders:choose returns null when the person cancels', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call(CHANNELS.foldersChoose)).toBeNull();
  });

  it('refuses a folder id that was never chosen', async () => {
    await expect(call(CHANNELS.foldersList, { folderId: 'c0ffee00-0000-4000-8000-000000000000' })).rejects.toThrow(
      '[unknown-folder] folders:list: folder c0ffee00-0000-4000-8000-000000000000 was not chosen through the folder dialog',
    );
  });

  it.each(['CON', 'com1.zlb', 'LPT9', 'name.', 'name ', '..', 'a/b', 'a\\b', 'a\u0000b', 'x'.repeat(201), 'a:b', 'a..b'])(
    'folders:write refuses the file name %j',
    async (name) => {
      const { ref, path } = await chooseNewFolder();
      await expect(call(CHANNELS.foldersWrite, { folderId: ref.id, name, bytes: new Uint8Array(1) })).rejects.toThrow(
        /^\[invalid-request\] folders:write: malformed payload: name: file name ".*" (contains|ends|is)/,
      );
      expect(await readdir(path)).toEqual([]);
    },
  );

  it('refuses a raw path instead of a folder id', async () => {
    await expect(call(CHANNELS.foldersRead, { path: '/etc', name: 'passwd' })).rejects.toThrow(
      '[invalid-request] folders:read: malformed payload: folderId: Invalid input: expected string, received undefined; payload: Unrecognized key: "path"',
    );
  });

  it('passes a missing file on as not-found', async () => {
    const { ref } = await chooseNewFolder();
    await expect(call(CHANNELS.foldersRead, { folderId: ref.id, name: 'missing.zlb' })).rejects.toThrow('[not-found] folders:read:');
  });
});
