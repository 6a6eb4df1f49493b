interface Props {
  /** What is in progress, read out with the value ("Bundel schrijven"). */
  label: string;
  done: number;
  total: number;
  /** The value in words, e.g. "120 van 400 wijzigingen". */
  valueText: string;
}

/**
 * The progress of a long task: a native <progress> named by its label, with the value in words
 * next to it (not a colour or length alone). With no total yet, it shows as indeterminate.
 */
export function ProgressBar({ label, done, total, valueText }: Props) {
  const known = total > 0;
  return (
    <div className="progress">
      <span className="progress-label" aria-hidden="true">
        {label}
      </span>
      <progress aria-label={label} aria-valuetext={valueText} max={known ? total : undefined} value={known ? Math.min(done, total) : undefined} />
      <span className="progress-value">{valueText}</span>
    </div>
  );
}
