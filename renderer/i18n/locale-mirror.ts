import { DEFAULT_LOCALE, isLocale, type Locale } from './define';

/**
 * The chosen language, mirrored in localStorage so the first paint and the recovery screen speak
 * it before the database opens. The settings table stays the source of truth once it is open.
 */
const KEY = 'zonelink.locale';

export function readMirroredLocale(): Locale {
  try {
    const value = localStorage.getItem(KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function mirrorLocale(locale: Locale): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // Storage refused (private mode, quota): the settings table still holds the choice.
  }
  document.documentElement.lang = locale;
}
