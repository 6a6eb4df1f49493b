import { describe, expect, it } from 'vitest';
import { DomainError } from '../../renderer/domain/errors';
import { hlcWall } from '../../renderer/sync/hlc';
import { openStation, testNetwork, type TestStation } from './support/station';
import { testTable } from './support/test-table';

const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const network = testNetwork(3, [
  { id: 'a1', zone: 0 },
  { id: 'a2', zone: 0 },
  { id: 'b1', zone: 1 },
  { id: 'c1', zone: 2 },
]);

async function open(id: string, now: () => number = () => T0) {
  return openStation(network, id, [testTable], { now });
}

/** One-way exchange: `to` applies what `from` holds and `to` lacks. */
async function send(from: TestStation, to: TestStation) {
  const ops = await from.replica.opsLackedBy([{ stationId: to.id, acks: await to.replica.acks() }]);
  return to.replica.apply(ops);
}

describe('Replica: local writes', () => {
  it('stamps the clock, records ops with their author and materialises the row in one go', async () => {
    const a = await open('a1');
    const row = await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'Drone 1', contact: 'Jan' }, a.actor);
    expect(row).toMatchObject({ id: row.id, ownerZone: 'zone-0', title: 'Drone 1', contact: 'Jan', note: null, createdBy: 'person-a1', createdAt: new Date(T0).toISOString() });
    expect(await a.db.testRecords.get(row.id)).toEqual(row);
    const ops = await a.db.ops.toArray();
    expect(ops.map((o) => [o.field, o.seq, o.author, o.stream])).toEqual([
      ['ownerZone', 1, 'person-a1', 'net'],
      ['scope', 2, 'person-a1', 'net'],
      ['title', 3, 'person-a1', 'net'],
      ['contact', 4, 'person-a1', 'net'],
    ]);
    const clock = (await a.db.syncMeta.get('hlc'))?.value as string;
    expect(clock).toBe(ops.at(-1)!.hlc);
    expect(await a.replica.acks()).toEqual({ 'a1|net': 4 });
  });

  it('refuses a write its zone may not make, and writes nothing', async () => {
    const a = await open('a1');
    const b = await open('b1');
    const row = await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'x' }, a.actor);
    await send(a, b);
    const before = await b.db.ops.count();
    await expect(b.replica.update(testTable, row.id, { title: 'mine now' }, b.actor)).rejects.toThrow(DomainError);
    expect(await b.db.ops.count()).toBe(before);
    const noted = await b.replica.update(testTable, row.id, { note: 'anyone may' }, b.actor);
    expect(noted.note).toBe('anyone may');
  });

  it('refuses to create a row outside its own audience', async () => {
    const a = await open('a1');
    await expect(a.replica.insert(testTable, { ownerZone: 'zone-1', scope: 'zone', title: 'x' }, a.actor)).rejects.toMatchObject({ code: 'sync.outsideAudience' });
  });
});

