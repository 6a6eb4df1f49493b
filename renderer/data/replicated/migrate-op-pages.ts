import Dexie, { type Transaction } from 'dexie';
import type { StationIdentity } from '../settings';
import { pagesOf, type OpPageTable } from './op-pages';
import type { StoredOp } from './stores';

/**
 * Upgrade v5 → v6 (decision 0058): the op pages of every own op stored so far, so an export of
 * the station's history reads pages from the first day on. Other stations' ops are not paged.
 */
export async function pageStoredOps(tx: Transaction): Promise<void> {
  const station = (await tx.table('settings').get('station'))?.value as StationIdentity | undefined;
  if (!station) return;
  const own = (await tx
    .table('ops')
    .where('[origin+stream+seq]')
    .between([station.stationId, Dexie.minKey, Dexie.minKey], [station.stationId, Dexie.maxKey, Dexie.maxKey])
    .toArray()) as StoredOp[];
  const streams = new Map<string, StoredOp[]>();
  for (const op of own) {
    const list = streams.get(op.stream);
    if (list) list.push(op);
    else streams.set(op.stream, [op]);
  }
  await (tx.table('opPages') as OpPageTable).bulkPut([...streams.values()].flatMap(pagesOf));
}
