import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { ToggleActiveButton } from '../../components/ToggleActiveButton';
import type { Person } from '../../data/people';
import { ROLES, type Role } from '../../domain/network';
import { canManagePerson, canManageZone, hasRole } from '../../domain/people';
import { useNetwork } from '../../hooks/use-network';
import { useNetworkSigners, useOwnKeyState, useSigningKeyActions } from '../../hooks/use-network-signers';
import { usePageActions } from '../../hooks/use-page-actions';
import { usePeople, usePeopleActions } from '../../hooks/use-people';
import { useSession } from '../../hooks/use-session';
import { useT } from '../../i18n/use-t';
import { getPlatform } from '../../platform';
import { fromUtf8, utf8 } from '../../sync/crypto/bytes';
import { SignedChangeDialog } from '../network/SignedChangeDialog';
import { EnrolSignerDialog } from './EnrolSignerDialog';
import { NetworkSignersCard } from './NetworkSignersCard';
import { PasswordForm } from './PasswordForm';
import { PersonDialog } from './PersonDialog';
import { ROLE_LABELS } from './role-labels';

type Open =
  | { kind: 'add' }
  | { kind: 'edit'; person: Person }
  | { kind: 'password'; person: Person }
  | { kind: 'deactivate'; person: Person }
  | { kind: 'enrol'; person: Person }
  | { kind: 'withdraw'; person: { id: string; name: string } }
  | { kind: 'readKey'; text: string };

const KEY_FILTER = { name: 'Zonelink', extensions: ['json'] };

/** Network-wide roles are handed out by network administrators only. */
const ZONE_ROLES: readonly Role[] = ['station_staff', 'zone_admin'];

/**
 * The accounts of the zones this manager looks after: add, edit (also opened by a link,
 * `?edit=<id>`), set a password, deactivate (after a confirmation) and reactivate. A network administrator also sees who can sign changes
 * of the network, creates a signing key for a network administrator who has none and withdraws
 * one (decision 0055); the signed-in administrator saves their own key as a file and reads it at
 * another station (decision 0057).
 */