describe('Replica: exchange', () => {
  it('keeps each zone to its audience, and relays through a third station', async () => {
    const a1 = await open('a1');
    const a2 = await open('a2');
    const b1 = await open('b1');
    const shared = await a1.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'shared' }, a1.actor);
    const own = await a1.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'zone', title: 'zone only' }, a1.actor);
    await send(a1, b1);
    expect(await b1.db.testRecords.get(shared.id)).toBeDefined();
    expect(await b1.db.testRecords.get(own.id)).toBeUndefined();
    expect((await b1.db.ops.toArray()).every((op) => op.stream === 'net')).toBe(true);
    await send(b1, a2);
    expect(await a2.db.testRecords.get(shared.id)).toMatchObject({ title: 'shared' });
    expect(await a2.db.testRecords.get(own.id)).toBeUndefined();
    await send(a1, a2);
    expect(await a2.db.testRecords.get(own.id)).toMatchObject({ title: 'zone only' });
  });

  it('says "nothing new" when the same ops come again', async () => {
    const a = await open('a1');
    const b = await open('b1');
    await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 't' }, a.actor);
    const ops = await a.replica.opsLackedBy([{ stationId: 'b1', acks: {} }]);
    expect(await b.replica.apply(ops)).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(await b.replica.apply([...ops].reverse())).toEqual({ accepted: 0, duplicates: 3, held: 0, released: 0, forks: [] });
  });

  it('shows concurrent edits as a conflict with both values until a new op resolves it', async () => {
    let now = T0;
    const a = await open('a1', () => now);
    const b = await open('b1', () => now);
    const row = await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 't' }, a.actor);
    await send(a, b);
    now += 1000;
    await a.replica.update(testTable, row.id, { note: 'from a' }, a.actor);
    now += 1000;
    await b.replica.update(testTable, row.id, { note: 'from b' }, b.actor);
    await send(a, b);
    await send(b, a);
    for (const s of [a, b]) {
      expect((await s.db.testRecords.get(row.id))?.note).toBe('from b');
      const [conflict, ...none] = await s.replica.conflicts();
      expect(none).toEqual([]);
      expect(conflict).toMatchObject({ kind: 'field', table: 'testRecords', rowId: row.id, field: 'note', winner: { value: 'from b', author: 'person-b1', origin: 'b1' } });
      expect(conflict!.others).toMatchObject([{ value: 'from a', author: 'person-a1', origin: 'a1', at: new Date(T0 + 1000).toISOString() }]);
    }
    now += 1000;
    await a.replica.resolveConflict(testTable, row.id, 'note', 'from b', a.actor);
    await send(a, b);
    expect(await a.replica.conflicts()).toEqual([]);
    expect(await b.replica.conflicts()).toEqual([]);
  });

  it('erases personal data in every op and row, keeps the hashes, and erases late ops on arrival', async () => {
    let now = T0;
    const a = await open('a1', () => now);
    const b = await open('b1', () => now);
    const row = await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 't', contact: 'Jan Peeters' }, a.actor);
    await send(a, b);
    now += 1000;
    await a.replica.update(testTable, row.id, { contact: 'Jan P.' }, a.actor);
    const late = await a.replica.opsLackedBy([{ stationId: 'b1', acks: await b.replica.acks() }]);
    const hashes = new Map((await a.db.ops.toArray()).map((o) => [`${o.seq}`, o.hash]));
    now += 1000;
    await b.replica.erase(testTable, row.id, b.actor);
    await send(b, a);
    await b.replica.apply(late);
    for (const s of [a, b]) {
      expect(await s.db.testRecords.get(row.id)).toBeUndefined();
      const ops = await s.db.ops.where('[table+rowId]').equals(['testRecords', row.id]).toArray();
      expect(JSON.stringify(ops)).not.toContain('Jan');
      for (const op of ops.filter((o) => o.field === 'contact')) expect(op).toMatchObject({ value: null, salt: '', erased: true });
      expect(ops.find((o) => o.field === 'title')?.value).toBe('t');
      for (const op of ops.filter((o) => o.origin === 'a1')) expect(op.hash).toBe(hashes.get(`${op.seq}`));
      const state = await s.db.rowStates.get(['testRecords', row.id]);
      expect(state).toMatchObject({ erased: true, deleted: true });
      expect(JSON.stringify(state)).not.toContain('Jan');
    }
  });

  it('holds ops from a clock too far ahead, does not acknowledge them, and releases them', async () => {
    const a = await open('a1', () => T0 + 365 * 86_400_000);
    const b = await open('b1');
    await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'future' }, a.actor);
    const result = await send(a, b);
    expect(result).toMatchObject({ accepted: 0, held: 3 });
    expect(await b.replica.acks()).toEqual({});
    expect(await b.db.testRecords.count()).toBe(0);
    const held = await b.replica.heldOps();
    expect(held).toHaveLength(3);
    expect(held[0]!.aheadMs).toBe(365 * 86_400_000);
    const released = await b.replica.releaseHeld(held.map((h) => h.key));
    expect(released).toMatchObject({ accepted: 3, released: 3 });
    expect(await b.db.testRecords.count()).toBe(1);
    expect(await b.replica.acks()).toEqual({ 'a1|net': 3 });
    expect(hlcWall((await b.db.syncMeta.get('hlc'))!.value as string)).toBe(T0 + 365 * 86_400_000);
  });
});
