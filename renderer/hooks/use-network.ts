import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { getDb } from '../data/db';
import { currentRoster, editNetwork } from '../data/network';
import type { NetworkDefinition } from '../domain/network';
import { useSession } from './use-session';

/** The current network definition; null when there is none yet, undefined while loading. */
export function useNetwork(): NetworkDefinition | null | undefined {
  return useLiveQuery(async () => (await currentRoster(getDb()))?.network ?? null, []);
}

/**
 * Applies an edit as the signed-in person (zone administrators pass their zone as scope), signed
 * with a network administrator's passphrase.
 */
export function useEditNetwork(): (edit: (net: NetworkDefinition) => NetworkDefinition, scope: { zoneId?: string }, passphrase: string) => Promise<void> {
  const { actor } = useSession();
  return useCallback(
    async (edit, scope, passphrase) => {
      if (!actor) throw new Error('not signed in');
      await editNetwork(getDb(), actor, edit, scope, { passphrase });
    },
    [actor],
  );
}
