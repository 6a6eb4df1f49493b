import { describe, expect, it } from 'vitest';
import { createPerson, updatePerson } from '../../renderer/data/people';
import { loadFieldConflicts, mayResolveField } from '../../renderer/hooks/use-conflicts';
import { carry, setUpNetwork } from './sync/support';

// Who may settle a field conflict on an account: whoever may manage the account as it is and as
// each choice would make it (canManagePerson, as data/people.ts checks every change of an account).

describe('who may settle a conflict on an account', () => {
  it('a zone administrator settles a name conflict in their zone, but not one that could give a network-wide role', async () => {
    const { stations, admin } = await setUpNetwork(['B']);
    const { A, B } = stations;
    const atB = { personId: admin.personId, stationId: B.id };
    const password = 'permanentie-123';
    const jan = await createPerson(A.db, admin, { name: 'Jan Peeters', personnelNumber: 'WK2001', zoneId: A.zoneId, roles: ['station_staff'], password });
    const els = await createPerson(A.db, admin, { name: 'Els Claes', personnelNumber: 'WK2002', zoneId: A.zoneId, roles: ['station_staff'], password });
    await carry(A, B, { bootstrap: true });
    // Both stations change the same fields before hearing of each other's change.
    await updatePerson(A.db, admin, jan.id, { name: 'Jan Peeters-Vos' });
    await updatePerson(B.db, atB, jan.id, { name: 'Jan Peters' });
    await updatePerson(A.db, admin, els.id, { roles: ['station_staff', 'zone_admin'] });
    await updatePerson(B.db, atB, els.id, { roles: ['station_staff', 'dpo'] });
    await carry(A, B);
    await carry(B, A);

    const conflicts = await loadFieldConflicts(A.db);
    const named = conflicts.find((c) => c.rowId === jan.id && c.field === 'name')!;
    const roles = conflicts.find((c) => c.rowId === els.id && c.field === 'roles')!;
    expect(named).toBeDefined();
    expect(roles).toBeDefined();
    const may = (person: Parameters<typeof mayResolveField>[1]) => [mayResolveField(named, person), mayResolveField(roles, person)];

    expect(may(null)).toEqual([false, false]);
    expect(may({ roles: ['network_admin'], zoneId: B.zoneId })).toEqual([true, true]);
    // One choice gives Els the DPO's role, which only a network administrator hands out.
    expect(may({ roles: ['zone_admin'], zoneId: A.zoneId })).toEqual([true, false]);
    expect(may({ roles: ['zone_admin'], zoneId: B.zoneId })).toEqual([false, false]);
    expect(may({ roles: ['station_staff'], zoneId: A.zoneId })).toEqual([false, false]);
  });
});
