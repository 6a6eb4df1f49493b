import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../renderer/data/actor';
import type { ZonelinkDb } from '../../../renderer/data/db';
import { currentRoster, editNetwork, enrolNetworkAdmin, rosterSigners, signedChain, withdrawNetworkAdmin } from '../../../renderer/data/network';
import { createPerson, updatePerson, type Person } from '../../../renderer/data/people';
import { DomainError } from '../../../renderer/domain/errors';
import { renameZone, type NetworkDefinition } from '../../../renderer/domain/network';
import { verifyRosterChain } from '../../../renderer/sync/roster/chain';
import { PASSPHRASE, setUpNetwork } from '../sync/support';

// Network administrators added after the first run get their own signing key (decision 0055).

const FIRST = PASSPHRASE;
const SECOND = 'de polder in de winter';

interface Setup {
  db: ZonelinkDb;
  first: Actor;
  second: Person;
  secondActor: Actor;
}

/** Station A of a new network, its first administrator, and a second person holding network_admin. */
async function setUp(): Promise<Setup> {
  const { stations, admin: first } = await setUpNetwork([]);
  const { db, zoneId } = stations.A;
  const second = await createPerson(db, first, { name: 'Bart De Smet', personnelNumber: 'PO-0002', zoneId, roles: ['network_admin', 'station_staff'], password: 'permanentie-123' });
  return { db, first, second, secondActor: { personId: second.id, stationId: first.stationId } };
}

/** The whole chain checks out from version 1, as a joining station checks it. */
async function chainHolds(db: ZonelinkDb): Promise<void> {
  const chain = (await signedChain(db))!;
  const result = await verifyRosterChain(chain, chain[0]!.hash);
  expect(result.ok).toBe(true);
  expect(result.ok && result.chain.map((v) => v.hash)).toEqual(chain.map((v) => v.hash));
}

async function refused(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e) => e instanceof DomainError && e.code === code);
}

/** A change of the network that only a network administrator may make. */
const rename = (name: string) => (net: NetworkDefinition) => renameZone(net, net.zones[1]!.id, name);

let s: Setup;
beforeEach(async () => {
  s = await setUp();
});

