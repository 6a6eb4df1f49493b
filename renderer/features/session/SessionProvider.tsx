import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Person } from '../../data/people';
import { useAutoLock } from '../../hooks/use-auto-lock';
import { usePerson } from '../../hooks/use-people';
import { SessionContext, type Session } from '../../hooks/use-session';
import { useSettings } from '../../hooks/use-settings';

interface State {
  signedIn: Person | null;
  locked: boolean;
}

/**
 * The signed-in person lives here and nowhere else (never persisted). The account is watched
 * live: deactivating it, or a stretch without input, locks the desk.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ signedIn: null, locked: false });
  const settings = useSettings();
  const live = usePerson(state.signedIn?.id ?? null);
  const person = live === undefined ? state.signedIn : live;
  const stationId = settings?.station?.stationId ?? null;
  const active = Boolean(person?.active && stationId);

  const begin = useCallback((p: Person) => setState({ signedIn: p, locked: false }), []);
  const lock = useCallback(() => setState({ signedIn: null, locked: true }), []);

  useEffect(() => {
    if (state.signedIn && live !== undefined && !live?.active) lock();
  }, [state.signedIn, live, lock]);

  useAutoLock(active, settings?.autoLockMinutes ?? 0, lock);

  const session = useMemo<Session>(
    () => ({
      actor: active && person && stationId ? { personId: person.id, stationId } : null,
      person: active ? person : null,
      locked: state.locked,
      begin,
      lock,
    }),
    [active, person, stationId, state.locked, begin, lock],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
