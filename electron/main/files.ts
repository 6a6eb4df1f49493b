import { app, dialog, type BrowserWindow, type FileFilter } from 'electron';
import { basename, join } from 'node:path';
import type { FolderRef, OpenedFile, OpenFileRequest, SavedFile, SaveFileRequest } from '../shared/ipc-contract';
import { writeFileAtomic } from './atomic-write';
import type { FolderAllowlist } from './folder-allowlist';
import { readFileChecked } from './folders';

// The dialogs: the person picks the file or folder, so these paths never come from the renderer.

function filters(filter: SaveFileRequest['filter']): FileFilter[] | undefined {
  return filter ? [{ name: filter.name, extensions: filter.extensions }] : undefined;
}

export async function saveFile(window: BrowserWindow, request: SaveFileRequest): Promise<SavedFile | null> {
  const result = await dialog.showSaveDialog(window, {
    defaultPath: join(app.getPath('documents'), request.suggestedName),
    filters: filters(request.filter),
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  if (result.canceled || !result.filePath) return null;
  await writeFileAtomic(result.filePath, request.bytes);
  return { name: basename(result.filePath), size: request.bytes.byteLength };
}

export async function openFile(window: BrowserWindow, request: OpenFileRequest): Promise<OpenedFile | null> {
  const result = await dialog.showOpenDialog(window, { properties: ['openFile'], filters: filters(request.filter) });
  const [path] = result.filePaths;
  if (result.canceled || path === undefined) return null;
  const name = basename(path);
  return { name, bytes: await readFileChecked(path, name) };
}

export async function chooseFolder(window: BrowserWindow, allowlist: FolderAllowlist): Promise<FolderRef | null> {
  const result = await dialog.showOpenDialog(window, { properties: ['openDirectory', 'createDirectory'] });
  const [path] = result.filePaths;
  if (result.canceled || path === undefined) return null;
  return allowlist.add(path);
}

