interface Props {
  label: string;
  steps: readonly string[];
  current: number;
}

/** Where a person is in a sequence of steps; the current one is marked for assistive tech too. */
export function StepIndicator({ label, steps, current }: Props) {
  return (
    <ol className="step-indicator" aria-label={label}>
      {steps.map((step, i) => (
        <li key={step} className={i === current ? 'current' : i < current ? 'done' : undefined} aria-current={i === current ? 'step' : undefined}>
          <span className="step-number" aria-hidden="true">
            {i + 1}
          </span>
          {step}
        </li>
      ))}
    </ol>
  );
}
