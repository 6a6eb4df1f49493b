import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/use-t';
import type { AccountErrors } from './account-checks';
import { NewPasswordFields, type PasswordPair } from './NewPasswordFields';

export interface AccountDraft extends PasswordPair {
  name: string;
  personnelNumber: string;
}

export const EMPTY_ACCOUNT: AccountDraft = { name: '', personnelNumber: '', password: '', repeat: '' };

interface Props {
  value: AccountDraft;
  onChange: (patch: Partial<AccountDraft>) => void;
  errors: AccountErrors;
  /** A new account also gets its first password. */
  withPassword: boolean;
}

/** Name and personnel number, and for a new account the password twice. */
export function AccountFields({ value, onChange, errors, withPassword }: Props) {
  const { t, errorText } = useT();
  const shown = (field: keyof AccountErrors) => (errors[field] ? errorText(errors[field]) : null);
  return (
    <>
      <div className="field-row">
        <TextField label={t('person.name')} value={value.name} onChange={(name) => onChange({ name })} error={shown('name')} required />
        <TextField
          label={t('person.personnelNumber')}
          value={value.personnelNumber}
          onChange={(personnelNumber) => onChange({ personnelNumber })}
          error={shown('personnelNumber')}
          spellCheck={false}
          required
        />
      </div>
      {withPassword && <NewPasswordFields label={t('person.password')} value={value} onChange={onChange} errors={errors} />}
    </>
  );
}
