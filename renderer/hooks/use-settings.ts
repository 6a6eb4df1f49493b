import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { getDb } from '../data/db';
import { getAllSettings, getStoredLocale, setSetting, type Settings } from '../data/settings';
import type { Locale } from '../i18n/define';

/** Every local setting, live; undefined while loading. */
export function useSettings(): Settings | undefined {
  return useLiveQuery(() => getAllSettings(getDb()), []);
}

export function useSaveSetting(): <K extends keyof Settings>(key: K, value: Settings[K]) => Promise<void> {
  return useCallback((key, value) => setSetting(getDb(), key, value), []);
}

/** The stored UI language; null when none is stored (first run), undefined while loading. */
export function useStoredLocale(): Locale | null | undefined {
  return useLiveQuery(() => getStoredLocale(getDb()), []);
}
