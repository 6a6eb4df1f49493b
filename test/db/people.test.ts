import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ZonelinkDb } from '../../renderer/data/db';
import { nextRosterVersion } from '../../renderer/data/network';
import { createPerson, listPeople, setPassword, signIn, updatePerson } from '../../renderer/data/people';
import { replicaOf } from '../../renderer/data/replicated/replica-of';
import { peopleTable } from '../../renderer/data/replicated/tables/people';
import { hashPassword } from '../../renderer/domain/password';
import { networkFromTemplate } from '../../renderer/domain/wvl4-template';
import { uuidv7 } from '../../renderer/sync/ids';

// People on the replicated record layer: every account change is a set of ops with the actor as
// author, in the network stream, so an account made at one station works at every other.

async function twoStations() {
  const network = networkFromTemplate(uuidv7);
  const vlas = network.zones.find((z) => z.key === 'vlas')!;
  const polder = network.zones.find((z) => z.key === 'polder')!;
  const kuurne = network.stations.find((s) => s.name === 'Post Kuurne')!;
  const diksmuide = network.stations.find((s) => s.name === 'Hoofdcommissariaat Diksmuide')!;
  const roster = await nextRosterVersion(undefined, network, null, new Date().toISOString());
  const station = async (name: string, zoneId: string, stationId: string) => {
    const db = new ZonelinkDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.settings.put({ key: 'station', value: { networkId: network.id, zoneId, stationId } });
    await db.rosters.add(roster);
    return db;
  };
  const a = await station('people-a', vlas.id, kuurne.id);
  const b = await station('people-b', polder.id, diksmuide.id);
  // The first administrator, as the first run makes them: their own first replicated row.
  const adminId = uuidv7();
  const admin = await replicaOf(a).insert(
    peopleTable,
    { name: 'An Vermeulen', personnelNumber: 'VL-0001', zoneId: vlas.id, roles: ['network_admin', 'zone_admin', 'station_staff'], active: true, password: await hashPassword('Kortrijk-2026!') },
    { personId: adminId, stationId: kuurne.id },
    { id: adminId },
  );
  const sync = async (from: ZonelinkDb, to: ZonelinkDb, toStation: string) =>
    replicaOf(to).apply(await replicaOf(from).opsLackedBy([{ stationId: toStation, acks: await replicaOf(to).acks() }]));
  return { network, vlas, polder, kuurne, diksmuide, a, b, admin, actor: { personId: admin.id, stationId: kuurne.id }, sync };
}

describe('people on the replicated record layer', () => {
  it('records each account change as ops by its author, and the account works at another station', async () => {
    const { a, b, polder, kuurne, diksmuide, actor, admin, sync } = await twoStations();
    const firstOps = await a.ops.toArray();
    expect(new Set(firstOps.map((o) => o.author))).toEqual(new Set([admin.id]));
    expect(new Set(firstOps.map((o) => o.stream))).toEqual(new Set(['net']));
    const agent = await createPerson(a, actor, { name: 'Bart De Smet', personnelNumber: 'PO-0002', zoneId: polder.id, roles: ['station_staff'], password: 'permanentie-123' });
    expect(agent).toMatchObject({ createdBy: admin.id, updatedBy: admin.id, zoneId: polder.id });
    expect(agent).not.toHaveProperty('password');

    await sync(a, b, diksmuide.id);
    expect((await listPeople(b)).map((p) => p.name)).toEqual(['An Vermeulen', 'Bart De Smet']);
    expect((await signIn(b, 'po-0002', 'permanentie-123'))?.id).toBe(agent.id);

    // The agent changes their own password at Diksmuide; the change reaches Kuurne.
    await setPassword(b, { personId: agent.id, stationId: diksmuide.id }, agent.id, 'nieuw-wachtwoord-9');
    await updatePerson(b, { personId: admin.id, stationId: diksmuide.id }, agent.id, { name: 'Bart De Smet-Claes' });
    await sync(b, a, kuurne.id);
    expect(await signIn(a, 'PO-0002', 'permanentie-123')).toBeNull();
    expect(await signIn(a, 'PO-0002', 'nieuw-wachtwoord-9')).toMatchObject({ name: 'Bart De Smet-Claes', updatedBy: admin.id });
    // In clock order: the store's own order follows the (random) station ids.
    const passwordOps = (await a.ops.toArray()).filter((o) => o.rowId === agent.id && o.field === 'password').sort((x, y) => (x.hlc < y.hlc ? -1 : 1));
    expect(passwordOps.map((o) => o.author)).toEqual([admin.id, agent.id]);
  });

  it('erases a person: no name, number or password hash left in any op or row', async () => {
    const { a, polder, actor } = await twoStations();
    const agent = await createPerson(a, actor, { name: 'Jan Peeters', personnelNumber: 'PO-0003', zoneId: polder.id, roles: ['station_staff'], password: 'permanentie-123' });
    const hash = (await a.people.get(agent.id))!.password.hash;
    await replicaOf(a).erase(peopleTable, agent.id, actor);
    expect((await listPeople(a)).map((p) => p.name)).toEqual(['An Vermeulen']);
    const everything = JSON.stringify(await Promise.all(a.tables.map((t) => t.toArray())));
    expect(everything).not.toContain('Jan Peeters');
    expect(everything).not.toContain('PO-0003');
    expect(everything).not.toContain(hash);
    expect(await signIn(a, 'PO-0003', 'permanentie-123')).toBeNull();
  });
});
