import { useCallback, useState } from 'react';

export interface ActionResult {
  ok: boolean;
  text: string;
}

/**
 * The state of a page's actions: which dialog is open, the last result line, and the error of a
 * confirmation. Opening a new dialog clears the last result; finishing closes and reports.
 */
export function usePageActions<Open>() {
  const [open, setOpen] = useState<Open | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const show = useCallback((next: Open) => {
    setResult(null);
    setOpen(next);
  }, []);
  const close = useCallback(() => {
    setOpen(null);
    setConfirmError(null);
  }, []);
  const finish = useCallback((text: string) => {
    setOpen(null);
    setResult({ ok: true, text });
  }, []);
  const fail = useCallback((text: string) => setResult({ ok: false, text }), []);
  return { open, show, close, finish, fail, result, confirmError, setConfirmError };
}
