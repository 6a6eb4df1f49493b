import Dexie, { type Transaction } from 'dexie';
import type { StationIdentity } from '../settings';
import { pagesOf, type OpPageTable } from './op-pages';
import type { HashedOp } from '../../sync/arrivals';

/**
 * Upgrade v5 → v6 (decision 0058): the op pages of every own op stored so far, so an export of
 * the station's history reads pages from the first day on (other stations' ops are not paged);
 * then every stored op loses its hash field, which the store no longer keeps.
 */
export async function pageStoredOps(tx: Transaction): Promise<void> {
  const station = (await tx.table('settings').get('station'))?.value as StationIdentity | undefined;
  if (station) await pageOwn(tx, station.stationId);
  await tx
    .table('ops')
    .toCollection()
    .modify((op: Partial<HashedOp>) => {
      delete op.hash;
    });
}

async function pageOwn(tx: Transaction, stationId: string): Promise<void> {
  const own = (await tx
    .table('ops')
    .where('[origin+stream+seq]')
    .between([stationId, Dexie.minKey, Dexie.minKey], [stationId, Dexie.maxKey, Dexie.maxKey])
    .toArray()) as HashedOp[];
  const streams = new Map<string, HashedOp[]>();
  for (const op of own) {
    const list = streams.get(op.stream);
    if (list) list.push(op);
    else streams.set(op.stream, [op]);
  }
  await (tx.table('opPages') as OpPageTable).bulkPut([...streams.values()].flatMap(pagesOf));
}
