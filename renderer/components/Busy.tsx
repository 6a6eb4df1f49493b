interface Props {
  label: string;
}

/** Shown while something slow runs (hashing a password takes about half a second). */
export function Busy({ label }: Props) {
  return (
    <p className="busy" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
