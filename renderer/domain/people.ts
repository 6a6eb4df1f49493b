import { DomainError } from './errors';
import { ROLES, type Role } from './network';

/** A person's account. A station desk is shared: everyone signs in with their own. */
export interface PersonInput {
  name: string;
  personnelNumber: string;
  zoneId: string;
  roles: Role[];
}

const PERSONNEL_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/;

export function normalisePersonnelNumber(value: string): string {
  return value.trim().toUpperCase();
}

export function validatePerson(input: PersonInput): PersonInput {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) throw new DomainError('person.nameRequired');
  if (name.length > 120) throw new DomainError('person.nameTooLong', { max: 120 });
  const personnelNumber = normalisePersonnelNumber(input.personnelNumber);
  if (!PERSONNEL_NUMBER.test(personnelNumber)) throw new DomainError('person.badPersonnelNumber');
  const roles = [...new Set(input.roles)].filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  if (roles.length === 0) throw new DomainError('person.noRole');
  return { name, personnelNumber, zoneId: input.zoneId, roles };
}

export function hasRole(person: { roles: readonly Role[] }, role: Role): boolean {
  return person.roles.includes(role);
}

/** Roles that reach beyond one zone: only a network administrator grants them or manages their holders. */
export const NETWORK_WIDE_ROLES: readonly Role[] = ['network_admin', 'dpo'];

/** Zone administrators manage their own zone; network administrators manage every zone. */
export function canManageZone(person: { roles: readonly Role[]; zoneId: string }, zoneId: string): boolean {
  return hasRole(person, 'network_admin') || (hasRole(person, 'zone_admin') && person.zoneId === zoneId);
}

/**
 * Whether `manager` may create, edit or set the password of an account with these zone and
 * roles. A zone administrator manages their own zone's accounts, but not those holding a
 * network-wide role (otherwise they could take over a network administrator's account).
 */
export function canManagePerson(
  manager: { roles: readonly Role[]; zoneId: string },
  person: { roles: readonly Role[]; zoneId: string },
): boolean {
  if (!canManageZone(manager, person.zoneId)) return false;
  return hasRole(manager, 'network_admin') || !person.roles.some((r) => NETWORK_WIDE_ROLES.includes(r));
}
