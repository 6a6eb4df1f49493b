import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ZonelinkDb } from '../../renderer/data/db';
import { PAGE_MAX } from '../../renderer/data/replicated/op-pages';
import { Replica } from '../../renderer/data/replicated/replica';
import { withHash } from '../../renderer/sync/arrivals';
import { pageOf } from '../../renderer/sync/bundle/op-page';
import { pageEntries } from '../unit/bundle/page-entries';
import { opHash } from '../../renderer/sync/op';
import { V5_STORES } from './support/released-stores';
import { openStation, testNetwork } from './support/station';
import { testTable } from './support/test-table';

const network = testNetwork(2, [
  { id: 'st-a', zone: 0 },
  { id: 'st-b', zone: 1 },
]);

describe('Dexie v5 → v6: the own ops stored so far become op pages (decision 0058)', () => {
  it("pages every own op by stream in pages of up to PAGE_MAX, none of another station's, and later writes extend them", async () => {
    const a = await openStation(network, 'st-a', [testTable]);
    const b = await openStation(network, 'st-b', [testTable]);
    await b.replica.insert(testTable, { ownerZone: 'zone-1', scope: 'net', title: 'Van B' }, b.actor);
    await a.replica.apply(await b.replica.opsLackedBy([{ stationId: 'st-a', acks: {} }]));
    await a.db.transaction('rw', a.replica.scope, async () => {
      for (let i = 0; i < 1000; i++) await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: i % 4 ? 'net' : 'zone', title: `Rij ${i}` }, a.actor);
    });

    // The same database as version 5 held it: no op pages, each op with its hash.
    const factory = new IDBFactory();
    const v5 = new Dexie('zonelink-v5', { indexedDB: factory, IDBKeyRange });
    v5.version(5).stores(V5_STORES);
    await v5.open();
    for (const table of a.db.tables.filter((t) => t.name in V5_STORES)) {
      const rows = await table.toArray();
      await v5.table(table.name).bulkAdd(table.name === 'ops' ? rows.map((op) => ({ ...op, hash: opHash(op) })) : rows);
    }
    v5.close();

    const db = new ZonelinkDb('zonelink-v5', { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(6);
    const pages = await db.opPages.toArray();
    const stored = await db.ops.toArray();
    expect(stored.some((op) => 'hash' in op)).toBe(false);
    const own = stored.filter((op) => op.origin === 'st-a');
    expect(pages.every((page) => page.origin === 'st-a' && page.seqs.length <= PAGE_MAX)).toBe(true);
    for (const stream of new Set(own.map((op) => op.stream))) {
      const ofStream = pages.filter((page) => page.stream === stream);
      const whole = pageOf(own.filter((op) => op.stream === stream).map(withHash));
      expect(Buffer.concat(ofStream.map((page) => page.records))).toEqual(Buffer.from(whole.records));
      expect(ofStream.flatMap(pageEntries)).toEqual(pageEntries(whole));
    }
    expect(pages.filter((page) => page.stream === 'net').length).toBeGreaterThan(1);

    const replica = new Replica(db, [testTable]);
    await replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'Na de upgrade' }, a.actor);
    const net = await db.opPages.where('[origin+stream+first]').between(['st-a', 'net', Dexie.minKey], ['st-a', 'net', Dexie.maxKey]).toArray();
    expect(net.flatMap((page) => [...page.seqs])).toEqual((await db.ops.where('[origin+stream+seq]').between(['st-a', 'net', 0], ['st-a', 'net', Infinity]).primaryKeys()).map((k) => k[2]));
    db.close();
  });
});
