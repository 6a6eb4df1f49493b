import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ZonelinkDb, type PersonRow } from '../../renderer/data/db';
import { nextRosterVersion } from '../../renderer/data/network';
import { Replica } from '../../renderer/data/replicated/replica';
import { REPLICATED_TABLES } from '../../renderer/data/replicated/tables';
import { peopleTable } from '../../renderer/data/replicated/tables/people';
import { NET } from '../../renderer/sync/audience';
import { pageEntries } from '../unit/bundle/page-entries';
import { hlcInstant } from '../../renderer/sync/hlc';
import { opHash } from '../../renderer/sync/op';
import { defineReplicatedTable } from '../../renderer/sync/schema';
import { openStation, testNetwork } from './support/station';
import { testTable, testTableV2 } from './support/test-table';

const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const network = testNetwork(2, [
  { id: 'st-a', zone: 0 },
  { id: 'st-b', zone: 1 },
]);

const password = { algorithm: 'PBKDF2-SHA-256' as const, iterations: 600_000, salt: 'c2FsdHNhbHRzYWx0c2FsdA==', hash: 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=' };
const admin: PersonRow = {
  id: '019cad8f-0000-7000-8000-000000000001',
  name: 'Els Maes',
  personnelNumber: 'WK001',
  zoneId: 'zone-0',
  roles: ['network_admin', 'zone_admin', 'station_staff'],
  active: true,
  password,
  createdAt: '2026-02-01T09:00:00.000Z',
  createdBy: '019cad8f-0000-7000-8000-000000000001',
  updatedAt: '2026-02-01T09:00:00.000Z',
  updatedBy: '019cad8f-0000-7000-8000-000000000001',
};
const agent: PersonRow = {
  ...admin,
  id: '019cad8f-0000-7000-8000-000000000002',
  name: 'Jan Peeters',
  personnelNumber: 'PD042',
  zoneId: 'zone-1',
  roles: ['station_staff'],
  active: false,
  createdAt: '2026-02-03T10:00:00.000Z',
  createdBy: admin.id,
  updatedAt: '2026-02-20T16:30:00.000Z',
  updatedBy: admin.id,
};

describe('Dexie v1 → v2', () => {
  it('turns people written at v1 into replicated rows with ops, keeping every column', async () => {
    const factory = new IDBFactory();
    // The released version 1, as the foundation shipped it.
    const v1 = new Dexie('zonelink-upgrade', { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores({ settings: '&key', rosters: '&version', people: 'id, zoneId, personnelNumber' });
    await v1.table('settings').put({ key: 'station', value: { networkId: network.id, zoneId: 'zone-0', stationId: 'st-a' } });
    await v1.table('rosters').add(await nextRosterVersion(undefined, network, null, '2026-01-01T00:00:00.000Z'));
    await v1.table('people').bulkAdd([agent, admin]);
    v1.close();

    const db = new ZonelinkDb('zonelink-upgrade', { indexedDB: factory, IDBKeyRange });
    expect((await db.people.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([admin, agent]);
    const ops = await db.ops.toArray();
    expect(ops).toHaveLength(12);
    expect(new Set(ops.map((o) => o.stream))).toEqual(new Set(['net']));
    const agentOps = ops.filter((o) => o.rowId === agent.id);
    expect(agentOps.map((o) => [o.field, o.author, hlcInstant(o.hlc)])).toEqual([
      ['zoneId', admin.id, agent.createdAt],
      ['name', admin.id, agent.updatedAt],
      ['personnelNumber', admin.id, agent.updatedAt],
      ['roles', admin.id, agent.updatedAt],
      ['active', admin.id, agent.updatedAt],
      ['password', admin.id, agent.updatedAt],
    ]);
    expect(ops.map((o) => o.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    // Pages made by the v6 step from the ops the v2 step wrote in the same upgrade (decision 0058).
    const pages = await db.opPages.toArray();
    expect(pages.flatMap(pageEntries).map((e) => e.hash)).toEqual([...ops].sort((a, b) => a.seq - b.seq).map((o) => opHash(o)));
    const replica = new Replica(db, REPLICATED_TABLES, { now: () => T0 });
    expect(await replica.acks()).toEqual({ 'st-a|net': 12 });

    // The rows now replicate: a station that bootstraps from this one holds the same people.
    const other = await openStation(network, 'st-b', REPLICATED_TABLES, { now: () => T0 });
    await other.replica.apply(await replica.opsLackedBy([{ stationId: 'st-b', acks: {} }]));
    expect((await other.db.people.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([admin, agent]);
    const edited = await replica.update(peopleTable, agent.id, { active: true }, { personId: admin.id, stationId: 'st-a' });
    expect(edited).toMatchObject({ active: true, updatedAt: new Date(T0).toISOString(), createdAt: agent.createdAt });
    expect((await db.ops.toArray()).filter((o) => o.table === 'people' && o.rowId === agent.id).at(-1)?.prev).not.toBeNull();
  });

  it('opens an empty v1 database (no first run yet) without writing anything', async () => {
    const factory = new IDBFactory();
    const v1 = new Dexie('zonelink-empty', { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores({ settings: '&key', rosters: '&version', people: 'id, zoneId, personnelNumber' });
    await v1.open();
    v1.close();
    const db = new ZonelinkDb('zonelink-empty', { indexedDB: factory, IDBKeyRange });
    expect(await db.ops.count()).toBe(0);
    expect(await db.syncMeta.count()).toBe(0);
  });
});

/** A later app version that declares a new table, with its Dexie store in a new version. */
class NewerDb extends ZonelinkDb {
  constructor(name: string, factory: IDBFactory) {
    super(name, { indexedDB: factory, IDBKeyRange });
    this.version(this.verno + 1).stores({ futureThings: 'id' });
  }
}
const futureTable = defineReplicatedTable<{ zone: string; title: string }>({
  name: 'futureThings',
  fields: { zone: { writer: 'owner' }, title: { writer: 'any' } },
  owner: 'zone',
  audience: () => NET,
});

describe('ops from a newer version', () => {
  it('are stored, have no effect and are reported until an upgrade knows their field or table, then replayed', async () => {
    const net3 = testNetwork(2, [
      { id: 'st-a', zone: 0 },
      { id: 'st-b', zone: 1 },
      { id: 'st-c', zone: 0 },
    ]);
    const factory = new IDBFactory();
    const old = await openStation(net3, 'st-b', [testTable], { now: () => T0, factory, name: 'old' });
    // A station of the next version writes a new field; one of the version after, a new table.
    const newer = await openStation(net3, 'st-a', [testTableV2], { now: () => T0 });
    const row = await newer.replica.insert(testTableV2, { ownerZone: 'zone-0', scope: 'net', title: 't', priority: 'high' }, newer.actor);
    const newest = await openStation(net3, 'st-c', [testTableV2, futureTable], { now: () => T0, makeDb: (n, f) => new NewerDb(n, f) });
    const thing = await newest.replica.insert(futureTable, { zone: 'zone-0', title: 'from the future' }, newest.actor);
    for (const from of [newer, newest]) await old.replica.apply(await from.replica.opsLackedBy([{ stationId: 'st-b', acks: {} }]));
    expect(await old.db.testRecords.get(row.id)).not.toHaveProperty('priority');
    expect((await old.replica.deferredOps()).map((op) => `${op.table}.${op.field}`).sort()).toEqual(['futureThings.title', 'futureThings.zone', 'testRecords.priority']);

    // The upgrade: the new version opens the same database with its declarations.
    old.db.close();
    const upgradedDb = new NewerDb('old', factory);
    const upgraded = new Replica(upgradedDb, [testTableV2, futureTable], { now: () => T0 });
    await upgraded.replayAfterUpgrade();
    expect(await upgradedDb.testRecords.get(row.id)).toMatchObject({ priority: 'high' });
    expect(await upgradedDb.table('futureThings').get(thing.id)).toMatchObject({ title: 'from the future', zone: 'zone-0' });
    expect(await upgraded.deferredOps()).toEqual([]);
  });
});
