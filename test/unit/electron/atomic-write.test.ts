import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../electron/main/atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zonelink-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function filled(size: number, value: number): Uint8Array {
  return new Uint8Array(size).fill(value);
}

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves no temp file', async () => {
    await writeFileAtomic(join(dir, 'bundle.zlb'), filled(1000, 7));
    expect(await readdir(dir)).toEqual(['bundle.zlb']);
    expect(await readFile(join(dir, 'bundle.zlb'))).toEqual(Buffer.from(filled(1000, 7)));
  });

  it('replaces an existing file', async () => {
    await writeFileAtomic(join(dir, 'bundle.zlb'), filled(10, 1));
    await writeFileAtomic(join(dir, 'bundle.zlb'), filled(20, 2));
    expect(await readdir(dir)).toEqual(['bundle.zlb']);
    expect(await readFile(join(dir, 'bundle.zlb'))).toEqual(Buffer.from(filled(20, 2)));
  });

  it('never lets a reader see half a file', async () => {
    // A reader polls the target while a large new version replaces a small old one: every look
    // finds the old file or the whole new one.
    const target = join(dir, 'bundle.zlb');
    const OLD = 1024;
    const NEW = 48 * 1024 * 1024;
    await writeFileAtomic(target, filled(OLD, 1));
    let done = false;
    const seen = new Set<number>();
    const writing = writeFileAtomic(target, filled(NEW, 2)).finally(() => {
      done = true;
    });
    let looks = 0;
    while (!done) {
      const file = await open(target, 'r');
      try {
        const { size } = await file.stat();
        const last = Buffer.alloc(1);
        await file.read(last, 0, 1, size - 1);
        seen.add(size);
        expect([OLD, NEW]).toContain(size);
        expect(last[0]).toBe(size === OLD ? 1 : 2);
      } finally {
        await file.close();
      }
      looks += 1;
    }
    await writing;
    expect(looks).toBeGreaterThan(1);
    expect((await stat(target)).size).toBe(NEW);
    expect(await readdir(dir)).toEqual(['bundle.zlb']);
  });

  it('removes the temp file when the rename fails and keeps what was there', async () => {
    // A folder with the target's name makes the rename fail after the temp file is written.
    await mkdir(join(dir, 'bundle.zlb'));
    await expect(writeFileAtomic(join(dir, 'bundle.zlb'), filled(100, 3))).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['bundle.zlb']);
    expect((await stat(join(dir, 'bundle.zlb'))).isDirectory()).toBe(true);
  });

  it('fails without leaving anything when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'bundle.zlb'), filled(1, 1))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });
});
