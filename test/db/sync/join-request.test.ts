import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ZonelinkDb } from '../../../renderer/data/db';
import { currentRoster, editNetwork } from '../../../renderer/data/network';
import { exportRoster, joinNetwork, networkFingerprint } from '../../../renderer/data/sync';
import { approveJoinRequest, createJoinRequest, readJoinRequest } from '../../../renderer/data/sync/join-request';
import { setZoneActive } from '../../../renderer/domain/network';
import { isUuid } from '../../../renderer/sync/ids';
import { PASSPHRASE, setUpNetwork } from './support';

let n = 0;
const newDb = () => new ZonelinkDb(`join-request-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });

describe('join request', () => {
  it('takes a new station from its request into the roster and the network, under the station the administrator chose', async () => {
    const { stations, admin } = await setUpNetwork([]);
    const a = stations.A.db;
    const b = newDb();
    // A request made before (say, before a reload) and never approved: its keys go at the join.
    const abandoned = await createJoinRequest(b, { stationName: 'Diksmuide', zone: 'Polder' });
    const made = await createJoinRequest(b, { stationName: 'hoofdcommissariaat diksmuide', zone: 'Polder' });
    expect(made.fingerprint).not.toBe(abandoned.fingerprint);
    const read = await readJoinRequest(a, made.file);
    expect(read.zone.name).toBe('PZ Polder');
    expect(read.request.fingerprint).toBe(made.fingerprint);
    expect(read.stations[0]?.name).toBe('Hoofdcommissariaat Diksmuide');
    const version = (await currentRoster(a))!.version;
    await approveJoinRequest(a, admin, made.file, { kind: 'existing', stationId: read.stations[0]!.id }, PASSPHRASE);
    expect((await currentRoster(a))!.version).toBe(version + 1);

    await joinNetwork(b, { rosterFile: await exportRoster(a), networkFingerprint: await networkFingerprint(a) });
    const identity = (await b.settings.get('station'))?.value as { stationId: string; zoneId: string };
    expect(identity).toMatchObject({ stationId: read.stations[0]!.id, zoneId: read.zone.id });
    expect((await b.stationKeys.toArray()).map((k) => k.station)).toEqual([read.stations[0]!.id]);
  });

  it('refuses a tampered request, a duplicate, and one for an unknown zone', async () => {
    const { stations, admin } = await setUpNetwork([]);
    const a = stations.A.db;
    const made = await createJoinRequest(newDb(), { stationName: 'Hoofdcommissariaat Roeselare', zone: 'PZ RIHO' });
    const tampered = JSON.stringify({ ...JSON.parse(made.file), stationName: 'Post De Panne' });
    await expect(readJoinRequest(a, tampered)).rejects.toMatchObject({ code: 'joinRequest.tampered' });
    const otherKeys = JSON.parse((await createJoinRequest(newDb(), { stationName: 'x', zone: 'RIHO' })).file).keys;
    await expect(readJoinRequest(a, JSON.stringify({ ...JSON.parse(made.file), keys: otherKeys }))).rejects.toMatchObject({ code: 'joinRequest.tampered' });
    await expect(readJoinRequest(a, 'not json')).rejects.toMatchObject({ code: 'joinRequest.notRequest' });
    await expect(readJoinRequest(a, JSON.stringify({ ...JSON.parse(made.file), extra: 1 }))).rejects.toMatchObject({ code: 'joinRequest.notRequest' });

    const unknown = await createJoinRequest(newDb(), { stationName: 'Post', zone: 'PZ Brugge' });
    await expect(readJoinRequest(a, unknown.file)).rejects.toMatchObject({ code: 'joinRequest.unknownZone', params: { zone: 'PZ Brugge' } });

    const read = await readJoinRequest(a, made.file);
    await approveJoinRequest(a, admin, made.file, { kind: 'existing', stationId: read.stations[0]!.id }, PASSPHRASE);
    await expect(readJoinRequest(a, made.file)).rejects.toMatchObject({ code: 'joinRequest.duplicate', params: { station: 'Hoofdcommissariaat Roeselare' } });
    const again = await createJoinRequest(newDb(), { stationName: 'Hoofdcommissariaat Roeselare', zone: 'RIHO' });
    await expect(approveJoinRequest(a, admin, again.file, { kind: 'existing', stationId: read.stations[0]!.id }, PASSPHRASE)).rejects.toMatchObject({ code: 'joinRequest.stationHasKeys' });
  });

  it('approves a request as a new station: added to its zone and keyed in one signed version, and the station joins with it', async () => {
    const { stations, admin } = await setUpNetwork([]);
    const a = stations.A.db;
    const b = newDb();
    const made = await createJoinRequest(b, { stationName: 'Post Oostduinkerke', zone: 'westkust' });
    const read = await readJoinRequest(a, made.file);
    expect(read.newStation).toEqual({ ok: true, name: 'Post Oostduinkerke' });
    // A's own station has keys: only the keyless stations of the zone are offered.
    expect(read.stations.map((s) => s.name).sort()).toEqual(['Post De Panne', 'Post Nieuwpoort']);
    const before = (await currentRoster(a))!;
    const versions = await a.rosters.count();

    const station = await approveJoinRequest(a, admin, made.file, { kind: 'new' }, PASSPHRASE);
    expect(await a.rosters.count()).toBe(versions + 1);
    const after = (await currentRoster(a))!;
    expect(after.version).toBe(before.version + 1);
    expect(after.signed!.document.prev).toBe(before.signed!.hash);
    expect(isUuid(station.id)).toBe(true);
    expect(before.network.stations.some((s) => s.id === station.id || s.name === 'Post Oostduinkerke')).toBe(false);
    expect(after.network.stations.filter((s) => s.name === 'Post Oostduinkerke')).toEqual([{ id: station.id, zoneId: read.zone.id, name: 'Post Oostduinkerke', active: true }]);
    expect(after.signed!.document.stations.find((s) => s.id === station.id)?.keys).toEqual(read.request.keys);
    expect(after.network.stations.filter((s) => s.id !== station.id)).toEqual(before.network.stations);

    await expect(readJoinRequest(a, made.file)).rejects.toMatchObject({ code: 'joinRequest.duplicate', params: { station: 'Post Oostduinkerke' } });
    await joinNetwork(b, { rosterFile: await exportRoster(a), networkFingerprint: await networkFingerprint(a) });
    expect((await b.settings.get('station'))?.value).toMatchObject({ stationId: station.id, zoneId: read.zone.id });
    expect((await currentRoster(b))!.network.stations.find((s) => s.id === station.id)?.name).toBe('Post Oostduinkerke');
  });

  it('refuses a new station in an unknown or deactivated zone, or under a name the network has, and writes no version', async () => {
    const { stations, admin } = await setUpNetwork([]);
    const a = stations.A.db;
    const asNew = async (stationName: string, zone: string) => {
      const { file } = await createJoinRequest(newDb(), { stationName, zone });
      return approveJoinRequest(a, admin, file, { kind: 'new' }, PASSPHRASE);
    };
    const roster = (await currentRoster(a))!;
    const zoneId = (key: string) => roster.network.zones.find((z) => z.key === key)!.id;
    await editNetwork(a, admin, (net) => setZoneActive(net, zoneId('vlas'), false), {}, { passphrase: PASSPHRASE });
    const versions = await a.rosters.count();

    await expect(asNew('Post Brugge', 'PZ Brugge')).rejects.toMatchObject({ code: 'joinRequest.unknownZone', params: { zone: 'PZ Brugge' } });
    await expect(asNew('Post Harelbeke', 'vlas')).rejects.toMatchObject({ code: 'joinRequest.inactiveZone', params: { zone: 'PZ VLAS' } });
    const inactive = await createJoinRequest(newDb(), { stationName: 'Post Harelbeke', zone: 'PZ VLAS' });
    await expect(readJoinRequest(a, inactive.file)).rejects.toMatchObject({ code: 'joinRequest.inactiveZone' });
    // A keyless station of the zone, A's own station, a station of another zone: each name is taken.
    for (const name of ['post de panne', 'Centraal Politiehuis Koksijde', 'Post Izegem']) {
      await expect(asNew(name, 'Westkust')).rejects.toMatchObject({ code: 'joinRequest.nameTaken', params: { station: name } });
    }
    const named = await createJoinRequest(newDb(), { stationName: 'post de panne', zone: 'Westkust' });
    const read = await readJoinRequest(a, named.file);
    expect(read.newStation).toMatchObject({ ok: false, error: { code: 'joinRequest.nameTaken' } });
    expect(read.stations[0]?.name).toBe('Post De Panne');
    const empty = await createJoinRequest(newDb(), { stationName: '   ', zone: 'Westkust' });
    await expect(readJoinRequest(a, empty.file)).rejects.toMatchObject({ code: 'joinRequest.notRequest' });
    expect(await a.rosters.count()).toBe(versions);

    // Read while the zone was active, approved after it was deactivated: refused all the same.
    const polder = await createJoinRequest(newDb(), { stationName: 'Wijkpost Lo-Reninge', zone: 'Polder' });
    expect((await readJoinRequest(a, polder.file)).newStation).toEqual({ ok: true, name: 'Wijkpost Lo-Reninge' });
    await editNetwork(a, admin, (net) => setZoneActive(net, zoneId('polder'), false), {}, { passphrase: PASSPHRASE });
    await expect(approveJoinRequest(a, admin, polder.file, { kind: 'new' }, PASSPHRASE)).rejects.toMatchObject({ code: 'joinRequest.inactiveZone' });
    expect(await a.rosters.count()).toBe(versions + 1);
  });

  it('keeps the same keys when the station asks again under the same id', async () => {
    const db = newDb();
    const first = await createJoinRequest(db, { stationName: 'Post', zone: 'Polder' });
    const second = await createJoinRequest(db, { requestId: first.requestId, stationName: 'Post Nieuwpoort', zone: 'Westkust' });
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(await db.stationKeys.count()).toBe(1);
  });
});
