import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type ZonelinkBridge } from '../shared/ipc-contract';

// One function per channel; the compiler checks it against the contract.
const bridge = {
  app: {
    info: () => ipcRenderer.invoke(CHANNELS.appInfo),
    setLocale: (locale) => ipcRenderer.invoke(CHANNELS.appSetLocale, locale),
  },
  files: {
    save: (request) => ipcRenderer.invoke(CHANNELS.filesSave, request),
    open: (request) => ipcRenderer.invoke(CHANNELS.filesOpen, request),
  },
  folders: {
    choose: () => ipcRenderer.invoke(CHANNELS.foldersChoose),
    list: (request) => ipcRenderer.invoke(CHANNELS.foldersList, request),
    read: (request) => ipcRenderer.invoke(CHANNELS.foldersRead, request),
    write: (request) => ipcRenderer.invoke(CHANNELS.foldersWrite, request),
    remove: (request) => ipcRenderer.invoke(CHANNELS.foldersRemove, request),
  },
} satisfies ZonelinkBridge;

contextBridge.exposeInMainWorld('zonelink', bridge);
