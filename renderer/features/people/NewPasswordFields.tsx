import { NewPasswordPair } from '../../components/NewPasswordPair';
import { MIN_PASSWORD_LENGTH } from '../../domain/password';
import { useT } from '../../i18n/use-t';
import type { AccountErrors } from './account-checks';

export interface PasswordPair {
  password: string;
  repeat: string;
}

interface Props {
  /** "Wachtwoord" for a new account, "Nieuw wachtwoord" when one is replaced. */
  label: string;
  value: PasswordPair;
  onChange: (patch: Partial<PasswordPair>) => void;
  errors: AccountErrors;
}

/** A new password typed twice, with the rules it must meet. */
export function NewPasswordFields({ label, value, onChange, errors }: Props) {
  const { t, errorText } = useT();
  return (
    <NewPasswordPair
      label={label}
      repeatLabel={t('person.passwordRepeat')}
      hint={t('person.passwordRules', { min: MIN_PASSWORD_LENGTH })}
      value={value.password}
      repeat={value.repeat}
      onChange={(password) => onChange({ password })}
      onRepeatChange={(repeat) => onChange({ repeat })}
      error={errors.password ? errorText(errors.password) : null}
      repeatError={errors.repeat ? errorText(errors.repeat) : null}
    />
  );
}
