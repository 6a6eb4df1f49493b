import { version } from '../../package.json';
import { PlatformError } from './errors';
import { fileNameProblem, MAX_FILE_BYTES, tempNameFor } from './file-rules';
import type {
  AppInfo,
  FolderEntry,
  FolderRef,
  OpenedFile,
  OpenFileRequest,
  Platform,
  SavedFile,
  SaveFileRequest,
} from './platform';

// The web adapter (web mode and the Chromium tests): file pickers where the browser has them,
// a download and a file input where it does not, and folders through the File System Access API.
// The parts of that API that TypeScript's DOM types lack are declared here.

type FileFilter = NonNullable<SaveFileRequest['filter']>;
interface PickerType {
  description: string;
  accept: Record<string, string[]>;
}
interface Pickers {
  showSaveFilePicker?(options: { suggestedName: string; types?: PickerType[] }): Promise<FileSystemFileHandle>;
  showOpenFilePicker?(options: { types?: PickerType[]; multiple: false }): Promise<FileSystemFileHandle[]>;
  showDirectoryPicker?(options: { id: string; mode: 'readwrite' }): Promise<FileSystemDirectoryHandle>;
}
interface PermissionDescriptor {
  mode: 'readwrite';
}
interface HandlePermissions {
  queryPermission?(descriptor: PermissionDescriptor): Promise<PermissionState>;
  requestPermission?(descriptor: PermissionDescriptor): Promise<PermissionState>;
}
interface MovableFile {
  move?(name: string): Promise<void>;
}
interface ListableDirectory {
  values(): AsyncIterable<FileSystemHandle>;
}

const pickers = (): Pickers => window as Pickers;

// Folders the person chose (or the app restored), by the id of their FolderRef.
const folders = new Map<string, FileSystemDirectoryHandle>();

/** Registers a handle under a ref, e.g. one restored from IndexedDB (handles are structured-cloneable). */
export function rememberFolder(ref: FolderRef, handle: FileSystemDirectoryHandle): void {
  folders.set(ref.id, handle);
}

/** The handle behind a ref, to store in IndexedDB after chooseFolder(); undefined if unknown. */
export function folderHandle(ref: FolderRef): FileSystemDirectoryHandle | undefined {
  return folders.get(ref.id);
}

function isNamed(error: unknown, ...names: string[]): boolean {
  return error instanceof DOMException && names.includes(error.name);
}

function checkedName(name: string): string {
  const problem = fileNameProblem(name);
  if (problem) throw new PlatformError('invalid-request', `file name ${JSON.stringify(name.slice(0, 80))} ${problem}`);
  return name;
}

function checkedSize(file: File): File {
  if (file.size > MAX_FILE_BYTES) {
    throw new PlatformError('too-large', `${file.name} is ${file.size} bytes, more than the limit of ${MAX_FILE_BYTES} bytes (512 MiB)`);
  }
  return file;
}

function pickerTypes(filter: FileFilter | undefined): PickerType[] | undefined {
  return filter && [{ description: filter.name, accept: { 'application/octet-stream': filter.extensions.map((e) => `.${e}`) } }];
}

/** The bytes as a BufferSource, copying only the rare view over a SharedArrayBuffer. */
function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
}

async function readAll(file: File): Promise<OpenedFile> {
  return { name: file.name, bytes: new Uint8Array(await checkedSize(file).arrayBuffer()) };
}

