import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Busy } from '../../components/Busy';
import { FormActions } from '../../components/FormActions';
import { useT } from '../../i18n/use-t';
import { checkNewPassword, fieldOfError, type AccountErrors } from './account-checks';
import { NewPasswordFields, type PasswordPair } from './NewPasswordFields';

interface Props {
  personnelNumber: string;
  submitLabel: string;
  /** Resolves when the new password is stored. */
  onSubmit: (password: string) => Promise<void>;
  onCancel?: () => void;
}

/** A new password, typed twice; the slow hashing shows a progress line. */
export function PasswordForm({ personnelNumber, submitLabel, onSubmit, onCancel }: Props) {
  const { t, errorText } = useT();
  const [pair, setPair] = useState<PasswordPair>({ password: '', repeat: '' });
  const [errors, setErrors] = useState<AccountErrors>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    const found = checkNewPassword(pair.password, pair.repeat, personnelNumber);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(pair.password);
      setPair({ password: '', repeat: '' });
      setResult({ ok: true, text: t('password.saved') });
    } catch (e) {
      const field = fieldOfError(e);
      if (field && e instanceof Error) setErrors({ [field]: e });
      else setResult({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <NewPasswordFields label={t('person.newPassword')} value={pair} onChange={(patch) => setPair((p) => ({ ...p, ...patch }))} errors={errors} />
      {busy && <Busy label={t('password.busy')} />}
      {result && <Alert kind={result.ok ? 'success' : 'error'}>{result.text}</Alert>}
      <FormActions submitLabel={submitLabel} busy={busy} secondary={onCancel && { label: t('common.close'), onClick: onCancel }} />
    </form>
  );
}
