import { useCallback } from 'react';
import { getDb } from '../data/db';
import { setSetting, type Settings } from '../data/settings';
import { deletableOwnFiles, isImported, refusalOf, syncClient, type OwnFolderFile } from '../data/sync';
import { getPlatform } from '../platform';
import { folderHandle, rememberFolder } from '../platform/browser';
import { listCandidateFiles } from '../platform/platform';
import { inspectBundle } from '../sync/bundle/format';

export type SyncFolder = NonNullable<Settings['syncFolder']>;

export interface FolderSyncProgress {
  done: number;
  total: number;
}

export interface FolderSyncReport {
  /** Names of the files this station wrote (one per zone with stations that can receive). */
  written: string[];
  imported: number;
  alreadyImported: number;
  /** Refused bundles addressed to this station, now or before (each is in the history once, with its reason). */
  refused: number;
  /** Bundles that would delete more than half of a table: to import from a file, with a confirmation. */
  toConfirm: string[];
  /** Files that are no bundle for this station: half-written, foreign, its own, or for others. */
  ignored: number;
  /** This station's own files removed from the folder: every active recipient acknowledged them. */
  deleted: string[];
}

/** Chooses the shared sync folder and keeps it for next time. */
export function useChooseSyncFolder(): () => Promise<SyncFolder | null> {
  return useCallback(async () => {
    const platform = getPlatform();
    const ref = await platform.chooseFolder();
    if (!ref) return null;
    const folder = { ref, handle: platform.kind === 'web' ? (folderHandle(ref) ?? null) : null };
    await setSetting(getDb(), 'syncFolder', folder);
    return folder;
  }, []);
}

/**
 * "Sync now": writes this station's bundles into the folder, one per zone (each zone's stations
 * get the network's changes and those of the streams that zone sees), then imports, oldest first,
 * every bundle there that is addressed to this station and not its own: one already imported or
 * refused is recognised by its keyless header's id, without decrypting it (decision 0048). Last,
 * it deletes its own files that every still-active recipient has acknowledged (decision 0051).
 */
export function useSyncFolderNow(): (
  folder: SyncFolder,
  self: string,
  recipientsByZone: readonly (readonly string[])[],
  onProgress: (progress: FolderSyncProgress) => void,
) => Promise<FolderSyncReport> {
  return useCallback(async (folder, self, recipientsByZone, onProgress) => {
    const platform = getPlatform();
    if (platform.kind === 'web' && folder.handle) rememberFolder(folder.ref, folder.handle as FileSystemDirectoryHandle);
    const client = syncClient();
    const db = getDb();
    const report: FolderSyncReport = { written: [], imported: 0, alreadyImported: 0, refused: 0, toConfirm: [], ignored: 0, deleted: [] };
    const own: OwnFolderFile[] = [];
    for (const recipients of recipientsByZone.filter((r) => r.length > 0)) {
      const bundle = await client.exportBundle({ recipients: [...recipients] });
      await platform.writeToFolder(folder.ref, bundle.fileName, bundle.bytes);
      report.written.push(bundle.fileName);
      own.push({ name: bundle.fileName, bundle: bundle.bundle, recipients });
    }
    const files = (await listCandidateFiles(platform, folder.ref)).filter((f) => !report.written.includes(f.name)).sort((a, b) => a.modified - b.modified);
    for (const [i, file] of files.entries()) {
      onProgress({ done: i, total: files.length });
      const bytes = await platform.readFromFolder(folder.ref, file.name);
      const header = await inspectBundle(bytes).then(
        (inspected) => inspected.header,
        () => null,
      );
      if (header?.sender === self) own.push({ name: file.name, bundle: header.bundle, recipients: header.recipients.map((r) => r.station) });
      if (!header || header.sender === self || !header.recipients.some((r) => r.station === self)) {
        report.ignored++;
        continue;
      }
      if (await isImported(db, header.bundle)) {
        report.alreadyImported++;
        continue;
      }
      if (await refusalOf(db, header.bundle)) {
        report.refused++;
        continue;
      }
      const result = await client.importBundle(bytes, { confirmed: false });
      if (result.status === 'imported') report.imported++;
      else if (result.status === 'alreadyImported') report.alreadyImported++;
      else if (result.status === 'needsConfirmation') report.toConfirm.push(file.name);
      else report.refused++;
    }
    for (const name of await deletableOwnFiles(db, own)) {
      await platform.removeFromFolder(folder.ref, name);
      report.deleted.push(name);
    }
    onProgress({ done: files.length, total: files.length });
    return report;
  }, []);
}
