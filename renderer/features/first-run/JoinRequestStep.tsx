import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { FormActions } from '../../components/FormActions';
import { TextField } from '../../components/TextField';
import { useJoinRequest } from '../../hooks/use-join-request';
import { useT } from '../../i18n/use-t';
import { getPlatform } from '../../platform';
import { utf8 } from '../../sync/crypto/bytes';
import { Fingerprint } from '../network/Fingerprint';

const REQUEST_FILTER = { name: 'Zonelink', extensions: ['json'] };

interface Props {
  onBack: () => void;
  onNext: () => void;
}

/**
 * The new station makes its keys and a signed request file (decision 0047), saves it and shows
 * its fingerprint. Asking again keeps the same keys.
 */
export function JoinRequestStep({ onBack, onNext }: Props) {
  const { t, errorText } = useT();
  const joining = useJoinRequest();
  const [stationName, setStationName] = useState('');
  const [zone, setZone] = useState('');
  const [missing, setMissing] = useState<{ station?: boolean; zone?: boolean }>({});
  const [made, setMade] = useState<{ requestId: string; file: string; fingerprint: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (file: string) => {
    const result = await getPlatform().saveFile({ suggestedName: 'zonelink-join-request.json', bytes: utf8(file), filter: REQUEST_FILTER });
    if (result) setSaved(result.name);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (made && saved) return onNext();
    const found = { station: !stationName.trim(), zone: !zone.trim() };
    setMissing(found);
    if (found.station || found.zone) {
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const request = await joining.create({ requestId: made?.requestId, stationName, zone });
      setMade(request);
      await save(request.file);
    } catch (e) {
      setFailure(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const edit = (change: () => void) => {
    change();
    setSaved(null);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h2 tabIndex={-1}>{t('join.request.title')}</h2>
      <p>{t('join.request.intro')}</p>
      <div className="field-row">
        <TextField
          label={t('join.request.station')}
          value={stationName}
          onChange={(v) => edit(() => setStationName(v))}
          error={missing.station ? t('join.request.required') : null}
          required
        />
        <TextField
          label={t('join.request.zone')}
          hint={t('join.request.zoneHint')}
          value={zone}
          onChange={(v) => edit(() => setZone(v))}
          error={missing.zone ? t('join.request.required') : null}
          required
        />
      </div>
      {made && <Fingerprint label={t('join.request.fingerprint')} value={made.fingerprint} hint={t('join.request.fingerprintHint')} />}
      <div role="status" className={saved ? 'alert alert-success' : 'live-empty'}>
        {saved ? t('join.request.saved', { file: saved }) : null}
      </div>
      {failure && <Alert kind="error">{failure}</Alert>}
      {made && saved && (
        <div className="actions actions-start">
          <button type="button" className="button-secondary" onClick={() => void save(made.file).catch((e: unknown) => setFailure(errorText(e)))}>
            {t('join.request.saveAgain')}
          </button>
        </div>
      )}
      <FormActions submitLabel={made && saved ? t('common.next') : t('join.request.make')} busy={busy} secondary={{ label: t('common.back'), onClick: onBack }} />
    </form>
  );
}
