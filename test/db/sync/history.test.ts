import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZonelinkDb } from '../../../renderer/data/db';
import { importBundle, isImported, listSyncHistory, refusalOf, type SyncHistoryRow } from '../../../renderer/data/sync';
import { inspectBundle } from '../../../renderer/sync/bundle/format';
import { V3_STORES } from '../support/released-stores';
import { send, setUpNetwork, type SyncNetwork } from './support';

let net: SyncNetwork;
beforeAll(async () => {
  net = await setUpNetwork(['B', 'C']);
});

describe('history by bundle id: imported or refused, without decrypting', () => {
  it('knows an imported bundle and a refused one with its reason', async () => {
    const { A, B, C } = net.stations;
    const bytes = await send(A, [B], { bootstrap: true });
    const { bundle } = (await inspectBundle(bytes)).header;
    expect(await isImported(B.db, bundle)).toBe(false);
    expect(await importBundle(B.db, bytes)).toMatchObject({ status: 'imported' });
    expect(await isImported(B.db, bundle)).toBe(true);
    expect(await refusalOf(B.db, bundle)).toBeNull();

    expect(await refusalOf(C.db, bundle)).toBeNull();
    expect(await importBundle(C.db, bytes)).toMatchObject({ status: 'refused', reason: 'notForThisStation' });
    expect(await isImported(C.db, bundle)).toBe(false);
    expect(await refusalOf(C.db, bundle)).toMatchObject({ reason: 'notForThisStation', params: {} });
  });

  it("keeps a refusal's parameters, so its message is complete", async () => {
    const { A, B } = net.stations;
    const newer = (await send(A, [B])).slice();
    newer[9] = newer[9]! + 1;
    expect(await importBundle(B.db, newer)).toMatchObject({ status: 'refused', reason: 'tooNew' });
    const [entry] = await listSyncHistory(B.db);
    expect(entry).toMatchObject({ outcome: 'refused', reason: 'tooNew', params: { appVersion: expect.stringMatching(/^\d+\.\d+\.\d+/), format: newer[9] } });
  });
});

describe('Dexie v3 → v4 → v5', () => {
  it('keeps the sync history and finds its rows by bundle id, and segments by origin', async () => {
    const factory = new IDBFactory();
    const v3 = new Dexie('zonelink-v3', { indexedDB: factory, IDBKeyRange });
    v3.version(3).stores(V3_STORES);
    const row: SyncHistoryRow = {
      id: '019cad8f-0000-7000-8000-000000000010',
      direction: 'import',
      outcome: 'refused',
      at: '2026-03-02T08:00:00.000Z',
      bundle: '019cad8f-0000-7000-8000-0000000000b1',
      sender: null,
      recipients: [],
      counts: { carried: 0, applied: 0, alreadyKnown: 0, held: 0, conflicts: 0, refused: 0 },
      reason: 'wrongPassphrase',
      detail: 'x',
      personalData: [],
      fileName: null,
      size: 10,
    };
    await v3.table('syncHistory').bulkAdd([row, { ...row, id: '019cad8f-0000-7000-8000-000000000011', bundle: null, reason: 'notBundle' }]);
    const segment = { signature: 'ab'.repeat(64), origin: '019cad8f-0000-7000-8000-0000000000a1', hashes: ['cd'.repeat(32)] };
    await v3.table('segments').add(segment);
    await v3.table('opSegments').add({ hash: segment.hashes[0], segment: segment.signature });
    v3.close();

    const db = new ZonelinkDb('zonelink-v3', { indexedDB: factory, IDBKeyRange });
    expect(await listSyncHistory(db)).toHaveLength(2);
    expect(await refusalOf(db, row.bundle!)).toEqual({ reason: 'wrongPassphrase', params: undefined, at: row.at });
    // v5 (decision 0052): segments are found by origin, and the per-op links are gone.
    expect(await db.segments.where('origin').equals(segment.origin).toArray()).toEqual([segment]);
    expect(db.tables.map((t) => t.name)).not.toContain('opSegments');
    db.close();
  });
});
