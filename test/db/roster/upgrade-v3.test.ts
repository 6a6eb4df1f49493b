import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ZonelinkDb } from '../../../renderer/data/db';
import { currentRoster, editNetwork, nextRosterVersion, signedChain, stationKeys } from '../../../renderer/data/network';
import { planExport } from '../../../renderer/data/sync';
import { renameZone } from '../../../renderer/domain/network';
import { hashPassword } from '../../../renderer/domain/password';
import { networkFromTemplate } from '../../../renderer/domain/wvl4-template';
import { uuidv7 } from '../../../renderer/sync/ids';
import { verifyRosterChain } from '../../../renderer/sync/roster/chain';

const PASSPHRASE = 'eerste handtekening 2026';

/** A database as version 2 of the app left it: an unsigned roster of two versions, no keys. */
async function openVersion2(factory: IDBFactory) {
  const network = networkFromTemplate(uuidv7);
  const station = network.stations[0]!;
  const v2 = new Dexie('upgrade-v3', { indexedDB: factory, IDBKeyRange });
  v2.version(1).stores({ settings: '&key', rosters: '&version', people: 'id, zoneId, personnelNumber' });
  v2.version(2).stores({ ops: '[origin+stream+seq], [table+rowId]', heldOps: '[origin+stream+seq]', rowStates: '[table+rowId], *flags', acks: '[origin+stream]', peers: 'stationId', forkAlarms: 'key', syncMeta: 'key', testRecords: 'id' });
  const first = await nextRosterVersion(undefined, network, null, '2026-01-01T00:00:00.000Z');
  const second = await nextRosterVersion(first, { ...network, name: 'WVL4 bis' }, null, '2026-01-02T00:00:00.000Z');
  const admin = { id: uuidv7(), name: 'An Vermeulen', personnelNumber: 'WK1234', zoneId: station.zoneId, roles: ['network_admin'], active: true, password: await hashPassword('zonnige maandag 42'), createdAt: '2026-01-01T00:00:00.000Z', createdBy: null, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: null };
  await v2.table('rosters').bulkAdd([first, second]);
  await v2.table('settings').put({ key: 'station', value: { networkId: network.id, zoneId: station.zoneId, stationId: station.id } });
  await v2.table('people').add(admin);
  v2.close();
  return { network, station, admin, legacy: [first, second] };
}

describe('v2 → v3', () => {
  it('keeps the unsigned roster readable; the first signed change makes keys, signs version 1 and keeps the old versions as history', async () => {
    const factory = new IDBFactory();
    const { network, station, admin, legacy } = await openVersion2(factory);
    const db = new ZonelinkDb('upgrade-v3', { indexedDB: factory, IDBKeyRange });
    expect((await currentRoster(db))?.network.name).toBe('WVL4 bis');
    expect(await signedChain(db)).toBeNull();
    expect(await stationKeys(db)).toBeUndefined();
    await expect(planExport(db, { recipients: [network.stations[1]!.id] })).rejects.toThrow(/sync.notReady/);

    const actor = { personId: admin.id, stationId: station.id };
    const zone = network.zones[0]!;
    const signed = await editNetwork(db, actor, (n) => renameZone(n, zone.id, 'PZ Westkust-Zuid'), {}, { passphrase: PASSPHRASE });
    expect(signed.version).toBe(1);
    expect(signed.network.name).toBe('WVL4 bis');
    expect(signed.network.zones[0]!.name).toBe('PZ Westkust-Zuid');
    expect(await db.legacyRosters.toArray()).toEqual(legacy);
    const chain = (await signedChain(db))!;
    expect(await verifyRosterChain(chain, chain[0]!.hash)).toMatchObject({ ok: true });
    const keys = (await stationKeys(db))!;
    expect(chain[0]!.document.stations.find((s) => s.id === station.id)?.keys).toEqual(keys.publicKeys);
    expect(keys.signing.privateKey.extractable).toBe(false);
    // From then on changes chain onto the signed version with the same passphrase.
    const next = await editNetwork(db, actor, (n) => renameZone(n, zone.id, 'PZ Westkust'), {}, { passphrase: PASSPHRASE });
    expect(next.version).toBe(2);
    await expect(editNetwork(db, actor, (n) => n, {}, { passphrase: 'een andere wachtzin' })).rejects.toThrow(/adminKey.wrongPassphrase/);
    db.close();
  });
});
