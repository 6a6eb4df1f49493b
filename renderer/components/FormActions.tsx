interface Props {
  submitLabel: string;
  busy?: boolean;
  /** A secondary button before the submit button: cancel, close or back. */
  secondary?: { label: string; onClick: () => void };
}

/** The buttons at the foot of a form: an optional way back, then the submit button. */
export function FormActions({ submitLabel, busy = false, secondary }: Props) {
  return (
    <div className="actions">
      {secondary && (
        <button type="button" className="button-secondary" onClick={secondary.onClick} disabled={busy}>
          {secondary.label}
        </button>
      )}
      <button type="submit" className="button-primary" disabled={busy}>
        {submitLabel}
      </button>
    </div>
  );
}
