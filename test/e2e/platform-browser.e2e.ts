import { test, expect, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import type * as BrowserAdapter from '../../renderer/platform/browser';
import type { listCandidateFiles } from '../../renderer/platform/platform';
import type { PlatformError } from '../../renderer/platform/errors';

// The browser adapter in Chromium, under the app's real Content-Security-Policy. Nothing ships to
// users for this: the test bundles renderer/platform with esbuild, serves it from the app's
// origin through a Playwright route, and loads it into the page. File pickers cannot be driven in
// a headless browser, so folders are OPFS directories (navigator.storage.getDirectory(), real
// FileSystemDirectoryHandles) and pickers are either removed (to reach the fallbacks) or replaced
// by stubs that hand out OPFS handles.

type Harness = typeof BrowserAdapter & { listCandidateFiles: typeof listCandidateFiles; PlatformError: typeof PlatformError };
declare global {
  interface Window {
    zl: Harness;
  }
}

const HARNESS_URL = '/__zonelink-test__/platform.js';
let harness: string;

test.beforeAll(async () => {
  const result = await build({
    stdin: {
      contents: [
        "export * from './renderer/platform/browser';",
        "export { listCandidateFiles } from './renderer/platform/platform';",
        "export { PlatformError } from './renderer/platform/errors';",
      ].join('\n'),
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'zl',
    target: 'chrome140',
    write: false,
    logLevel: 'warning',
  });
  harness = result.outputFiles[0]!.text;
});

async function load(page: Page): Promise<void> {
  await page.route(`**${HARNESS_URL}`, (route) => route.fulfill({ body: harness, contentType: 'text/javascript' }));
  await page.goto('/');
  await page.addScriptTag({ url: HARNESS_URL });
  await page.waitForFunction(() => typeof window.zl?.createBrowserPlatform === 'function');
}

test.describe('browser adapter: folders (OPFS)', () => {
  test.beforeEach(async ({ page }) => {
    await load(page);
    // A fresh OPFS folder registered under a ref, as a handle restored from IndexedDB would be.
    await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      await root.removeEntry('share', { recursive: true }).catch(() => undefined);
      const share = await root.getDirectoryHandle('share', { create: true });
      window.zl.rememberFolder({ id: 'share', label: 'share' }, share);
    });
  });

  test('writes through a temp file, lists without temp, swap or hidden files, reads back, removes', async ({ page }) => {
    const result = await page.evaluate(async () => {
      const { zl } = window;
      const platform = zl.createBrowserPlatform();
      const ref = { id: 'share', label: 'share' };
      const share = zl.folderHandle(ref)!;
      // Record every file the adapter creates, to see the temp file come first.
      const created: string[] = [];
      const getFileHandle = FileSystemDirectoryHandle.prototype.getFileHandle;
      FileSystemDirectoryHandle.prototype.getFileHandle = function (name, options) {
        if (options?.create) created.push(name);
        return getFileHandle.call(this, name, options);
      };
      await platform.writeToFolder(ref, 'st1-0001.zlb', new Uint8Array([1, 2, 3]));
      await platform.writeToFolder(ref, 'st1-0001.zlb', new Uint8Array([4, 5, 6, 7]));
      FileSystemDirectoryHandle.prototype.getFileHandle = getFileHandle;
      // Clutter another program (or a crashed write) could leave behind.
      for (const name of ['.hidden', 'st2-0001.zlb.0011223344556677.zltmp', 'x.swp', 'st3.zlb.crswap', '~$lock.docx', 'notes.txt~', 'a.tmp']) {
        await share.getFileHandle(name, { create: true });
      }
      await share.getDirectoryHandle('sub.zlb', { create: true });
      const raw = (await platform.listFolder(ref)).map((e) => e.name).sort();
      const candidates = await zl.listCandidateFiles(platform, ref);
      const bytes = Array.from(await platform.readFromFolder(ref, 'st1-0001.zlb'));
      await platform.removeFromFolder(ref, 'st1-0001.zlb');
      await platform.removeFromFolder(ref, 'st1-0001.zlb');
      const afterRemove = (await zl.listCandidateFiles(platform, ref)).map((e) => e.name);
      return { created, raw, candidates, bytes, afterRemove };
    });
    expect(result.created).toHaveLength(2);
    for (const name of result.created) expect(name).toMatch(/^st1-0001\.zlb\.[0-9a-f]{16}\.zltmp$/);
    expect(result.raw).toEqual(
      ['.hidden', 'a.tmp', 'notes.txt~', 'st1-0001.zlb', 'st2-0001.zlb.0011223344556677.zltmp', 'st3.zlb.crswap', 'x.swp', '~$lock.docx'].sort(),
    );
    expect(result.candidates).toEqual([{ name: 'st1-0001.zlb', size: 4, modified: expect.any(Number) }]);
    expect(result.bytes).toEqual([4, 5, 6, 7]);
    expect(result.afterRemove).toEqual([]);
  });

  test('writes by copy and remove where move() is missing, leaving no temp file', async ({ page }) => {
    const names = await page.evaluate(async () => {
      const { zl } = window;
      const proto = FileSystemFileHandle.prototype as { move?: unknown };
      delete proto.move;
      const created: string[] = [];
      const getFileHandle = FileSystemDirectoryHandle.prototype.getFileHandle;
      FileSystemDirectoryHandle.prototype.getFileHandle = function (name, options) {
        if (options?.create) created.push(name.replace(/[0-9a-f]{16}/, 'RANDOM'));
        return getFileHandle.call(this, name, options);
      };
      const platform = zl.createBrowserPlatform();
      const ref = { id: 'share', label: 'share' };
      await platform.writeToFolder(ref, 'st1-0002.zlb', new Uint8Array([9, 9]));
      await platform.writeToFolder(ref, 'st1-0002.zlb', new Uint8Array([8]));
      return {
        created,
        listed: (await platform.listFolder(ref)).map((e) => [e.name, e.size]),
        bytes: Array.from(await platform.readFromFolder(ref, 'st1-0002.zlb')),
      };
    });
    const temp = 'st1-0002.zlb.RANDOM.zltmp';
    expect(names).toEqual({ created: [temp, 'st1-0002.zlb', temp, 'st1-0002.zlb'], listed: [['st1-0002.zlb', 1]], bytes: [8] });
  });

  test('refuses bad names, unknown folders and reports missing files and folders with codes', async ({ page }) => {
    const codes = await page.evaluate(async () => {
      const { zl } = window;
      const platform = zl.createBrowserPlatform();
      const ref = { id: 'share', label: 'share' };
      const codeOf = (promise: Promise<unknown>) =>
        promise.then(
          () => 'resolved',
          (error: unknown) => (error instanceof zl.PlatformError ? error.code : `not a PlatformError: ${String(error)}`),
        );
      const share = zl.folderHandle(ref)!;
      await share.getDirectoryHandle('sub', { create: true });
      const result = {
        badNames: await Promise.all(['../x', 'a/b', 'CON', 'x.', 'a\\b', ''].map((n) => codeOf(platform.writeToFolder(ref, n, new Uint8Array(1))))),
        badRead: await codeOf(platform.readFromFolder(ref, 'LPT1.zlb')),
        unknown: await codeOf(platform.listFolder({ id: 'never-chosen', label: '?' })),
        missing: await codeOf(platform.readFromFolder(ref, 'missing.zlb')),
        removeFolder: await codeOf(platform.removeFromFolder(ref, 'sub')),
        gone: '',
      };
      const root = await navigator.storage.getDirectory();
      await root.removeEntry('share', { recursive: true });
      result.gone = [
        await codeOf(platform.listFolder(ref)),
        await codeOf(platform.readFromFolder(ref, 'a.zlb')),
        await codeOf(platform.writeToFolder(ref, 'a.zlb', new Uint8Array(1))),
        await codeOf(platform.removeFromFolder(ref, 'a.zlb')),
      ].join(',');
      return result;
    });
    expect(codes).toEqual({
      badNames: Array(6).fill('invalid-request'),
      badRead: 'invalid-request',
      unknown: 'unknown-folder',
      missing: 'not-found',
      removeFolder: 'invalid-request',
      gone: 'folder-unavailable,folder-unavailable,folder-unavailable,folder-unavailable',
    });
  });

  test('asks again for permission on a restored folder and reports a refusal', async ({ page }) => {
    const code = await page.evaluate(async () => {
      const { zl } = window;
      const share = zl.folderHandle({ id: 'share', label: 'share' })!;
      const asked: string[] = [];
      Object.assign(share, {
        queryPermission: async () => 'prompt',
        requestPermission: async () => {
          asked.push('requestPermission');
          return 'denied';
        },
      });
      const error = await zl
        .createBrowserPlatform()
        .listFolder({ id: 'share', label: 'share' })
        .catch((e: unknown) => e);
      return [asked.join(), error instanceof zl.PlatformError ? error.code : String(error)];
    });
    expect(code).toEqual(['requestPermission', 'permission-denied']);
  });

  test('chooses a folder through the picker and keeps its handle', async ({ page }) => {
    const result = await page.evaluate(async () => {
      const { zl } = window;
      const root = await navigator.storage.getDirectory();
      const picked = await root.getDirectoryHandle('share');
      const options: unknown[] = [];
      let cancel = false;
      Object.assign(window, {
        showDirectoryPicker: async (o: unknown) => {
          options.push(o);
          if (cancel) throw new DOMException('The user aborted a request.', 'AbortError');
          return picked;
        },
      });
      const platform = zl.createBrowserPlatform();
      const ref = await platform.chooseFolder();
      const same = ref ? await zl.folderHandle(ref)!.isSameEntry(picked) : false;
      cancel = true;
      return { canUse: platform.canUseFolders, ref, same, options, cancelled: await platform.chooseFolder() };
    });
    expect(result).toEqual({
      canUse: true,
      ref: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), label: 'share' },
      same: true,
      options: [{ id: 'zonelink', mode: 'readwrite' }, { id: 'zonelink', mode: 'readwrite' }],
      cancelled: null,
    });
  });

  test('cannot use folders without the File System Access API', async ({ page }) => {
    const result = await page.evaluate(async () => {
      delete (window as { showDirectoryPicker?: unknown }).showDirectoryPicker;
      const platform = window.zl.createBrowserPlatform();
      return [platform.canUseFolders, await platform.chooseFolder().catch((e: { code?: string }) => e.code)];
    });
    expect(result).toEqual([false, 'folder-unavailable']);
  });

  test('reports a picker the browser refuses (no user gesture) as permission-denied', async ({ page }) => {
    const codes = await page.evaluate(async () => {
      const refuse = async () => {
        throw new DOMException('Must be handling a user gesture to show a file picker.', 'SecurityError');
      };
      Object.assign(window, { showDirectoryPicker: refuse, showSaveFilePicker: refuse, showOpenFilePicker: refuse });
      const platform = window.zl.createBrowserPlatform();
      const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: { code?: string }) => e.code);
      return [
        await codeOf(platform.chooseFolder()),
        await codeOf(platform.saveFile({ suggestedName: 'a.zlb', bytes: new Uint8Array(1) })),
        await codeOf(platform.openFile({})),
      ];
    });
    expect(codes).toEqual(['permission-denied', 'permission-denied', 'permission-denied']);
  });
});

