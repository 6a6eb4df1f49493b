import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Actor } from '../data/actor';
import { getDb } from '../data/db';
import { enrolNetworkAdmin, rosterSigners, withdrawNetworkAdmin } from '../data/network';
import type { RosterAdmin } from '../sync/roster/roster';
import { useSession } from './use-session';

/** The administrators the current roster lets sign network changes; undefined while loading. */
export function useNetworkSigners(): RosterAdmin[] | undefined {
  return useLiveQuery(() => rosterSigners(getDb()), []);
}

export interface SigningKeyActions {
  /** A signing key for `personId` under `newPassphrase`, published in a version signed with `passphrase`. */
  enrol(personId: string, newPassphrase: string, passphrase: string): Promise<void>;
  /** Takes `personId`'s key out of the roster in a version signed with `passphrase`. */
  withdraw(personId: string, passphrase: string): Promise<void>;
}

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new Error('not signed in');
  return actor;
}

/** Enrolling and withdrawing network administrators' signing keys as the signed-in person (decision 0055). */
export function useSigningKeyActions(): SigningKeyActions {
  const { actor } = useSession();
  return useMemo(
    () => ({
      enrol: async (personId, newPassphrase, passphrase) => {
        await enrolNetworkAdmin(getDb(), signedIn(actor), personId, newPassphrase, { passphrase });
      },
      withdraw: async (personId, passphrase) => {
        await withdrawNetworkAdmin(getDb(), signedIn(actor), personId, { passphrase });
      },
    }),
    [actor],
  );
}
