import { describe, expect, it } from 'vitest';
import { hlcWall, MAX_DRIFT_MS } from '../../renderer/sync/hlc';
import { openStation, testNetwork, type TestStation } from './support/station';
import { testTable } from './support/test-table';

// Clock safety (sync.md point 8): a station a year fast cannot drag the others' clocks or win
// every edit. Its ops are held back (stored apart, not acknowledged), reported, retried on every
// later apply, and accepted once local time catches up or an administrator releases them.

const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const DAY = 86_400_000;
const YEAR = 365 * DAY;

const network = testNetwork(2, [
  { id: 'fast', zone: 0 },
  { id: 'slow', zone: 1 },
  { id: 'n1', zone: 0 },
  { id: 'n2', zone: 1 },
]);

async function exchange(stations: TestStation[]) {
  for (const to of stations) {
    const acks = await to.replica.acks();
    const lists = await Promise.all(stations.filter((s) => s !== to).map((from) => from.replica.opsLackedBy([{ stationId: to.id, acks }])));
    await to.replica.apply(lists.flat());
  }
}

async function clockOf(s: TestStation): Promise<number> {
  return hlcWall((await s.db.syncMeta.get('hlc'))!.value as string);
}

describe('clock skew', () => {
  it('holds a year-fast station’s ops, moves no other clock past the bound, then releases them', async () => {
    let time = T0;
    const offset: Record<string, number> = { fast: YEAR, slow: -DAY, n1: 0, n2: 0 };
    const open = (id: string) => openStation(network, id, [testTable], { now: () => time + offset[id]! });
    const [fast, slow, n1, n2] = await Promise.all(['fast', 'slow', 'n1', 'n2'].map(open)) as [TestStation, TestStation, TestStation, TestStation];
    const all = [fast, slow, n1, n2];

    const shared = await n1.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'from n1' }, n1.actor);
    await exchange(all);
    time += 60_000;
    await fast.replica.update(testTable, shared.id, { title: 'from the future', note: 'fast' }, fast.actor);
    await slow.replica.insert(testTable, { ownerZone: 'zone-1', scope: 'net', title: 'from slow' }, slow.actor);
    await n2.replica.insert(testTable, { ownerZone: 'zone-1', scope: 'net', title: 'from n2' }, n2.actor);
    await exchange(all);
    await exchange(all);

    for (const s of [slow, n1, n2]) {
      expect(await clockOf(s), `${s.id}'s clock`).toBeLessThanOrEqual(time + offset[s.id]! + MAX_DRIFT_MS);
    }
    for (const s of [n1, n2]) {
      const held = await s.replica.heldOps();
      expect(held.map((h) => h.op.origin)).toEqual(['fast', 'fast']);
      expect(held.every((h) => h.aheadMs > YEAR - 120_000)).toBe(true);
      expect(Object.keys(await s.replica.acks()).some((k) => k.startsWith('fast|'))).toBe(false);
      expect((await s.db.testRecords.get(shared.id))?.title).toBe('from n1');
      expect(await s.db.testRecords.count()).toBe(3);
    }
    // The slow station holds what the others wrote a day "ahead" of it: its own clock is wrong.
    expect((await slow.replica.heldOps()).map((h) => h.op.origin).sort()).toEqual(['fast', 'fast', 'n1', 'n1', 'n1', 'n2', 'n2', 'n2']);
    // The fast station takes everyone's ops: they are in its past.
    expect(await fast.replica.heldOps()).toEqual([]);
    expect(await fast.db.testRecords.count()).toBe(3);

    // An administrator at n1 releases them: accepted and acknowledged, but n1's clock stays bounded,
    // and an edit of a field the released op won is refused rather than silently lost.
    const result = await n1.replica.releaseHeld((await n1.replica.heldOps()).map((h) => h.key));
    expect(result).toMatchObject({ accepted: 2, released: 2 });
    expect(await n1.replica.heldOps()).toEqual([]);
    expect((await n1.replica.acks())['fast|net']).toBe(2);
    expect(await n1.db.testRecords.get(shared.id)).toMatchObject({ title: 'from the future', note: 'fast' });
    expect(await clockOf(n1)).toBeLessThanOrEqual(time + MAX_DRIFT_MS);
    await expect(n1.replica.update(testTable, shared.id, { title: 'mine' }, n1.actor)).rejects.toMatchObject({ code: 'sync.clockBehind' });
    await n1.replica.update(testTable, shared.id, { status: 'still editable' }, n1.actor);

    // The slow station's clock is set right: its held ops are retried on the next apply, the
    // fast station's stay held.
    offset.slow = 0;
    expect(await slow.replica.apply([])).toMatchObject({ released: 6 });
    expect((await slow.replica.heldOps()).map((h) => h.op.origin)).toEqual(['fast', 'fast']);

    // A year later n2's own time has caught up: they are accepted without anyone's help.
    time += YEAR;
    expect(await n2.replica.apply([])).toMatchObject({ accepted: 2, released: 2 });
    expect(await n2.db.testRecords.get(shared.id)).toMatchObject({ title: 'from the future' });
    await exchange(all);
    for (const s of all) expect(await s.replica.heldOps()).toEqual([]);
  });
});
