import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ZonelinkDb } from '../../renderer/data/db';
import { nextRosterVersion } from '../../renderer/data/network';
import { replicaOf } from '../../renderer/data/replicated/replica-of';
import { peopleTable } from '../../renderer/data/replicated/tables/people';
import { hashPassword } from '../../renderer/domain/password';
import { networkFromTemplate } from '../../renderer/domain/wvl4-template';
import { loadFieldConflicts } from '../../renderer/hooks/use-conflicts';
import { uuidv7 } from '../../renderer/sync/ids';

// What the conflicts screen shows for two concurrent edits of one field at two stations, and that
// choosing a value at one station settles it at both after the next exchange.

describe('the conflicts screen data', () => {
  it('shows both values with who, where and when, and a choice at one station settles it everywhere', async () => {
    const network = networkFromTemplate(uuidv7);
    const vlas = network.zones.find((z) => z.key === 'vlas')!;
    const kuurne = network.stations.find((s) => s.name === 'Post Kuurne')!;
    const diksmuide = network.stations.find((s) => s.name === 'Hoofdcommissariaat Diksmuide')!;
    const roster = await nextRosterVersion(undefined, network, null, '2026-01-01T00:00:00.000Z');
    const open = async (name: string, station: typeof kuurne) => {
      const db = new ZonelinkDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
      await db.settings.put({ key: 'station', value: { networkId: network.id, zoneId: station.zoneId, stationId: station.id } });
      await db.rosters.add(roster);
      return db;
    };
    const a = await open('conflicts-a', kuurne);
    const b = await open('conflicts-b', diksmuide);
    const sync = async (from: ZonelinkDb, to: ZonelinkDb, toStation: string) =>
      replicaOf(to).apply(await replicaOf(from).opsLackedBy([{ stationId: toStation, acks: await replicaOf(to).acks() }]));

    const id = uuidv7();
    const values = { name: 'An Vermeulen', personnelNumber: 'VL-0001', zoneId: vlas.id, roles: ['network_admin' as const], active: true, password: await hashPassword('Kortrijk-2026!') };
    await replicaOf(a).insert(peopleTable, values, { personId: id, stationId: kuurne.id }, { id });
    await sync(a, b, diksmuide.id);
    expect(await loadFieldConflicts(a)).toEqual([]);

    // Both stations rename the account before hearing of the other's change.
    await replicaOf(a).update(peopleTable, id, { name: 'An Vermeulen-Claeys' }, { personId: id, stationId: kuurne.id });
    await replicaOf(b).update(peopleTable, id, { personnelNumber: 'VL-0002', name: 'Ann Vermeulen' }, { personId: id, stationId: diksmuide.id });
    await sync(a, b, diksmuide.id);
    await sync(b, a, kuurne.id);

    const [atA, atB] = [await loadFieldConflicts(a), await loadFieldConflicts(b)];
    expect(atA).toHaveLength(1);
    expect(atB.map(({ row: _row, ...c }) => c)).toEqual(atA.map(({ row: _row, ...c }) => c));
    const conflict = atA[0]!;
    expect(conflict).toMatchObject({ table: 'people', field: 'name', rowId: id });
    const winner = conflict.choices.find((c) => c.current)!;
    expect(conflict.subject).toBe(winner.value);
    expect(conflict.choices.map((c) => [c.value, c.station, c.author]).sort()).toEqual(
      [
        ['An Vermeulen-Claeys', 'Post Kuurne', winner.value],
        ['Ann Vermeulen', 'Hoofdcommissariaat Diksmuide', winner.value],
      ].sort(),
    );
    expect(conflict.choices.filter((c) => c.current)).toHaveLength(1);
    for (const c of conflict.choices) expect(c.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    // At Diksmuide someone chooses the value that lost; after the next exchange both agree.
    const loser = conflict.choices.find((c) => !c.current)!;
    await replicaOf(b).resolveConflict(peopleTable, id, 'name', loser.value as string, { personId: id, stationId: diksmuide.id });
    expect(await loadFieldConflicts(b)).toEqual([]);
    await sync(b, a, kuurne.id);
    expect(await loadFieldConflicts(a)).toEqual([]);
    expect((await a.people.get(id))?.name).toBe(loser.value);
    expect((await b.people.get(id))?.name).toBe(loser.value);
  });
});
