import { PasswordField } from '../../components/PasswordField';
import { DomainError } from '../../domain/errors';
import { useT } from '../../i18n/use-t';

const PASSPHRASE_CODES = new Set(['adminKey.wrongPassphrase', 'roster.noAdminKey', 'roster.unsigned', 'password.tooShort']);

/** Whether an error of a network change belongs under the passphrase field. */
export const isPassphraseProblem = (e: unknown): boolean => e instanceof DomainError && PASSPHRASE_CODES.has(e.code);

interface Props {
  value: string;
  onChange: (value: string) => void;
  error: unknown;
  /** What the passphrase is for here; by default, signing a change of the network. */
  hint?: string;
}

/** The network administrator's passphrase that signs a change of the network (decision 0041). */
export function PassphraseField({ value, onChange, error, hint }: Props) {
  const { t, errorText } = useT();
  return (
    <PasswordField
      label={t('network.passphrase')}
      hint={hint ?? t('network.passphraseHint')}
      value={value}
      onChange={onChange}
      error={isPassphraseProblem(error) ? errorText(error) : null}
      autoComplete="off"
    />
  );
}
