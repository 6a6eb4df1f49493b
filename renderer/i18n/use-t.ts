import { useContext } from 'react';
import { I18nContext, type I18n } from './i18n-context';

/** The UI language and its lookups; needs an I18nProvider above. */
export function useT(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useT needs an I18nProvider');
  return i18n;
}
