import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { CHANNELS, ZonelinkBridge } from '../shared/ipc-contract';
import { errorCode, errorMessage, ZonelinkError } from './errors';
import { isAppUrl } from './protocol';
import { ownWindowOf } from './window';

type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

// Each channel's signature, taken from the contract, so the compiler checks every handler's
// payload and result against what the preload promises the renderer.
type Signatures = {
  [CHANNELS.appInfo]: ZonelinkBridge['app']['info'];
  [CHANNELS.appSetLocale]: ZonelinkBridge['app']['setLocale'];
  [CHANNELS.filesSave]: ZonelinkBridge['files']['save'];
  [CHANNELS.filesOpen]: ZonelinkBridge['files']['open'];
  [CHANNELS.foldersChoose]: ZonelinkBridge['folders']['choose'];
  [CHANNELS.foldersList]: ZonelinkBridge['folders']['list'];
  [CHANNELS.foldersRead]: ZonelinkBridge['folders']['read'];
  [CHANNELS.foldersWrite]: ZonelinkBridge['folders']['write'];
  [CHANNELS.foldersRemove]: ZonelinkBridge['folders']['remove'];
};
type Payload<C extends Channel> = Parameters<Signatures[C]> extends [infer P] ? P : undefined;
type Result<C extends Channel> = Awaited<ReturnType<Signatures[C]>>;

interface HandlerContext {
  /** The Zonelink window that asked, e.g. the parent of a dialog. */
  window: BrowserWindow;
}

/**
 * Returns the window we created that sent this message, or refuses: the sending frame must still
 * exist, show app://zonelink, and be the top frame of one of our windows.
 */
function trustedSender(event: IpcMainInvokeEvent): BrowserWindow {
  const frame = event.senderFrame;
  if (!frame) throw new ZonelinkError('forbidden', 'the sending frame is gone');
  if (!isAppUrl(frame.url)) throw new ZonelinkError('forbidden', 'the sender is not app://zonelink');
  const window = ownWindowOf(event.sender);
  if (!window) throw new ZonelinkError('forbidden', 'the sender is not a Zonelink window');
  if (frame.parent !== null || frame.frameToken !== event.sender.mainFrame.frameToken) {
    throw new ZonelinkError('forbidden', 'the sender is not the top frame');
  }
  return window;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'payload'}: ${issue.message}`)
    .join('; ');
}

/**
 * The one way to answer the renderer: the sender is checked, then the payload is parsed with the
 * schema, and only then does fn run. Every error leaves as "[code] channel: what went wrong".
 */
export function handle<C extends Channel>(
  channel: C,
  schema: z.ZodType<Payload<C>>,
  fn: (payload: Payload<C>, context: HandlerContext) => Promise<Result<C>> | Result<C>,
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    try {
      const window = trustedSender(event);
      if (args.length > 1) throw new ZonelinkError('invalid-request', `expected one payload, got ${args.length} arguments`);
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) throw new ZonelinkError('invalid-request', `malformed payload: ${describeIssues(parsed.error)}`);
      return await fn(parsed.data, { window });
    } catch (error) {
      throw new Error(`[${errorCode(error)}] ${channel}: ${errorMessage(error)}`, { cause: error });
    }
  });
}
