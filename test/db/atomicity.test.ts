import type { DBCore, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import { formatHlc } from '../../renderer/sync/hlc';
import { computeValueHash, newSalt, type Op } from '../../renderer/sync/op';
import { openStation, testNetwork, type TestStation } from './support/station';
import { testTable } from './support/test-table';

// Idempotent and atomic import (sync.md point 3): a failure at any point of an apply, or of a
// local write, leaves the database exactly as it was. A Dexie middleware fails the k-th call to
// the database, for k = 1, 2, … until the operation goes through without meeting the fault.

const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const network = testNetwork(2, [
  { id: 'a1', zone: 0 },
  { id: 'b1', zone: 1 },
]);

/** Fails the `failAt`-th database call while armed. */
function faultInjector() {
  const state = { armed: false, calls: 0, failAt: 0, failed: false };
  const hit = () => {
    if (!state.armed) return;
    state.calls++;
    if (state.calls === state.failAt) {
      state.failed = true;
      throw new Error(`injected fault at call ${state.calls}`);
    }
  };
  const wrap = (table: DBCoreTable): DBCoreTable => ({
    ...table,
    mutate: (req) => (hit(), table.mutate(req)),
    get: (req) => (hit(), table.get(req)),
    getMany: (req) => (hit(), table.getMany(req)),
    query: (req) => (hit(), table.query(req)),
    openCursor: (req) => (hit(), table.openCursor(req)),
    count: (req) => (hit(), table.count(req)),
  });
  const middleware = { stack: 'dbcore' as const, name: 'fault-injector', create: (down: DBCore): DBCore => ({ ...down, table: (name) => wrap(down.table(name)) }) };
  return { state, middleware };
}

/** Every table of the database, in key order, as one string; bytes (op pages) as hex. */
async function snapshot(s: TestStation): Promise<string> {
  const tables = await Promise.all(s.db.tables.map(async (t) => [t.name, await t.toCollection().toArray()] as const));
  return JSON.stringify(Object.fromEntries(tables), (_key, value: unknown) => (value instanceof Uint8Array ? bytesToHex(value) : value));
}

async function everyFaultPoint(s: TestStation, operation: () => Promise<unknown>): Promise<number> {
  const fault = faultInjector();
  // Dexie builds its middleware stack when it opens the database.
  s.db.close();
  s.db.use(fault.middleware);
  await s.db.open();
  const before = await snapshot(s);
  for (let failAt = 1; ; failAt++) {
    Object.assign(fault.state, { armed: true, calls: 0, failAt, failed: false });
    const outcome = await operation().then(
      () => 'done' as const,
      (e: unknown) => e,
    );
    fault.state.armed = false;
    if (!fault.state.failed) {
      expect(outcome).toBe('done');
      s.db.close();
      s.db.unuse(fault.middleware);
      await s.db.open();
      return failAt - 1;
    }
    expect(String(outcome)).toContain('injected fault');
    expect(await snapshot(s), `after a fault at call ${failAt}`).toBe(before);
  }
}

function forged(origin: string, seq: number, field: string, value: Op['value'], rowId: string, ms: number): Op {
  const salt = newSalt();
  return { origin, stream: 'net', seq, hlc: formatHlc({ wall: ms, counter: 0, station: origin }), prev: null, author: 'p', table: 'testRecords', rowId, field, value, salt, valueHash: computeValueHash(salt, value) };
}

describe('atomicity', () => {
  it('leaves the database as it was after a failure at any point of an apply', async () => {
    let time = T0;
    const a = await openStation(network, 'a1', [testTable], { now: () => time });
    const b = await openStation(network, 'b1', [testTable], { now: () => time });
    const first = await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'one', contact: 'Jan' }, a.actor);
    await b.replica.apply(await a.replica.opsLackedBy([{ stationId: 'b1', acks: {} }]));
    time += 1000;
    await b.replica.update(testTable, first.id, { note: 'from b' }, b.actor);
    await a.replica.update(testTable, first.id, { note: 'from a', contact: 'Jan P.' }, a.actor);
    await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'two' }, a.actor);
    await a.replica.erase(testTable, first.id, a.actor);
    const held = forged('a1', 99, 'note', 'from the future', first.id, time + 86_400_000);
    await b.replica.apply([forged('a1', 98, 'note', 'held earlier', first.id, time + 86_400_000)]);
    const batch = [...(await a.replica.opsLackedBy([{ stationId: 'b1', acks: await b.replica.acks() }])), held];
    expect(batch.length).toBeGreaterThan(5);
    time += 2 * 86_400_000;

    const calls = await everyFaultPoint(b, () => b.replica.apply(batch));
    expect(calls).toBeGreaterThan(10);
    expect(await b.db.testRecords.count()).toBe(1);
    expect(await b.replica.heldOps()).toEqual([]);
    expect(JSON.stringify(await b.db.ops.toArray())).not.toContain('Jan');
  });

  it('leaves the database as it was after a failure at any point of a local write', async () => {
    const a = await openStation(network, 'a1', [testTable], { now: () => T0 });
    const row = await a.replica.insert(testTable, { ownerZone: 'zone-0', scope: 'net', title: 'one', contact: 'Jan' }, a.actor);
    expect(await everyFaultPoint(a, () => a.replica.update(testTable, row.id, { title: 'two', contact: 'Piet' }, a.actor))).toBeGreaterThan(5);
    expect(await a.db.testRecords.get(row.id)).toMatchObject({ title: 'two', contact: 'Piet' });
    expect(await everyFaultPoint(a, () => a.replica.erase(testTable, row.id, a.actor))).toBeGreaterThan(5);
    expect(await a.db.testRecords.get(row.id)).toBeUndefined();
  });
});
