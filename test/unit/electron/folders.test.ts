import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, open, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFolder, readFromFolder, removeFromFolder, writeToFolder } from '../../../electron/main/folders';
import { FolderAllowlist } from '../../../electron/main/folder-allowlist';
import { MAX_FILE_BYTES } from '../../../electron/main/file-rules';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zonelink-folders-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('folder operations', () => {
  it('lists regular files only: no folders, no links, no names the rules refuse', async () => {
    await writeFile(join(dir, 'a.zlb'), 'aaa');
    await writeFile(join(dir, '.hidden'), 'h');
    await writeFile(join(dir, 'CON.zlb'), 'reserved on Windows');
    await mkdir(join(dir, 'sub.zlb'));
    await symlink(join(dir, 'a.zlb'), join(dir, 'link.zlb'));
    const entries = await listFolder(dir);
    expect(entries.map((e) => e.name).sort()).toEqual(['.hidden', 'a.zlb']);
    const a = entries.find((e) => e.name === 'a.zlb');
    expect(a?.size).toBe(3);
    expect(a?.modified).toBeGreaterThan(Date.UTC(2020, 0, 1));
  });

  it('writes atomically, reads back and removes', async () => {
    await writeToFolder(dir, 'st1-0001.zlb', new Uint8Array([1, 2, 3]));
    expect(await readdir(dir)).toEqual(['st1-0001.zlb']);
    expect(await readFromFolder(dir, 'st1-0001.zlb')).toEqual(new Uint8Array([1, 2, 3]));
    await removeFromFolder(dir, 'st1-0001.zlb');
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes a file that is already gone without complaint, and refuses to remove a folder', async () => {
    await expect(removeFromFolder(dir, 'gone.zlb')).resolves.toBeUndefined();
    await mkdir(join(dir, 'sub'));
    await expect(removeFromFolder(dir, 'sub')).rejects.toMatchObject({ code: 'invalid-request' });
    expect(await readdir(dir)).toEqual(['sub']);
  });

  it.each(['../escape.zlb', 'a/b.zlb', 'a\\b.zlb', 'NUL', 'x.zlb.', '', 'a\u0000b'])('refuses the name %j everywhere', async (name) => {
    await expect(writeToFolder(dir, name, new Uint8Array([1]))).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(readFromFolder(dir, name)).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(removeFromFolder(dir, name)).rejects.toMatchObject({ code: 'invalid-request' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses to read a link or a folder', async () => {
    await writeFile(join(dir, 'real.zlb'), 'x');
    await symlink(join(dir, 'real.zlb'), join(dir, 'link.zlb'));
    await mkdir(join(dir, 'sub.zlb'));
    await expect(readFromFolder(dir, 'link.zlb')).rejects.toThrow('link.zlb is not a regular file');
    await expect(readFromFolder(dir, 'sub.zlb')).rejects.toThrow('sub.zlb is not a regular file');
  });

  it('reports a missing file as ENOENT (not-found)', async () => {
    await expect(readFromFolder(dir, 'missing.zlb')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses to read a file above the size cap with a clear error', async () => {
    // A sparse file: large on paper, nothing on disk.
    const file = await open(join(dir, 'huge.zlb'), 'w');
    await file.truncate(MAX_FILE_BYTES + 1);
    await file.close();
    await expect(readFromFolder(dir, 'huge.zlb')).rejects.toMatchObject({
      code: 'too-large',
      message: `huge.zlb is ${MAX_FILE_BYTES + 1} bytes, more than the limit of ${MAX_FILE_BYTES} bytes (512 MiB)`,
    });
  });

  it('reports a folder that is gone (a removed USB stick) as folder-unavailable', async () => {
    const gone = join(dir, 'stick');
    for (const call of [() => listFolder(gone), () => readFromFolder(gone, 'a.zlb'), () => writeToFolder(gone, 'a.zlb', new Uint8Array(1)), () => removeFromFolder(gone, 'a.zlb')]) {
      await expect(call()).rejects.toMatchObject({ code: 'folder-unavailable' });
    }
  });
});

describe('folder allowlist', () => {
  it('gives a folder an id, keeps it across restarts, and reuses it for the same path', async () => {
    const store = join(dir, 'folders.json');
    const first = await FolderAllowlist.load(store);
    const ref = await first.add('/media/usb/zonelink');
    expect(ref).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), label: '/media/usb/zonelink' });
    expect(await first.add('/media/usb/zonelink')).toEqual(ref);
    const again = await FolderAllowlist.load(store);
    expect(again.pathOf(ref.id)).toBe('/media/usb/zonelink');
    expect(await readdir(dir)).toEqual(['folders.json']);
  });

  it('refuses an id that was never chosen', async () => {
    const list = await FolderAllowlist.load(join(dir, 'folders.json'));
    expect(() => list.pathOf('3f1c1c1e-0000-4000-8000-000000000000')).toThrow(
      expect.objectContaining({ code: 'unknown-folder' }),
    );
  });

  it.each([
    ['not JSON', '{oops'],
    ['a relative path', JSON.stringify({ version: 1, folders: [{ id: '3f1c1c1e-0000-4000-8000-000000000000', path: 'relative/dir' }] })],
    ['an id that is not a UUID', JSON.stringify({ version: 1, folders: [{ id: '../x', path: '/tmp' }] })],
    ['an unknown version', JSON.stringify({ version: 2, folders: [] })],
    ['an extra key', JSON.stringify({ version: 1, folders: [{ id: '3f1c1c1e-0000-4000-8000-000000000000', path: '/tmp', x: 1 }] })],
  ])('ignores a stored list with %s', async (_what, text) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = join(dir, 'folders.json');
    await writeFile(store, text);
    const list = await FolderAllowlist.load(store);
    expect(() => list.pathOf('3f1c1c1e-0000-4000-8000-000000000000')).toThrow('was not chosen through the folder dialog');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('is not a valid folder list'));
    warn.mockRestore();
    expect(await readFile(store, 'utf8')).toBe(text);
  });
});
