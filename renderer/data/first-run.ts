import { DomainError } from '../domain/errors';
import { findStation, findZone, type NetworkDefinition } from '../domain/network';
import { validatePerson } from '../domain/people';
import { hashPassword, passwordProblem } from '../domain/password';
import { createAdminKey } from '../sync/crypto/admin-key';
import { createStationKeys } from '../sync/crypto/keys';
import { uuidv7 } from '../sync/ids';
import { rosterDocument, signRoster } from '../sync/roster/roster';
import { APP_VERSION } from './app-version';
import type { ZonelinkDb } from './db';
import { rosterAdmin, rosterRow } from './network';
import type { Person } from './people';
import { replicaOf } from './replicated/replica-of';
import { peopleTable } from './replicated/tables/people';

export interface FirstRunInput {
  network: NetworkDefinition;
  zoneId: string;
  stationId: string;
  admin: { name: string; personnelNumber: string; password: string };
  /** Wraps the network administrator's roster signing key (decision 0034); asked for each signature. */
  adminPassphrase: string;
}

export async function isFirstRunDone(db: ZonelinkDb): Promise<boolean> {
  return (await db.settings.get('station')) !== undefined;
}

/**
 * Writes everything the wizard gathered in one transaction: the network's first roster version,
 * signed by the first account (a network administrator) with a key wrapped under the
 * administrator passphrase, this station's identity and keys, and that account. Keys, hashes
 * and the signature are made before the transaction (no crypto inside it). Until then nothing
 * is stored, so an abandoned wizard leaves no trace.
 */
export async function completeFirstRun(db: ZonelinkDb, input: FirstRunInput): Promise<Person> {
  const zone = findZone(input.network, input.zoneId);
  const station = findStation(input.network, input.stationId);
  if (station.zoneId !== zone.id || !station.active || !zone.active) throw new DomainError('station.unknown');
  const admin = validatePerson({ ...input.admin, zoneId: zone.id, roles: ['network_admin', 'zone_admin', 'station_staff'] });
  const problem = passwordProblem(input.admin.password, admin.personnelNumber);
  if (problem) throw new DomainError(`password.${problem}`);
  if (input.adminPassphrase === input.admin.password) throw new DomainError('firstRun.passphraseIsPassword');
  const id = uuidv7();
  const [password, keys, adminKey] = await Promise.all([hashPassword(input.admin.password), createStationKeys(station.id), createAdminKey(id, input.adminPassphrase)]);
  const content = { network: input.network, keys: { [station.id]: keys.publicKeys }, admins: [rosterAdmin({ ...admin, id }, adminKey)], revocations: [], minAppVersion: APP_VERSION };
  const doc = rosterDocument(content, { prev: null, issuedAt: new Date().toISOString(), issuedBy: id });
  const roster = rosterRow(await signRoster(doc, null, adminKey, input.adminPassphrase));
  const replica = replicaOf(db);
  // The administrator's account is the station's first replicated row, made by themself.
  const row = await db.transaction('rw', [...replica.scope, db.stationKeys, db.adminKeys], async () => {
    if (await db.settings.get('station')) throw new DomainError('firstRun.alreadyDone');
    await db.rosters.add(roster);
    await db.stationKeys.add(keys);
    await db.adminKeys.add(adminKey);
    await db.settings.put({ key: 'station', value: { networkId: input.network.id, zoneId: zone.id, stationId: station.id } });
    return replica.insert(peopleTable, { ...admin, active: true, password }, { personId: id, stationId: station.id }, { id });
  });
  const { password: _password, ...created } = row;
  return created;
}
