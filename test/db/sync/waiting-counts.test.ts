import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPLICATED_TABLES } from '../../../renderer/data/replicated/tables';
import type { AckTable } from '../../../renderer/sync/acks';
import { openStation, testNetwork, type TestStation } from '../support/station';
import { testTable } from '../support/test-table';

const network = testNetwork(3, [
  { id: 'a1', zone: 0 },
  { id: 'a2', zone: 0 },
  { id: 'b1', zone: 1 },
  { id: 'c1', zone: 2 },
]);
const ZONES = ['zone-0', 'zone-1', 'zone-2'];
const SCOPES = ['net', 'zone', 'pair'];

let a1: TestStation;
let keys: string[];

/** Random rows written at a1 and b1 (zone, pair and network streams), all of them held by a1. */
beforeAll(async () => {
  a1 = await openStation(network, 'a1', [...REPLICATED_TABLES, testTable]);
  const b1 = await openStation(network, 'b1', [...REPLICATED_TABLES, testTable]);
  const rows = fc.sample(fc.record({ writer: fc.constantFrom(a1, b1), scope: fc.constantFrom(...SCOPES), other: fc.constantFrom(...ZONES), edits: fc.nat(3) }), { numRuns: 40, seed: 48 });
  for (const row of rows) {
    const { writer } = row;
    const inserted = await writer.replica.insert(testTable, { ownerZone: writer.zoneId, requesterZone: row.other, scope: row.scope, title: 't' }, writer.actor);
    for (let i = 0; i < row.edits; i++) await writer.replica.update(testTable, inserted.id, { title: `t${i}` }, writer.actor);
  }
  await a1.replica.apply(await b1.replica.opsLackedBy([{ stationId: 'a1', acks: {} }]));
  keys = (await a1.db.acks.toArray()).map((a) => `${a.origin}|${a.stream}`);
});

/** Ack tables over the (origin, stream) pairs a1 holds, each seq from 0 to a bit past the last. */
const ackTable = () => fc.uniqueArray(fc.constantFrom(...keys), { selector: (k) => k }).chain((chosen) => fc.tuple(...chosen.map((k) => fc.tuple(fc.constant(k), fc.nat(12)))).map((pairs): AckTable => Object.fromEntries(pairs)));

describe('countLackedBy: what waits for a station, counted without reading ops', () => {
  it('equals the length of opsLackedBy for random acks, one or several recipients', async () => {
    expect(keys.length).toBeGreaterThan(3);
    await fc.assert(
      fc.asyncProperty(fc.subarray(['a2', 'b1', 'c1'], { minLength: 1 }), fc.array(ackTable(), { minLength: 3, maxLength: 3 }), async (stations, tables) => {
        const recipients = stations.map((stationId, i) => ({ stationId, acks: tables[i]! }));
        expect(await a1.replica.countLackedBy(recipients)).toBe((await a1.replica.opsLackedBy(recipients)).length);
      }),
      { numRuns: 60, seed: 480 },
    );
  });

  it('uses the acks recorded from a station, and everything for one never heard from', async () => {
    const total = await a1.db.ops.count();
    expect(await a1.replica.countLackedBy([{ stationId: 'a2' }])).toBe(total);
    const reported = Object.fromEntries(keys.slice(0, 2).map((k) => [k, 2]));
    await a1.replica.recordPeerAcks('a2', reported, '2026-03-02T08:00:00.000Z');
    const counted = await a1.replica.countLackedBy([{ stationId: 'a2' }]);
    expect(counted).toBe((await a1.replica.opsLackedBy([{ stationId: 'a2' }])).length);
    expect(counted).toBeLessThan(total);
  });
});
