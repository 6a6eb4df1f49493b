import { createContext, useContext } from 'react';
import type { Actor } from '../data/actor';
import type { Person } from '../data/people';

/**
 * Who is signed in at this desk. Kept in React state only: a reload asks to sign in again.
 * `locked` tells the sign-in screen that the desk was locked (by the person or by inactivity).
 */
export interface Session {
  actor: Actor | null;
  person: Person | null;
  locked: boolean;
  begin(person: Person): void;
  lock(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}
