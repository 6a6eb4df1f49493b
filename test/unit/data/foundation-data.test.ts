import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZonelinkDb } from '../../../renderer/data/db';
import { completeFirstRun, isFirstRunDone } from '../../../renderer/data/first-run';
import { createPerson, listPeople, setPassword, signIn, updatePerson } from '../../../renderer/data/people';
import { currentRoster, editNetwork, signedChain } from '../../../renderer/data/network';
import { verifyRosterChain } from '../../../renderer/sync/roster/chain';
import { getSetting } from '../../../renderer/data/settings';
import { networkFromTemplate } from '../../../renderer/domain/wvl4-template';
import { addZone, renameStation } from '../../../renderer/domain/network';
import type { Actor } from '../../../renderer/data/actor';
import { uuidv7 } from '../../../renderer/sync/ids';

const PASSPHRASE = 'beheerder van het netwerk';
let db: ZonelinkDb;
let n = 0;

beforeEach(() => {
  db = new ZonelinkDb(`foundation-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

async function firstRun() {
  const network = networkFromTemplate(uuidv7);
  const vlas = network.zones.find((z) => z.key === 'vlas')!;
  const kuurne = network.stations.find((s) => s.name === 'Post Kuurne')!;
  const admin = await completeFirstRun(db, {
    network,
    zoneId: vlas.id,
    stationId: kuurne.id,
    admin: { name: 'An Vermeulen', personnelNumber: 'vl-0001', password: 'Kortrijk-2026!' },
    adminPassphrase: PASSPHRASE,
  });
  const actor: Actor = { personId: admin.id, stationId: kuurne.id };
  return { network, vlas, kuurne, admin, actor };
}

describe('first run', () => {
  it('writes network, station identity and a network administrator in one go', async () => {
    expect(await isFirstRunDone(db)).toBe(false);
    const { network, vlas, kuurne, admin } = await firstRun();
    expect(await isFirstRunDone(db)).toBe(true);
    expect(await getSetting(db, 'station')).toEqual({ networkId: network.id, zoneId: vlas.id, stationId: kuurne.id });
    expect(admin).toMatchObject({ personnelNumber: 'VL-0001', zoneId: vlas.id, active: true });
    expect(admin.roles).toContain('network_admin');
    expect(admin).not.toHaveProperty('password');
    expect((await currentRoster(db))?.version).toBe(1);
  });

  it('leaves no trace when the input is refused', async () => {
    const network = networkFromTemplate(uuidv7);
    await expect(
      completeFirstRun(db, {
        network,
        zoneId: network.zones[0]!.id,
        stationId: network.stations.at(-1)!.id,
        admin: { name: 'X', personnelNumber: 'A1', password: 'long enough pw' },
        adminPassphrase: PASSPHRASE,
      }),
    ).rejects.toThrow(/station.unknown/);
    await expect(
      completeFirstRun(db, {
        network,
        zoneId: network.zones[0]!.id,
        stationId: network.stations[0]!.id,
        admin: { name: 'X', personnelNumber: 'A1', password: 'short' },
        adminPassphrase: PASSPHRASE,
      }),
    ).rejects.toThrow(/password.tooShort/);
    expect(await db.people.count()).toBe(0);
    expect(await db.rosters.count()).toBe(0);
    expect(await isFirstRunDone(db)).toBe(false);
  });

  it('cannot run twice', async () => {
    const { network, vlas, kuurne } = await firstRun();
    await expect(
      completeFirstRun(db, { network, zoneId: vlas.id, stationId: kuurne.id, admin: { name: 'B', personnelNumber: 'B2', password: 'another-long-one' }, adminPassphrase: PASSPHRASE }),
    ).rejects.toThrow(/firstRun.alreadyDone/);
    expect(await db.people.count()).toBe(1);
  });
});

describe('people', () => {
  it('signs in with the right password only, and not when deactivated', async () => {
    const { vlas, actor } = await firstRun();
    expect((await signIn(db, ' vl-0001 ', 'Kortrijk-2026!'))?.name).toBe('An Vermeulen');
    expect(await signIn(db, 'VL-0001', 'kortrijk-2026!')).toBeNull();
    expect(await signIn(db, 'NOBODY', 'Kortrijk-2026!')).toBeNull();
    const clerk = await createPerson(db, actor, { name: 'Bart De Smet', personnelNumber: 'VL-0002', zoneId: vlas.id, roles: ['station_staff'], password: 'permanentie-123' });
    expect(clerk.createdBy).toBe(actor.personId);
    expect((await signIn(db, 'vl-0002', 'permanentie-123'))?.id).toBe(clerk.id);
    await updatePerson(db, actor, clerk.id, { active: false });
    expect(await signIn(db, 'vl-0002', 'permanentie-123')).toBeNull();
  });

  it('refuses a taken personnel number and writes by people without the right role', async () => {
    const { vlas, network, actor } = await firstRun();
    await expect(
      createPerson(db, actor, { name: 'Dubbel', personnelNumber: 'VL-0001', zoneId: vlas.id, roles: ['station_staff'], password: 'permanentie-123' }),
    ).rejects.toThrow(/person.numberTaken/);
    const clerk = await createPerson(db, actor, { name: 'Clerk', personnelNumber: 'VL-0003', zoneId: vlas.id, roles: ['station_staff'], password: 'permanentie-123' });
    await expect(updatePerson(db, actor, clerk.id, { personnelNumber: ' vl-0001 ' })).rejects.toThrow(/person.numberTaken/);
    const clerkActor: Actor = { personId: clerk.id, stationId: actor.stationId };
    const polder = network.zones.find((z) => z.key === 'polder')!;
    await expect(
      createPerson(db, clerkActor, { name: 'X', personnelNumber: 'PO-1', zoneId: polder.id, roles: ['station_staff'], password: 'permanentie-123' }),
    ).rejects.toThrow(/auth.forbidden/);
    await expect(updatePerson(db, actor, actor.personId, { active: false })).rejects.toThrow(/cannotDeactivateSelf/);
    expect((await listPeople(db)).map((p) => p.name)).toEqual(['An Vermeulen', 'Clerk']);
  });

  it('changes a password: the old one stops working', async () => {
    const { actor } = await firstRun();
    await setPassword(db, actor, actor.personId, 'Nieuw-wachtwoord-1');
    expect(await signIn(db, 'VL-0001', 'Kortrijk-2026!')).toBeNull();
    expect(await signIn(db, 'VL-0001', 'Nieuw-wachtwoord-1')).not.toBeNull();
  });
});

describe('network versions', () => {
  it('chains every edit as a new roster version that verifies', async () => {
    const { actor, kuurne } = await firstRun();
    await editNetwork(db, actor, (net) => addZone(net, { id: uuidv7(), key: 'idow', name: 'PZ Arro Ieper' }), {}, { passphrase: PASSPHRASE });
    const v3 = await editNetwork(db, actor, (net) => renameStation(net, kuurne.id, 'Wijkpost Kuurne'), { zoneId: kuurne.zoneId }, { passphrase: PASSPHRASE });
    expect(v3.version).toBe(3);
    expect(v3.issuedBy).toBe(actor.personId);
    expect(v3.network.zones).toHaveLength(5);
    const chain = (await signedChain(db))!;
    expect(await verifyRosterChain(chain, chain[0]!.hash)).toMatchObject({ ok: true, chain });
    chain[1] = { ...chain[1]!, document: { ...chain[1]!.document, name: 'Forged' } };
    expect(await verifyRosterChain(chain, chain[0]!.hash)).toMatchObject({ ok: false, reason: 'rosterBroken' });
  });

  it('lets only administrators edit the network', async () => {
    const { actor, vlas } = await firstRun();
    const clerk = await createPerson(db, actor, { name: 'Clerk', personnelNumber: 'VL-9', zoneId: vlas.id, roles: ['station_staff'], password: 'permanentie-123' });
    await expect(editNetwork(db, { ...actor, personId: clerk.id }, (net) => net, {}, { passphrase: PASSPHRASE })).rejects.toThrow(/auth.forbidden/);
    await expect(editNetwork(db, actor, (net) => net, {}, { passphrase: 'niet de wachtzin' })).rejects.toThrow(/adminKey.wrongPassphrase/);
    expect((await currentRoster(db))?.version).toBe(1);
  });
});
