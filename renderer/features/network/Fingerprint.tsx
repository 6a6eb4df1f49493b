import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  hint?: string;
}

/** A fingerprint to read out and compare, large and in groups, under its name. */
export function Fingerprint({ label, value, hint }: Props) {
  const id = useId();
  return (
    <section className="fingerprint" aria-labelledby={id}>
      <h3 id={id}>{label}</h3>
      <p className="fingerprint-value">{value}</p>
      {hint && <p className="muted">{hint}</p>}
    </section>
  );
}
