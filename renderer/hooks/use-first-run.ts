import { useCallback } from 'react';
import { getDb } from '../data/db';
import { completeFirstRun, type FirstRunInput } from '../data/first-run';
import type { Person } from '../data/people';
import { setSetting } from '../data/settings';
import { requestPersistentStorage } from '../data/storage';
import type { Locale } from '../i18n/define';

/**
 * Writes what the wizard gathered (one transaction in completeFirstRun), then keeps the language
 * chosen in the wizard and asks the browser to keep the data.
 */
export function useCompleteFirstRun(): (input: FirstRunInput, locale: Locale) => Promise<Person> {
  return useCallback(async (input, locale) => {
    const person = await completeFirstRun(getDb(), input);
    await setSetting(getDb(), 'locale', locale);
    await requestPersistentStorage();
    return person;
  }, []);
}
