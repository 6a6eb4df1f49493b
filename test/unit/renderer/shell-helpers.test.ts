import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../renderer/domain/errors';
import { checkAccount, checkNewPassword, fieldOfError } from '../../../renderer/features/people/account-checks';
import { mayOpen, ROUTES } from '../../../renderer/features/route-table';
import { isMessageKey } from '../../../renderer/i18n/messages';
import { formatBytes } from '../../../renderer/i18n/numbers';

describe('route table', () => {
  it('has unique ids and paths, and a title in the catalogue for each', () => {
    expect(new Set(ROUTES.map((r) => r.id)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((r) => r.path)).size).toBe(ROUTES.length);
    for (const route of ROUTES) expect(isMessageKey(route.titleKey), route.titleKey).toBe(true);
  });

  it('opens people only to zone and network administrators', () => {
    const people = ROUTES.find((r) => r.id === 'people')!;
    expect(mayOpen(people, ['station_staff'])).toBe(false);
    expect(mayOpen(people, ['dpo'])).toBe(false);
    expect(mayOpen(people, ['station_staff', 'zone_admin'])).toBe(true);
    expect(mayOpen(people, ['network_admin'])).toBe(true);
    const dashboard = ROUTES.find((r) => r.id === 'dashboard')!;
    expect(mayOpen(dashboard, ['station_staff'])).toBe(true);
  });
});

describe('account form checks', () => {
  const ok = { name: 'An Vermeulen', personnelNumber: 'WK1234', zoneId: 'z', roles: ['station_staff' as const] };

  it('accepts a valid account and password pair', () => {
    expect(checkAccount(ok, { password: 'lang genoeg wachtwoord', repeat: 'lang genoeg wachtwoord' })).toEqual({});
  });

  it('puts each problem on its field', () => {
    const errors = checkAccount({ ...ok, name: ' ' }, { password: 'kort', repeat: 'kort' });
    expect(errors.name?.code).toBe('person.nameRequired');
    expect(errors.password?.code).toBe('password.tooShort');
    expect(checkAccount({ ...ok, personnelNumber: '!' }).personnelNumber?.code).toBe('person.badPersonnelNumber');
    expect(checkAccount({ ...ok, roles: [] }).roles?.code).toBe('person.noRole');
  });

  it('checks the pair only once the password itself is acceptable', () => {
    expect(checkNewPassword('wk1234', 'x', 'WK1234').password?.code).toBe('password.tooShort');
    expect(checkNewPassword('wk12345678', 'wk12345678', 'WK12345678').password?.code).toBe('password.sameAsNumber');
    expect(checkNewPassword('lang genoeg wachtwoord', 'anders', 'WK1').repeat?.code).toBe('password.mismatch');
  });

  it('maps errors thrown by the data layer to fields, and others to none', () => {
    expect(fieldOfError(new DomainError('person.numberTaken', { number: 'X' }))).toBe('personnelNumber');
    expect(fieldOfError(new DomainError('auth.forbidden'))).toBeNull();
    expect(fieldOfError(new Error('x'))).toBeNull();
  });
});

describe('formatBytes', () => {
  it('uses decimal units and the locale\'s decimal mark', () => {
    expect(formatBytes(0, 'en')).toBe('0 byte');
    expect(formatBytes(1_500_000, 'nl-BE')).toBe('1,5 MB');
    expect(formatBytes(1_500_000, 'en')).toBe('1.5 MB');
    expect(formatBytes(2_000_000_000_000, 'en')).toBe('2 TB');
  });
});