async function writeHandle(handle: FileSystemFileHandle, data: Uint8Array | Blob): Promise<void> {
  const writable = await handle.createWritable();
  try {
    await writable.write(data instanceof Blob ? data : bufferSource(data));
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

function randomSuffix(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function saveFile(request: SaveFileRequest): Promise<SavedFile | null> {
  const name = checkedName(request.suggestedName);
  const size = request.bytes.byteLength;
  const showSaveFilePicker = pickers().showSaveFilePicker;
  if (typeof showSaveFilePicker === 'function') {
    try {
      const handle = await showSaveFilePicker.call(window, { suggestedName: name, types: pickerTypes(request.filter) });
      await writeHandle(handle, request.bytes);
      return { name: handle.name, size };
    } catch (error) {
      if (isNamed(error, 'AbortError')) return null;
      throw coded(error, `saving ${name}`);
    }
  }
  // No picker: the browser downloads the file under the suggested name.
  const url = URL.createObjectURL(new Blob([bufferSource(request.bytes)], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { name, size };
}

async function openFile(request: OpenFileRequest): Promise<OpenedFile | null> {
  const showOpenFilePicker = pickers().showOpenFilePicker;
  if (typeof showOpenFilePicker === 'function') {
    try {
      const [handle] = await showOpenFilePicker.call(window, { types: pickerTypes(request.filter), multiple: false });
      return handle ? await readAll(await handle.getFile()) : null;
    } catch (error) {
      if (isNamed(error, 'AbortError')) return null;
      throw coded(error, 'opening a file');
    }
  }
  // No picker: a hidden file input; 'cancel' fires when the person closes the dialog.
  const input = document.createElement('input');
  input.type = 'file';
  input.hidden = true;
  if (request.filter) input.accept = request.filter.extensions.map((e) => `.${e}`).join(',');
  document.body.append(input);
  try {
    const file = await new Promise<File | null>((resolve) => {
      input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
      input.addEventListener('cancel', () => resolve(null), { once: true });
      input.click();
    });
    return file ? await readAll(file) : null;
  } finally {
    input.remove();
  }
}

async function chooseFolder(): Promise<FolderRef | null> {
  const showDirectoryPicker = pickers().showDirectoryPicker;
  if (typeof showDirectoryPicker !== 'function') throw new PlatformError('folder-unavailable', 'this browser cannot choose folders');
  let handle: FileSystemDirectoryHandle;
  try {
    handle = await showDirectoryPicker.call(window, { id: 'zonelink', mode: 'readwrite' });
  } catch (error) {
    if (isNamed(error, 'AbortError')) return null;
    throw coded(error, 'choosing a folder');
  }
  const ref = { id: crypto.randomUUID(), label: handle.name };
  rememberFolder(ref, handle);
  return ref;
}

/** The folder's handle, with read-write permission (a restored handle may have to ask again). */
async function openFolder(ref: FolderRef): Promise<FileSystemDirectoryHandle> {
  const handle = folders.get(ref.id);
  if (!handle) throw new PlatformError('unknown-folder', `folder ${ref.id} was not chosen in this browser`);
  const permissions = handle as HandlePermissions;
  const mode: PermissionDescriptor = { mode: 'readwrite' };
  if (permissions.queryPermission && (await permissions.queryPermission(mode)) !== 'granted') {
    const granted = await permissions.requestPermission?.(mode).catch(() => 'denied' as const);
    if (granted !== 'granted') throw new PlatformError('permission-denied', `no permission to use the folder ${handle.name}`);
  }
  return handle;
}

/** Whether the folder itself still exists (it fails when a USB stick is removed). */
async function folderExists(folder: FileSystemDirectoryHandle): Promise<boolean> {
  try {
    await (folder as unknown as ListableDirectory).values()[Symbol.asyncIterator]().next();
    return true;
  } catch {
    return false;
  }
}

/** Turns what the browser's file APIs throw into a PlatformError with a code. */
function coded(error: unknown, what: string): PlatformError {
  if (error instanceof PlatformError) return error;
  const detail = error instanceof Error ? `${what}: ${error.message}` : what;
  if (isNamed(error, 'NotFoundError', 'TypeMismatchError')) return new PlatformError('not-found', detail, { cause: error });
  if (isNamed(error, 'NotAllowedError', 'SecurityError')) return new PlatformError('permission-denied', detail, { cause: error });
  return new PlatformError('io', detail, { cause: error });
}

/** As coded(), telling a missing file from a folder that is gone. */
async function failure(error: unknown, folder: FileSystemDirectoryHandle, what: string): Promise<PlatformError> {
  const result = coded(error, what);
  if (result.code === 'not-found' && !(await folderExists(folder))) {
    return new PlatformError('folder-unavailable', `the folder ${folder.name} is not available`, { cause: error });
  }
  return result;
}

async function listFolder(ref: FolderRef): Promise<FolderEntry[]> {
  const folder = await openFolder(ref);
  const entries: FolderEntry[] = [];
  try {
    for await (const entry of (folder as unknown as ListableDirectory).values()) {
      if (entry.kind !== 'file' || fileNameProblem(entry.name) !== null) continue;
      try {
        const file = await (entry as FileSystemFileHandle).getFile();
        entries.push({ name: entry.name, size: file.size, modified: file.lastModified });
      } catch (error) {
        // Removed between listing and reading (another station cleaning up): not listed.
        if (!isNamed(error, 'NotFoundError')) throw error;
      }
    }
  } catch (error) {
    throw await failure(error, folder, `listing ${folder.name}`);
  }
  return entries;
}

async function readFromFolder(ref: FolderRef, name: string): Promise<Uint8Array> {
  checkedName(name);
  const folder = await openFolder(ref);
  try {
    const file = await (await folder.getFileHandle(name)).getFile();
    return (await readAll(file)).bytes;
  } catch (error) {
    throw await failure(error, folder, `reading ${name}`);
  }
}

/** `<name>.<random>.zltmp` first, then moved onto the name (copied and removed where move() is missing). */
async function writeToFolder(ref: FolderRef, name: string, bytes: Uint8Array): Promise<void> {
  checkedName(name);
  const folder = await openFolder(ref);
  const tempName = tempNameFor(name, randomSuffix());
  try {
    const temp = await folder.getFileHandle(tempName, { create: true });
    await writeHandle(temp, bytes);
    const move = (temp as MovableFile).move;
    if (typeof move === 'function') {
      await move.call(temp, name);
    } else {
      await writeHandle(await folder.getFileHandle(name, { create: true }), await temp.getFile());
      await folder.removeEntry(tempName);
    }
  } catch (error) {
    await folder.removeEntry(tempName).catch(() => undefined);
    throw await failure(error, folder, `writing ${name}`);
  }
}

/** Removes a file; one that is already gone is fine, a folder of that name is refused. */
async function removeFromFolder(ref: FolderRef, name: string): Promise<void> {
  checkedName(name);
  const folder = await openFolder(ref);
  try {
    await folder.getFileHandle(name);
    await folder.removeEntry(name);
  } catch (error) {
    if (isNamed(error, 'TypeMismatchError')) throw new PlatformError('invalid-request', `${name} is a folder`, { cause: error });
    const coded = await failure(error, folder, `removing ${name}`);
    if (coded.code !== 'not-found') throw coded;
  }
}

export function createBrowserPlatform(): Platform {
  return {
    kind: 'web',
    canUseFolders: typeof pickers().showDirectoryPicker === 'function',
    appInfo: async (): Promise<AppInfo> => ({ name: 'Zonelink', version, shell: 'web', platform: navigator.platform }),
    // The browser has no application menu; the page's own language is the UI's business.
    setLocale: async () => undefined,
    saveFile,
    openFile,
    chooseFolder,
    listFolder,
    readFromFolder,
    writeToFolder,
    removeFromFolder,
  };
}
