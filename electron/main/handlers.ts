import { app } from 'electron';
import { z } from 'zod';
import { CHANNELS } from '../shared/ipc-contract';
import { chooseFolder, openFile, saveFile } from './files';
import { fileNameProblem, MAX_FILE_BYTES } from './file-rules';
import type { FolderAllowlist } from './folder-allowlist';
import { listFolder, readFromFolder, removeFromFolder, writeToFolder } from './folders';
import { handle } from './ipc';
import { applyMenu } from './menu';

const fileName = z.string().superRefine((name, ctx) => {
  const problem = fileNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: `file name ${JSON.stringify(name.slice(0, 80))} ${problem}` });
});
const bytes = z
  .instanceof(Uint8Array, { error: 'expected bytes (a Uint8Array)' })
  .refine((b) => b.byteLength <= MAX_FILE_BYTES, `more than the limit of ${MAX_FILE_BYTES} bytes (512 MiB)`);
const filter = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'an extension is 1 to 16 letters or digits')).min(1).max(20),
});
const folderId = z.string().min(1).max(100);
const folderFile = z.strictObject({ folderId, name: fileName });
const nothing = z.undefined();

/** Answers every channel of the contract, each through handle(). */
export function registerHandlers(folders: FolderAllowlist): void {
  handle(CHANNELS.appInfo, nothing, () => ({
    name: app.getName(),
    version: app.getVersion(),
    shell: 'electron',
    platform: process.platform,
  }));
  handle(CHANNELS.appSetLocale, z.enum(['nl-BE', 'en']), (locale) => applyMenu(locale));
  handle(CHANNELS.filesSave, z.strictObject({ suggestedName: fileName, bytes, filter: filter.optional() }), (request, { window }) =>
    saveFile(window, request),
  );
  handle(CHANNELS.filesOpen, z.strictObject({ filter: filter.optional() }), (request, { window }) => openFile(window, request));
  handle(CHANNELS.foldersChoose, nothing, (_none, { window }) => chooseFolder(window, folders));
  handle(CHANNELS.foldersList, z.strictObject({ folderId }), ({ folderId: id }) => listFolder(folders.pathOf(id)));
  handle(CHANNELS.foldersRead, folderFile, ({ folderId: id, name }) => readFromFolder(folders.pathOf(id), name));
  handle(CHANNELS.foldersWrite, z.strictObject({ folderId, name: fileName, bytes }), ({ folderId: id, name, bytes: data }) =>
    writeToFolder(folders.pathOf(id), name, data),
  );
  handle(CHANNELS.foldersRemove, folderFile, ({ folderId: id, name }) => removeFromFolder(folders.pathOf(id), name));
}
