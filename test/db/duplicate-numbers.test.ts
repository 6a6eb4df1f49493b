import { describe, expect, it } from 'vitest';
import { createPerson, setPassword, signIn, updatePerson } from '../../renderer/data/people';
import { replicaOf } from '../../renderer/data/replicated/replica-of';
import { peopleTable } from '../../renderer/data/replicated/tables/people';
import { hashPassword } from '../../renderer/domain/password';
import { loadDuplicateNumbers, withRights } from '../../renderer/hooks/use-duplicate-numbers';
import { uuidv7 } from '../../renderer/sync/ids';
import { carry, setUpNetwork } from './sync/support';

// Two stations each give the same personnel number offline; the conflicts screen's data shows it at
// both once they exchange, with who gave each number where, and it is gone at both once one number
// changes and that change has travelled (decision 0056).

/** Koksijde (Westkust) set up the network, Diksmuide (Polder) joined and took its start bundle. */
async function twoStations() {
  const { stations, admin } = await setUpNetwork(['B']);
  const { A, B } = stations;
  await carry(A, B, { bootstrap: true });
  const exchange = async () => {
    await carry(A, B);
    await carry(B, A);
  };
  return { A, B, a: A.db, b: B.db, westkust: A.zoneId, polder: B.zoneId, atA: admin, atB: { personId: admin.personId, stationId: B.id }, exchange };
}

const password = 'permanentie-123';

