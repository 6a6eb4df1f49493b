import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { TextField } from '../../components/TextField';
import { DomainError } from '../../domain/errors';
import { useT } from '../../i18n/use-t';
import { isPassphraseProblem, PassphraseField } from './PassphraseField';
import { useSignedSubmit } from './use-signed-submit';

export interface NewZone {
  name: string;
  key: string;
  municipalities: string[];
}

interface Props {
  onSubmit: (zone: NewZone, passphrase: string) => Promise<void>;
  onClose: () => void;
}

function fieldOf(e: unknown): 'name' | 'key' | null {
  if (!(e instanceof DomainError)) return null;
  if (e.code === 'zone.badKey' || e.code === 'zone.keyTaken') return 'key';
  return e.code.startsWith('zone.name') ? 'name' : null;
}

/** A zone joins the network: its name, a short stable code and its municipalities. */
export function AddZoneDialog({ onSubmit, onClose }: Props) {
  const { t, errorText } = useT();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [municipalities, setMunicipalities] = useState('');
  const { passphrase, setPassphrase, error, busy, submit } = useSignedSubmit((passphrase) =>
    onSubmit({ name, key, municipalities: municipalities.split(',') }, passphrase),
  );
  const field = fieldOf(error);

  return (
    <Dialog open title={t('network.addZone')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={t('network.zoneName')} value={name} onChange={setName} error={field === 'name' ? errorText(error) : null} required />
        <TextField
          label={t('network.zoneKey')}
          hint={t('network.zoneKeyHint')}
          value={key}
          onChange={setKey}
          error={field === 'key' ? errorText(error) : null}
          spellCheck={false}
          required
        />
        <TextField
          label={t('network.municipalities')}
          hint={t('network.municipalitiesHint')}
          value={municipalities}
          onChange={setMunicipalities}
        />
        <PassphraseField value={passphrase} onChange={setPassphrase} error={error} />
        {error !== null && field === null && !isPassphraseProblem(error) && <Alert kind="error">{errorText(error)}</Alert>}
        <FormActions submitLabel={t('network.addZoneSubmit')} busy={busy} secondary={{ label: t('common.cancel'), onClick: onClose }} />
      </form>
    </Dialog>
  );
}
