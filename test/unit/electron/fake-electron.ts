// A stand-in for the parts of Electron the main process uses (Electron's binary cannot run in
// the tests). Each test file mocks 'electron' with this module:
//   vi.mock('electron', () => import('./fake-electron'));
// and imports the same module to drive events and inspect calls.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeFrame {
  parent: FakeFrame | null = null;
  constructor(
    public url: string,
    public frameToken: string,
  ) {}
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new FakeFrame('app://zonelink/index.html', `token-${this.id}`);
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  minimized = false;
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly isMinimized = vi.fn(() => this.minimized);
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly show = vi.fn();
  readonly focus = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  /** Closes every window created so far, so the next test starts without any. */
  static closeAll(): void {
    for (const window of BrowserWindow.created.splice(0)) window.emit('closed');
  }
}

export const ipcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
    ipcMain.handlers.set(channel, fn);
  }),
};

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn(),
  exit: vi.fn(),
  enableSandbox: vi.fn(),
  whenReady: vi.fn(() => Promise.resolve()),
  getName: vi.fn(() => 'Zonelink'),
  getVersion: vi.fn(() => '0.1.0'),
  getPath: vi.fn((_name: string) => '/nonexistent'),
});

export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };

export const session = { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } };

export const dialog = { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() };

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

/** An invoke event as Electron builds it, from the main frame of `contents` unless told otherwise. */
export function invokeEvent(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame) {
  return { sender: contents, senderFrame: frame, frameId: 1, processId: 1, type: 'frame' as const };
}
