import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../renderer/data/actor';
import { exportAdminKeyFile, importAdminKeyFile, ownKeyState, readAdminKeyFile } from '../../../renderer/data/admin-key-file';
import type { ZonelinkDb } from '../../../renderer/data/db';
import { currentRoster, editNetwork, enrolNetworkAdmin, signedChain, withdrawNetworkAdmin } from '../../../renderer/data/network';
import { createPerson, type Person } from '../../../renderer/data/people';
import { DomainError } from '../../../renderer/domain/errors';
import { renameZone, type NetworkDefinition } from '../../../renderer/domain/network';
import { createAdminKey } from '../../../renderer/sync/crypto/admin-key';
import { verifyRosterChain } from '../../../renderer/sync/roster/chain';
import { carry, PASSPHRASE, setUpNetwork, type SyncStation } from '../sync/support';

// A network administrator carries their signing key to another station as a file (decision 0057).

const BART_PASSPHRASE = 'de polder in de winter';

interface Setup {
  A: SyncStation;
  B: SyncStation;
  /** The first administrator, signed in at A and at B. */
  anAtA: Actor;
  anAtB: Actor;
  bart: Person;
  bartAtA: Actor;
}

let s: Setup;
beforeEach(async () => {
  const { stations, admin } = await setUpNetwork(['B']);
  const { A, B } = stations;
  const bart = await createPerson(A.db, admin, { name: 'Bart De Smet', personnelNumber: 'PO-0002', zoneId: B.zoneId, roles: ['network_admin', 'station_staff'], password: 'permanentie-123' });
  await enrolNetworkAdmin(A.db, admin, bart.id, BART_PASSPHRASE, { passphrase: PASSPHRASE });
  // B learns the people and the roster that lists both administrators.
  expect(await carry(A, B)).toMatchObject({ status: 'imported' });
  s = { A, B, anAtA: admin, anAtB: { personId: admin.personId, stationId: B.id }, bart, bartAtA: { personId: bart.id, stationId: A.id } };
});

const rename = (name: string) => (net: NetworkDefinition) => renameZone(net, net.zones[1]!.id, name);

async function refused(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e) => e instanceof DomainError && e.code === code);
}

/** Every refusal leaves the keys of the station as they were. */
async function refusedUnchanged(db: ZonelinkDb, attempt: () => Promise<unknown>, code: string): Promise<void> {
  const before = await db.adminKeys.toArray();
  await refused(attempt(), code);
  expect(await db.adminKeys.toArray()).toEqual(before);
}

/** The file with one field replaced. */
function edited(text: string, change: Record<string, unknown>): string {
  return JSON.stringify({ ...(JSON.parse(text) as object), ...change });
}

/** Flips the lowest bit of the byte at `index` of a hex string. */
function flipByte(hex: string, index: number): string {
  const byte = parseInt(hex.slice(index * 2, index * 2 + 2), 16) ^ 1;
  return hex.slice(0, index * 2) + byte.toString(16).padStart(2, '0') + hex.slice(index * 2 + 2);
}

