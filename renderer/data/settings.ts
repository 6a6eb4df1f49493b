import { isLocale, type Locale } from '../i18n/define';
import type { FolderRef } from '../platform/platform';
import type { ZonelinkDb } from './db';

/** This installation's place in the network, chosen in the first-run wizard. */
export interface StationIdentity {
  networkId: string;
  zoneId: string;
  stationId: string;
}

/** Every local setting with its type and default. */
export interface Settings {
  locale: Locale;
  station: StationIdentity | null;
  /** Minutes without input before the desk locks; 0 turns auto-lock off. */
  autoLockMinutes: number;
  /** A station not heard from for more than this many days stands out on the sync screen. */
  staleAfterDays: number;
  /**
   * The shared sync folder, chosen once. In web mode the browser's directory handle is kept with
   * it (handles are structured-cloneable); Electron's main process remembers its own folders.
   */
  syncFolder: { ref: FolderRef; handle: unknown } | null;
}

/** The auto-lock delays offered in settings, in minutes; 0 is off. */
export const AUTO_LOCK_CHOICES = [0, 1, 2, 5, 10, 15, 30, 60] as const;

export const DEFAULT_SETTINGS: Settings = {
  locale: 'nl-BE',
  station: null,
  autoLockMinutes: 10,
  staleAfterDays: 7,
  syncFolder: null,
};

export async function getSetting<K extends keyof Settings>(db: ZonelinkDb, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return row ? (row.value as Settings[K]) : DEFAULT_SETTINGS[key];
}

export async function setSetting<K extends keyof Settings>(db: ZonelinkDb, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}

export async function getAllSettings(db: ZonelinkDb): Promise<Settings> {
  const rows = await db.settings.toArray();
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) if (row.key in DEFAULT_SETTINGS) out[row.key] = row.value;
  return out as unknown as Settings;
}

/** The language stored in the settings table, or null before anyone chose one on this station. */
export async function getStoredLocale(db: ZonelinkDb): Promise<Locale | null> {
  const row = await db.settings.get('locale');
  return isLocale(row?.value) ? row.value : null;
}
