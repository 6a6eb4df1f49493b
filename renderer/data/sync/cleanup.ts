import { deletableBundles, type FolderBundle } from '../../domain/sync-folder';
import { splitAckKey, type AckTable } from '../../sync/acks';
import { zoneSees } from '../../sync/audience';
import type { ZonelinkDb } from '../db';
import { currentRoster } from '../network';

/** A bundle file this station wrote, as its keyless header names it. */
export interface OwnFolderFile {
  name: string;
  bundle: string;
  recipients: readonly string[];
}

/** The other stations' latest acknowledgements, recorded from their bundles, by station id. */
export async function peerAcks(db: ZonelinkDb): Promise<Record<string, AckTable>> {
  return Object.fromEntries((await db.peers.toArray()).map((peer) => [peer.stationId, peer.acks]));
}

/** What an own file carried, from its export's history entry; null when this station has no such entry. */
async function carriedBy(db: ZonelinkDb, file: OwnFolderFile): Promise<FolderBundle | null> {
  const rows = await db.syncHistory.where('bundle').equals(file.bundle).toArray();
  const exported = rows.find((row) => row.direction === 'export' && row.carriedUpTo !== undefined);
  if (!exported?.carriedUpTo) return null;
  const carried = Object.entries(exported.carriedUpTo).map(([key, maxSeq]) => ({ ...splitAckKey(key), maxSeq }));
  return { name: file.name, sender: exported.sender ?? '', madeAt: exported.at, recipients: file.recipients, carried };
}

/**
 * Which of this station's own files in the sync folder may be deleted (decision 0051's rule,
 * wired by decision 0048): every recipient still active (not deactivated, not revoked) has
 * acknowledged all the file carried. A file with no export entry here (written before this
 * version, or by another installation) is kept.
 */
export async function deletableOwnFiles(db: ZonelinkDb, files: readonly OwnFolderFile[]): Promise<string[]> {
  const roster = await currentRoster(db);
  if (!roster) return [];
  const known = await Promise.all(files.map((file) => carriedBy(db, file)));
  const revoked = roster.signed?.document.revocations.map((r) => r.station) ?? [];
  const retired = new Set([...roster.network.stations.filter((s) => !s.active).map((s) => s.id), ...revoked]);
  const zones = new Map(roster.network.stations.map((s) => [s.id, s.zoneId]));
  // A station no longer in the roster can acknowledge nothing more: it is retired too.
  for (const file of files) for (const station of file.recipients) if (!zones.has(station)) retired.add(station);
  return deletableBundles({
    files: known.filter((f): f is FolderBundle => f !== null),
    acks: await peerAcks(db),
    retired,
    sees: (station, stream) => zoneSees(stream, zones.get(station) ?? ''),
  });
}