describe('carrying a signing key to another station', () => {
  it('a key exported at A and imported at B lets the administrator sign a network change at B alone', async () => {
    const file = await exportAdminKeyFile(s.A.db, s.anAtA);
    const parsed = JSON.parse(file) as Record<string, unknown>;
    const kept = (await s.A.db.adminKeys.get(s.anAtA.personId))!;
    expect(parsed).toEqual({ format: 'zonelink-admin-key', version: 1, ...kept });
    expect(Object.keys(parsed).sort()).toEqual(['format', 'iterations', 'person', 'publicKey', 'salt', 'version', 'wrapped']);

    expect(await ownKeyState(s.B.db, s.anAtB.personId)).toBe('elsewhere');
    await refused(editNetwork(s.B.db, s.anAtB, rename('PZ Polder-Noord'), {}, { passphrase: PASSPHRASE }), 'roster.noAdminKey');
    await importAdminKeyFile(s.B.db, s.anAtB, file, PASSPHRASE);
    expect(await s.B.db.adminKeys.toArray()).toEqual([kept]);
    expect(await ownKeyState(s.B.db, s.anAtB.personId)).toBe('here');

    await editNetwork(s.B.db, s.anAtB, rename('PZ Polder-Noord'), {}, { passphrase: PASSPHRASE });
    const tip = (await currentRoster(s.B.db))!;
    expect(tip.signed!.document.issuedBy).toBe(s.anAtB.personId);
    expect(tip.network.zones[1]!.name).toBe('PZ Polder-Noord');
    const chain = (await signedChain(s.B.db))!;
    const checked = await verifyRosterChain(chain, chain[0]!.hash);
    expect(checked.ok && checked.chain.map((v) => v.hash)).toEqual(chain.map((v) => v.hash));
    // A accepts the version signed at B.
    expect(await carry(s.B, s.A)).toMatchObject({ status: 'imported' });
    expect((await currentRoster(s.A.db))!.hash).toBe(tip.hash);
  });

  it('exports only the signed-in administrator’s own listed key', async () => {
    await refused(exportAdminKeyFile(s.B.db, s.anAtB), 'adminKeyFile.noKey');
    await refused(exportAdminKeyFile(s.A.db, { personId: 'nobody', stationId: s.A.id }), 'auth.notSignedIn');
    await withdrawNetworkAdmin(s.A.db, s.anAtA, s.bart.id, { passphrase: PASSPHRASE });
    // Bart's withdrawn key is still kept at A (decision 0055) but signs nothing: it does not travel.
    await refused(exportAdminKeyFile(s.A.db, s.bartAtA), 'adminKeyFile.noKey');
  });

  it('refuses what is not a key file, and keeps the keys unchanged', async () => {
    const file = await exportAdminKeyFile(s.A.db, s.anAtA);
    const bad = [
      'geen json',
      '{}',
      JSON.stringify([file]),
      edited(file, { format: 'zonelink-join-request' }),
      edited(file, { version: 2 }),
      edited(file, { extra: 'x' }),
      edited(file, { privateKey: 'aa' }),
      edited(file, { salt: 'AB'.repeat(16) }),
      edited(file, { salt: 'ab'.repeat(15) }),
      edited(file, { publicKey: 'ab'.repeat(31) }),
      edited(file, { wrapped: 'xyz' }),
      edited(file, { wrapped: 'ab'.repeat(300) }),
      edited(file, { iterations: 1000 }),
      edited(file, { iterations: 1e9 }),
      edited(file, { person: '' }),
      file + ' '.repeat(5000),
    ];
    for (const text of bad) await refusedUnchanged(s.B.db, () => importAdminKeyFile(s.B.db, s.anAtB, text, PASSPHRASE), 'adminKeyFile.notKeyFile');
  });

  it('refuses a key of someone else, a withdrawn or foreign key, a wrong passphrase and a key already here', async () => {
    const an = await exportAdminKeyFile(s.A.db, s.anAtA);
    const bart = await exportAdminKeyFile(s.A.db, s.bartAtA);
    const { B } = s;
    await refusedUnchanged(B.db, () => importAdminKeyFile(B.db, s.anAtB, bart, BART_PASSPHRASE), 'adminKeyFile.otherPerson');
    await refusedUnchanged(B.db, () => importAdminKeyFile(B.db, { personId: 'nobody', stationId: B.id }, an, PASSPHRASE), 'auth.notSignedIn');
    await refusedUnchanged(B.db, () => importAdminKeyFile(B.db, s.anAtB, an, 'niet de goede wachtzin'), 'adminKey.wrongPassphrase');
    await refusedUnchanged(B.db, () => importAdminKeyFile(B.db, s.anAtB, an, BART_PASSPHRASE), 'adminKey.wrongPassphrase');
    // A key the roster does not list with that public key: made elsewhere, or Bart's public key under An's name.
    const foreign = await createAdminKey(s.anAtB.personId, PASSPHRASE);
    await refusedUnchanged(B.db, () => importAdminKeyFile(B.db, s.anAtB, JSON.stringify({ format: 'zonelink-admin-key', version: 1, ...foreign }), PASSPHRASE), 'adminKeyFile.notListed');
    await refusedUnchanged(B.db, () => importAdminKeyFile(B.db, s.anAtB, edited(an, { publicKey: JSON.parse(bart).publicKey }), PASSPHRASE), 'adminKeyFile.notListed');
    // Already at A.
    await refusedUnchanged(s.A.db, () => importAdminKeyFile(s.A.db, s.anAtA, an, PASSPHRASE), 'adminKeyFile.alreadyHere');
    await importAdminKeyFile(B.db, s.anAtB, an, PASSPHRASE);
    await refusedUnchanged(B.db, () => importAdminKeyFile(B.db, s.anAtB, an, PASSPHRASE), 'adminKeyFile.alreadyHere');
    expect((await B.db.adminKeys.toArray()).map((k) => k.person)).toEqual([s.anAtB.personId]);
  });

  it('refuses a key withdrawn after it was saved', async () => {
    const bart = await exportAdminKeyFile(s.A.db, s.bartAtA);
    await withdrawNetworkAdmin(s.A.db, s.anAtA, s.bart.id, { passphrase: PASSPHRASE });
    expect(await carry(s.A, s.B)).toMatchObject({ status: 'imported' });
    await refusedUnchanged(s.B.db, () => importAdminKeyFile(s.B.db, { personId: s.bart.id, stationId: s.B.id }, bart, BART_PASSPHRASE), 'adminKeyFile.notListed');
    expect(await ownKeyState(s.B.db, s.bart.id)).toBe('none');
  });

  it('refuses a tampered file: a flipped byte of the wrapped key, or the public key of another key', async () => {
    const an = await exportAdminKeyFile(s.A.db, s.anAtA);
    const { wrapped } = JSON.parse(an) as { wrapped: string };
    for (const index of [0, 20, wrapped.length / 2 - 1]) {
      await refusedUnchanged(s.B.db, () => importAdminKeyFile(s.B.db, s.anAtB, edited(an, { wrapped: flipByte(wrapped, index) }), PASSPHRASE), 'adminKey.wrongPassphrase');
    }
    // A key made under An's passphrase that claims An's listed public key: its wrapping is bound to its own.
    const other = await createAdminKey(s.anAtB.personId, PASSPHRASE);
    const swapped = JSON.stringify({ format: 'zonelink-admin-key', version: 1, ...other, publicKey: (JSON.parse(an) as { publicKey: string }).publicKey });
    expect(await readAdminKeyFile(s.B.db, s.anAtB, swapped)).toMatchObject({ person: s.anAtB.personId });
    await refusedUnchanged(s.B.db, () => importAdminKeyFile(s.B.db, s.anAtB, swapped, PASSPHRASE), 'adminKey.wrongPassphrase');
    expect(await s.B.db.adminKeys.count()).toBe(0);
  });
});
