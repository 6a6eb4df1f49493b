import { useCallback, useMemo } from 'react';
import { getDb } from '../data/db';
import { exportRoster, joinNetwork, networkFingerprint } from '../data/sync/join';
import { approveJoinRequest, createJoinRequest, readJoinRequest, type JoinTarget } from '../data/sync/join-request';
import { useSession } from './use-session';

/**
 * Joining a network (decisions 0042, 0047): the new station's side (make the request, adopt the
 * roster) and the administrator's (read a request, approve it, hand over the roster file).
 */
export function useJoinRequest() {
  const { actor } = useSession();
  const approve = useCallback(
    async (file: string, target: JoinTarget, passphrase: string) => {
      if (!actor) throw new Error('not signed in');
      return approveJoinRequest(getDb(), actor, file, target, passphrase);
    },
    [actor],
  );
  return useMemo(
    () => ({
      create: (input: { requestId?: string; stationName: string; zone: string }) => createJoinRequest(getDb(), input),
      read: (file: string) => readJoinRequest(getDb(), file),
      approve,
      rosterFile: () => exportRoster(getDb()),
      networkFingerprint: () => networkFingerprint(getDb()),
      join: (rosterFile: string, fingerprint: string) => joinNetwork(getDb(), { rosterFile, networkFingerprint: fingerprint }),
    }),
    [approve],
  );
}
