import { canonicalJson, sha256Hex } from '../sync/canonical';
import { canManageZone, hasRole } from '../domain/people';
import { DomainError } from '../domain/errors';
import { MIN_PASSWORD_LENGTH, passwordProblem, verifyPassword } from '../domain/password';
import { findStation, type NetworkDefinition } from '../domain/network';
import { createAdminKey, type WrappedAdminKey } from '../sync/crypto/admin-key';
import { createStationKeys, type StationKeys, type StationPublicKeys } from '../sync/crypto/keys';
import { rosterDocument, rosterNetwork, signRoster, type RosterAdmin, type RosterContent, type RosterDocument, type Revocation, type SignedRoster } from '../sync/roster/roster';
import type { Actor } from './actor';
import { APP_VERSION } from './app-version';
import type { PersonRow, RosterVersion, ZonelinkDb } from './db';
import type { StationIdentity } from './settings';

export async function currentRoster(db: ZonelinkDb): Promise<RosterVersion | undefined> {
  return db.rosters.orderBy('version').last();
}

/** The next version of the network definition, chained to the one before. Pure but for hashing. */
export async function nextRosterVersion(
  prev: RosterVersion | undefined,
  network: NetworkDefinition,
  issuedBy: string | null,
  issuedAt: string,
): Promise<RosterVersion> {
  const body = { version: (prev?.version ?? 0) + 1, network, prevHash: prev?.hash ?? null, issuedAt, issuedBy };
  return { ...body, hash: await sha256Hex(canonicalJson(body)) };
}

/** The stored row of a signed roster version: the UI and the record layer read `network` from it. */
export function rosterRow(signed: SignedRoster): RosterVersion {
  const doc = signed.document;
  return { version: doc.version, network: rosterNetwork(doc), prevHash: doc.prev, hash: signed.hash, issuedAt: doc.issuedAt, issuedBy: doc.issuedBy, signed };
}

/** The signed chain, versions 1..n; null while the roster is still unsigned (a database from before v3). */
export async function signedChain(db: ZonelinkDb): Promise<SignedRoster[] | null> {
  const rows = await db.rosters.orderBy('version').toArray();
  if (rows.length === 0 || rows.some((r) => !r.signed)) return null;
  return rows.map((r) => r.signed!);
}

/** What the next version is built from: the content of a signed document. */
export function rosterContent(doc: RosterDocument): RosterContent {
  const keys: Record<string, StationPublicKeys> = {};
  for (const s of doc.stations) if (s.keys) keys[s.id] = s.keys;
  return { network: rosterNetwork(doc), keys, admins: doc.admins, revocations: doc.revocations, minAppVersion: doc.minAppVersion };
}

export interface SigningOptions {
  /** The passphrase of a network administrator whose key is kept at this station. */
  passphrase: string;
}

/** This station's own keys; undefined before the first run (or on a database from before v3). */
export async function stationKeys(db: ZonelinkDb): Promise<StationKeys | undefined> {
  const station = (await db.settings.get('station'))?.value as StationIdentity | undefined;
  return station && db.stationKeys.get(station.stationId);
}

/** The administrator record the roster lists for a person with a key. */
export function rosterAdmin(person: Pick<PersonRow, 'id' | 'name' | 'zoneId' | 'roles'>, key: WrappedAdminKey) {
  return { person: person.id, name: person.name, zoneId: person.zoneId, roles: person.roles, key: key.publicKey };
}

/**
 * Signs `document` with a network administrator's key kept here: the actor's own when there is
 * one, else each other administrator's in turn (a network administrator signs what a zone
 * administrator prepared, decision 0041). A passphrase that opens none is adminKey.wrongPassphrase.
 */
async function signWithStoredKey(db: ZonelinkDb, actor: Actor, parent: SignedRoster, build: (issuedBy: string) => RosterDocument, passphrase: string): Promise<SignedRoster> {
  const admins = new Set(parent.document.admins.filter((a) => a.roles.includes('network_admin')).map((a) => a.person));
  const keys = (await db.adminKeys.toArray()).filter((k) => admins.has(k.person));
  keys.sort((a, b) => Number(b.person === actor.personId) - Number(a.person === actor.personId));
  if (keys.length === 0) throw new DomainError('roster.noAdminKey');
  for (const key of keys) {
    try {
      return await signRoster(build(key.person), parent, key, passphrase);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'adminKey.wrongPassphrase')) throw error;
    }
  }
  throw new DomainError('adminKey.wrongPassphrase');
}

