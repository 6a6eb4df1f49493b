import { mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ADMIN, completeFirstRun, routeUrl } from './helpers';
import { addPerson, joinStation, newStation, peopleNames } from './join-helpers';
import { usePlainFileDialogs } from './sync-helpers';

/** What the page calls to reach the folder on disk (one exposed function each). */
interface DiskCalls {
  zlDiskList(): Promise<string[]>;
  zlDiskRead(name: string): Promise<{ base64: string; lastModified: number } | null>;
  zlDiskWrite(name: string, base64: string): Promise<void>;
  zlDiskCreate(name: string): Promise<boolean>;
  zlDiskMove(from: string, to: string): Promise<boolean>;
  zlDiskRemove(name: string): Promise<boolean>;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * The folder picker answers with `dir` on disk, as a real one shared by two stations would. The
 * handle is a real directory handle (named like `dir`) so that the app can keep it in IndexedDB and
 * get it back; its listing, files, writes, moves and removals are redirected to `dir` through
 * exposed functions. Only what the browser adapter calls is there: values(), getFileHandle()
 * (with create), removeEntry(), query/requestPermission(); on files kind, name, getFile(),
 * createWritable() (write, close, abort) and move().
 */
async function useDiskFolder(context: BrowserContext, dir: string): Promise<void> {
  const at = (name: string) => {
    if (path.basename(name) !== name) throw new Error(`not a plain file name: ${name}`);
    return path.join(dir, name);
  };
  const calls: DiskCalls = {
    zlDiskList: async () => (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name),
    zlDiskRead: async (name) => {
      try {
        const [bytes, info] = await Promise.all([readFile(at(name)), stat(at(name))]);
        return { base64: bytes.toString('base64'), lastModified: info.mtimeMs };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    zlDiskWrite: (name, base64) => writeFile(at(name), Buffer.from(base64, 'base64')),
    zlDiskCreate: async (name) => {
      try {
        await writeFile(at(name), new Uint8Array(), { flag: 'wx' });
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      }
    },
    zlDiskMove: async (from, to) => {
      try {
        await rename(at(from), at(to));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    zlDiskRemove: async (name) => {
      try {
        await rm(at(name));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
  };
  for (const [name, call] of Object.entries(calls)) await context.exposeFunction(name, call);
  await context.addInitScript((folderName) => {
    const disk = window as unknown as DiskCalls;
    const notFound = (name: string) => new DOMException(`${name} was not found`, 'NotFoundError');
    const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
    const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

    class DiskFile {
      readonly kind = 'file';
      constructor(public name: string) {}
      async getFile(): Promise<File> {
        const read = await disk.zlDiskRead(this.name);
        if (!read) throw notFound(this.name);
        return new File([fromBase64(read.base64)], this.name, { lastModified: read.lastModified });
      }
      async createWritable() {
        const name = this.name;
        const parts: Uint8Array[] = [];
        return {
          write: async (data: ArrayBuffer | ArrayBufferView) => {
            parts.push(ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice() : new Uint8Array(data).slice());
          },
          close: async () => {
            const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
            parts.reduce((offset, p) => (all.set(p, offset), offset + p.length), 0);
            await disk.zlDiskWrite(name, toBase64(all));
          },
          abort: async () => undefined,
        };
      }
      async move(to: string): Promise<void> {
        if (!(await disk.zlDiskMove(this.name, to))) throw notFound(this.name);
        this.name = to;
      }
    }

    const proto = FileSystemDirectoryHandle.prototype as unknown as Record<string, (this: FileSystemDirectoryHandle, ...args: never[]) => unknown>;
    const redirect = (method: string, onDisk: (...args: never[]) => unknown) => {
      const original = proto[method];
      proto[method] = function (this: FileSystemDirectoryHandle, ...args: never[]) {
        return this.name === folderName ? onDisk(...args) : original?.apply(this, args);
      };
    };
    redirect('values', async function* () {
      for (const name of await disk.zlDiskList()) yield new DiskFile(name);
    });
    redirect('getFileHandle', async (name: string, options?: { create?: boolean }) => {
      if (options?.create) await disk.zlDiskCreate(name);
      else if (!(await disk.zlDiskRead(name))) throw notFound(name);
      return new DiskFile(name);
    });
    redirect('removeEntry', async (name: string) => {
      if (!(await disk.zlDiskRemove(name))) throw notFound(name);
    });
    redirect('queryPermission', async () => 'granted');
    redirect('requestPermission', async () => 'granted');
    Object.assign(window, {
      showDirectoryPicker: async () => (await navigator.storage.getDirectory()).getDirectoryHandle(folderName, { create: true }),
    });
  }, path.basename(dir));
}

/** On the sync screen: chooses the (shared) folder, then "Nu synchroniseren"; returns the report. */
async function syncThroughFolder(page: Page, folderName: string): Promise<string> {
  await page.goto(routeUrl('/sync'));
  const panel = page.getByRole('region', { name: 'Gedeelde map' });
  if (!(await panel.getByText(`Map: ${folderName}`).isVisible())) {
    await panel.getByRole('button', { name: 'Map kiezen…' }).click();
    await expect(panel).toContainText(`Map: ${folderName}`);
  }
  // Each sync starts in a new second, so bundle names (time first) sort in the order written.
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000)));
  await panel.getByRole('button', { name: 'Nu synchroniseren' }).click();
  const report = panel.getByRole('status').filter({ hasText: /^Klaar: / });
  await expect(report).toBeVisible();
  return (await report.textContent()) ?? '';
}

/** A bundle file's name without its time and id: the same for every bundle of one station. */
const stationPart = (name: string) => name.replace(/\d{8}-\d{6}-[0-9a-f]{6}\.zlb$/, '');

const bundlesIn = async (dir: string) => (await readdir(dir)).filter((name) => name.endsWith('.zlb')).sort();

test('shared sync folder on disk: A writes, B imports and answers, A imports and cleans up what B acknowledged', async ({ page: a, browser }) => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'zl-gedeeld-'));
  const folderName = path.basename(dir);
  const errors: string[] = [];
  await usePlainFileDialogs(a);
  await useDiskFolder(a.context(), dir);
  await completeFirstRun(a);

  const b = await newStation(browser, errors);
  await useDiskFolder(b.context(), dir);
  await joinStation(a, b, 'Hoofdcommissariaat Diksmuide', 'Polder');

  await addPerson(a, { name: 'Jan Peeters', number: 'WK2001', zone: 'PZ Westkust' });
  await addPerson(b, { name: 'Els Claes', number: 'PO3001', zone: 'PZ Polder' });

  // A foreign file in the folder from the start.
  await writeFile(path.join(dir, 'notes.txt'), 'Boodschappen voor de permanentie');

  // A writes its bundle for B; the foreign file is skipped.
  expect(await syncThroughFolder(a, folderName)).toBe(
    'Klaar: 1 bundels geschreven, 0 ingelezen, 0 al ingelezen, 0 geweigerd, 1 bestanden overgeslagen (niet voor deze post, van deze post of geen bundel), 0 oude bundels opgeruimd.',
  );
  const [firstFromA, ...others] = await bundlesIn(dir);
  expect(firstFromA).toBeDefined();
  expect(others).toEqual([]);
  // A half-written copy of it (as an interrupted write leaves) is never read.
  const halfWritten = `${firstFromA}.0123456789abcdef.zltmp`;
  const bytesA = await readFile(path.join(dir, firstFromA!));
  await writeFile(path.join(dir, halfWritten), bytesA.subarray(0, Math.floor(bytesA.length / 2)));

  // B chooses the same folder: it imports A's bundle (not the half-written copy) and writes its own.
  expect(await syncThroughFolder(b, folderName)).toBe(
    'Klaar: 1 bundels geschreven, 1 ingelezen, 0 al ingelezen, 0 geweigerd, 1 bestanden overgeslagen (niet voor deze post, van deze post of geen bundel), 0 oude bundels opgeruimd.',
  );
  expect(await peopleNames(b)).toEqual([ADMIN.name, 'Els Claes', 'Jan Peeters'].sort());
  const afterB = await bundlesIn(dir);
  expect(afterB).toHaveLength(2);
  expect(afterB).toContain(firstFromA);

  // A syncs again and imports B's bundle. B wrote it before it imported A's (a sync writes first,
  // then imports), so its acknowledgements do not cover A's first bundle yet: that one stays.
  expect(await syncThroughFolder(a, folderName)).toBe(
    'Klaar: 1 bundels geschreven, 1 ingelezen, 0 al ingelezen, 0 geweigerd, 2 bestanden overgeslagen (niet voor deze post, van deze post of geen bundel), 0 oude bundels opgeruimd.',
  );
  expect(await peopleNames(a)).toEqual([ADMIN.name, 'Els Claes', 'Jan Peeters'].sort());
  expect(await bundlesIn(dir)).toContain(firstFromA);

  // B's next bundle acknowledges all A sent; once A has read it, A's bundles (the first, the
  // second and the one it just wrote, which carries nothing B lacks) are deleted, B's stay.
  expect(await syncThroughFolder(b, folderName)).toBe(
    'Klaar: 1 bundels geschreven, 1 ingelezen, 1 al ingelezen, 0 geweigerd, 2 bestanden overgeslagen (niet voor deze post, van deze post of geen bundel), 0 oude bundels opgeruimd.',
  );
  const fromB = (await bundlesIn(dir)).filter((name) => !name.startsWith(stationPart(firstFromA!)));
  expect(fromB).toHaveLength(2);
  expect(await syncThroughFolder(a, folderName)).toBe(
    'Klaar: 1 bundels geschreven, 1 ingelezen, 1 al ingelezen, 0 geweigerd, 3 bestanden overgeslagen (niet voor deze post, van deze post of geen bundel), 3 oude bundels opgeruimd.',
  );
  const left = await readdir(dir);
  expect(left).not.toContain(firstFromA);
  expect(await bundlesIn(dir)).toEqual(fromB);
  // The half-written and the foreign file are left alone.
  expect(left).toEqual(expect.arrayContaining(['notes.txt', halfWritten]));
  expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('Boodschappen voor de permanentie');

  expect(errors).toEqual([]);
  await rm(dir, { recursive: true });
});
