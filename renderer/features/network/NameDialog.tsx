import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { TextField } from '../../components/TextField';
import { DomainError } from '../../domain/errors';
import { useT } from '../../i18n/use-t';

interface Props {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  onSubmit: (name: string) => Promise<void>;
  onClose: () => void;
}

const isNameProblem = (e: unknown) => e instanceof DomainError && /\.(nameRequired|nameTooLong|nameTaken)$/.test(e.code);

/** One name to type: adding a station, renaming a zone or a station. */
export function NameDialog({ title, label, initial, submitLabel, onSubmit, onClose }: Props) {
  const { t, errorText } = useT();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(name);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <Dialog open title={title} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={label} value={name} onChange={setName} error={isNameProblem(error) ? errorText(error) : null} required />
        {error !== null && !isNameProblem(error) && <Alert kind="error">{errorText(error)}</Alert>}
        <FormActions submitLabel={submitLabel} busy={busy} secondary={{ label: t('common.cancel'), onClick: onClose }} />
      </form>
    </Dialog>
  );
}
