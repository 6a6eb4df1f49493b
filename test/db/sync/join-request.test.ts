import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ZonelinkDb } from '../../../renderer/data/db';
import { currentRoster } from '../../../renderer/data/network';
import { exportRoster, joinNetwork, networkFingerprint } from '../../../renderer/data/sync';
import { approveJoinRequest, createJoinRequest, readJoinRequest } from '../../../renderer/data/sync/join-request';
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
    await approveJoinRequest(a, admin, made.file, read.stations[0]!.id, PASSPHRASE);
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
    await approveJoinRequest(a, admin, made.file, read.stations[0]!.id, PASSPHRASE);
    await expect(readJoinRequest(a, made.file)).rejects.toMatchObject({ code: 'joinRequest.duplicate', params: { station: 'Hoofdcommissariaat Roeselare' } });
    const again = await createJoinRequest(newDb(), { stationName: 'Hoofdcommissariaat Roeselare', zone: 'RIHO' });
    await expect(approveJoinRequest(a, admin, again.file, read.stations[0]!.id, PASSPHRASE)).rejects.toMatchObject({ code: 'joinRequest.stationHasKeys' });
  });

  it('keeps the same keys when the station asks again under the same id', async () => {
    const db = newDb();
    const first = await createJoinRequest(db, { stationName: 'Post', zone: 'Polder' });
    const second = await createJoinRequest(db, { requestId: first.requestId, stationName: 'Post Nieuwpoort', zone: 'Westkust' });
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(await db.stationKeys.count()).toBe(1);
  });
});
