import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Busy } from '../../components/Busy';
import { FormActions } from '../../components/FormActions';
import { TextField } from '../../components/TextField';
import { DomainError } from '../../domain/errors';
import { useJoinRequest } from '../../hooks/use-join-request';
import { useT } from '../../i18n/use-t';
import { getPlatform } from '../../platform';
import { fromUtf8 } from '../../sync/crypto/bytes';

const ROSTER_FILTER = { name: 'Zonelink', extensions: ['json'] };
const FINGERPRINT_CODES = new Set(['join.wrongFingerprint']);

interface Props {
  onBack: () => void;
  onCommit: () => void;
  onJoined: () => void;
}

/**
 * The approved station takes over the roster file, trusting it only when the network's
 * fingerprint typed here (read out by the administrator) matches its first version.
 */
export function JoinRosterStep({ onBack, onCommit, onJoined }: Props) {
  const { t, errorText } = useT();
  const joining = useJoinRequest();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<{ file?: boolean; fingerprint?: boolean }>({});

  const choose = async () => {
    setError(null);
    const opened = await getPlatform().openFile({ filter: ROSTER_FILTER });
    if (opened) setFile({ name: opened.name, text: fromUtf8(opened.bytes) });
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = { file: !file, fingerprint: !typed.trim() };
    setMissing(found);
    if (!file || found.fingerprint) return;
    setBusy(true);
    setError(null);
    onCommit();
    try {
      await joining.join(file.text, typed);
      onJoined();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  const fingerprintProblem = error instanceof DomainError && FINGERPRINT_CODES.has(error.code);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h2 tabIndex={-1}>{t('join.roster.title')}</h2>
      <p>{t('join.roster.intro')}</p>
      <div className="actions actions-start">
        <button type="button" className="button-secondary" onClick={() => void choose().catch(setError)} aria-describedby="join-roster-file">
          {t('join.roster.choose')}
        </button>
      </div>
      <p id="join-roster-file" className={missing.file && !file ? 'field-error' : 'muted'}>
        {file ? t('join.roster.chosen', { file: file.name }) : missing.file ? t('join.roster.none') : null}
      </p>
      <TextField
        label={t('join.roster.fingerprint')}
        hint={t('join.roster.fingerprintHint')}
        value={typed}
        onChange={setTyped}
        error={fingerprintProblem ? errorText(error) : missing.fingerprint ? t('join.request.required') : null}
        autoComplete="off"
        spellCheck={false}
        required
      />
      {error !== null && !fingerprintProblem && <Alert kind="error">{errorText(error)}</Alert>}
      {busy && <Busy label={t('sync.progress.busy')} />}
      <FormActions submitLabel={t('join.roster.submit')} busy={busy} secondary={{ label: t('common.back'), onClick: onBack }} />
    </form>
  );
}
