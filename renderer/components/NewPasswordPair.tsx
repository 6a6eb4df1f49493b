import { PasswordField } from './PasswordField';

interface Props {
  label: string;
  repeatLabel: string;
  /** The rules the new password must meet, under the first field. */
  hint: string;
  value: string;
  repeat: string;
  onChange: (value: string) => void;
  onRepeatChange: (repeat: string) => void;
  error: string | null;
  repeatError: string | null;
}

/** A new password or passphrase typed twice, side by side. */
export function NewPasswordPair({ label, repeatLabel, hint, value, repeat, onChange, onRepeatChange, error, repeatError }: Props) {
  return (
    <div className="field-row">
      <PasswordField label={label} value={value} onChange={onChange} hint={hint} error={error} autoComplete="new-password" />
      <PasswordField label={repeatLabel} value={repeat} onChange={onRepeatChange} error={repeatError} autoComplete="new-password" />
    </div>
  );
}
