import type { Transaction } from 'dexie';
import type { HashedOp } from '../../sync/arrivals';
import { streamOf } from '../../sync/audience';
import type { Json } from '../../sync/canonical';
import { maxHlc } from '../../sync/hlc';
import { stampOps } from '../../sync/local-write';
import type { PersonRow } from '../db';
import type { StationIdentity } from '../settings';
import { loadContext, registryOf, saveClock, storeAndMerge } from './engine';
import { tablesOf } from './stores';
import { peopleTable } from './tables/people';

/**
 * Upgrade v1 → v2: people written at v1 become replicated rows. Each row gets the ops this
 * station would have made: the owner zone stamped at the row's createdAt by its creator, the
 * other fields at its updatedAt by its last editor, so the materialised row keeps its audit
 * columns. Without a station identity there can be no people yet (first run writes both).
 */
export async function migratePeopleToV2(tx: Transaction): Promise<void> {
  const t = tablesOf(tx);
  const station = (await t.settings.get('station'))?.value as StationIdentity | undefined;
  const rows = (await tx.table('people').toArray()) as PersonRow[];
  if (!station || rows.length === 0) return;
  const ctx = await loadContext(t);
  const stream = streamOf(peopleTable.audience({}));
  const ops: HashedOp[] = [];
  let clock: string | null = null;
  const stamp = (row: PersonRow, at: string, author: string, fields: ReadonlyArray<keyof PersonRow & string>, last: string | null) => {
    const made = stampOps({
      origin: station.stationId,
      author,
      table: peopleTable.name,
      rowId: row.id,
      stream,
      lastSeq: ops.length,
      clock: last,
      now: Date.parse(at) || Date.now(),
      changes: fields.map((f) => [f, row[f] as Json] as const),
      heads: {},
    });
    ops.push(...made.ops);
    clock = maxHlc(clock, made.clock);
    return made.clock;
  };
  for (const row of [...rows].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))) {
    const creator = row.createdBy ?? row.id;
    const created = stamp(row, row.createdAt, creator, ['zoneId'], null);
    stamp(row, row.updatedAt, row.updatedBy ?? creator, ['name', 'personnelNumber', 'roles', 'active', 'password'], created);
  }
  await storeAndMerge(t, registryOf([peopleTable]), ctx, ops);
  await saveClock(t, maxHlc(clock, ctx.clock));
}
