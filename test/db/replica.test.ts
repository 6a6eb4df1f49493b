import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ZonelinkDb } from '../../renderer/data/db';
import { Replica } from '../../renderer/data/replicated/replica';
import { DomainError } from '../../renderer/domain/errors';
import { stampOps } from '../../renderer/sync/local-write';
import { opHash } from '../../renderer/sync/op';
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
    const hashes = new Map((await a.db.ops.toArray()).map((o) => [`${o.seq}`, opHash(o)]));
    now += 1000;
    await b.replica.erase(testTable, row.id, b.actor);
    await send(b, a);
    await b.replica.apply(late);
    for (const s of [a, b]) {
      expect(await s.db.testRecords.get(row.id)).toBeUndefined();
      const ops = (await s.db.ops.toArray()).filter((o) => o.table === 'testRecords' && o.rowId === row.id);
      expect(JSON.stringify(ops)).not.toContain('Jan');
      for (const op of ops.filter((o) => o.field === 'contact')) expect(op).toMatchObject({ value: null, salt: '', erased: true });
      expect(ops.find((o) => o.field === 'title')?.value).toBe('t');
      for (const op of ops.filter((o) => o.origin === 'a1')) expect(opHash(op)).toBe(hashes.get(`${op.seq}`));
      const state = await s.db.rowStates.get(['testRecords', row.id]);
      expect(state).toMatchObject({ erased: true, deleted: true });
      expect(JSON.stringify(state)).not.toContain('Jan');
    }
  });
});

describe('Replica: erasure of held ops', () => {
  it('erases the personal values of held ops too', async () => {
    const a1 = await open('a1');
    const fast = await open('a2', () => T0 + 86_400_000);
    const b = await open('b1');
    const row = await a1.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 't' }, a1.actor);
    await send(a1, fast);
    await send(a1, b);
    await fast.replica.update(testTable, row.id, { contact: 'Jan Peeters' }, fast.actor);
    await send(fast, b);
    expect((await b.replica.heldOps()).map((h) => h.op.value)).toEqual(['Jan Peeters']);
    await a1.replica.erase(testTable, row.id, a1.actor);
    expect(await send(a1, b)).toMatchObject({ accepted: 1 });
    const held = await b.replica.heldOps();
    expect(held.map((h) => [h.op.field, h.op.value, h.op.erased])).toEqual([['contact', null, true]]);
    expect(JSON.stringify(await b.db.heldOps.toArray())).not.toContain('Jan');
  });
});

describe('Replica: refusals and reports', () => {
  it('refuses a whole apply with a malformed op or one outside its audience, writing nothing', async () => {
    const a = await open('a1');
    const b = await open('b1');
    await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'net' }, a.actor);
    await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'zone', title: 'zone' }, a.actor);
    const all = await a.replica.opsLackedBy([{ stationId: 'a2', acks: {} }]);
    expect(all.some((op) => op.stream === 'zone:zone-0')).toBe(true);
    await expect(b.replica.apply(all)).rejects.toMatchObject({ code: 'sync.outsideAudience' });
    const net = all.filter((op) => op.stream === 'net');
    await expect(b.replica.apply([...net, { ...net[0]!, value: 'tampered' }])).rejects.toMatchObject({ code: 'sync.badOp', params: { index: net.length } });
    expect(await b.db.ops.count()).toBe(0);
    expect(await b.db.testRecords.count()).toBe(0);
  });

  it('refuses the same (origin, stream, seq) with another content and raises an alarm', async () => {
    const a = await open('a1');
    const b = await open('b1');
    await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'before the backup' }, a.actor);
    await send(a, b);
    // a1 is restored from a backup taken before that write and writes again with the same seqs.
    const restored = await open('a1');
    await restored.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'after the restore' }, restored.actor);
    const result = await b.replica.apply(await restored.replica.opsLackedBy([{ stationId: 'b1', acks: {} }]));
    expect(result.accepted).toBe(0);
    expect(result.forks.map((f) => f.key)).toEqual(['a1|net|1', 'a1|net|2', 'a1|net|3']);
    expect((await b.replica.forkAlarms()).map((f) => f.key)).toEqual(['a1|net|1', 'a1|net|2', 'a1|net|3']);
    expect((await b.db.testRecords.toArray()).map((r) => r.title)).toEqual(['before the backup']);
  });

  it('reports ops that have no effect, with the reason', async () => {
    const a = await open('a1');
    const b = await open('b1');
    const row = await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 't' }, a.actor);
    await send(a, b);
    const forgedTitle = { ...(await a.replica.opsLackedBy([{ stationId: 'b1', acks: {} }])).find((op) => op.field === 'title')! };
    const c = await open('c1');
    await send(a, c);
    await c.replica.update(testTable, row.id, { note: 'fine' }, c.actor);
    // c1 (zone-2) pretends to retitle a zone-0 row: built by hand, as a faulty station would.
    const { ops } = stampOps({ origin: 'c1', author: 'person-c1', table: 'testRecords', rowId: row.id, stream: 'net', lastSeq: 1, clock: null, now: T0 + 5, changes: [['title', 'hijacked']], heads: { title: forgedTitle.hlc } });
    await b.replica.apply([...(await c.replica.opsLackedBy([{ stationId: 'b1', acks: await b.replica.acks() }])), ...ops.map(({ hash: _h, ...op }) => op)]);
    expect((await b.db.testRecords.get(row.id))?.title).toBe('t');
    expect((await b.db.testRecords.get(row.id))?.note).toBe('fine');
    expect((await b.replica.rejectedOps()).map(({ op, reason }) => [op.origin, op.field, op.value, reason])).toEqual([['c1', 'title', 'hijacked', 'authority']]);
  });
});

