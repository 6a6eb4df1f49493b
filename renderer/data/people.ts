import { DomainError } from '../domain/errors';
import { validatePerson, normalisePersonnelNumber, canManagePerson, type PersonInput } from '../domain/people';
import type { Role } from '../domain/network';
import { hashPassword, passwordProblem, verifyPassword, PBKDF2_ITERATIONS, type PasswordHash } from '../domain/password';
import type { Actor } from './actor';
import type { PersonRow, ZonelinkDb } from './db';
import { replicaOf } from './replicated/replica-of';
import { peopleTable } from './replicated/tables/people';

/** A person as the UI sees it: never the password hash. */
export type Person = Omit<PersonRow, 'password'>;

function withoutPassword({ password: _password, ...person }: PersonRow): Person {
  return person;
}

export async function listPeople(db: ZonelinkDb): Promise<Person[]> {
  const rows = await db.people.toArray();
  return rows.map(withoutPassword).sort((a, b) => a.name.localeCompare(b.name, 'nl-BE'));
}

export async function getPerson(db: ZonelinkDb, id: string): Promise<Person | undefined> {
  const row = await db.people.get(id);
  return row && withoutPassword(row);
}

async function requireManager(db: ZonelinkDb, actor: Actor, ...people: { zoneId: string; roles: Role[] }[]): Promise<void> {
  const manager = await db.people.get(actor.personId);
  if (!manager?.active) throw new DomainError('auth.notSignedIn');
  if (!people.every((person) => canManagePerson(manager, person))) throw new DomainError('auth.forbidden');
}

async function hashChecked(password: string, personnelNumber: string): Promise<PasswordHash> {
  const problem = passwordProblem(password, personnelNumber);
  if (problem) throw new DomainError(`password.${problem}`);
  return hashPassword(password);
}

/**
 * Creates an account; the actor must manage the person's zone. The very first account is made
 * by completeFirstRun instead. Like every change of an account, it is written through the
 * replicated record layer (one op per field, the actor as author) and reaches every station.
 * The personnel number is checked against the accounts this station knows; two stations that
 * give the same number offline both keep it until someone changes one.
 */
export async function createPerson(
  db: ZonelinkDb,
  actor: Actor,
  input: PersonInput & { password: string },
): Promise<Person> {
  const person = validatePerson(input);
  await requireManager(db, actor, person);
  const password = await hashChecked(input.password, person.personnelNumber);
  const replica = replicaOf(db);
  const row = await db.transaction('rw', replica.scope, async () => {
    if (await db.people.where('personnelNumber').equals(person.personnelNumber).count()) {
      throw new DomainError('person.numberTaken', { number: person.personnelNumber });
    }
    return replica.insert(peopleTable, { ...person, active: true, password }, actor);
  });
  return withoutPassword(row);
}

export async function updatePerson(
  db: ZonelinkDb,
  actor: Actor,
  id: string,
  patch: Partial<PersonInput> & { active?: boolean },
): Promise<Person> {
  const existing = await db.people.get(id);
  if (!existing) throw new DomainError('person.unknown');
  const merged = validatePerson({ ...existing, ...patch });
  await requireManager(db, actor, existing, merged);
  const active = patch.active ?? existing.active;
  if (!active && id === actor.personId) throw new DomainError('person.cannotDeactivateSelf');
  const replica = replicaOf(db);
  const row = await db.transaction('rw', replica.scope, async () => {
    // Only a new number is checked: an account that shares its number since an exchange
    // (decision 0056) can still be renamed, deactivated or given other roles.
    const renumbered = merged.personnelNumber !== normalisePersonnelNumber(existing.personnelNumber);
    const clash = renumbered && (await db.people.where('personnelNumber').equals(merged.personnelNumber).filter((p) => p.id !== id).count());
    if (clash) throw new DomainError('person.numberTaken', { number: merged.personnelNumber });
    return replica.update(peopleTable, id, { ...merged, active }, actor);
  });
  return withoutPassword(row);
}

/** A person changes their own password, or a manager of their zone sets a new one. */
export async function setPassword(db: ZonelinkDb, actor: Actor, id: string, password: string): Promise<void> {
  const existing = await db.people.get(id);
  if (!existing) throw new DomainError('person.unknown');
  if (actor.personId !== id) await requireManager(db, actor, existing);
  const hash = await hashChecked(password, existing.personnelNumber);
  await replicaOf(db).update(peopleTable, id, { password: hash }, actor);
}

// Compared against when the personnel number is unknown, so both cases take as long.
let decoy: Promise<PasswordHash> | null = null;

/** The person whose number and password match, or null. Inactive accounts cannot sign in. */
export async function signIn(db: ZonelinkDb, personnelNumber: string, password: string): Promise<Person | null> {
  const number = normalisePersonnelNumber(personnelNumber);
  const rows = number ? await db.people.where('personnelNumber').equals(number).toArray() : [];
  if (rows.length === 0) {
    decoy ??= hashPassword('decoy-password', PBKDF2_ITERATIONS);
    await verifyPassword(password, await decoy);
    return null;
  }
  // Offline, two stations can give one number twice (a derived conflict, decision 0056): every
  // account of the number is tried, so each person signs in with their own password until it is settled.
  const matches = await Promise.all(rows.map((row) => verifyPassword(password, row.password)));
  const row = rows.find((candidate, i) => matches[i] && candidate.active);
  return row ? withoutPassword(row) : null;
}
