import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Busy } from '../../components/Busy';
import { FormActions } from '../../components/FormActions';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import type { Person } from '../../data/people';
import { ROLES, type Role, type Zone } from '../../domain/network';
import type { PersonInput } from '../../domain/people';
import { useT } from '../../i18n/use-t';
import { checkAccount, fieldOfError, type AccountErrors } from './account-checks';
import { AccountFields, EMPTY_ACCOUNT, type AccountDraft } from './AccountFields';
import { ROLE_LABELS } from './role-labels';

interface Props {
  /** The person to edit; absent for a new account, which then also gets a password. */
  person?: Person;
  zones: Zone[];
  /** Roles this manager may hand out (only network administrators give the network-wide ones). */
  grantable: readonly Role[];
  onSubmit: (input: PersonInput, password: string | null) => Promise<void>;
  onClose: () => void;
}

export function PersonDialog({ person, zones, grantable, onSubmit, onClose }: Props) {
  const { t, errorText } = useT();
  const [draft, setDraft] = useState<AccountDraft>({ ...EMPTY_ACCOUNT, name: person?.name ?? '', personnelNumber: person?.personnelNumber ?? '' });
  const [zoneId, setZoneId] = useState(person?.zoneId ?? zones[0]?.id ?? '');
  const [roles, setRoles] = useState<Role[]>(person?.roles ?? ['station_staff']);
  const [errors, setErrors] = useState<AccountErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = (field: keyof AccountErrors) => (errors[field] ? errorText(errors[field]) : null);
  const isNew = !person;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const input = { name: draft.name, personnelNumber: draft.personnelNumber, zoneId, roles };
    const found = checkAccount(input, isNew ? draft : undefined);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(input, isNew ? draft.password : null);
    } catch (e) {
      const field = fieldOfError(e);
      if (field && e instanceof Error) setErrors({ [field]: e });
      else setFailure(errorText(e));
      setBusy(false);
    }
  }

  const toggle = (role: Role, on: boolean) => setRoles((rs) => (on ? [...rs, role] : rs.filter((r) => r !== role)));
  const rolesError = shown('roles');

  return (
    <Dialog open title={isNew ? t('people.add') : t('people.editTitle', { name: person.name })} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <AccountFields value={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={errors} withPassword={isNew} />
        <SelectField
          label={t('person.zone')}
          value={zoneId}
          options={zones.map((z) => ({ value: z.id, label: z.name }))}
          onChange={setZoneId}
          error={shown('zone')}
        />
        <fieldset className="checkbox-group" aria-describedby={rolesError ? 'roles-error' : undefined}>
          <legend>{t('person.roles')}</legend>
          {ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                disabled={!grantable.includes(role)}
                onChange={(e) => toggle(role, e.target.checked)}
              />
              {t(ROLE_LABELS[role])}
            </label>
          ))}
          {rolesError && (
            <p id="roles-error" className="field-error">
              {rolesError}
            </p>
          )}
        </fieldset>
        {failure && <Alert kind="error">{failure}</Alert>}
        {busy && isNew && <Busy label={t('password.busy')} />}
        <FormActions submitLabel={isNew ? t('people.addSubmit') : t('common.save')} busy={busy} secondary={{ label: t('common.cancel'), onClick: onClose }} />
      </form>
    </Dialog>
  );
}
