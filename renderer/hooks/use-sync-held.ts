import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { getDb } from '../data/db';
import type { HeldReport } from '../data/replicated/replica';
import { replicaOf } from '../data/replicated/replica-of';
import { DomainError } from '../domain/errors';
import { hasRole } from '../domain/people';
import { useSession } from './use-session';

/** Ops held back because their clock is too far ahead (ADR 0012), live; undefined while loading. */
export function useHeldOps(): HeldReport[] | undefined {
  return useLiveQuery(() => replicaOf(getDb()).heldOps(), []);
}

/** Accepts held ops now: a network administrator's decision. */
export function useReleaseHeld(): (keys: readonly string[]) => Promise<void> {
  const { person } = useSession();
  return useCallback(
    async (keys) => {
      if (!person || !hasRole(person, 'network_admin')) throw new DomainError('auth.forbidden');
      await replicaOf(getDb()).releaseHeld(keys);
    },
    [person],
  );
}
