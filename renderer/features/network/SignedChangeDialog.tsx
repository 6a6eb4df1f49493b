import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { useT } from '../../i18n/use-t';
import { isPassphraseProblem, PassphraseField } from './PassphraseField';
import { useSignedSubmit } from './use-signed-submit';

interface Props {
  title: string;
  message: string;
  confirmLabel: string;
  /** The passphrase field's hint, when the passphrase does something else than sign a change. */
  passphraseHint?: string;
  onConfirm: (passphrase: string) => Promise<void>;
  onClose: () => void;
}

/** Confirms a change of the network (deactivating, reactivating) and takes the passphrase that signs it. */
export function SignedChangeDialog({ title, message, confirmLabel, passphraseHint, onConfirm, onClose }: Props) {
  const { t, errorText } = useT();
  const { passphrase, setPassphrase, error, busy, submit } = useSignedSubmit(onConfirm);

  return (
    <Dialog open title={title} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>{message}</p>
        <PassphraseField value={passphrase} onChange={setPassphrase} error={error} hint={passphraseHint} />
        {error !== null && !isPassphraseProblem(error) && <Alert kind="error">{errorText(error)}</Alert>}
        <FormActions submitLabel={confirmLabel} busy={busy} secondary={{ label: t('common.cancel'), onClick: onClose }} />
      </form>
    </Dialog>
  );
}
