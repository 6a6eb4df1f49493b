import { LOCALES, type Locale } from '../i18n/define';
import { useT } from '../i18n/use-t';
import { SelectField } from './SelectField';

const LANGUAGE_NAMES = { 'nl-BE': 'language.nl-BE', en: 'language.en' } as const;

/** The UI language; each language is named in itself so anyone can find their own. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useT();
  return (
    <SelectField
      label={t('language.label')}
      value={locale}
      options={LOCALES.map((l) => ({ value: l, label: t(LANGUAGE_NAMES[l]) }))}
      onChange={(value) => setLocale(value as Locale)}
    />
  );
}
