import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ZonelinkBridge } from '../../../electron/shared/ipc-contract';
import { createElectronPlatform } from '../../../renderer/platform/electron';
import { fromIpcError, PlatformError } from '../../../renderer/platform/errors';

function fakeBridge() {
  return {
    app: { info: vi.fn(), setLocale: vi.fn() },
    files: { save: vi.fn(), open: vi.fn() },
    folders: { choose: vi.fn(), list: vi.fn(), read: vi.fn(), write: vi.fn(), remove: vi.fn() },
  } satisfies Record<string, Record<string, ReturnType<typeof vi.fn>>>;
}

describe('electron adapter', () => {
  const folder = { id: 'f1', label: '/media/usb' };

  it('passes each call to its bridge function with the folder id', async () => {
    const bridge = fakeBridge();
    for (const area of Object.values(bridge)) for (const fn of Object.values(area)) fn.mockResolvedValue('ok');
    const platform = createElectronPlatform(bridge as unknown as ZonelinkBridge);
    expect(platform.kind).toBe('electron');
    expect(platform.canUseFolders).toBe(true);
    const bytes = new Uint8Array([1]);
    await platform.appInfo();
    await platform.setLocale('en');
    await platform.saveFile({ suggestedName: 'a.zlb', bytes });
    await platform.openFile({});
    await platform.chooseFolder();
    await platform.listFolder(folder);
    await platform.readFromFolder(folder, 'a.zlb');
    await platform.writeToFolder(folder, 'a.zlb', bytes);
    await platform.removeFromFolder(folder, 'a.zlb');
    expect(bridge.app.info).toHaveBeenCalledWith();
    expect(bridge.app.setLocale).toHaveBeenCalledWith('en');
    expect(bridge.files.save).toHaveBeenCalledWith({ suggestedName: 'a.zlb', bytes });
    expect(bridge.files.open).toHaveBeenCalledWith({});
    expect(bridge.folders.choose).toHaveBeenCalledWith();
    expect(bridge.folders.list).toHaveBeenCalledWith({ folderId: 'f1' });
    expect(bridge.folders.read).toHaveBeenCalledWith({ folderId: 'f1', name: 'a.zlb' });
    expect(bridge.folders.write).toHaveBeenCalledWith({ folderId: 'f1', name: 'a.zlb', bytes });
    expect(bridge.folders.remove).toHaveBeenCalledWith({ folderId: 'f1', name: 'a.zlb' });
  });

  it('turns a rejected invoke into a PlatformError with the code main sent', async () => {
    const bridge = fakeBridge();
    bridge.folders.read.mockRejectedValue(
      new Error("Error invoking remote method 'folders:read': Error: [folder-unavailable] folders:read: the folder /media/usb is not available"),
    );
    const platform = createElectronPlatform(bridge as unknown as ZonelinkBridge);
    const error = await platform.readFromFolder(folder, 'a.zlb').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ code: 'folder-unavailable', message: 'folders:read: the folder /media/usb is not available' });
  });
});

describe('fromIpcError', () => {
  it.each([
    ["Error invoking remote method 'files:open': Error: [too-large] files:open: big.zlb is 9 bytes", 'too-large', 'files:open: big.zlb is 9 bytes'],
    ["Error invoking remote method 'x': Error: [forbidden] x: the sender is not app://zonelink", 'forbidden', 'x: the sender is not app://zonelink'],
    ["Error invoking remote method 'x': Error: [made-up] x: what", 'io', "Error invoking remote method 'x': Error: [made-up] x: what"],
    ['something else entirely', 'io', 'something else entirely'],
  ])('%s', (message, code, detail) => {
    const error = fromIpcError(new Error(message));
    expect(error).toMatchObject({ code, message: detail });
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('keeps a PlatformError as it is', () => {
    const original = new PlatformError('not-found', 'x');
    expect(fromIpcError(original)).toBe(original);
  });
});

describe('getPlatform', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('uses the bridge when the preload exposed window.zonelink', async () => {
    const bridge = fakeBridge();
    bridge.app.info.mockResolvedValue({ shell: 'electron' });
    vi.stubGlobal('window', { zonelink: bridge });
    const { getPlatform } = await import('../../../renderer/platform/index');
    expect(getPlatform().kind).toBe('electron');
    expect(await getPlatform().appInfo()).toEqual({ shell: 'electron' });
    expect(getPlatform()).toBe(getPlatform());
  });

  it('uses the browser adapter otherwise', async () => {
    vi.stubGlobal('window', {});
    const { getPlatform } = await import('../../../renderer/platform/index');
    expect(getPlatform().kind).toBe('web');
    expect(getPlatform().canUseFolders).toBe(false);
  });
});
