import { describe, expect, it } from 'vitest';
import { editNetwork, revokeStation } from '../../../renderer/data/network';
import { deletableOwnFiles, exportBundle, importBundle, listSyncHistory, peerAcks, planExport, type OwnFolderFile } from '../../../renderer/data/sync';
import { testTable } from '../support/test-table';
import { carry, PASSPHRASE, setUpNetwork, type SyncNetwork, type SyncStation } from './support';

/** Exports from A for `to` and returns the bytes and the file as the folder would list it. */
async function exportFor(from: SyncStation, to: SyncStation[], name: string): Promise<{ bytes: Uint8Array; file: OwnFolderFile }> {
  const exported = await exportBundle(from.db, await planExport(from.db, { recipients: to.map((s) => s.id) }));
  return { bytes: exported.bytes, file: { name, bundle: exported.bundle, recipients: exported.summary.recipients } };
}

async function writeRow(net: SyncNetwork, title: string) {
  const { A } = net.stations;
  await A.test.insert(testTable, { ownerZone: A.zoneId, scope: 'net', title }, net.admin);
}

describe('sync-folder cleanup: own files every active recipient acknowledged', () => {
  it("A's bundle becomes deletable once B's answer carries B's acks; the export records what it carried", async () => {
    const net = await setUpNetwork(['B']);
    const { A, B } = net.stations;
    await writeRow(net, 'Voor iedereen');
    const first = await exportFor(A, [B], 'a-1.zlb');
    const [entry] = await listSyncHistory(A.db);
    expect(entry!.carriedUpTo).toEqual({ [`${A.id}|net`]: expect.any(Number) });
    expect(entry!.carriedUpTo![`${A.id}|net`]).toBe((await A.db.acks.get([A.id, 'net']))!.seq);

    expect(await importBundle(B.db, first.bytes)).toMatchObject({ status: 'imported' });
    expect(await deletableOwnFiles(A.db, [first.file])).toEqual([]);
    expect(await carry(B, A)).toMatchObject({ status: 'imported' });
    expect((await peerAcks(A.db))[B.id]).toMatchObject({ [`${A.id}|net`]: entry!.carriedUpTo![`${A.id}|net`] });
    expect(await deletableOwnFiles(A.db, [first.file])).toEqual(['a-1.zlb']);

    // A newer change B has not acknowledged keeps the newer file, not the older one.
    await writeRow(net, 'Nog een');
    const second = await exportFor(A, [B], 'a-2.zlb');
    expect(await deletableOwnFiles(A.db, [first.file, second.file])).toEqual(['a-1.zlb']);
  });

  it('a file this station has no export entry of is kept', async () => {
    const net = await setUpNetwork(['B']);
    const { A, B } = net.stations;
    expect(await carry(B, A)).toMatchObject({ status: 'imported' });
    expect(await deletableOwnFiles(A.db, [{ name: 'elders.zlb', bundle: '019cad8f-0000-7000-8000-0000000000aa', recipients: [B.id] }])).toEqual([]);
  });

  const retire = {
    deactivated: (net: SyncNetwork, station: string) =>
      editNetwork(net.stations.A.db, net.admin, (network) => ({ ...network, stations: network.stations.map((s) => (s.id === station ? { ...s, active: false } : s)) }), {}, { passphrase: PASSPHRASE }),
    revoked: (net: SyncNetwork, station: string) => revokeStation(net.stations.A.db, net.admin, station, { seq: 0 }, { passphrase: PASSPHRASE }),
  };

  it.each(Object.keys(retire) as Array<keyof typeof retire>)('a recipient that never answers blocks the file until it is %s', async (how) => {
    const net = await setUpNetwork(['B', 'C']);
    const { A, B, C } = net.stations;
    await writeRow(net, 'Voor iedereen');
    const shared = await exportFor(A, [B, C], 'a-bc.zlb');
    expect(await importBundle(B.db, shared.bytes)).toMatchObject({ status: 'imported' });
    expect(await carry(B, A)).toMatchObject({ status: 'imported' });
    expect(await deletableOwnFiles(A.db, [shared.file])).toEqual([]);
    await retire[how](net, C.id);
    expect(await deletableOwnFiles(A.db, [shared.file])).toEqual(['a-bc.zlb']);
  });
});
