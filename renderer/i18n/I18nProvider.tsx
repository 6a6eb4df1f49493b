import { useMemo, type ReactNode } from 'react';
import type { Locale } from './define';
import { errorText } from './error-text';
import { I18nContext, type I18n } from './i18n-context';
import { translate } from './messages';

interface Props {
  locale: Locale;
  onLocaleChange: (locale: Locale) => void;
  children: ReactNode;
}

/** Presents one language to everything below; where the choice is kept is the caller's business. */
export function I18nProvider({ locale, onLocaleChange, children }: Props) {
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key, params) => translate(locale, key, params),
      errorText: (error) => errorText(locale, error),
      setLocale: onLocaleChange,
    }),
    [locale, onLocaleChange],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