export function PeoplePage() {
  const { t, errorText } = useT();
  const network = useNetwork();
  const people = usePeople();
  const actions = usePeopleActions();
  const signers = useNetworkSigners();
  const ownKey = useOwnKeyState();
  const keys = useSigningKeyActions();
  const { person: me } = useSession();
  const { open, show, close, finish, fail, result, confirmError, setConfirmError } = usePageActions<Open>();
  const [params, setParams] = useSearchParams();
  const editRequested = params.get('edit');
  // `/people?edit=<id>` opens that account's edit form (the conflicts screen links here, decision 0056).
  useEffect(() => {
    if (!editRequested || !people || !me) return;
    setParams({}, { replace: true });
    const person = people.find((p) => p.id === editRequested && canManagePerson(me, p));
    if (person) show({ kind: 'edit', person });
  }, [editRequested, people, me, show, setParams]);
  if (!network || !people || !me || !signers || !ownKey) return null;

  const zoneName = new Map(network.zones.map((z) => [z.id, z.name]));
  const managed = people.filter((p) => canManageZone(me, p.zoneId));
  const zones = network.zones.filter((z) => z.active && canManageZone(me, z.id));
  const networkAdmin = hasRole(me, 'network_admin');
  const grantable = networkAdmin ? ROLES : ZONE_ROLES;
  const setActive = async (p: Person, active: boolean) => {
    await actions.update(p.id, { active });
    finish(t(active ? 'people.reactivated' : 'people.deactivated', { name: p.name }));
  };
  const saveKey = async () => {
    const saved = await getPlatform().saveFile({ suggestedName: 'zonelink-signing-key.json', bytes: utf8(await keys.exportKey()), filter: KEY_FILTER });
    if (saved) finish(t('people.keySaved', { file: saved.name }));
  };
  // The file is checked before the passphrase is asked: a wrong or withdrawn key is refused at once.
  const readKey = async () => {
    const file = await getPlatform().openFile({ filter: KEY_FILTER });
    if (!file) return;
    const text = fromUtf8(file.bytes);
    await keys.checkKeyFile(text);
    show({ kind: 'readKey', text });
  };

  return (
    <>
      <PageHeader title={t('people.title')} intro={t('people.intro')}>
        <button type="button" className="button-primary" onClick={() => show({ kind: 'add' })} disabled={zones.length === 0}>
          {t('people.add')}
        </button>
      </PageHeader>
      {result && <Alert kind={result.ok ? 'success' : 'error'}>{result.text}</Alert>}
      <div className="card-stack">
        {managed.length === 0 ? (
          <EmptyState title={t('people.empty')} />
        ) : (
          <div className="card card-flush">
            <table className="table">
              <caption className="visually-hidden">{t('people.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('person.name')}</th>
                  <th scope="col">{t('person.personnelNumber')}</th>
                  <th scope="col">{t('person.zone')}</th>
                  <th scope="col">{t('person.roles')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {managed.map((p) => (
                  <tr key={p.id} className={p.active ? undefined : 'inactive'}>
                    <td>{p.name}</td>
                    <td className="mono">{p.personnelNumber}</td>
                    <td>{zoneName.get(p.zoneId) ?? t('shell.unknownZone')}</td>
                    <td className="wrap">{p.roles.map((r) => t(ROLE_LABELS[r])).join(', ')}</td>
                    <td>
                      <StatusBadge active={p.active} />
                    </td>
                    <td>
                      <div className="row-actions">
                      <button type="button" className="button-link" onClick={() => show({ kind: 'edit', person: p })} aria-label={t('common.editNamed', { name: p.name })}>
                        {t('common.edit')}
                      </button>
                      <button type="button" className="button-link" onClick={() => show({ kind: 'password', person: p })} aria-label={t('people.setPasswordNamed', { name: p.name })}>
                        {t('people.setPassword')}
                      </button>
                      {p.id !== me.id && (
                        <ToggleActiveButton
                          name={p.name}
                          active={p.active}
                          onDeactivate={() => show({ kind: 'deactivate', person: p })}
                          onReactivate={() => setActive(p, true).catch((e: unknown) => fail(errorText(e)))}
                        />
                      )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {networkAdmin && (
          <NetworkSignersCard
            people={people}
            signers={signers}
            onEnrol={(person) => show({ kind: 'enrol', person })}
            onWithdraw={(person) => show({ kind: 'withdraw', person })}
            ownKey={ownKey}
            onSaveKey={() => void saveKey().catch((e: unknown) => fail(errorText(e)))}
            onReadKey={() => void readKey().catch((e: unknown) => fail(errorText(e)))}
          />
        )}
      </div>

      {open?.kind === 'add' && (
        <PersonDialog
          zones={zones}
          grantable={grantable}
          onClose={close}
          onSubmit={async (input, password) => {
            const created = await actions.create({ ...input, password: password ?? '' });
            finish(t('people.added', { name: created.name }));
          }}
        />
      )}
      {open?.kind === 'edit' && (
        <PersonDialog
          person={open.person}
          zones={network.zones.filter((z) => (z.active && canManageZone(me, z.id)) || z.id === open.person.zoneId)}
          grantable={grantable}
          onClose={close}
          onSubmit={async (input) => {
            const saved = await actions.update(open.person.id, input);
            finish(t('people.saved', { name: saved.name }));
          }}
        />
      )}
      {open?.kind === 'password' && (
        <Dialog open title={t('people.setPasswordTitle', { name: open.person.name })} onClose={close}>
          <PasswordForm
            personnelNumber={open.person.personnelNumber}
            submitLabel={t('people.setPassword')}
            onSubmit={(password) => actions.setPassword(open.person.id, password)}
            onCancel={close}
          />
        </Dialog>
      )}
      {open?.kind === 'enrol' && (
        <EnrolSignerDialog
          person={open.person}
          onClose={close}
          onSubmit={async (newPassphrase, passphrase) => {
            await keys.enrol(open.person.id, newPassphrase, passphrase);
            finish(t('people.enrolled', { name: open.person.name }));
          }}
        />
      )}
      {open?.kind === 'withdraw' && (
        <SignedChangeDialog
          title={t('people.withdrawTitle')}
          message={t('people.withdrawText', { name: open.person.name })}
          confirmLabel={t('people.withdrawSubmit')}
          onClose={close}
          onConfirm={async (passphrase) => {
            await keys.withdraw(open.person.id, passphrase);
            finish(t('people.withdrawn', { name: open.person.name }));
          }}
        />
      )}
      {open?.kind === 'readKey' && (
        <SignedChangeDialog
          title={t('people.readKeyTitle')}
          message={t('people.readKeyText')}
          confirmLabel={t('people.readKeySubmit')}
          passphraseHint={t('people.readKeyHint')}
          onClose={close}
          onConfirm={async (passphrase) => {
            await keys.importKey(open.text, passphrase);
            finish(t('people.keyRead'));
          }}
        />
      )}
      <ConfirmDialog
        open={open?.kind === 'deactivate'}
        title={t('people.deactivateTitle')}
        message={open?.kind === 'deactivate' ? t('people.deactivateText', { name: open.person.name }) : ''}
        confirmLabel={t('common.deactivate')}
        error={confirmError}
        onCancel={close}
        onConfirm={() => open?.kind === 'deactivate' && setActive(open.person, false).catch((e: unknown) => setConfirmError(errorText(e)))}
      />
    </>
  );
}