describe('enrolling a network administrator', () => {
  it('publishes the new key in exactly one new roster version, signed by an enrolled administrator', async () => {
    const before = (await signedChain(s.db))!;
    expect((await rosterSigners(s.db)).map((a) => a.person)).toEqual([s.first.personId]);
    await enrolNetworkAdmin(s.db, s.first, s.second.id, SECOND, { passphrase: FIRST });
    const after = (await signedChain(s.db))!;
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, -1)).toEqual(before);
    const tip = after.at(-1)!.document;
    expect(tip.issuedBy).toBe(s.first.personId);
    const key = await s.db.adminKeys.get(s.second.id);
    expect(key?.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(tip.admins).toEqual([
      before.at(-1)!.document.admins[0],
      { person: s.second.id, name: 'Bart De Smet', zoneId: s.second.zoneId, roles: ['network_admin', 'station_staff'], key: key!.publicKey },
    ]);
    const { zones, stations, revocations } = before.at(-1)!.document;
    expect({ zones: tip.zones, stations: tip.stations, revocations: tip.revocations }).toEqual({ zones, stations, revocations });
    await chainHolds(s.db);
  });

  it('lets the new administrator sign a network change alone, with their own passphrase', async () => {
    await enrolNetworkAdmin(s.db, s.first, s.second.id, SECOND, { passphrase: FIRST });
    await editNetwork(s.db, s.secondActor, rename('PZ Polder-Noord'), {}, { passphrase: SECOND });
    const tip = (await currentRoster(s.db))!;
    expect(tip.signed!.document.issuedBy).toBe(s.second.id);
    expect(tip.network.zones[1]!.name).toBe('PZ Polder-Noord');
    await chainHolds(s.db);
    // The first administrator is still there too.
    await editNetwork(s.db, s.first, rename('PZ Polder'), {}, { passphrase: FIRST });
    expect((await currentRoster(s.db))!.signed!.document.issuedBy).toBe(s.first.personId);
  });

  it('refuses, with a code and nothing written, what may not be enrolled', async () => {
    const staff = await createPerson(s.db, s.first, { name: 'Jan Peeters', personnelNumber: 'PO-0003', zoneId: s.second.zoneId, roles: ['station_staff', 'zone_admin'], password: 'permanentie-456' });
    const versions = await s.db.rosters.count();
    await refused(enrolNetworkAdmin(s.db, s.first, staff.id, SECOND, { passphrase: FIRST }), 'adminKey.notNetworkAdmin');
    await refused(enrolNetworkAdmin(s.db, { ...s.first, personId: staff.id }, s.second.id, SECOND, { passphrase: FIRST }), 'auth.forbidden');
    await refused(enrolNetworkAdmin(s.db, s.first, s.first.personId, SECOND, { passphrase: FIRST }), 'adminKey.alreadyEnrolled');
    await refused(enrolNetworkAdmin(s.db, s.first, 'nobody', SECOND, { passphrase: FIRST }), 'person.unknown');
    await refused(enrolNetworkAdmin(s.db, s.first, s.second.id, 'te kort', { passphrase: FIRST }), 'passphrase.tooShort');
    const longNumber = await createPerson(s.db, s.first, { name: 'Cis Claeys', personnelNumber: 'WESTKUST-00042', zoneId: s.second.zoneId, roles: ['network_admin'], password: 'permanentie-789' });
    await refused(enrolNetworkAdmin(s.db, s.first, longNumber.id, 'westkust-00042', { passphrase: FIRST }), 'passphrase.sameAsNumber');
    await refused(enrolNetworkAdmin(s.db, s.first, s.second.id, 'permanentie-123', { passphrase: FIRST }), 'adminKey.passphraseIsPassword');
    await refused(enrolNetworkAdmin(s.db, s.first, s.second.id, SECOND, { passphrase: 'niet de goede wachtzin' }), 'adminKey.wrongPassphrase');
    // Their own new passphrase does not sign their enrolment: only a listed administrator's does.
    await refused(enrolNetworkAdmin(s.db, s.first, s.second.id, SECOND, { passphrase: SECOND }), 'adminKey.wrongPassphrase');
    await updatePerson(s.db, s.first, s.second.id, { active: false });
    await refused(enrolNetworkAdmin(s.db, s.first, s.second.id, SECOND, { passphrase: FIRST }), 'adminKey.personInactive');
    expect(await s.db.rosters.count()).toBe(versions);
    expect((await s.db.adminKeys.toArray()).map((k) => k.person)).toEqual([s.first.personId]);
  });

  it('refuses a second key for someone already enrolled, and keeps the first', async () => {
    await enrolNetworkAdmin(s.db, s.first, s.second.id, SECOND, { passphrase: FIRST });
    const key = await s.db.adminKeys.get(s.second.id);
    await refused(enrolNetworkAdmin(s.db, s.first, s.second.id, 'een andere wachtzin', { passphrase: FIRST }), 'adminKey.alreadyEnrolled');
    expect(await s.db.adminKeys.get(s.second.id)).toEqual(key);
  });

  it('two enrolments of one person at once list them once', async () => {
    const versions = await s.db.rosters.count();
    const results = await Promise.allSettled([
      enrolNetworkAdmin(s.db, s.first, s.second.id, SECOND, { passphrase: FIRST }),
      enrolNetworkAdmin(s.db, s.first, s.second.id, 'een andere wachtzin', { passphrase: FIRST }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = results.find((r) => r.status === 'rejected')!;
    expect((failure.reason as DomainError).code).toBe('adminKey.alreadyEnrolled');
    expect(await s.db.rosters.count()).toBe(versions + 1);
    expect((await rosterSigners(s.db)).filter((a) => a.person === s.second.id)).toHaveLength(1);
    await chainHolds(s.db);
  });
});

describe('withdrawing a signing key', () => {
  it('takes an administrator who lost the role out of the signers in one new version', async () => {
    await enrolNetworkAdmin(s.db, s.first, s.second.id, SECOND, { passphrase: FIRST });
    await updatePerson(s.db, s.first, s.second.id, { roles: ['station_staff'] });
    // Losing the role in the people table does not change the roster by itself.
    expect((await rosterSigners(s.db)).map((a) => a.person)).toContain(s.second.id);
    const versions = await s.db.rosters.count();
    await withdrawNetworkAdmin(s.db, s.first, s.second.id, { passphrase: FIRST });
    expect(await s.db.rosters.count()).toBe(versions + 1);
    const tip = (await currentRoster(s.db))!.signed!.document;
    expect(tip.admins.map((a) => a.person)).toEqual([s.first.personId]);
    await chainHolds(s.db);
    await refused(withdrawNetworkAdmin(s.db, s.first, s.second.id, { passphrase: FIRST }), 'adminKey.notEnrolled');
  });

  it('a withdrawn key no longer opens, and the administrator can be enrolled again with a new passphrase', async () => {
    await enrolNetworkAdmin(s.db, s.first, s.second.id, SECOND, { passphrase: FIRST });
    // Withdrawn with their own passphrase: the version before still lists them.
    await withdrawNetworkAdmin(s.db, s.secondActor, s.second.id, { passphrase: SECOND });
    expect((await currentRoster(s.db))!.signed!.document.issuedBy).toBe(s.second.id);
    await refused(editNetwork(s.db, s.secondActor, rename('PZ Polder-Zuid'), {}, { passphrase: SECOND }), 'adminKey.wrongPassphrase');
    await enrolNetworkAdmin(s.db, s.first, s.second.id, 'een nieuwe wachtzin voor Bart', { passphrase: FIRST });
    await editNetwork(s.db, s.secondActor, rename('PZ Polder-Zuid'), {}, { passphrase: 'een nieuwe wachtzin voor Bart' });
    expect((await currentRoster(s.db))!.network.zones[1]!.name).toBe('PZ Polder-Zuid');
    await chainHolds(s.db);
  });

  it('never removes the last administrator who can sign', async () => {
    const versions = await s.db.rosters.count();
    await refused(withdrawNetworkAdmin(s.db, s.first, s.first.personId, { passphrase: FIRST }), 'roster.lastAdmin');
    expect(await s.db.rosters.count()).toBe(versions);
    await enrolNetworkAdmin(s.db, s.first, s.second.id, SECOND, { passphrase: FIRST });
    await withdrawNetworkAdmin(s.db, s.secondActor, s.first.personId, { passphrase: SECOND });
    await refused(withdrawNetworkAdmin(s.db, s.secondActor, s.second.id, { passphrase: SECOND }), 'roster.lastAdmin');
    expect((await rosterSigners(s.db)).map((a) => a.person)).toEqual([s.second.id]);
    await chainHolds(s.db);
  });
});
