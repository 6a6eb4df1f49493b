import { DomainError } from '../domain/errors';
import { findStation, findZone, type NetworkDefinition } from '../domain/network';
import { validatePerson } from '../domain/people';
import { hashPassword, passwordProblem } from '../domain/password';
import { uuidv7 } from '../sync/ids';
import type { ZonelinkDb } from './db';
import { nextRosterVersion } from './network';
import type { Person } from './people';
import { replicaOf } from './replicated/replica-of';
import { peopleTable } from './replicated/tables/people';

export interface FirstRunInput {
  network: NetworkDefinition;
  zoneId: string;
  stationId: string;
  admin: { name: string; personnelNumber: string; password: string };
}

export async function isFirstRunDone(db: ZonelinkDb): Promise<boolean> {
  return (await db.settings.get('station')) !== undefined;
}

/**
 * Writes everything the wizard gathered in one transaction: the network's first roster version,
 * this station's identity and the first account (a network administrator). Until then nothing is
 * stored, so an abandoned wizard leaves no trace.
 */
export async function completeFirstRun(db: ZonelinkDb, input: FirstRunInput): Promise<Person> {
  const zone = findZone(input.network, input.zoneId);
  const station = findStation(input.network, input.stationId);
  if (station.zoneId !== zone.id || !station.active || !zone.active) throw new DomainError('station.unknown');
  const admin = validatePerson({ ...input.admin, zoneId: zone.id, roles: ['network_admin', 'zone_admin', 'station_staff'] });
  const problem = passwordProblem(input.admin.password, admin.personnelNumber);
  if (problem) throw new DomainError(`password.${problem}`);
  const id = uuidv7();
  const password = await hashPassword(input.admin.password);
  const roster = await nextRosterVersion(undefined, input.network, null, new Date().toISOString());
  const replica = replicaOf(db);
  // The administrator's account is the station's first replicated row, made by themself.
  const row = await db.transaction('rw', replica.scope, async () => {
    if (await db.settings.get('station')) throw new DomainError('firstRun.alreadyDone');
    await db.rosters.add(roster);
    await db.settings.put({ key: 'station', value: { networkId: input.network.id, zoneId: zone.id, stationId: station.id } });
    return replica.insert(peopleTable, { ...admin, active: true, password }, { personId: id, stationId: station.id }, { id });
  });
  const { password: _password, ...person } = row;
  return person;
}
