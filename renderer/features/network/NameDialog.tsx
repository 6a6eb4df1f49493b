import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { TextField } from '../../components/TextField';
import { DomainError } from '../../domain/errors';
import { useT } from '../../i18n/use-t';
import { isPassphraseProblem, PassphraseField } from './PassphraseField';
import { useSignedSubmit } from './use-signed-submit';

interface Props {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  onSubmit: (name: string, passphrase: string) => Promise<void>;
  onClose: () => void;
}

const isNameProblem = (e: unknown) => e instanceof DomainError && /\.(nameRequired|nameTooLong|nameTaken)$/.test(e.code);

/** One name to type: adding a station, renaming a zone or a station; the passphrase signs the change. */
export function NameDialog({ title, label, initial, submitLabel, onSubmit, onClose }: Props) {
  const { t, errorText } = useT();
  const [name, setName] = useState(initial);
  const { passphrase, setPassphrase, error, busy, submit } = useSignedSubmit((passphrase) => onSubmit(name, passphrase));

  return (
    <Dialog open title={title} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={label} value={name} onChange={setName} error={isNameProblem(error) ? errorText(error) : null} required />
        <PassphraseField value={passphrase} onChange={setPassphrase} error={error} />
        {error !== null && !isNameProblem(error) && !isPassphraseProblem(error) && <Alert kind="error">{errorText(error)}</Alert>}
        <FormActions submitLabel={submitLabel} busy={busy} secondary={{ label: t('common.cancel'), onClick: onClose }} />
      </form>
    </Dialog>
  );
}
