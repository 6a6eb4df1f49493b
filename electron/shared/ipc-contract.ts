// The one contract between the renderer and the main process. The preload implements it with
// `satisfies ZonelinkBridge`, the main process validates every payload of it with zod, and the
// renderer imports it with `import type` only (the single crossing the linter allows).

export type UiLocale = 'nl-BE' | 'en';

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop shell, 'web' in a browser (web mode and tests). */
  shell: 'electron' | 'web';
  platform: string;
}

export interface SaveFileRequest {
  /** Suggested file name, without folders. */
  suggestedName: string;
  bytes: Uint8Array;
  /** File type filter shown in the dialog, e.g. { name: 'Zonelink bundle', extensions: ['zlb'] }. */
  filter?: { name: string; extensions: string[] };
}

export interface SavedFile {
  name: string;
  size: number;
}

export interface OpenFileRequest {
  filter?: { name: string; extensions: string[] };
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/** A folder the person chose; the id is opaque to the renderer. */
export interface FolderRef {
  id: string;
  /** A name to show (the folder's own name or its path). */
  label: string;
}

export interface FolderEntry {
  name: string;
  size: number;
  /** Last modification, epoch ms. */
  modified: number;
}

export interface FolderFileRequest {
  folderId: string;
  name: string;
}

export interface FolderWriteRequest extends FolderFileRequest {
  bytes: Uint8Array;
}

/**
 * Why a call failed, for the UI to translate. The main process starts every error message with
 * "[code] " (Electron passes only the message across IPC); both renderer adapters turn it into a
 * PlatformError carrying the code.
 */
export type PlatformErrorCode =
  /** The caller is not the app's own window (never seen by the app itself). */
  | 'forbidden'
  /** A malformed payload or a file name the rules refuse: a programming error. */
  | 'invalid-request'
  /** The folder id was never chosen through the folder dialog. */
  | 'unknown-folder'
  /** The chosen folder is gone, e.g. the USB stick was removed. */
  | 'folder-unavailable'
  | 'not-found'
  | 'too-large'
  | 'permission-denied'
  /** Any other failure of the file system. */
  | 'io';

export interface ZonelinkBridge {
  app: {
    info(): Promise<AppInfo>;
    /** Rebuilds the application menu in the UI language. */
    setLocale(locale: UiLocale): Promise<void>;
  };
  files: {
    /** Shows a save dialog and writes the bytes; null when the person cancels. */
    save(request: SaveFileRequest): Promise<SavedFile | null>;
    /** Shows an open dialog and reads the chosen file; null when the person cancels. */
    open(request: OpenFileRequest): Promise<OpenedFile | null>;
  };
  folders: {
    /** Shows a folder dialog; the folder is then allowed for the calls below. */
    choose(): Promise<FolderRef | null>;
    /** Regular files only (no folders, no links); the renderer filters temp and swap names. */
    list(request: { folderId: string }): Promise<FolderEntry[]>;
    read(request: FolderFileRequest): Promise<Uint8Array>;
    /** Writes a temp file then renames it, so no reader ever sees half a file. */
    write(request: FolderWriteRequest): Promise<void>;
    remove(request: FolderFileRequest): Promise<void>;
  };
}

/** Channel names, 'area:action'. */
export const CHANNELS = {
  appInfo: 'app:info',
  appSetLocale: 'app:set-locale',
  filesSave: 'files:save',
  filesOpen: 'files:open',
  foldersChoose: 'folders:choose',
  foldersList: 'folders:list',
  foldersRead: 'folders:read',
  foldersWrite: 'folders:write',
  foldersRemove: 'folders:remove',
} as const;

declare global {
  interface Window {
    /** Present only in the Electron shell. */
    zonelink?: ZonelinkBridge;
  }
}
