import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import type { FolderRef } from '../shared/ipc-contract';
import { writeFileAtomic } from './atomic-write';
import { ZonelinkError } from './errors';

const storeSchema = z.strictObject({
  version: z.literal(1),
  folders: z.array(z.strictObject({ id: z.uuid(), path: z.string().min(1).refine(isAbsolute, 'not an absolute path') })),
});
type Store = z.infer<typeof storeSchema>;

/**
 * The folders the person chose through the folder dialog, by opaque id, so the renderer never
 * passes a path. Kept in userData/folders.json; a file that does not validate is ignored.
 */
export class FolderAllowlist {
  private constructor(
    private readonly file: string,
    private readonly folders: Map<string, string>,
  ) {}

  static async load(file: string): Promise<FolderAllowlist> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`folders: cannot read ${file}`, error);
      return new FolderAllowlist(file, new Map());
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = storeSchema.safeParse(json);
    if (!parsed.success) {
      console.warn(`folders: ${file} is not a valid folder list; starting with none`);
      return new FolderAllowlist(file, new Map());
    }
    return new FolderAllowlist(file, new Map(parsed.data.folders.map((f) => [f.id, f.path])));
  }

  /** Allows a folder (the same path keeps its id) and saves the list. */
  async add(path: string): Promise<FolderRef> {
    if (!isAbsolute(path)) throw new Error(`folders: ${path} is not absolute`);
    const known = [...this.folders].find(([, p]) => p === path);
    const id = known?.[0] ?? randomUUID();
    if (!known) {
      this.folders.set(id, path);
      const store: Store = { version: 1, folders: [...this.folders].map(([fid, p]) => ({ id: fid, path: p })) };
      await writeFileAtomic(this.file, new TextEncoder().encode(JSON.stringify(store, null, 2)));
    }
    return { id, label: path };
  }

  /** The path of an allowed folder; anything else is refused. */
  pathOf(id: string): string {
    const path = this.folders.get(id);
    if (path === undefined) throw new ZonelinkError('unknown-folder', `folder ${id} was not chosen through the folder dialog`);
    return path;
  }
}
