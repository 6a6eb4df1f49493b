import { describe, expect, it } from 'vitest';
import { duplicatePersonnelNumbers } from '../../../renderer/domain/people-duplicates';

// Accounts as the people table holds them: only what the rule reads, plus a name to tell them apart.
const account = (name: string, personnelNumber: string, active = true) => ({ name, personnelNumber, active });
const names = (groups: ReturnType<typeof duplicatePersonnelNumbers<ReturnType<typeof account>>>) =>
  groups.map((g) => [g.number, g.accounts.map((a) => a.name)]);

describe('duplicatePersonnelNumbers', () => {
  it('finds nothing when every number is held once', () => {
    expect(duplicatePersonnelNumbers([])).toEqual([]);
    expect(duplicatePersonnelNumbers([account('An', 'VL-0001'), account('Bart', 'VL-0002'), account('Els', 'VL-00010')])).toEqual([]);
  });

  it('groups two accounts with the same number, in the order given', () => {
    const jan = account('Jan', 'WK2001');
    const els = account('Els', 'WK2001');
    expect(duplicatePersonnelNumbers([account('An', 'VL-0001'), jan, els])).toEqual([{ number: 'WK2001', accounts: [jan, els] }]);
  });

  it('compares numbers as the people module normalises them: trimmed, upper case', () => {
    const groups = duplicatePersonnelNumbers([account('Jan', 'wk2001'), account('Els', ' WK2001 '), account('Tom', 'Wk2001'), account('Bart', 'WK-2001')]);
    expect(names(groups)).toEqual([['WK2001', ['Jan', 'Els', 'Tom']]]);
  });

  it('keeps a three-way duplicate in one group, and groups by number in number order', () => {
    const groups = duplicatePersonnelNumbers([
      account('Jan', 'WK2001'),
      account('Els', 'PO3001'),
      account('Tom', 'WK2001'),
      account('Lien', 'PO3001'),
      account('Sara', 'WK2001'),
      account('An', 'VL-0001'),
    ]);
    expect(names(groups)).toEqual([
      ['PO3001', ['Els', 'Lien']],
      ['WK2001', ['Jan', 'Tom', 'Sara']],
    ]);
  });

  it('counts an inactive account: it still holds its number, as for the local check', () => {
    expect(names(duplicatePersonnelNumbers([account('Jan', 'WK2001', false), account('Els', 'WK2001')]))).toEqual([['WK2001', ['Jan', 'Els']]]);
    expect(names(duplicatePersonnelNumbers([account('Jan', 'WK2001', false), account('Els', 'WK2001', false)]))).toEqual([['WK2001', ['Jan', 'Els']]]);
  });

  it('ignores a blank number and one that is not text (rows merged from other stations are unchecked)', () => {
    const odd = [account('Jan', '  '), account('Els', ''), { name: 'Tom', personnelNumber: null as unknown as string, active: true }, { name: 'Lien', personnelNumber: null as unknown as string, active: true }];
    expect(duplicatePersonnelNumbers(odd)).toEqual([]);
  });
});
