import { DomainError } from '../domain/errors';
import { MIN_PASSWORD_LENGTH } from '../domain/password';
import type { Locale } from './define';
import { isMessageKey, translate } from './messages';

/** The catalogue text for a thrown value: `error.<code>` for a DomainError, else a generic one. */
export function errorText(locale: Locale, error: unknown): string {
  if (error instanceof DomainError) {
    const key = `error.${error.code}`;
    if (isMessageKey(key)) return translate(locale, key, { min: MIN_PASSWORD_LENGTH, ...error.params });
  }
  return translate(locale, 'error.unexpected');
}
