import { format, getISOWeek, getISOWeekYear, addDays } from 'date-fns';
import { nlBE, enGB } from 'date-fns/locale';
import { TZDate, tz } from '@date-fns/tz';
import type { Locale } from './define';

/** Every plan time in Zonelink is Belgian wall time. */
export const TIME_ZONE = 'Europe/Brussels';

const dateLocales = { 'nl-BE': nlBE, en: enGB } as const;

/** An instant (UTC ISO string or Date) seen in Brussels. */
export function inBrussels(instant: string | Date | number): TZDate {
  return new TZDate(new Date(instant).getTime(), TIME_ZONE);
}

/** Formats an instant in Brussels time with the UI locale; patterns are date-fns patterns. */
export function formatInstant(instant: string | Date | number, pattern: string, locale: Locale): string {
  return format(inBrussels(instant), pattern, { locale: dateLocales[locale], in: tz(TIME_ZONE) });
}

/** "ma 30 nov. 2026 14:05": 24-hour clock in both languages. */
export function formatDateTime(instant: string | Date | number, locale: Locale): string {
  return formatInstant(instant, 'EEEEEE d MMM yyyy HH:mm', locale);
}

export function formatDate(instant: string | Date | number, locale: Locale): string {
  return formatInstant(instant, 'd MMM yyyy', locale);
}

/** ISO week (weeks start on Monday; week 1 holds the year's first Thursday), e.g. "2026-W49". */
export function isoWeekLabel(instant: string | Date | number): string {
  const d = inBrussels(instant);
  return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
}

/** Adds calendar days in Brussels wall time, so a day across a DST change stays a day. */
export function addBrusselsDays(instant: string | Date | number, days: number): Date {
  return new Date(addDays(inBrussels(instant), days).getTime());
}
