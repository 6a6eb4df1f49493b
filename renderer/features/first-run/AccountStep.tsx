import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Busy } from '../../components/Busy';
import { FormActions } from '../../components/FormActions';
import type { Person } from '../../data/people';
import type { NetworkDefinition } from '../../domain/network';
import { useCompleteFirstRun } from '../../hooks/use-first-run';
import { useT } from '../../i18n/use-t';
import { AccountFields, EMPTY_ACCOUNT, type AccountDraft } from '../people/AccountFields';
import { checkAccount, fieldOfError, type AccountErrors } from '../people/account-checks';
import { AdminPassphraseFields, checkPassphrase, type PassphraseErrors, type PassphrasePair } from './AdminPassphraseFields';

interface Props {
  network: NetworkDefinition;
  zoneId: string;
  stationId: string;
  onBack: () => void;
  onCommit: () => void;
  onDone: (person: Person) => void;
}

/**
 * The first account, a network administrator, and the passphrase that wraps their roster signing
 * key; submitting writes the whole setup at once.
 */
export function AccountStep({ network, zoneId, stationId, onBack, onCommit, onDone }: Props) {
  const { t, locale, errorText } = useT();
  const complete = useCompleteFirstRun();
  const [draft, setDraft] = useState<AccountDraft>(EMPTY_ACCOUNT);
  const [errors, setErrors] = useState<AccountErrors>({});
  const [pair, setPair] = useState<PassphrasePair>({ passphrase: '', passphraseRepeat: '' });
  const [passErrors, setPassErrors] = useState<PassphraseErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setFailure(null);
    const { name, personnelNumber, password } = draft;
    const found = checkAccount({ name, personnelNumber, zoneId, roles: ['network_admin'] }, draft);
    const passFound = checkPassphrase(pair, password);
    setErrors(found);
    setPassErrors(passFound);
    if (Object.keys(found).length + Object.keys(passFound).length > 0) {
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    onCommit();
    try {
      onDone(await complete({ network, zoneId, stationId, admin: { name, personnelNumber, password }, adminPassphrase: pair.passphrase }, locale));
    } catch (e) {
      const field = fieldOfError(e);
      if (field && e instanceof Error) setErrors({ [field]: e });
      else setFailure(errorText(e));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h2 tabIndex={-1}>{t('firstRun.account.title')}</h2>
      <p>{t('firstRun.account.intro')}</p>
      <AccountFields value={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={errors} withPassword />
      <AdminPassphraseFields value={pair} onChange={(patch) => setPair((p) => ({ ...p, ...patch }))} errors={passErrors} />
      {failure && <Alert kind="error">{failure}</Alert>}
      {busy && <Busy label={t('firstRun.account.busy')} />}
      <FormActions submitLabel={t('firstRun.account.submit')} busy={busy} secondary={{ label: t('common.back'), onClick: onBack }} />
    </form>
  );
}
