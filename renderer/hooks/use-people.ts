import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Actor } from '../data/actor';
import { getDb } from '../data/db';
import { createPerson, getPerson, listPeople, setPassword, updatePerson, type Person } from '../data/people';
import type { PersonInput } from '../domain/people';
import { useSession } from './use-session';

export function usePeople(): Person[] | undefined {
  return useLiveQuery(() => listPeople(getDb()), []);
}

/** One person, live; null when unknown, undefined while loading. */
export function usePerson(id: string | null): Person | null | undefined {
  // useLiveQuery keeps the previous answer while a new id loads: tag answers with their id.
  const answer = useLiveQuery(async () => ({ id, person: id ? ((await getPerson(getDb(), id)) ?? null) : null }), [id]);
  return answer?.id === id ? answer.person : undefined;
}

export interface PeopleActions {
  create(input: PersonInput & { password: string }): Promise<Person>;
  update(id: string, patch: Partial<PersonInput> & { active?: boolean }): Promise<Person>;
  setPassword(id: string, password: string): Promise<void>;
}

/** Account changes made as the signed-in person. */
export function usePeopleActions(): PeopleActions {
  const { actor } = useSession();
  return useMemo(() => {
    const as = (): Actor => {
      if (!actor) throw new Error('not signed in');
      return actor;
    };
    return {
      create: (input) => createPerson(getDb(), as(), input),
      update: (id, patch) => updatePerson(getDb(), as(), id, patch),
      setPassword: (id, password) => setPassword(getDb(), as(), id, password),
    };
  }, [actor]);
}
