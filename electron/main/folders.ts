import { lstat, open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FolderEntry } from '../shared/ipc-contract';
import { writeFileAtomic } from './atomic-write';
import { ZonelinkError } from './errors';
import { fileNameProblem, MAX_FILE_BYTES } from './file-rules';

// File operations inside a folder from the allowlist. Names were validated by the IPC schema;
// they are checked again here so no caller can forget.

function checkedName(name: string): string {
  const problem = fileNameProblem(name);
  if (problem) throw new ZonelinkError('invalid-request', `file name ${JSON.stringify(name)} ${problem}`);
  return name;
}

async function ensureFolder(folder: string): Promise<void> {
  try {
    if ((await stat(folder)).isDirectory()) return;
  } catch {
    // Reported below: a removed USB stick looks the same as a missing folder.
  }
  throw new ZonelinkError('folder-unavailable', `the folder ${folder} is not available`);
}

/** Regular files only: no folders, no symbolic links, no names the rules refuse. */
export async function listFolder(folder: string): Promise<FolderEntry[]> {
  await ensureFolder(folder);
  const entries = await readdir(folder, { withFileTypes: true });
  const files: FolderEntry[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || fileNameProblem(entry.name) !== null) continue;
    try {
      const info = await lstat(join(folder, entry.name));
      if (info.isFile()) files.push({ name: entry.name, size: info.size, modified: Math.round(info.mtimeMs) });
    } catch (error) {
      // Removed between readdir and lstat (another station cleaning up): not listed.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return files;
}

/** Reads a regular file (not a link) of at most MAX_FILE_BYTES. */
export async function readFileChecked(path: string, label: string): Promise<Uint8Array> {
  const info = await lstat(path);
  if (!info.isFile()) throw new ZonelinkError('not-found', `${label} is not a regular file`);
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size > MAX_FILE_BYTES) {
      throw new ZonelinkError('too-large', `${label} is ${size} bytes, more than the limit of ${MAX_FILE_BYTES} bytes (512 MiB)`);
    }
    const bytes = await file.readFile();
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } finally {
    await file.close();
  }
}

export async function readFromFolder(folder: string, name: string): Promise<Uint8Array> {
  await ensureFolder(folder);
  return readFileChecked(join(folder, checkedName(name)), name);
}

export async function writeToFolder(folder: string, name: string, bytes: Uint8Array): Promise<void> {
  await ensureFolder(folder);
  await writeFileAtomic(join(folder, checkedName(name)), bytes);
}

/** Removes a file; a file that is already gone is fine, a folder of that name is refused. */
export async function removeFromFolder(folder: string, name: string): Promise<void> {
  await ensureFolder(folder);
  const path = join(folder, checkedName(name));
  try {
    if ((await lstat(path)).isDirectory()) throw new ZonelinkError('invalid-request', `${name} is a folder`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await rm(path, { force: true });
}
