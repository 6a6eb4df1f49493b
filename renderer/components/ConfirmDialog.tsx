import { Alert } from './Alert';
import { Dialog } from './Dialog';
import { useT } from '../i18n/use-t';

interface Props {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before something a person would not want to do by accident. */
export function ConfirmDialog({ open, title, message, confirmLabel, busy = false, error = null, onConfirm, onCancel }: Props) {
  const { t } = useT();
  return (
    <Dialog open={open} title={title} onClose={onCancel}>
      <p>{message}</p>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="actions">
        <button type="button" className="button-secondary" onClick={onCancel} data-autofocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button-danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
