import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { tempNameFor } from './file-rules';

/**
 * Writes `<name>.<random>.zltmp` next to the target, flushes it to disk, then renames it onto the
 * target. A rename on the same volume is atomic, so a reader (another station on a shared folder)
 * sees the old file or the new one, never half of one. On failure the temp file is removed.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(target), tempNameFor(basename(target), randomBytes(8).toString('hex')));
  try {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
