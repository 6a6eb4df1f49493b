import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Actor } from '../data/actor';
import { exportAdminKeyFile, importAdminKeyFile, ownKeyState, readAdminKeyFile, type OwnKeyState } from '../data/admin-key-file';
import { getDb } from '../data/db';
import { enrolNetworkAdmin, rosterSigners, withdrawNetworkAdmin } from '../data/network';
import type { RosterAdmin } from '../sync/roster/roster';
import { useSession } from './use-session';

/** The administrators the current roster lets sign network changes; undefined while loading. */
export function useNetworkSigners(): RosterAdmin[] | undefined {
  return useLiveQuery(() => rosterSigners(getDb()), []);
}

/** Where the signed-in person's own signing key stands (decision 0057); undefined while loading. */
export function useOwnKeyState(): OwnKeyState | undefined {
  const { actor } = useSession();
  const personId = actor?.personId;
  return useLiveQuery(() => (personId ? ownKeyState(getDb(), personId) : 'none'), [personId]);
}

export interface SigningKeyActions {
  /** A signing key for `personId` under `newPassphrase`, published in a version signed with `passphrase`. */
  enrol(personId: string, newPassphrase: string, passphrase: string): Promise<void>;
  /** Takes `personId`'s key out of the roster in a version signed with `passphrase`. */
  withdraw(personId: string, passphrase: string): Promise<void>;
  /** The signed-in administrator's own key as the text of a file (decision 0057). */
  exportKey(): Promise<string>;
  /** Checks a key file before its passphrase is asked; throws the reason it is refused. */
  checkKeyFile(text: string): Promise<void>;
  /** Keeps the key of the file here once `passphrase` opens it. */
  importKey(text: string, passphrase: string): Promise<void>;
}

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new Error('not signed in');
  return actor;
}

/** Enrolling and withdrawing network administrators' signing keys (decision 0055), and carrying one's own (0057), as the signed-in person. */
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
      exportKey: () => exportAdminKeyFile(getDb(), signedIn(actor)),
      checkKeyFile: async (text) => {
        await readAdminKeyFile(getDb(), signedIn(actor), text);
      },
      importKey: async (text, passphrase) => {
        await importAdminKeyFile(getDb(), signedIn(actor), text, passphrase);
      },
    }),
    [actor],
  );
}
