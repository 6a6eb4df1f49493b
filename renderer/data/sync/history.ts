import { uuidv7 } from '../../sync/ids';
import type { ZonelinkDb } from '../db';
import type { PeerStaleness } from '../replicated/replica';
import { replicaOf } from '../replicated/replica-of';
import type { HistoryCounts, RosterForkRow, SyncHistoryRow } from './stores';

export const NO_COUNTS: HistoryCounts = { carried: 0, applied: 0, alreadyKnown: 0, held: 0, conflicts: 0, refused: 0 };

export type HistoryEntry = Omit<SyncHistoryRow, 'id' | 'at'>;

/** A history row for `entry`, made now; written by the caller (inside its transaction or alone). */
export function historyRow(entry: HistoryEntry, now: number): SyncHistoryRow {
  return { ...entry, id: uuidv7(now), at: new Date(now).toISOString() };
}

/** The sync history, newest first: for the sync screens and the data protection officer. */
export async function listSyncHistory(db: ZonelinkDb, limit = 200): Promise<SyncHistoryRow[]> {
  return db.syncHistory.orderBy('id').reverse().limit(limit).toArray();
}

/** Whether the bundle with this id was imported here: answered from its keyless header's id, nothing decrypted. */
export async function isImported(db: ZonelinkDb, bundle: string): Promise<boolean> {
  return (await db.importedBundles.get(bundle)) !== undefined;
}

/** The first refusal recorded for this bundle id, with its reason and parameters; null if it was never refused. */
export async function refusalOf(db: ZonelinkDb, bundle: string): Promise<Pick<SyncHistoryRow, 'reason' | 'params' | 'at'> | null> {
  const refused = (await db.syncHistory.where('bundle').equals(bundle).sortBy('id')).find((row) => row.outcome === 'refused');
  return refused ? { reason: refused.reason, params: refused.params, at: refused.at } : null;
}

/** Roster versions that lost a fork, newest height first: for network administrators to see and redo. */
export async function listRosterForks(db: ZonelinkDb): Promise<RosterForkRow[]> {
  return (await db.rosterForks.toArray()).sort((a, b) => b.height - a.height || a.dropped.localeCompare(b.dropped));
}

/** For every station heard from: when, and how far this station's own changes have reached it. */
export async function peerStaleness(db: ZonelinkDb): Promise<PeerStaleness[]> {
  return replicaOf(db).staleness();
}
