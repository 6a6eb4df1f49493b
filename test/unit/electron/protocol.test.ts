import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../build/csp';
import { createAppHandler, registerAppScheme, resolveAppPath, serveApp } from '../../../electron/main/protocol';
import { protocol } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

// A temp folder holding the app root (renderer/) and, next to it, a secret no request may reach.
let base: string;
let root: string;
let serve: (request: Request) => Promise<Response>;
const SECRET = 'the secret next to the app';

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'zonelink-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Zonelink</title>');
  await writeFile(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), SECRET);
  await writeFile(join(base, 'renderer-evil.txt'), SECRET);
  serve = createAppHandler(root);
});
afterAll(() => rm(base, { recursive: true, force: true }));

const get = (url: string) => serve(new Request(url));

describe('app:// scheme', () => {
  it('is registered as standard, secure and fetchable, not readable cross-origin', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('is handled by the file server', async () => {
    serveApp(root);
    const [scheme, handler] = protocol.handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    const response = await (handler as typeof serve)(new Request('app://zonelink/index.html'));
    expect(await response.text()).toContain('<title>Zonelink</title>');
  });
});

describe('app:// file server', () => {
  it('serves index.html with the Content-Security-Policy header', async () => {
    const response = await get('app://zonelink/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Zonelink');
  });

  it('serves the root as index.html and assets with their type', async () => {
    expect(await (await get('app://zonelink/')).text()).toContain('<title>Zonelink</title>');
    const script = await get('app://zonelink/assets/app-1234.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('falls back to index.html for an unknown path without an extension', async () => {
    const response = await get('app://zonelink/settings/people');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Zonelink</title>');
  });

  it('answers 404 for a missing file with an extension', async () => {
    expect((await get('app://zonelink/assets/missing.js')).status).toBe(404);
    expect((await get('app://zonelink/favicon.ico')).status).toBe(404);
  });

  it('answers only GET and HEAD', async () => {
    expect((await serve(new Request('app://zonelink/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await serve(new Request('app://zonelink/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves nothing for another host', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
  });

  it.each([
    'app://zonelink/..%2fsecret.txt',
    'app://zonelink/..%2Fsecret.txt',
    'app://zonelink/%2e%2e%2fsecret.txt',
    'app://zonelink/assets/..%2f..%2fsecret.txt',
    'app://zonelink/..%5csecret.txt',
    'app://zonelink/..\\secret.txt',
    'app://zonelink/assets\\..\\..\\secret.txt',
    'app://zonelink/%00index.html',
    'app://zonelink/index.html%00.js',
    'app://zonelink/C:/Windows/win.ini',
    'app://zonelink/index.html::$DATA',
    'app://zonelink/%E0%A4%A',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect([400, 403]).toContain(response.status);
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each([
    'app://zonelink/../secret.txt',
    'app://zonelink/%2e%2e/secret.txt',
    'app://zonelink/.%2e/secret.txt',
    'app://zonelink/assets/../../secret.txt',
    'app://zonelink/../renderer-evil.txt',
  ])('keeps %s inside the app folder (the URL parser folds the dots)', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each([
    ['app://zonelink/..%2fsecret.txt', 'outside the app folder'],
    ['app://zonelink/..%2f..%2frenderer-evil.txt', 'outside the app folder'],
    ['app://zonelink/assets/..%2findex.html', "encoded '..' in path"],
    ['app://zonelink/assets%2f..%2findex.html', "encoded '..' in path"],
    ['app://zonelink/..%5cindex.html', 'backslash, NUL or colon in path'],
  ])('gives the reason for refusing %s', (url, reason) => {
    expect(resolveAppPath(root, url)).toEqual({ kind: 'refused', status: 403, reason });
  });

  it('does not mistake a sibling folder sharing the root as a prefix for the root', () => {
    // "renderer-evil.txt" starts with "renderer": the check must compare whole folder names.
    expect(resolveAppPath(root, 'app://zonelink/..%2frenderer-evil.txt')).toMatchObject({ kind: 'refused', reason: 'outside the app folder' });
    expect(resolveAppPath(root, 'app://zonelink/assets/app-1234.js')).toEqual({
      kind: 'file',
      path: join(root, 'assets', 'app-1234.js'),
      hasExtension: true,
    });
  });
});
