import { NewPasswordPair } from '../../components/NewPasswordPair';
import { DomainError } from '../../domain/errors';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../domain/password';
import { useT } from '../../i18n/use-t';

export interface PassphrasePair {
  passphrase: string;
  passphraseRepeat: string;
}

export type PassphraseErrors = Partial<Record<keyof PassphrasePair, DomainError>>;

/** The rules of the administrator passphrase: the password rule, typed twice, not the account password. */
export function checkPassphrase(pair: PassphrasePair, password: string): PassphraseErrors {
  if (passwordProblem(pair.passphrase)) return { passphrase: new DomainError('passphrase.tooShort', { min: MIN_PASSWORD_LENGTH }) };
  if (pair.passphrase === password) return { passphrase: new DomainError('firstRun.passphraseIsPassword') };
  if (pair.passphrase !== pair.passphraseRepeat) return { passphraseRepeat: new DomainError('passphrase.mismatch') };
  return {};
}

interface Props {
  value: PassphrasePair;
  onChange: (patch: Partial<PassphrasePair>) => void;
  errors: PassphraseErrors;
}

/** The network administrator's passphrase, which wraps the key that signs the roster (decision 0034). */
export function AdminPassphraseFields({ value, onChange, errors }: Props) {
  const { t, errorText } = useT();
  return (
    <fieldset>
      <legend>{t('firstRun.passphrase.legend')}</legend>
      <p>{t('firstRun.passphrase.intro')}</p>
      <NewPasswordPair
        label={t('firstRun.passphrase.label')}
        repeatLabel={t('firstRun.passphrase.repeat')}
        hint={t('firstRun.passphrase.rules', { min: MIN_PASSWORD_LENGTH })}
        value={value.passphrase}
        repeat={value.passphraseRepeat}
        onChange={(passphrase) => onChange({ passphrase })}
        onRepeatChange={(passphraseRepeat) => onChange({ passphraseRepeat })}
        error={errors.passphrase ? errorText(errors.passphrase) : null}
        repeatError={errors.passphraseRepeat ? errorText(errors.passphraseRepeat) : null}
      />
    </fieldset>
  );
}
