import { describe, expect, it } from 'vitest';
import { NET } from '../../../renderer/sync/audience';
import { materialiseRow } from '../../../renderer/sync/merge';
import { eraseOpValue, opKey, type Op } from '../../../renderer/sync/op';
import { defineReplicatedTable } from '../../../renderer/sync/schema';
import { makeOp, ROW, T } from './make-op';

interface Thing {
  owner: string;
  requester?: string;
  title: string;
  note?: string;
  answer?: string;
  status?: string;
  name?: string;
}

const things = defineReplicatedTable<Thing>({
  name: 'things',
  fields: { owner: { writer: 'owner' }, requester: { writer: 'owner' }, title: { writer: 'owner' }, note: { writer: 'any' }, answer: { writer: 'requester' }, status: { writer: 'parties' }, name: { writer: 'owner' } },
  owner: 'owner',
  requester: 'requester',
  audience: () => NET,
  personal: { name: { retentionDays: 30 } },
});

const zones = { a1: 'A', a2: 'A', b1: 'B', c1: 'C' };
const at = (ms: number) => new Date(T + ms).toISOString();
const merge = (ops: Op[]) => materialiseRow(things, ROW, ops, zones);

const created = [makeOp({ origin: 'a1', field: 'owner', value: 'A', counter: 0 }), makeOp({ origin: 'a1', field: 'title', value: 'Drone', counter: 1, seq: 2 })];