async function authorise(db: ZonelinkDb, actor: Actor, zoneId: string | undefined): Promise<PersonRow> {
  const person = await db.people.get(actor.personId);
  if (!person?.active) throw new DomainError('auth.notSignedIn');
  const allowed = zoneId ? canManageZone(person, zoneId) : hasRole(person, 'network_admin');
  if (!allowed) throw new DomainError('auth.forbidden');
  return person;
}

/**
 * Makes the next signed roster version with `change` applied to the content of the current one.
 * Signing is not a Dexie call, so it happens before the transaction; the transaction checks
 * that nobody wrote a version in between, and otherwise we start over. `newAdminKey`, the key
 * of an administrator the change lists, is stored in the same transaction.
 */
async function changeRoster(
  db: ZonelinkDb,
  actor: Actor,
  change: (content: RosterContent) => RosterContent,
  scope: { zoneId?: string },
  { passphrase }: SigningOptions,
  newAdminKey?: WrappedAdminKey,
): Promise<RosterVersion> {
  const person = await authorise(db, actor, scope.zoneId);
  for (;;) {
    const prev = await currentRoster(db);
    if (!prev) throw new DomainError('network.missing');
    if (!prev.signed) return signFirstVersion(db, person, prev, change, passphrase);
    const parent = prev.signed;
    const content = change(rosterContent(parent.document));
    const issuedAt = new Date().toISOString();
    const signed = await signWithStoredKey(db, actor, parent, (issuedBy) => rosterDocument(content, { prev: parent, issuedAt, issuedBy }), passphrase);
    const row = rosterRow(signed);
    const written = await db.transaction('rw', db.rosters, db.adminKeys, async () => {
      const latest = await db.rosters.orderBy('version').last();
      if (latest?.hash !== prev.hash) return false;
      await db.rosters.add(row);
      if (newAdminKey) await db.adminKeys.put(newAdminKey);
      return true;
    });
    if (written) return row;
  }
}

/**
 * A database from before v3 has an unsigned roster and no keys (decision 0040). The first
 * change a network administrator makes creates this station's keys and the administrator's key
 * (wrapped under the passphrase given now) and signs version 1 of the roster; the unsigned
 * versions move to legacyRosters as history.
 */
async function signFirstVersion(
  db: ZonelinkDb,
  person: PersonRow,
  prev: RosterVersion,
  change: (content: RosterContent) => RosterContent,
  passphrase: string,
): Promise<RosterVersion> {
  if (!hasRole(person, 'network_admin')) throw new DomainError('roster.unsigned');
  const station = (await db.settings.get('station'))?.value as StationIdentity | undefined;
  if (!station) throw new DomainError('station.unknown');
  const keys = (await db.stationKeys.get(station.stationId)) ?? (await createStationKeys(station.stationId));
  const adminKey = await createAdminKey(person.id, passphrase);
  const base: RosterContent = { network: prev.network, keys: { [station.stationId]: keys.publicKeys }, admins: [rosterAdmin(person, adminKey)], revocations: [], minAppVersion: APP_VERSION };
  const doc = rosterDocument(change(base), { prev: null, issuedAt: new Date().toISOString(), issuedBy: person.id });
  const row = rosterRow(await signRoster(doc, null, adminKey, passphrase));
  await db.transaction('rw', [db.rosters, db.legacyRosters, db.stationKeys, db.adminKeys], async () => {
    const legacy = await db.rosters.toArray();
    if (legacy.some((r) => r.signed)) throw new DomainError('roster.changedMeanwhile');
    await db.legacyRosters.bulkPut(legacy);
    await db.rosters.clear();
    await db.rosters.add(row);
    await db.stationKeys.put(keys);
    await db.adminKeys.put(adminKey);
  });
  return row;
}

/**
 * Applies an edit to the network definition as a new signed roster version. A zone
 * administrator may edit the stations of their own zone (pass `zoneId`); everything else needs
 * a network administrator. Either way a network administrator's passphrase signs it.
 */
export async function editNetwork(
  db: ZonelinkDb,
  actor: Actor,
  edit: (network: NetworkDefinition) => NetworkDefinition,
  scope: { zoneId?: string },
  options: SigningOptions,
): Promise<RosterVersion> {
  return changeRoster(db, actor, (content) => ({ ...content, network: edit(content.network) }), scope, options);
}

/**
 * Publishes a station's public keys in the roster, so bundles can be written for it and read from it.
 * `edit` changes the network in the same signed version (a join approved as a new station adds it
 * there, decision 0053).
 */
