import type { ZonelinkBridge } from '../../electron/shared/ipc-contract';
import { fromIpcError } from './errors';
import type { Platform } from './platform';

/** Rejections become PlatformErrors carrying the code the main process sent. */
async function call<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw fromIpcError(error);
  }
}

/** The desktop adapter: every call goes through the preload's bridge, window.zonelink. */
export function createElectronPlatform(bridge: ZonelinkBridge): Platform {
  return {
    kind: 'electron',
    canUseFolders: true,
    appInfo: () => call(bridge.app.info()),
    setLocale: (locale) => call(bridge.app.setLocale(locale)),
    saveFile: (request) => call(bridge.files.save(request)),
    openFile: (request) => call(bridge.files.open(request)),
    chooseFolder: () => call(bridge.folders.choose()),
    listFolder: (folder) => call(bridge.folders.list({ folderId: folder.id })),
    readFromFolder: (folder, name) => call(bridge.folders.read({ folderId: folder.id, name })),
    writeToFolder: (folder, name, bytes) => call(bridge.folders.write({ folderId: folder.id, name, bytes })),
    removeFromFolder: (folder, name) => call(bridge.folders.remove({ folderId: folder.id, name })),
  };
}
