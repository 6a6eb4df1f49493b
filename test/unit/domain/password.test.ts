import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, PBKDF2_ITERATIONS, verifyPassword } from '../../../renderer/domain/password';
import { validatePerson, canManageZone, canManagePerson } from '../../../renderer/domain/people';
import { DomainError } from '../../../renderer/domain/errors';

describe('passwords', () => {
  it('stores PBKDF2-SHA-256 with at least 600k iterations and a random salt', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a.algorithm).toBe('PBKDF2-SHA-256');
    expect(a.iterations).toBeGreaterThanOrEqual(600_000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(a.hash).not.toContain('correct');
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Wijkpost-Kuurne-2026');
    expect(await verifyPassword('Wijkpost-Kuurne-2026', stored)).toBe(true);
    expect(await verifyPassword('wijkpost-kuurne-2026', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('refuses weakened stored hashes and fewer iterations', async () => {
    const stored = await hashPassword('Wijkpost-Kuurne-2026');
    expect(await verifyPassword('Wijkpost-Kuurne-2026', { ...stored, iterations: 1000 })).toBe(false);
    await expect(hashPassword('x'.repeat(12), PBKDF2_ITERATIONS - 1)).rejects.toThrow(RangeError);
  });

  it('names what is wrong with a weak password', () => {
    expect(passwordProblem('short')).toBe('tooShort');
    expect(passwordProblem('AB12345678', 'ab12345678')).toBe('sameAsNumber');
    expect(passwordProblem('een lange zin als wachtwoord', 'AB123')).toBeNull();
  });
});

describe('people rules', () => {
  it('normalises a person and refuses a missing name or role', () => {
    expect(validatePerson({ name: '  Jan   Peeters ', personnelNumber: ' ab-123 ', zoneId: 'z', roles: ['dpo', 'dpo'] })).toEqual({
      name: 'Jan Peeters',
      personnelNumber: 'AB-123',
      zoneId: 'z',
      roles: ['dpo'],
    });
    expect(() => validatePerson({ name: ' ', personnelNumber: 'A1', zoneId: 'z', roles: ['dpo'] })).toThrow(DomainError);
    expect(() => validatePerson({ name: 'Jan', personnelNumber: 'A1', zoneId: 'z', roles: [] })).toThrow(/person.noRole/);
    expect(() => validatePerson({ name: 'Jan', personnelNumber: 'a b', zoneId: 'z', roles: ['dpo'] })).toThrow(/badPersonnelNumber/);
  });

  it('lets zone administrators manage only their zone, network administrators every zone', () => {
    expect(canManageZone({ roles: ['zone_admin'], zoneId: 'a' }, 'a')).toBe(true);
    expect(canManageZone({ roles: ['zone_admin'], zoneId: 'a' }, 'b')).toBe(false);
    expect(canManageZone({ roles: ['network_admin'], zoneId: 'a' }, 'b')).toBe(true);
    expect(canManageZone({ roles: ['station_staff', 'dpo'], zoneId: 'a' }, 'a')).toBe(false);
  });

  it('keeps network-wide roles and their holders out of a zone administrator\'s reach', () => {
    const zoneAdmin = { roles: ['zone_admin' as const], zoneId: 'a' };
    const networkAdmin = { roles: ['network_admin' as const], zoneId: 'b' };
    expect(canManagePerson(zoneAdmin, { roles: ['station_staff'], zoneId: 'a' })).toBe(true);
    expect(canManagePerson(zoneAdmin, { roles: ['station_staff', 'dpo'], zoneId: 'a' })).toBe(false);
    expect(canManagePerson(zoneAdmin, { roles: ['network_admin'], zoneId: 'a' })).toBe(false);
    expect(canManagePerson(zoneAdmin, { roles: ['station_staff'], zoneId: 'b' })).toBe(false);
    expect(canManagePerson(networkAdmin, { roles: ['network_admin', 'dpo'], zoneId: 'a' })).toBe(true);
  });
});
