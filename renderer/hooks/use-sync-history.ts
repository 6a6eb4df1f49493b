import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../data/db';
import { listSyncHistory, type SyncHistoryRow } from '../data/sync';

/** Every import attempt and export, newest first, live; undefined while loading. */
export function useSyncHistory(): SyncHistoryRow[] | undefined {
  return useLiveQuery(() => listSyncHistory(getDb()), []);
}