describe('accounts sharing a personnel number', () => {
  it('arise from an exchange, show at both stations with who gave each number where, and go once one number changes', async () => {
    const { A, a, b, westkust, polder, atA, atB, exchange, B } = await twoStations();
    const jan = await createPerson(a, atA, { name: 'Jan Peeters', personnelNumber: 'WK2001', zoneId: westkust, roles: ['station_staff'], password });
    const els = await createPerson(b, atB, { name: 'Els Claes', personnelNumber: ' wk2001', zoneId: polder, roles: ['station_staff'], password });
    expect(await loadDuplicateNumbers(a)).toEqual([]);
    expect(await loadDuplicateNumbers(b)).toEqual([]);

    await exchange();
    const [seenAtA, seenAtB] = [await loadDuplicateNumbers(a), await loadDuplicateNumbers(b)];
    expect(seenAtB).toEqual(seenAtA);
    expect(seenAtA).toHaveLength(1);
    const conflict = seenAtA[0]!;
    expect(conflict.number).toBe('WK2001');
    expect(conflict.accounts.map((p) => [p.id, p.name, p.zoneId, p.author, p.station, p.active])).toEqual([
      [els.id, 'Els Claes', polder, 'An Vermeulen', 'Hoofdcommissariaat Diksmuide', true],
      [jan.id, 'Jan Peeters', westkust, 'An Vermeulen', 'Centraal Politiehuis Koksijde', true],
    ]);
    // The number was given when the account was made: its audit instant.
    expect(conflict.accounts.find((p) => p.id === jan.id)?.at).toBe(jan.createdAt);
    expect(conflict.accounts.find((p) => p.id === els.id)?.at).toBe(els.createdAt);

    // Until it is settled, each of the two signs in with their own password, at either station,
    // and the accounts can still be changed in other ways than their number.
    await setPassword(a, atA, jan.id, 'kustlijn-wandeling-3');
    await updatePerson(a, atA, jan.id, { name: 'Jan Peeters-Vos' });
    await carry(A, B);
    for (const db of [a, b]) {
      expect((await signIn(db, 'WK2001', 'kustlijn-wandeling-3'))?.id).toBe(jan.id);
      expect((await signIn(db, 'wk2001', password))?.id).toBe(els.id);
      expect(await signIn(db, 'WK2001', 'niet het wachtwoord')).toBeNull();
    }

    // The local check still refuses the number for a third account, at either station.
    await expect(createPerson(a, atA, { name: 'Tom Maes', personnelNumber: 'WK2001', zoneId: westkust, roles: ['station_staff'], password })).rejects.toMatchObject({ code: 'person.numberTaken' });

    // At Diksmuide Els gets another number: settled there at once, at Koksijde after the exchange.
    await updatePerson(b, atB, els.id, { personnelNumber: 'PO3001' });
    expect(await loadDuplicateNumbers(b)).toEqual([]);
    expect(await loadDuplicateNumbers(a)).toHaveLength(1);
    await carry(B, A);
    expect(await loadDuplicateNumbers(a)).toEqual([]);
  });

  it('shows who gave the number in force when an edit at another station made the clash', async () => {
    const { a, b, westkust, polder, atA, atB, exchange } = await twoStations();
    const els = await createPerson(a, atA, { name: 'Els Claes', personnelNumber: 'PO3001', zoneId: polder, roles: ['station_staff'], password });
    await exchange();
    // Offline, Koksijde makes Tom's account and Diksmuide gives Els the same number.
    const tom = await createPerson(a, atA, { name: 'Tom Maes', personnelNumber: 'WK5001', zoneId: westkust, roles: ['station_staff'], password });
    await updatePerson(b, atB, els.id, { personnelNumber: 'WK5001' });
    await exchange();
    const [conflict] = await loadDuplicateNumbers(a);
    expect(conflict?.accounts.map((p) => [p.name, p.author, p.station])).toEqual([
      ['Els Claes', 'An Vermeulen', 'Hoofdcommissariaat Diksmuide'],
      ['Tom Maes', 'An Vermeulen', 'Centraal Politiehuis Koksijde'],
    ]);
    expect(conflict?.accounts.find((p) => p.name === 'Tom Maes')?.at).toBe(tom.createdAt);
    expect(conflict?.accounts.find((p) => p.name === 'Els Claes')?.at).toBe((await a.people.get(els.id))?.updatedAt);
  });

  it('counts an inactive account, and a three-way duplicate is one conflict until a deleted or erased account leaves it', async () => {
    const { a, b, westkust, polder, atA, atB, exchange } = await twoStations();
    const jan = await createPerson(a, atA, { name: 'Jan Peeters', personnelNumber: 'WK2001', zoneId: westkust, roles: ['station_staff'], password });
    const els = await createPerson(b, atB, { name: 'Els Claes', personnelNumber: 'WK2001', zoneId: polder, roles: ['station_staff'], password });
    await updatePerson(b, atB, els.id, { active: false });
    await exchange();
    expect((await loadDuplicateNumbers(a)).map((c) => c.accounts.map((p) => [p.name, p.active]))).toEqual([
      [
        ['Els Claes', false],
        ['Jan Peeters', true],
      ],
    ]);

    // A third account with the number, written at Diksmuide straight through the record layer, as
    // a third station's ops would arrive (the local check belongs to the people module, above it).
    const third = uuidv7();
    await replicaOf(b).insert(peopleTable, { name: 'Lien Wouters', personnelNumber: 'wk2001', zoneId: polder, roles: ['station_staff'], active: true, password: await hashPassword(password) }, atB, { id: third });
    await exchange();
    for (const db of [a, b]) expect((await loadDuplicateNumbers(db)).map((c) => [c.number, c.accounts.map((p) => p.name)])).toEqual([['WK2001', ['Els Claes', 'Jan Peeters', 'Lien Wouters']]]);

    await replicaOf(a).erase(peopleTable, third, atA);
    await exchange();
    for (const db of [a, b]) expect((await loadDuplicateNumbers(db)).map((c) => c.accounts.map((p) => p.name))).toEqual([['Els Claes', 'Jan Peeters']]);
    await replicaOf(b).delete(peopleTable, els.id, atB);
    await exchange();
    for (const db of [a, b]) expect(await loadDuplicateNumbers(db)).toEqual([]);
    expect((await a.people.get(jan.id))?.personnelNumber).toBe('WK2001');
  });

  it('lets only those who may change an account give it another number', async () => {
    const { a, b, westkust, polder, atA, atB, exchange } = await twoStations();
    await createPerson(a, atA, { name: 'Jan Peeters', personnelNumber: 'WK2001', zoneId: westkust, roles: ['zone_admin'], password });
    await createPerson(b, atB, { name: 'Els Claes', personnelNumber: 'WK2001', zoneId: polder, roles: ['dpo'], password });
    await exchange();
    const views = await loadDuplicateNumbers(a);
    const rights = (person: Parameters<typeof withRights>[1]) => withRights(views, person)[0]!.accounts.map((p) => [p.name, p.mayChange]);
    expect(withRights(views, null)[0]).toMatchObject({ kind: 'duplicateNumber', number: 'WK2001' });
    expect(rights(null)).toEqual([
      ['Els Claes', false],
      ['Jan Peeters', false],
    ]);
    expect(rights({ roles: ['network_admin'], zoneId: westkust })).toEqual([
      ['Els Claes', true],
      ['Jan Peeters', true],
    ]);
    // A zone administrator of Polder: not a DPO's account (a network-wide role), not another zone's.
    expect(rights({ roles: ['zone_admin'], zoneId: polder })).toEqual([
      ['Els Claes', false],
      ['Jan Peeters', false],
    ]);
    expect(rights({ roles: ['zone_admin'], zoneId: westkust })).toEqual([
      ['Els Claes', false],
      ['Jan Peeters', true],
    ]);
    expect(rights({ roles: ['station_staff'], zoneId: westkust })).toEqual([
      ['Els Claes', false],
      ['Jan Peeters', false],
    ]);
  });
});
