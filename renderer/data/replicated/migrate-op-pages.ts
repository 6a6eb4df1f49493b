import Dexie, { type Transaction } from 'dexie';
import type { StationIdentity } from '../settings';
import { pagesOf, type OpPageTable } from './op-pages';
import { withHash, type HashedOp } from '../../sync/arrivals';
import type { Op } from '../../sync/op';

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
    .toArray()) as Array<Op & { hash?: string }>;
  const streams = new Map<string, HashedOp[]>();
  // A v5 database stored each op with its hash; ops that the v1 -> v2 migration wrote in this
  // same upgrade were stored without one, as the store keeps them now.
  for (const stored of own) {
    const op = stored.hash === undefined ? withHash(stored) : (stored as HashedOp);
    const list = streams.get(op.stream);
    if (list) list.push(op);
    else streams.set(op.stream, [op]);
  }
  await (tx.table('opPages') as OpPageTable).bulkPut([...streams.values()].flatMap(pagesOf));
}
