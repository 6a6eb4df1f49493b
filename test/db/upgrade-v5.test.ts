import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ZonelinkDb } from '../../renderer/data/db';
import { Replica } from '../../renderer/data/replicated/replica';
import type { RowState } from '../../renderer/data/replicated/stores';
import { opHash, type Op } from '../../renderer/sync/op';
import { V4_STORES } from './support/released-stores';
import { dumpStation, openStation, testNetwork } from './support/station';
import { testTable } from './support/test-table';

const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const network = testNetwork(2, [
  { id: 'st-a', zone: 0 },
  { id: 'st-b', zone: 1 },
]);

describe('Dexie v4 → v5: row states list their ops, the ops lose their index by row', () => {
  it('lists every op under its row, changes no outcome, and later writes merge as before', async () => {
    let now = T0;
    const options = { now: () => now };
    const a = await openStation(network, 'st-a', [testTable], options);
    const b = await openStation(network, 'st-b', [testTable], options);
    const shared = await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'Drone 1', note: 'begin' }, a.actor);
    await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'zone', title: 'Kazerne', contact: 'gsm 0470' }, a.actor);
    await b.replica.apply(await a.replica.opsLackedBy([{ stationId: 'st-b', acks: {} }]));
    now += 1000;
    await a.replica.update(testTable, shared.id, { note: 'van A' }, a.actor);
    await b.replica.update(testTable, shared.id, { note: 'van B' }, b.actor);
    await a.replica.apply(await b.replica.opsLackedBy([{ stationId: 'st-a', acks: await a.replica.acks() }]));
    expect(await a.replica.conflicts()).toHaveLength(1);

    // The same database as version 4 held it: row states without op keys.
    const factory = new IDBFactory();
    const v4 = new Dexie('zonelink-v4', { indexedDB: factory, IDBKeyRange });
    v4.version(4).stores(V4_STORES);
    await v4.open();
    for (const table of a.db.tables.filter((t) => t.name in V4_STORES)) {
      const rows = await table.toArray();
      const old = table.name === 'rowStates' ? rows.map(({ ops: _ops, ...state }: RowState) => state) : table.name === 'ops' ? rows.map((op: Op) => ({ ...op, hash: opHash(op) })) : rows;
      await v4.table(table.name).bulkAdd(old);
    }
    v4.close();

    const db = new ZonelinkDb('zonelink-v4', { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.ops.schema.indexes).toEqual([]);
    const states = await db.rowStates.toArray();
    expect(states).toEqual(await a.db.rowStates.toArray());
    const ofShared = (await a.db.ops.toArray()).filter((op) => op.rowId === shared.id);
    const seqsOf = (origin: string) => ofShared.filter((op) => op.origin === origin).map((op) => op.seq);
    expect(seqsOf('st-b')).toHaveLength(1);
    expect(states.find((s) => s.rowId === shared.id)?.ops).toEqual({ 'st-a|net': seqsOf('st-a'), 'st-b|net': seqsOf('st-b') });

    const upgraded = { ...a, db, replica: new Replica(db, [testTable], options) };
    expect(await dumpStation(upgraded)).toEqual(await dumpStation(a));
    now += 1000;
    for (const s of [a, upgraded]) {
      await s.replica.resolveConflict(testTable, shared.id, 'note', 'samen', s.actor);
      await s.replica.update(testTable, shared.id, { title: 'Drone 1 (nacht)' }, s.actor);
    }
    // New ops have fresh salts: compare all but salt and value hash.
    const unsalted = async (station: typeof a) => {
      const dump = await dumpStation(station);
      return { ...dump, ops: dump.ops.map(({ salt: _salt, valueHash: _valueHash, ...op }) => op) };
    };
    expect(await unsalted(upgraded)).toEqual(await unsalted(a));
    expect(await db.testRecords.get(shared.id)).toMatchObject({ note: 'samen', title: 'Drone 1 (nacht)' });
    expect(await upgraded.replica.conflicts()).toEqual([]);
    db.close();
  });
});
