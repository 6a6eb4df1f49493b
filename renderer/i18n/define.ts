export type Locale = 'nl-BE' | 'en';
export const LOCALES: readonly Locale[] = ['nl-BE', 'en'];
export const DEFAULT_LOCALE: Locale = 'nl-BE';

/**
 * One area's messages: Dutch (nl-BE) is the reference, and English must have exactly the same
 * keys, which the compiler checks. Placeholders are written {name}.
 */
export function defineMessages<const K extends string>(
  nl: Record<K, string>,
  en: NoInfer<Record<K, string>>,
): { 'nl-BE': Record<K, string>; en: Record<K, string> } {
  return { 'nl-BE': nl, en };
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
