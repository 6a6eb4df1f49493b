import { useCallback } from 'react';
import { getDb } from '../data/db';
import { signIn, type Person } from '../data/people';

/** Checks a personnel number and password; null when they do not match an active account. */
export function useSignIn(): (personnelNumber: string, password: string) => Promise<Person | null> {
  return useCallback((personnelNumber, password) => signIn(getDb(), personnelNumber, password), []);
}
