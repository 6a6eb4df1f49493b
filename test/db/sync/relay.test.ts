import { beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../../renderer/data/people';
import { replicaOf } from '../../../renderer/data/replicated/replica-of';
import { peopleTable } from '../../../renderer/data/replicated/tables/people';
import { revokeStation, stationKeys } from '../../../renderer/data/network';
import { importBundle, listSyncHistory } from '../../../renderer/data/sync';
import { compress } from '../../../renderer/sync/bundle/compress';
import { encodeRecords } from '../../../renderer/sync/bundle/records';
import { freshRandomness, sealBundle } from '../../../renderer/sync/bundle/seal';
import type { SignedSegment } from '../../../renderer/sync/bundle/segment';
import { computeValueHash, opHash } from '../../../renderer/sync/op';
import { signedChain } from '../../../renderer/data/network';
import { testTable } from '../support/test-table';
import { carry, hashTables, PASSPHRASE, send, setUpNetwork, type SyncNetwork, type SyncStation } from './support';

const HISTORY = ['syncHistory'];
let net: SyncNetwork;
beforeAll(async () => {
  net = await setUpNetwork(['B', 'C', 'R', 'D']);
});

/** A bundle sealed by `from` without writeBundle's checks, with the given segments: what a dishonest relay could write. */
async function sealAs(from: SyncStation, to: SyncStation, segments: SignedSegment[]): Promise<Uint8Array> {
  const chain = (await signedChain(from.db))!;
  const plain = await encodeRecords({ meta: { acks: {}, appVersion: '0.1.0', createdAt: new Date().toISOString() }, rosters: chain, segments });
  const recipient = chain.at(-1)!.document.stations.find((s) => s.id === to.id)!.keys!;
  return sealBundle({
    sender: (await stationKeys(from.db))!,
    network: chain[0]!.document.network,
    recipients: [{ station: to.id, agreement: recipient.agreement }],
    passphrase: null,
    payload: { bytes: await compress(plain, 'deflate-raw'), compression: 'deflate-raw', plainLength: plain.length },
    chunkSize: 65_536,
    random: freshRandomness(Date.now()),
  });
}

const opsFrom = async (s: SyncStation, origin: string) => (await s.db.ops.where('[origin+stream+seq]').between([origin, ''], [origin, '\uffff']).toArray()).map((op) => `${op.stream}|${op.seq}|${opHash(op)}`).sort();

describe('store and forward', () => {
  it("A's ops imported at R travel on in R's export to C and verify at C as A's", async () => {
    const { A, R, C } = net.stations;
    await A.test.insert(testTable, { ownerZone: A.zoneId, scope: 'net', title: 'Drone Westkust' }, net.admin);
    expect(await carry(A, R)).toMatchObject({ status: 'imported' });
    expect(await carry(R, C)).toMatchObject({ status: 'imported' });
    const fromA = await opsFrom(A, A.id);
    expect(fromA.length).toBeGreaterThan(0);
    expect(await opsFrom(C, A.id)).toEqual(fromA);
    // C stored A's segments as A signed them, so C can relay them in turn.
    expect((await C.db.segments.toArray()).map((s) => s.origin)).toContain(A.id);
  });

  it('a relay that alters an op of another origin is refused as "altered by a relay", nothing written', async () => {
    const { A, R, B } = net.stations;
    const segment = (await R.db.segments.toArray()).find((s) => s.origin === A.id)!;
    const plain = (await R.db.ops.toArray()).find((o) => segment.hashes.includes(opHash(o)))!;
    const value = 'altered';
    const altered = { ...plain, value, valueHash: computeValueHash(plain.salt, value) };
    const before = await hashTables(B.db, HISTORY);
    const result = await importBundle(B.db, await sealAs(R, B, [{ ...segment, ops: [altered] }]));
    expect(result).toMatchObject({ status: 'refused', reason: 'alteredByRelay' });
    expect(await hashTables(B.db, HISTORY)).toBe(before);
    expect((await listSyncHistory(B.db, 1))[0]).toMatchObject({ outcome: 'refused', reason: 'alteredByRelay', sender: R.id });
  });

  it('a station revoked at seq N: its ops after N are refused, its earlier ops are kept', async () => {
    const { A, B, D } = net.stations;
    const actorD = { personId: net.admin.personId, stationId: D.id };
    for (let i = 0; i < 5; i++) await D.test.insert(testTable, { ownerZone: D.zoneId, scope: 'net', title: `Post De Panne ${i}` }, actorD);
    const made = await D.db.ops.where('[origin+stream+seq]').between([D.id, 'net', 0], [D.id, 'net', Infinity]).toArray();
    expect(await carry(D, A)).toMatchObject({ status: 'imported' });
    const cutoff = 7;
    await revokeStation(A.db, net.admin, D.id, { seq: 0, streams: { net: cutoff } }, { passphrase: PASSPHRASE });
    const result = await carry(A, B);
    expect(result).toMatchObject({ status: 'imported', counts: { refused: made.length - cutoff } });
    expect((await B.db.ops.where('[origin+stream+seq]').between([D.id, 'net', 0], [D.id, 'net', Infinity]).toArray()).map((o) => o.seq)).toEqual(
      Array.from({ length: cutoff }, (_, i) => i + 1),
    );
    // A bundle written by the revoked station itself is refused whole.
    expect(await importBundle(B.db, await send(D, [B]))).toMatchObject({ status: 'refused', reason: 'unknownSigner' });
  });

  it('erased ops still relay and verify', async () => {
    const { A, R, C } = net.stations;
    const person = await createPerson(A.db, net.admin, { name: 'Eva Fonteyne', personnelNumber: 'WK5555', zoneId: A.zoneId, roles: ['station_staff'], password: 'lange wandeling 12' });
    expect(await carry(A, R)).toMatchObject({ status: 'imported' });
    await replicaOf(A.db).erase(peopleTable, person.id, net.admin);
    expect(await carry(A, R)).toMatchObject({ status: 'imported' });
    const erasedAtR = (await R.db.ops.toArray()).filter((o) => o.table === 'people' && o.rowId === person.id).filter((o) => o.erased);
    expect(erasedAtR.map((o) => o.field).sort()).toEqual(['name', 'password', 'personnelNumber']);
    expect(await carry(R, C, { bootstrap: true })).toMatchObject({ status: 'imported' });
    const atC = (await C.db.ops.toArray()).filter((o) => o.table === 'people' && o.rowId === person.id);
    expect(atC.filter((o) => o.erased).map((o) => o.field).sort()).toEqual(['name', 'password', 'personnelNumber']);
    expect(atC.every((o) => o.origin === A.id)).toBe(true);
    expect(JSON.stringify(atC)).not.toContain('Eva Fonteyne');
    expect(await C.db.people.get(person.id)).toBeUndefined();
  });
});
