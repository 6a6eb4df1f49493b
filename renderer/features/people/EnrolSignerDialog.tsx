import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Busy } from '../../components/Busy';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { NewPasswordPair } from '../../components/NewPasswordPair';
import type { Person } from '../../data/people';
import { DomainError } from '../../domain/errors';
import { MIN_PASSWORD_LENGTH } from '../../domain/password';
import { useT } from '../../i18n/use-t';
import { isPassphraseProblem, PassphraseField } from '../network/PassphraseField';
import { useSignedSubmit } from '../network/use-signed-submit';

interface Props {
  person: Person;
  /** Makes the key under `newPassphrase`; `passphrase` is an enrolled administrator's, to sign. */
  onSubmit: (newPassphrase: string, passphrase: string) => Promise<void>;
  onClose: () => void;
}

const code = (e: unknown) => (e instanceof DomainError ? e.code : null);
const isNewPassphraseProblem = (e: unknown) => ['passphrase.tooShort', 'passphrase.sameAsNumber', 'adminKey.passphraseIsPassword'].includes(code(e) ?? '');
const isRepeatProblem = (e: unknown) => code(e) === 'passphrase.mismatch';

/**
 * A signing key for a network administrator who has none (decision 0055): they type their new
 * passphrase twice, an administrator who can already sign types theirs to sign the roster.
 */
export function EnrolSignerDialog({ person, onSubmit, onClose }: Props) {
  const { t, errorText } = useT();
  const [pair, setPair] = useState({ passphrase: '', repeat: '' });
  const { passphrase, setPassphrase, error, busy, submit } = useSignedSubmit(async (signer) => {
    // The rules of the passphrase itself are checked by enrolNetworkAdmin before any slow work.
    if (pair.passphrase !== pair.repeat) throw new DomainError('passphrase.mismatch');
    await onSubmit(pair.passphrase, signer);
  });
  const elsewhere = error !== null && !isNewPassphraseProblem(error) && !isRepeatProblem(error) && !isPassphraseProblem(error);

  return (
    <Dialog open title={t('people.enrolTitle', { name: person.name })} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('people.enrolIntro', { name: person.name })}</p>
        <NewPasswordPair
          label={t('people.enrolPassphrase')}
          repeatLabel={t('people.enrolPassphraseRepeat')}
          hint={t('people.enrolPassphraseRules', { min: MIN_PASSWORD_LENGTH })}
          value={pair.passphrase}
          repeat={pair.repeat}
          onChange={(value) => setPair((p) => ({ ...p, passphrase: value }))}
          onRepeatChange={(repeat) => setPair((p) => ({ ...p, repeat }))}
          error={isNewPassphraseProblem(error) ? errorText(error) : null}
          repeatError={isRepeatProblem(error) ? errorText(error) : null}
        />
        <PassphraseField value={passphrase} onChange={setPassphrase} error={error} />
        {elsewhere && <Alert kind="error">{errorText(error)}</Alert>}
        {busy && <Busy label={t('people.enrolBusy')} />}
        <FormActions submitLabel={t('people.enrolSubmit')} busy={busy} secondary={{ label: t('common.cancel'), onClick: onClose }} />
      </form>
    </Dialog>
  );
}
