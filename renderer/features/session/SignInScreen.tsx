import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Busy } from '../../components/Busy';
import { FormActions } from '../../components/FormActions';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PasswordField } from '../../components/PasswordField';
import { TextField } from '../../components/TextField';
import type { StationIdentity } from '../../data/settings';
import type { NetworkDefinition } from '../../domain/network';
import { useSession } from '../../hooks/use-session';
import { useSignIn } from '../../hooks/use-sign-in';
import { useT } from '../../i18n/use-t';
import { StationLabel } from '../shell/StationLabel';

interface Props {
  network: NetworkDefinition;
  station: StationIdentity;
  locked: boolean;
}

/**
 * Personnel number and password. A failure never tells whether the number exists. After a lock,
 * the address is kept, so signing in returns to the page that was open.
 */
export function SignInScreen({ network, station, locked }: Props) {
  const { t, errorText } = useT();
  const { begin } = useSession();
  const signIn = useSignIn();
  const [number, setNumber] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const person = await signIn(number, password);
      if (person) begin(person);
      else {
        setPassword('');
        setError(t('error.signIn.failed'));
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="center-screen">
      <div className="card card-narrow">
        <p className="brand-name brand-dark">{t('app.name')}</p>
        <StationLabel network={network} station={station} />
        <h1>{locked ? t('signIn.lockedTitle') : t('signIn.title')}</h1>
        {locked && <p>{t('signIn.lockedText')}</p>}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label={t('signIn.personnelNumber')}
            value={number}
            onChange={setNumber}
            autoComplete="username"
            autoCapitalize="characters"
            spellCheck={false}
            required
            autoFocus
          />
          <PasswordField label={t('signIn.password')} value={password} onChange={setPassword} autoComplete="current-password" />
          {error && <Alert kind="error">{error}</Alert>}
          {busy && <Busy label={t('signIn.checking')} />}
          <FormActions submitLabel={t('signIn.submit')} busy={busy} />
        </form>
        <div className="screen-footer">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
