import { TextField } from '../../components/TextField';
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
    <div className="field-row">
      <TextField
        label={label}
        type="password"
        value={value.password}
        onChange={(password) => onChange({ password })}
        hint={t('person.passwordRules', { min: MIN_PASSWORD_LENGTH })}
        error={errors.password ? errorText(errors.password) : null}
        autoComplete="new-password"
        required
      />
      <TextField
        label={t('person.passwordRepeat')}
        type="password"
        value={value.repeat}
        onChange={(repeat) => onChange({ repeat })}
        error={errors.repeat ? errorText(errors.repeat) : null}
        autoComplete="new-password"
        required
      />
    </div>
  );
}
