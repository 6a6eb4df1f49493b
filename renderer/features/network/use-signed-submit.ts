import { useState, type FormEvent } from 'react';

/**
 * The state of a dialog that signs a change of the network: the passphrase typed, the error of
 * the last attempt and whether one runs. `submit` hands the passphrase to `apply`.
 */
export function useSignedSubmit(apply: (passphrase: string) => Promise<void>) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apply(passphrase);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }
  return { passphrase, setPassphrase, error, busy, submit };
}