describe('materialiseRow', () => {
  it('makes the row from its ops, with audit columns from who created and last changed it', () => {
    const edit = makeOp({ origin: 'a2', field: 'title', value: 'Drone 2', ms: 500, prev: created[1]!.hlc });
    const out = merge([edit, ...created]);
    expect(out.row).toEqual({ id: ROW, owner: 'A', requester: null, title: 'Drone 2', note: null, answer: null, status: null, name: null, createdAt: at(0), createdBy: 'person-a1', updatedAt: at(500), updatedBy: 'person-a2' });
    expect(out).toMatchObject({ exists: true, deleted: false, erased: false, owner: 'A', stream: 'net', conflicts: [], rejected: [], deferred: [], scrub: [] });
    expect(out.heads).toEqual({ owner: created[0]!.hlc, title: edit.hlc });
  });

  it('is a function of the set of ops, not of their order', () => {
    const ops = [
      ...created,
      makeOp({ origin: 'b1', field: 'note', value: 'x', ms: 10 }),
      makeOp({ origin: 'c1', field: 'note', value: 'y', ms: 10 }),
      makeOp({ origin: 'b1', field: 'title', value: 'not yours', ms: 20 }),
      makeOp({ origin: 'a1', field: 'deleted', value: true, ms: 30, seq: 3 }),
      makeOp({ origin: 'a2', field: 'deleted', value: false, ms: 31 }),
    ];
    const expected = merge(ops);
    for (let i = 0; i < 20; i++) {
      const shuffled = [...ops].sort(() => Math.random() - 0.5);
      expect(merge(shuffled)).toEqual(expected);
    }
  });

  it('lets the highest clock win per field and shows the concurrent value until an edit that saw it', () => {
    const fromB = makeOp({ origin: 'b1', field: 'note', value: 'from B', ms: 100, prev: null });
    const fromC = makeOp({ origin: 'c1', field: 'note', value: 'from C', ms: 200, prev: null });
    const out = merge([...created, fromB, fromC]);
    expect(out.row?.note).toBe('from C');
    expect(out.conflicts).toEqual([
      {
        kind: 'field',
        table: 'things',
        rowId: ROW,
        field: 'note',
        winner: { value: 'from C', hlc: fromC.hlc, at: at(200), origin: 'c1', author: 'person-c1' },
        others: [{ value: 'from B', hlc: fromB.hlc, at: at(100), origin: 'b1', author: 'person-b1' }],
      },
    ]);
    const resolved = makeOp({ origin: 'a1', field: 'note', value: 'from B', ms: 300, seq: 3, prev: fromC.hlc });
    expect(merge([...created, fromB, fromC, resolved]).conflicts).toEqual([]);
    const sameValue = makeOp({ origin: 'c1', field: 'note', value: 'from B', ms: 200, prev: null });
    expect(merge([...created, fromB, sameValue]).conflicts).toEqual([]);
  });

  it('still shows a value the winner replaced unknowingly: newer than the value its writer replaced', () => {
    const p = makeOp({ origin: 'a1', field: 'note', value: 'p', ms: 10, seq: 3 });
    const x = makeOp({ origin: 'b1', field: 'note', value: 'x', ms: 20, prev: p.hlc });
    const y = makeOp({ origin: 'c1', field: 'note', value: 'y', ms: 15, prev: p.hlc });
    const w = makeOp({ origin: 'c1', field: 'note', value: 'w', ms: 30, seq: 2, prev: y.hlc });
    const out = merge([...created, p, x, y, w]);
    expect(out.row?.note).toBe('w');
    expect(out.conflicts[0]?.others.map((v) => v.value)).toEqual(['x']);
  });

  it('stores ops of writers without authority with no effect, and reports them', () => {
    const bTitle = makeOp({ origin: 'b1', field: 'title', value: 'mine', ms: 10 });
    const ghost = makeOp({ origin: 'ghost', field: 'note', value: 'boo', ms: 11 });
    const badOwner = makeOp({ origin: 'a1', field: 'owner', value: 7, ms: 12, seq: 3 });
    const out = merge([...created, bTitle, ghost, badOwner]);
    expect(out.row?.title).toBe('Drone');
    expect(out.row?.note).toBeNull();
    expect(out.rejected).toEqual([
      { key: opKey(bTitle), reason: 'authority' },
      { key: opKey(ghost), reason: 'station' },
      { key: opKey(badOwner), reason: 'invalid' },
    ]);
  });

  it('judges each op against the owner and requester as they stand just before it', () => {
    const request = [makeOp({ origin: 'b1', field: 'owner', value: 'A', counter: 0 }), makeOp({ origin: 'b1', field: 'requester', value: 'B', counter: 1, seq: 2 })];
    const answer = makeOp({ origin: 'b1', field: 'answer', value: 'yes', ms: 10, seq: 3 });
    const status = makeOp({ origin: 'a1', field: 'status', value: 'approved', ms: 11 });
    const cStatus = makeOp({ origin: 'c1', field: 'status', value: 'no', ms: 12 });
    const transfer = makeOp({ origin: 'a1', field: 'owner', value: 'C', ms: 20, seq: 2, prev: request[0]!.hlc });
    const cTitle = makeOp({ origin: 'c1', field: 'title', value: 'now mine', ms: 30, seq: 2 });
    const aTitleLate = makeOp({ origin: 'a1', field: 'title', value: 'too late', ms: 31, seq: 3 });
    const out = merge([...request, answer, status, cStatus, transfer, cTitle, aTitleLate]);
    expect(out).toMatchObject({ owner: 'C', requester: 'B' });
    expect(out.row).toMatchObject({ answer: 'yes', status: 'approved', title: 'now mine' });
    expect(out.rejected.map((r) => r.key)).toEqual([opKey(cStatus), opKey(aTitleLate)]);
    const selfAppointed = makeOp({ origin: 'c1', field: 'requester', value: 'B', ms: 5 });
    expect(merge([...created, selfAppointed]).rejected).toEqual([{ key: opKey(selfAppointed), reason: 'authority' }]);
  });

  it('defers ops for unknown tables and fields, and knows them once declared', () => {
    const future = makeOp({ origin: 'a1', field: 'priority', value: 'high', ms: 10, seq: 3 });
    const out = merge([...created, future]);
    expect(out.deferred).toEqual([opKey(future)]);
    expect(out.row).not.toHaveProperty('priority');
    const unknownTable = materialiseRow(undefined, ROW, created, zones);
    expect(unknownTable).toMatchObject({ row: null, deferred: created.map(opKey), exists: false });
  });

  it('turns a deleted row into a tombstone; a later restore brings it back', () => {
    const del = makeOp({ origin: 'a1', field: 'deleted', value: true, ms: 10, seq: 3 });
    expect(merge([...created, del])).toMatchObject({ row: null, deleted: true, exists: true });
    const restore = makeOp({ origin: 'a2', field: 'deleted', value: false, ms: 20, prev: del.hlc });
    expect(merge([...created, del, restore]).row?.title).toBe('Drone');
  });

  it('erases personal values in the ops of the erasure stream, whoever erases, for good', () => {
    const name = makeOp({ origin: 'a1', field: 'name', value: 'Jan', ms: 5, seq: 3 });
    const otherStream = makeOp({ origin: 'a2', field: 'name', value: 'Piet', ms: 6, stream: 'zone:A' });
    const erase = makeOp({ origin: 'c1', field: 'erased', value: true, ms: 10 });
    const restore = makeOp({ origin: 'a1', field: 'deleted', value: false, ms: 20, seq: 4 });
    const out = merge([...created, name, otherStream, erase, restore]);
    expect(out).toMatchObject({ row: null, erased: true, deleted: true, erasedIn: ['net'], conflicts: [] });
    expect(out.scrub).toEqual([opKey(name)]);
    expect(merge([...created, eraseOpValue(name), erase]).scrub).toEqual([]);
    const badErase = makeOp({ origin: 'c1', field: 'erased', value: false, ms: 10 });
    expect(merge([...created, name, badErase])).toMatchObject({ erased: false, scrub: [], rejected: [{ key: opKey(badErase), reason: 'invalid' }] });
  });

  it('takes the stream of the op that created the row', () => {
    const early = makeOp({ origin: 'b1', field: 'note', value: 'early', ms: -10, stream: 'zone:B' });
    expect(merge([...created, early]).stream).toBe('net');
  });
});

describe('materialiseRow: fields whose latest value wins silently', () => {
  it('shows no conflict for them', () => {
    const secret = defineReplicatedTable<{ owner: string; secret: string }>({
      name: 'things',
      fields: { owner: { writer: 'owner' }, secret: { writer: 'any', latestWins: true } },
      owner: 'owner',
      audience: () => NET,
    });
    const x = makeOp({ origin: 'b1', field: 'secret', value: 'x', ms: 10 });
    const y = makeOp({ origin: 'c1', field: 'secret', value: 'y', ms: 20 });
    const out = materialiseRow(secret, ROW, [created[0]!, x, y], zones);
    expect(out.row?.secret).toBe('y');
    expect(out.conflicts).toEqual([]);
  });
});