describe('Replica: acknowledgements and staleness', () => {
  it('exports what several recipients lack, from their recorded acks', async () => {
    const a1 = await open('a1');
    const a2 = await open('a2');
    const b1 = await open('b1');
    await a1.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'one' }, a1.actor);
    await send(a1, a2);
    await a1.replica.recordPeerAcks('a2', await a2.replica.acks(), new Date(T0).toISOString());
    await a1.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'zone', title: 'two' }, a1.actor);
    const lacked = await a1.replica.opsLackedBy([{ stationId: 'a2' }, { stationId: 'b1' }]);
    expect(lacked.map((op) => `${op.stream}|${op.seq}`)).toEqual(['net|1', 'net|2', 'net|3', 'zone:zone-0|1', 'zone:zone-0|2', 'zone:zone-0|3']);
    expect((await a1.replica.opsLackedBy([{ stationId: 'a2' }])).map((op) => op.stream)).toEqual(['zone:zone-0', 'zone:zone-0', 'zone:zone-0']);
    expect(await a1.replica.opsLackedBy([{ stationId: 'b1', acks: await b1.replica.acks() }])).toHaveLength(3);
    await expect(a1.replica.opsLackedBy([{ stationId: 'nobody' }])).rejects.toMatchObject({ code: 'station.unknown' });
  });

  it('says when it last heard from each station and up to when its own ops reached it', async () => {
    let now = T0;
    const a = await open('a1', () => now);
    const b = await open('b1', () => now);
    await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'one' }, a.actor);
    await send(a, b);
    now += 60_000;
    await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'two' }, a.actor);
    await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'zone', title: 'private' }, a.actor);
    await a.replica.recordPeerAcks('b1', await b.replica.acks(), '2026-03-02T09:00:00.000Z');
    await a.replica.recordPeerAcks('b1', { 'a1|net': 1 }, '2026-03-01T09:00:00.000Z');
    expect(await a.replica.staleness()).toEqual([{ stationId: 'b1', lastHeardAt: '2026-03-02T09:00:00.000Z', upToDate: false, reachedUpTo: new Date(T0).toISOString() }]);
    await send(a, b);
    await a.replica.recordPeerAcks('b1', await b.replica.acks(), '2026-03-02T10:00:00.000Z');
    expect(await a.replica.staleness()).toEqual([{ stationId: 'b1', lastHeardAt: '2026-03-02T10:00:00.000Z', upToDate: true, reachedUpTo: null }]);
    await expect(a.replica.recordPeerAcks('b1', { nonsense: 1 }, '2026-03-02T10:00:00.000Z')).rejects.toThrow(RangeError);
  });

  it('keeps acks gap-free when ops arrive out of order', async () => {
    const a = await open('a1');
    const b = await open('b1');
    for (const title of ['1', '2']) await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title }, a.actor);
    const ops = await a.replica.opsLackedBy([{ stationId: 'b1', acks: {} }]);
    await b.replica.apply(ops.filter((op) => op.seq !== 2));
    expect(await b.replica.acks()).toEqual({ 'a1|net': 1 });
    await b.replica.apply(ops.filter((op) => op.seq === 2));
    expect(await b.replica.acks()).toEqual({ 'a1|net': 6 });
  });
});

describe('Replica: declared tables', () => {
  it('refuses a materialised table with a unique index, which would abort whole imports', async () => {
    class WithUnique extends ZonelinkDb {
      constructor() {
        super('unique', { indexedDB: new IDBFactory(), IDBKeyRange });
        this.version(this.verno + 1).stores({ testRecords: 'id, &title' });
      }
    }
    expect(() => new Replica(new WithUnique(), [testTable])).toThrow(/unique indexes \(title\)/);
  });
});
