import { TextField } from '../../components/TextField';
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
      <div className="field-row">
        <TextField
          label={t('firstRun.passphrase.label')}
          type="password"
          value={value.passphrase}
          onChange={(passphrase) => onChange({ passphrase })}
          hint={t('firstRun.passphrase.rules', { min: MIN_PASSWORD_LENGTH })}
          error={errors.passphrase ? errorText(errors.passphrase) : null}
          autoComplete="new-password"
          required
        />
        <TextField
          label={t('firstRun.passphrase.repeat')}
          type="password"
          value={value.passphraseRepeat}
          onChange={(passphraseRepeat) => onChange({ passphraseRepeat })}
          error={errors.passphraseRepeat ? errorText(errors.passphraseRepeat) : null}
          autoComplete="new-password"
          required
        />
      </div>
    </fieldset>
  );
}
