import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ZonelinkDb } from '../../../renderer/data/db';
import { nextRosterVersion } from '../../../renderer/data/network';
import { Replica, type ReplicaOptions } from '../../../renderer/data/replicated/replica';
import type { NetworkDefinition } from '../../../renderer/domain/network';
import type { TableSpec } from '../../../renderer/sync/schema';

/** A network of `zones` zones with the given stations (id → zone index); ids are short keys. */
export function testNetwork(zones: number, stations: ReadonlyArray<{ id: string; zone: number }>): NetworkDefinition {
  const zoneIds = Array.from({ length: zones }, (_, i) => `zone-${i}`);
  return {
    id: 'net-test',
    name: 'Test',
    zones: zoneIds.map((id) => ({ id, key: id, name: id, municipalities: [], active: true, mergedInto: null })),
    stations: stations.map((s) => ({ id: s.id, zoneId: zoneIds[s.zone]!, name: s.id, active: true })),
  };
}

export interface TestStation {
  id: string;
  zoneId: string;
  db: ZonelinkDb;
  replica: Replica;
  actor: { personId: string; stationId: string };
}

/** A station's database in its own fake IndexedDB, with its identity and the roster written. */
export async function openStation(
  network: NetworkDefinition,
  stationId: string,
  tables: readonly TableSpec[],
  options: ReplicaOptions & { factory?: IDBFactory; name?: string; makeDb?: (name: string, factory: IDBFactory) => ZonelinkDb } = {},
): Promise<TestStation> {
  const station = network.stations.find((s) => s.id === stationId);
  if (!station) throw new Error(`no station ${stationId}`);
  const { name = `station-${stationId}`, factory = new IDBFactory(), makeDb = (n, f) => new ZonelinkDb(n, { indexedDB: f, IDBKeyRange }) } = options;
  const db = makeDb(name, factory);
  const roster = await nextRosterVersion(undefined, network, null, '2026-01-01T00:00:00.000Z');
  await db.transaction('rw', db.settings, db.rosters, async () => {
    await db.settings.put({ key: 'station', value: { networkId: network.id, zoneId: station.zoneId, stationId } });
    if (!(await db.rosters.count())) await db.rosters.add(roster);
  });
  return { id: stationId, zoneId: station.zoneId, db, replica: new Replica(db, tables, options), actor: { personId: `person-${stationId}`, stationId } };
}

/** Everything a station holds that the merge decides, in a stable order, for comparison. */
export async function dumpStation(s: TestStation) {
  const ops = await s.db.ops.toArray();
  const rows = await s.db.testRecords.orderBy('id').toArray();
  const conflicts = (await s.replica.conflicts()).sort((x, y) => (`${x.table}|${x.rowId}|${x.field}` < `${y.table}|${y.rowId}|${y.field}` ? -1 : 1));
  const rejected = (await s.replica.rejectedOps()).map(({ op, reason }) => `${op.origin}|${op.stream}|${op.seq}:${reason}`).sort();
  const deferred = (await s.replica.deferredOps()).map((op) => `${op.origin}|${op.stream}|${op.seq}`).sort();
  return { ops, rows, conflicts, rejected, deferred };
}
