import { useId } from 'react';
import type { OwnKeyState } from '../../data/admin-key-file';
import type { Person } from '../../data/people';
import { hasRole } from '../../domain/people';
import { useT } from '../../i18n/use-t';
import type { RosterAdmin } from '../../sync/roster/roster';

const BADGES = {
  canSign: 'badge-active',
  signsStill: 'badge-warning',
  cannotSign: 'badge-inactive',
} as const;

interface Props {
  people: Person[];
  /** The administrators the current roster lists as signers. */
  signers: RosterAdmin[];
  onEnrol: (person: Person) => void;
  onWithdraw: (signer: { id: string; name: string }) => void;
  /** Where the signed-in administrator's own key stands: saved as a file here, read where it is missing. */
  ownKey: OwnKeyState;
  onSaveKey: () => void;
  onReadKey: () => void;
}

/**
 * Who can sign changes of the network (decision 0055): every active network administrator, and
 * everyone the roster still lists. An administrator without a key gets one; a listed key can be
 * withdrawn (not the only one), and is flagged when its holder is no active network administrator any more.
 * The signed-in administrator carries their own key to another station as a file (decision 0057).
 */
export function NetworkSignersCard({ people, signers, onEnrol, onWithdraw, ownKey, onSaveKey, onReadKey }: Props) {
  const { t } = useT();
  const headingId = useId();
  const listed = new Set(signers.map((s) => s.person));
  const known = new Map(people.map((p) => [p.id, p]));
  const admins = people.filter((p) => p.active && hasRole(p, 'network_admin'));
  const rows: { id: string; name: string; state: keyof typeof BADGES; enrol?: Person }[] = [
    ...admins.map((p) => (listed.has(p.id) ? { id: p.id, name: p.name, state: 'canSign' as const } : { id: p.id, name: p.name, state: 'cannotSign' as const, enrol: p })),
    ...signers.filter((s) => !admins.some((p) => p.id === s.person)).map((s) => ({ id: s.person, name: known.get(s.person)?.name ?? s.name, state: 'signsStill' as const })),
  ].sort((a, b) => a.name.localeCompare(b.name, 'nl-BE'));

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <div>
          <h2 id={headingId}>{t('people.signersTitle')}</h2>
          <p className="muted">{t('people.signersIntro')}</p>
        </div>
      </div>
      <table className="table">
        <caption className="visually-hidden">{t('people.signersTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('person.name')}</th>
            <th scope="col">{t('people.signing')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ id, name, state, enrol }) => (
            <tr key={id}>
              <td>{name}</td>
              <td>
                <span className={`badge ${BADGES[state]}`}>{t(`people.${state}`)}</span>
              </td>
              <td>
                {enrol ? (
                  <button type="button" className="button-link" onClick={() => onEnrol(enrol)} aria-label={t('people.enrolNamed', { name })}>
                    {t('people.enrol')}
                  </button>
                ) : signers.length === 1 ? (
                  // The last key cannot go (roster.lastAdmin): nobody could sign any more.
                  <span className="muted">{t('people.onlySigner')}</span>
                ) : (
                  <button type="button" className="button-link" onClick={() => onWithdraw({ id, name })} aria-label={t('people.withdrawNamed', { name })}>
                    {t('people.withdraw')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ownKey !== 'none' && (
        <div>
          <p>{t(ownKey === 'here' ? 'people.ownKeyHere' : 'people.ownKeyElsewhere')}</p>
          <div className="actions actions-start">
            {ownKey === 'here' ? (
              <button type="button" className="button-secondary" onClick={onSaveKey}>
                {t('people.saveKey')}
              </button>
            ) : (
              <button type="button" className="button-primary" onClick={onReadKey}>
                {t('people.readKey')}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
