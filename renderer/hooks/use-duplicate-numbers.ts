import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getDb, type ZonelinkDb } from '../data/db';
import { currentRoster } from '../data/network';
import { listPeople } from '../data/people';
import { opKeysOf } from '../data/replicated/engine';
import type { Role } from '../domain/network';
import { canManagePerson } from '../domain/people';
import { duplicatePersonnelNumbers } from '../domain/people-duplicates';
import { hlcInstant } from '../sync/hlc';
import { useSession } from './use-session';

/** One account of a shared personnel number, with who gave it that number, where and when. */
export interface DuplicateNumberAccount {
  id: string;
  name: string;
  zoneId: string;
  roles: Role[];
  active: boolean;
  /** The name of the person who gave the account this number; null when unknown here. */
  author: string | null;
  /** The name of the station where the number was given; null when unknown. */
  station: string | null;
  /** UTC ISO. */
  at: string;
}

/** A personnel number held by more than one account (decision 0056), before the signed-in person's rights are known. */
export interface DuplicateNumberView {
  key: string;
  number: string;
  accounts: DuplicateNumberAccount[];
}

/**
 * A derived conflict: accounts sharing a personnel number. It is settled by giving all but one of
 * them another number on the people page; it is gone as soon as the numbers differ.
 */
export interface DuplicateNumberConflict extends DuplicateNumberView {
  kind: 'duplicateNumber';
  /** Per account: whether the signed-in person may change it (canManagePerson, as data/people.ts checks). */
  accounts: Array<DuplicateNumberAccount & { mayChange: boolean }>;
}

/**
 * The accounts of this station that share a personnel number, each with the author, station and
 * time of the op that gave it its number in force (for an account made with it: who made it, where).
 */
export async function loadDuplicateNumbers(db: ZonelinkDb): Promise<DuplicateNumberView[]> {
  const [people, roster] = await Promise.all([listPeople(db), currentRoster(db)]);
  const groups = duplicatePersonnelNumbers(people);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const stations = new Map((roster?.network.stations ?? []).map((s) => [s.id, s.name]));
  return Promise.all(
    groups.map(async ({ number, accounts }) => ({
      key: `people|personnelNumber|${number}`,
      number,
      accounts: await Promise.all(
        accounts.map(async (p): Promise<DuplicateNumberAccount> => {
          const state = await db.rowStates.get(['people', p.id]);
          const ops = state ? await db.ops.bulkGet(opKeysOf(state)) : [];
          const given = ops.find((op) => op?.field === 'personnelNumber' && op.hlc === state?.heads.personnelNumber);
          return {
            id: p.id,
            name: p.name,
            zoneId: p.zoneId,
            roles: p.roles,
            active: p.active,
            author: given ? (names.get(given.author) ?? null) : null,
            station: given ? (stations.get(given.origin) ?? null) : null,
            at: given ? hlcInstant(given.hlc) : p.updatedAt,
          };
        }),
      ),
    })),
  );
}

/**
 * The conflicts as the signed-in person sees them: an account may be given another number by
 * whoever may change it (canManagePerson, as data/people.ts checks); nobody when no one is signed in.
 */
export function withRights(views: readonly DuplicateNumberView[], person: { roles: readonly Role[]; zoneId: string } | null): DuplicateNumberConflict[] {
  return views.map((view) => ({
    ...view,
    kind: 'duplicateNumber',
    accounts: view.accounts.map((account) => ({ ...account, mayChange: person !== null && canManagePerson(person, account) })),
  }));
}

/** Accounts sharing a personnel number, live: a conflict source of the conflicts screen. */
export function useDuplicateNumberConflicts(): DuplicateNumberConflict[] | undefined {
  const { person } = useSession();
  const loaded = useLiveQuery(() => loadDuplicateNumbers(getDb()), []);
  return useMemo(() => loaded && withRights(loaded, person), [loaded, person]);
}
