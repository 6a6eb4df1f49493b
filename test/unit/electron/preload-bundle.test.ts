import { describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { CHANNELS } from '../../../electron/shared/ipc-contract';

// A sandboxed preload can require nothing but 'electron' (and a few Node built-ins we do not
// use), so the BUILT file must carry everything else inlined. This runs dist/electron/preload.cjs
// as Electron would, with a require that records what is asked for.
const BUILT = 'dist/electron/preload.cjs';
const SOURCES = ['electron/preload/index.ts', 'electron/shared/ipc-contract.ts'];

function runBuiltPreload() {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run "npm run build" first`);
  const builtAt = statSync(BUILT).mtimeMs;
  for (const source of SOURCES) {
    if (statSync(source).mtimeMs > builtAt) throw new Error(`${BUILT} is older than ${source}: run "npm run build" first`);
  }
  const required: string[] = [];
  const invoke = vi.fn(async (...args: unknown[]) => args);
  const exposeInMainWorld = vi.fn();
  const electron = { contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke } };
  const require = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  const module = { exports: {} };
  runInNewContext(readFileSync(BUILT, 'utf8'), { require, module, exports: module.exports }, { filename: BUILT });
  return { required, invoke, exposeInMainWorld };
}

// Each bridge function, the channel it must call, and an argument to pass through.
const EXPECTED: [area: string, method: string, channel: string, argument: unknown][] = [
  ['app', 'info', CHANNELS.appInfo, undefined],
  ['app', 'setLocale', CHANNELS.appSetLocale, 'en'],
  ['files', 'save', CHANNELS.filesSave, { suggestedName: 'a.zlb', bytes: new Uint8Array([1]) }],
  ['files', 'open', CHANNELS.filesOpen, {}],
  ['folders', 'choose', CHANNELS.foldersChoose, undefined],
  ['folders', 'list', CHANNELS.foldersList, { folderId: 'f' }],
  ['folders', 'read', CHANNELS.foldersRead, { folderId: 'f', name: 'a.zlb' }],
  ['folders', 'write', CHANNELS.foldersWrite, { folderId: 'f', name: 'a.zlb', bytes: new Uint8Array([2]) }],
  ['folders', 'remove', CHANNELS.foldersRemove, { folderId: 'f', name: 'a.zlb' }],
];

describe('the built preload', () => {
  it('requires nothing but electron', () => {
    expect(runBuiltPreload().required).toEqual(['electron']);
  });

  it("exposes only the bridge, as window.zonelink, with one function per channel", () => {
    const { exposeInMainWorld } = runBuiltPreload();
    expect(exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, bridge] = exposeInMainWorld.mock.calls[0] as [string, Record<string, Record<string, unknown>>];
    expect(key).toBe('zonelink');
    const shape = Object.fromEntries(Object.entries(bridge).map(([area, fns]) => [area, Object.keys(fns).sort()]));
    expect(shape).toEqual({ app: ['info', 'setLocale'], files: ['open', 'save'], folders: ['choose', 'list', 'read', 'remove', 'write'] });
    for (const fns of Object.values(bridge)) for (const fn of Object.values(fns)) expect(typeof fn).toBe('function');
    expect(Object.values(CHANNELS).sort()).toEqual(EXPECTED.map(([, , channel]) => channel).sort());
  });

  it.each(EXPECTED)('%s.%s invokes %s with the payload as is', async (area, method, channel, argument) => {
    const { exposeInMainWorld, invoke } = runBuiltPreload();
    const bridge = exposeInMainWorld.mock.calls[0]?.[1] as Record<string, Record<string, (arg?: unknown) => Promise<unknown>>>;
    await bridge[area]![method]!(argument);
    expect(invoke).toHaveBeenCalledExactlyOnceWith(channel, ...(argument === undefined ? [] : [argument]));
  });
});
