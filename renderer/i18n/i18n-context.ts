import { createContext } from 'react';
import type { Locale } from './define';
import type { MessageKey, MessageParams } from './messages';

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** A message a clerk understands for any thrown value: DomainError codes map to `error.<code>`. */
  errorText: (error: unknown) => string;
  /** Changes the UI language: persisted, mirrored, and passed on to the platform's menu. */
  setLocale: (locale: Locale) => void;
}

export const I18nContext = createContext<I18n | null>(null);
