import { describe, expect, it } from 'vitest';
import { dumpStation, openStation, testNetwork, type TestStation } from './support/station';
import { testTable } from './support/test-table';

const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const network = testNetwork(1, [
  { id: 'st-a', zone: 0 },
  { id: 'st-b', zone: 0 },
]);

async function insertMany(s: TestStation, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  await s.db.transaction('rw', s.replica.scope, async () => {
    for (let i = 0; i < count; i++) ids.push((await s.replica.insert(testTable, { ownerZone: s.zoneId, scope: 'net', title: `${prefix} ${i}` }, s.actor)).id);
  });
  return ids;
}

async function updateEach(s: TestStation, ids: readonly string[], note: string): Promise<void> {
  await s.db.transaction('rw', s.replica.scope, async () => {
    for (const id of ids) await s.replica.update(testTable, id, { note }, s.actor);
  });
}

const send = async (from: TestStation, to: TestStation) => to.replica.apply(await from.replica.opsLackedBy([{ stationId: to.id, acks: await to.replica.acks() }]));

// rematerialise reads which rows of a large batch (256 rows or more) have a state as keys over a
// range, and looks them up one by one when the range is much fuller than the batch: both ways
// must merge exactly as small batches do.
describe('large batches: row states found by range or one by one', () => {
  it('a batch of new rows and rows known in the same range (read as keys) merges as at the origin', async () => {
    let now = T0;
    const options = { now: () => now++ };
    const a = await openStation(network, 'st-a', [testTable], options);
    const b = await openStation(network, 'st-b', [testTable], options);
    const known = await insertMany(a, 300, 'Eerst');
    await send(a, b);
    await updateEach(a, known.slice(0, 150), 'bijgewerkt');
    await insertMany(a, 200, 'Nieuw');
    const result = await send(a, b);
    expect(result.accepted).toBeGreaterThan(150 + 200);
    expect(await dumpStation(b)).toEqual(await dumpStation(a));
    expect(await b.db.testRecords.count()).toBe(500);
  });

  it('a batch spread over a much larger table (looked up one by one) merges as at the origin', async () => {
    let now = T0;
    const options = { now: () => now++ };
    const a = await openStation(network, 'st-a', [testTable], options);
    const b = await openStation(network, 'st-b', [testTable], options);
    const known = await insertMany(a, 1200, 'Post');
    await send(a, b);
    await updateEach(
      a,
      known.filter((_, i) => i % 4 === 0),
      'elke vierde',
    );
    await send(a, b);
    expect(await dumpStation(b)).toEqual(await dumpStation(a));
    expect((await b.db.testRecords.toArray()).filter((r) => r.note === 'elke vierde')).toHaveLength(300);
  });
});
