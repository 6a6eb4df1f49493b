import { formatDistance } from 'date-fns';
import { enGB, nlBE } from 'date-fns/locale';
import type { Locale } from '../../i18n/define';

const DATE_LOCALES = { 'nl-BE': nlBE, en: enGB } as const;

/** "3 dagen geleden" / "3 days ago": how long ago an instant was, seen from `now`. */
export function formatAgo(instant: string, now: number, locale: Locale): string {
  return formatDistance(new Date(instant), now, { addSuffix: true, locale: DATE_LOCALES[locale] });
}

/** "ongeveer 1 jaar" / "about 1 year": a duration in words. */
export function formatSpan(ms: number, locale: Locale): string {
  return formatDistance(0, Math.max(0, ms), { locale: DATE_LOCALES[locale] });
}
