import { useT } from '../i18n/use-t';

interface Props {
  /** What the button acts on, for its accessible name ("Post De Panne deactiveren"). */
  name: string;
  active: boolean;
  onDeactivate: () => void;
  onReactivate: () => void;
  className?: string;
}

/** Deactivate what is active, reactivate what is not: the undo of a deactivation. */
export function ToggleActiveButton({ name, active, onDeactivate, onReactivate, className = 'button-link' }: Props) {
  const { t } = useT();
  return (
    <button
      type="button"
      className={className}
      onClick={active ? onDeactivate : onReactivate}
      aria-label={t(active ? 'common.deactivateNamed' : 'common.reactivateNamed', { name })}
    >
      {t(active ? 'common.deactivate' : 'common.reactivate')}
    </button>
  );
}