test.describe('browser adapter: files', () => {
  test.beforeEach(async ({ page }) => load(page));

  test('saves through a download where there is no save picker', async ({ page }) => {
    const downloading = page.waitForEvent('download');
    const saved = await page.evaluate(() => {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
      return window.zl.createBrowserPlatform().saveFile({ suggestedName: 'export-2026-W49.zlb', bytes: new Uint8Array([0, 1, 2, 250]) });
    });
    const download = await downloading;
    expect(saved).toEqual({ name: 'export-2026-W49.zlb', size: 4 });
    expect(download.suggestedFilename()).toBe('export-2026-W49.zlb');
    expect([...readFileSync(await download.path())]).toEqual([0, 1, 2, 250]);
  });

  test('saves through the save picker where there is one, and returns null on cancel', async ({ page }) => {
    const result = await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const target = await root.getFileHandle('picked.zlb', { create: true });
      const options: unknown[] = [];
      let cancel = false;
      Object.assign(window, {
        showSaveFilePicker: async (o: unknown) => {
          options.push(o);
          if (cancel) throw new DOMException('The user aborted a request.', 'AbortError');
          return target;
        },
      });
      const platform = window.zl.createBrowserPlatform();
      const request = { suggestedName: 'x.zlb', bytes: new Uint8Array([7, 7, 7]), filter: { name: 'Zonelink bundle', extensions: ['zlb'] } };
      const saved = await platform.saveFile(request);
      const written = Array.from(new Uint8Array(await (await target.getFile()).arrayBuffer()));
      cancel = true;
      return { saved, written, options, cancelled: await platform.saveFile(request) };
    });
    expect(result).toEqual({
      saved: { name: 'picked.zlb', size: 3 },
      written: [7, 7, 7],
      options: Array(2).fill({ suggestedName: 'x.zlb', types: [{ description: 'Zonelink bundle', accept: { 'application/octet-stream': ['.zlb'] } }] }),
      cancelled: null,
    });
  });

  test('refuses to save under a bad name', async ({ page }) => {
    const code = await page.evaluate(() =>
      window.zl
        .createBrowserPlatform()
        .saveFile({ suggestedName: '../evil.zlb', bytes: new Uint8Array(1) })
        .catch((e: { code?: string }) => e.code),
    );
    expect(code).toBe('invalid-request');
  });

  test('opens through a hidden file input where there is no open picker', async ({ page }) => {
    const choosing = page.waitForEvent('filechooser');
    const opening = page.evaluate(() => {
      delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker;
      return window.zl
        .createBrowserPlatform()
        .openFile({ filter: { name: 'Zonelink bundle', extensions: ['zlb'] } })
        .then((file) => file && { name: file.name, bytes: Array.from(file.bytes) });
    });
    const chooser = await choosing;
    expect(await chooser.element().getAttribute('accept')).toBe('.zlb');
    await chooser.setFiles({ name: 'incoming.zlb', mimeType: 'application/octet-stream', buffer: Buffer.from([3, 1, 4, 1, 5]) });
    expect(await opening).toEqual({ name: 'incoming.zlb', bytes: [3, 1, 4, 1, 5] });
    expect(await page.locator('input[type=file]').count()).toBe(0);
  });

  test('returns null when the person closes the file dialog', async ({ page }) => {
    const choosing = page.waitForEvent('filechooser');
    const opening = page.evaluate(() => {
      delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker;
      return window.zl.createBrowserPlatform().openFile({});
    });
    const chooser = await choosing;
    await chooser.element().dispatchEvent('cancel');
    expect(await opening).toBeNull();
  });

  test('opens through the open picker, refusing a file above the size cap', async ({ page }) => {
    const result = await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const file = await root.getFileHandle('in.zlb', { create: true });
      const writable = await file.createWritable();
      await writable.write(new Uint8Array([2, 7, 1, 8]));
      await writable.close();
      const huge = { getFile: async () => ({ name: 'huge.zlb', size: 513 * 1024 * 1024 }) };
      let next: unknown = file;
      Object.assign(window, { showOpenFilePicker: async () => [next] });
      const platform = window.zl.createBrowserPlatform();
      const opened = await platform.openFile({});
      next = huge;
      const error = await platform.openFile({}).catch((e: { code?: string; message?: string }) => [e.code, e.message]);
      return { opened: opened && { name: opened.name, bytes: Array.from(opened.bytes) }, error };
    });
    expect(result).toEqual({
      opened: { name: 'in.zlb', bytes: [2, 7, 1, 8] },
      error: ['too-large', 'huge.zlb is 537919488 bytes, more than the limit of 536870912 bytes (512 MiB)'],
    });
  });

  test('describes itself as the web shell with the package version', async ({ page }) => {
    const info = await page.evaluate(() => window.zl.createBrowserPlatform().appInfo());
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(info).toEqual({ name: 'Zonelink', version, shell: 'web', platform: expect.any(String) });
  });
});
