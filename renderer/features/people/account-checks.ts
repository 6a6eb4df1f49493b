import { DomainError } from '../../domain/errors';
import type { Role } from '../../domain/network';
import { passwordProblem } from '../../domain/password';
import { validatePerson } from '../../domain/people';

export type AccountField = 'name' | 'personnelNumber' | 'zone' | 'roles' | 'password' | 'repeat';
export type AccountErrors = Partial<Record<AccountField, DomainError>>;

const FIELD_OF_CODE: Record<string, AccountField> = {
  'person.nameRequired': 'name',
  'person.nameTooLong': 'name',
  'person.badPersonnelNumber': 'personnelNumber',
  'person.numberTaken': 'personnelNumber',
  'person.noRole': 'roles',
  'zone.unknown': 'zone',
  'zone.inactive': 'zone',
  'password.tooShort': 'password',
  'password.sameAsNumber': 'password',
  'password.mismatch': 'repeat',
};

/** The form field a rule belongs to, so its message can sit under that field; null if none. */
export function fieldOfError(error: unknown): AccountField | null {
  return error instanceof DomainError ? (FIELD_OF_CODE[error.code] ?? null) : null;
}

/** The rules of a new password, checked before the slow hashing starts. */
export function checkNewPassword(password: string, repeat: string, personnelNumber: string): AccountErrors {
  const problem = passwordProblem(password, personnelNumber);
  if (problem) return { password: new DomainError(`password.${problem}`) };
  if (password !== repeat) return { repeat: new DomainError('password.mismatch') };
  return {};
}

/**
 * Checks an account form with the domain's own rules (validatePerson stops at its first
 * problem), plus the password pair when one is given.
 */
export function checkAccount(
  input: { name: string; personnelNumber: string; zoneId: string; roles: Role[] },
  password?: { password: string; repeat: string },
): AccountErrors {
  const errors: AccountErrors = password ? checkNewPassword(password.password, password.repeat, input.personnelNumber) : {};
  try {
    validatePerson(input);
  } catch (e) {
    const field = fieldOfError(e);
    if (!field || !(e instanceof DomainError)) throw e;
    errors[field] = e;
  }
  return errors;
}