export async function setStationKeys(
  db: ZonelinkDb,
  actor: Actor,
  stationId: string,
  keys: StationPublicKeys,
  options: SigningOptions,
  edit: (network: NetworkDefinition) => NetworkDefinition = (network) => network,
): Promise<RosterVersion> {
  const roster = await currentRoster(db);
  if (!roster) throw new DomainError('network.missing');
  const station = findStation(edit(roster.network), stationId);
  return changeRoster(db, actor, (content) => ({ ...content, network: edit(content.network), keys: { ...content.keys, [stationId]: keys } }), { zoneId: station.zoneId }, options);
}

/**
 * Revokes a station (decision 0032): its ops above the cutoff of their stream are refused
 * everywhere. By default each stream's cutoff is what this station holds of it without a gap,
 * and `seq` (0: nothing more) is the cutoff of every other stream.
 */
export async function revokeStation(
  db: ZonelinkDb,
  actor: Actor,
  stationId: string,
  cutoff: { seq: number; streams?: Record<string, number> },
  options: SigningOptions,
): Promise<RosterVersion> {
  const held = await db.acks.where('[origin+stream]').between([stationId, ''], [stationId, '\uffff']).toArray();
  const streams = cutoff.streams ?? Object.fromEntries(held.map((a) => [a.stream, a.seq]));
  const revokedAt = new Date().toISOString();
  return changeRoster(
    db,
    actor,
    (content) => {
      const revocation: Revocation = { station: stationId, seq: cutoff.seq, streams, revokedAt, revokedBy: actor.personId };
      return { ...content, revocations: [...content.revocations.filter((r) => r.station !== stationId), revocation] };
    },
    {},
    options,
  );
}

/** The administrators the current roster lets sign the next version; empty while it is unsigned. */
export async function rosterSigners(db: ZonelinkDb): Promise<RosterAdmin[]> {
  const roster = await currentRoster(db);
  return roster?.signed?.document.admins.filter((a) => a.roles.includes('network_admin')) ?? [];
}

/**
 * Gives a network administrator who has none yet a signing key (decision 0055): the key is made
 * here, wrapped under their own new passphrase, kept in adminKeys at this station, and its public
 * half is listed in the roster's admins by a new version that an administrator already listed
 * signs (`options.passphrase`). From then on they sign network changes alone.
 */
export async function enrolNetworkAdmin(db: ZonelinkDb, actor: Actor, personId: string, newPassphrase: string, options: SigningOptions): Promise<RosterVersion> {
  await authorise(db, actor, undefined);
  const person = await db.people.get(personId);
  if (!person) throw new DomainError('person.unknown');
  if (!person.active) throw new DomainError('adminKey.personInactive', { name: person.name });
  if (!hasRole(person, 'network_admin')) throw new DomainError('adminKey.notNetworkAdmin', { name: person.name });
  const listed = (admins: RosterAdmin[]) => admins.some((a) => a.person === personId);
  const roster = await currentRoster(db);
  if (!roster) throw new DomainError('network.missing');
  if (!roster.signed) throw new DomainError('roster.unsigned');
  if (listed(roster.signed.document.admins)) throw new DomainError('adminKey.alreadyEnrolled', { name: person.name });
  const problem = passwordProblem(newPassphrase, person.personnelNumber);
  if (problem === 'tooShort') throw new DomainError('passphrase.tooShort', { min: MIN_PASSWORD_LENGTH });
  if (problem === 'sameAsNumber') throw new DomainError('passphrase.sameAsNumber');
  if (await verifyPassword(newPassphrase, person.password)) throw new DomainError('adminKey.passphraseIsPassword');
  const key = await createAdminKey(person.id, newPassphrase);
  return changeRoster(
    db,
    actor,
    (content) => {
      if (listed(content.admins)) throw new DomainError('adminKey.alreadyEnrolled', { name: person.name });
      return { ...content, admins: [...content.admins, rosterAdmin(person, key)] };
    },
    {},
    options,
    key,
  );
}

/**
 * Takes a person's signing key out of the roster's admins in a new signed version (decision
 * 0055): for someone who is no network administrator any more, is deactivated, or has lost
 * their passphrase (they can be enrolled again with a new one). The last administrator who can
 * sign stays: without them nobody could change the network.
 */
export async function withdrawNetworkAdmin(db: ZonelinkDb, actor: Actor, personId: string, options: SigningOptions): Promise<RosterVersion> {
  return changeRoster(
    db,
    actor,
    (content) => {
      if (!content.admins.some((a) => a.person === personId)) throw new DomainError('adminKey.notEnrolled');
      const admins = content.admins.filter((a) => a.person !== personId);
      if (!admins.some((a) => a.roles.includes('network_admin'))) throw new DomainError('roster.lastAdmin');
      return { ...content, admins };
    },
    {},
    options,
  );
}
