import type {
  AppInfo,
  FolderEntry,
  FolderRef,
  OpenFileRequest,
  OpenedFile,
  SaveFileRequest,
  SavedFile,
  UiLocale,
} from '../../electron/shared/ipc-contract';

export type { AppInfo, FolderEntry, FolderRef, OpenFileRequest, OpenedFile, SaveFileRequest, SavedFile };

/**
 * Everything the renderer needs from the machine, in one interface with two adapters:
 * electron.ts (the window.zonelink bridge) and browser.ts (File/Blob APIs and the File System
 * Access API, for web mode and the Chromium tests).
 */
export interface Platform {
  readonly kind: 'electron' | 'web';
  appInfo(): Promise<AppInfo>;
  setLocale(locale: UiLocale): Promise<void>;
  saveFile(request: SaveFileRequest): Promise<SavedFile | null>;
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /** Whether folders can be chosen at all (no File System Access API in some browsers). */
  readonly canUseFolders: boolean;
  chooseFolder(): Promise<FolderRef | null>;
  listFolder(folder: FolderRef): Promise<FolderEntry[]>;
  readFromFolder(folder: FolderRef, name: string): Promise<Uint8Array>;
  /** Temp file then rename: a reader never sees half a file. */
  writeToFolder(folder: FolderRef, name: string, bytes: Uint8Array): Promise<void>;
  removeFromFolder(folder: FolderRef, name: string): Promise<void>;
}

/**
 * Names that are never read from a folder: our own temp files, editors' and browsers' swap files
 * (Chromium writes `<name>.crswap` while a file is being written), hidden files.
 * Both adapters list raw regular files; callers filter with this one rule.
 */
export function isIgnoredFileName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    name.endsWith('.tmp') ||
    name.endsWith('.part') ||
    name.endsWith('.swp') ||
    name.endsWith('.crswap') ||
    name.endsWith('~') ||
    name.includes('.zltmp')
  );
}

/** The files of a folder worth reading: the listing without temp, swap and hidden files. */
export async function listCandidateFiles(platform: Platform, folder: FolderRef): Promise<FolderEntry[]> {
  return (await platform.listFolder(folder)).filter((entry) => !isIgnoredFileName(entry.name));
}
