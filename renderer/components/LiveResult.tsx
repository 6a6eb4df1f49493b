interface Props {
  result: { ok: boolean; text: string } | null;
}

/**
 * The result of an action in live regions that are always in the page, so a screen reader
 * announces the text when it appears (a region added together with its text may go unheard).
 * Success is polite (status), a failure interrupts (alert).
 */
export function LiveResult({ result }: Props) {
  return (
    <>
      <div role="status" className={result?.ok ? 'alert alert-success' : 'live-empty'}>
        {result?.ok ? result.text : null}
      </div>
      <div role="alert" className={result && !result.ok ? 'alert alert-error' : 'live-empty'}>
        {result && !result.ok ? result.text : null}
      </div>
    </>
  );
}
