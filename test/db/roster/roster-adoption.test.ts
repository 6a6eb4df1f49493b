import { beforeAll, describe, expect, it } from 'vitest';
import { currentRoster, editNetwork, rosterContent, signedChain, stationKeys } from '../../../renderer/data/network';
import { importBundle, listRosterForks, listSyncHistory } from '../../../renderer/data/sync';
import { renameZone } from '../../../renderer/domain/network';
import { compress } from '../../../renderer/sync/bundle/compress';
import { encodeRecords } from '../../../renderer/sync/bundle/records';
import { freshRandomness, sealBundle } from '../../../renderer/sync/bundle/seal';
import { rosterDocument, signRoster, type SignedRoster } from '../../../renderer/sync/roster/roster';
import { carry, hashTables, PASSPHRASE, setUpNetwork, type SyncNetwork, type SyncStation } from '../sync/support';

const HISTORY = ['syncHistory'];
let net: SyncNetwork;
beforeAll(async () => {
  net = await setUpNetwork(['B', 'C', 'R']);
});

/** A bundle from `from` to `to` carrying the given roster versions and no ops. */
async function rosterBundle(from: SyncStation, to: SyncStation[], rosters: readonly unknown[]): Promise<Uint8Array> {
  const chain = (await signedChain(from.db))!;
  const tip = chain.at(-1)!.document;
  const plain = await encodeRecords({ meta: { acks: {}, appVersion: '0.1.0', createdAt: new Date().toISOString() }, rosters, segments: [] });
  return sealBundle({
    sender: (await stationKeys(from.db))!,
    network: tip.network,
    recipients: to.map((s) => ({ station: s.id, agreement: tip.stations.find((x) => x.id === s.id)!.keys!.agreement })),
    passphrase: null,
    payload: { bytes: await compress(plain, 'deflate-raw'), compression: 'deflate-raw', plainLength: plain.length },
    chunkSize: 65_536,
    random: freshRandomness(Date.now()),
  });
}

/** Another version after `parent`, signed offline by the same administrator (its key taken from A). */
async function offlineVersion(parent: SignedRoster, name: string): Promise<SignedRoster> {
  const key = (await net.stations.A.db.adminKeys.toArray())[0]!;
  const content = rosterContent(parent.document);
  const zone = content.network.zones[1]!;
  const doc = rosterDocument({ ...content, network: renameZone(content.network, zone.id, name) }, { prev: parent, issuedAt: new Date().toISOString(), issuedBy: key.person });
  return signRoster(doc, parent, key, PASSPHRASE);
}

describe('the signed roster through the database', () => {
  it('a newer version replaces the old one, and the UI reads its network', async () => {
    const { A, B } = net.stations;
    const zone = (await currentRoster(A.db))!.network.zones[0]!;
    await editNetwork(A.db, net.admin, (n) => renameZone(n, zone.id, 'PZ Westkust-Noord'), {}, { passphrase: PASSPHRASE });
    const before = (await currentRoster(B.db))!.version;
    expect(await carry(A, B)).toMatchObject({ status: 'imported', summary: { roster: { change: 'newer' } } });
    const after = (await currentRoster(B.db))!;
    expect(after.version).toBe(before + 1);
    expect(after.signed?.hash).toBe((await currentRoster(A.db))!.hash);
    expect(after.network.zones.find((z) => z.id === zone.id)?.name).toBe('PZ Westkust-Noord');
  });

  it('a forged or broken version is refused and reported, and nothing changes', async () => {
    const { A, B } = net.stations;
    const chain = (await signedChain(A.db))!;
    const next = await offlineVersion(chain.at(-1)!, 'PZ Vervalst');
    const forged = { ...next, signature: chain.at(-1)!.signature };
    const broken = { ...next, document: { ...next.document, name: 'Ander netwerk' } };
    for (const [version, reason] of [
      [forged, 'rosterForged'],
      [broken, 'rosterBroken'],
    ] as const) {
      const before = await hashTables(B.db, HISTORY);
      expect(await importBundle(B.db, await rosterBundle(A, [B], [...chain, version]))).toMatchObject({ status: 'refused', reason });
      expect(await hashTables(B.db, HISTORY)).toBe(before);
      expect((await listSyncHistory(B.db, 1))[0]).toMatchObject({ outcome: 'refused', reason });
    }
  });

  it('a fork is recorded for administrators and settled the same way whatever the order', async () => {
    const { A, C, R } = net.stations;
    const chain = (await signedChain(A.db))!;
    const left = await offlineVersion(chain.at(-1)!, 'PZ Links');
    const right = await offlineVersion(chain.at(-1)!, 'PZ Rechts');
    const winner = left.hash < right.hash ? left : right;
    const loser = winner === left ? right : left;
    expect(await importBundle(C.db, await rosterBundle(A, [C, R], [...chain, left]))).toMatchObject({ status: 'imported' });
    expect(await importBundle(C.db, await rosterBundle(A, [C, R], [...chain, right]))).toMatchObject({ status: 'imported' });
    expect(await importBundle(R.db, await rosterBundle(A, [C, R], [...chain, right]))).toMatchObject({ status: 'imported' });
    expect(await importBundle(R.db, await rosterBundle(A, [C, R], [...chain, left]))).toMatchObject({ status: 'imported' });
    for (const station of [C, R]) {
      expect((await currentRoster(station.db))!.hash).toBe(winner.hash);
      expect((await listRosterForks(station.db)).map((f) => ({ dropped: f.dropped, kept: f.kept }))).toEqual([{ dropped: loser.hash, kept: winner.hash }]);
    }
  });
});
