import { Link } from 'react-router';
import { StatusBadge } from '../../components/StatusBadge';
import type { NetworkDefinition } from '../../domain/network';
import type { DuplicateNumberConflict } from '../../hooks/use-duplicate-numbers';
import { formatDateTime } from '../../i18n/dates';
import { useT } from '../../i18n/use-t';

interface Props {
  conflict: DuplicateNumberConflict;
  network: NetworkDefinition | null;
}

/**
 * Accounts sharing a personnel number (decision 0056): each with its zone and who gave it the
 * number, where and when. The choice is which account gets another number: its link opens that
 * account's edit form on the people page. It is settled when the numbers differ.
 */
export function DuplicateNumberCard({ conflict, network }: Props) {
  const { t, locale } = useT();
  const headingId = `conflict-${conflict.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const zoneName = (id: string) => network?.zones.find((z) => z.id === id)?.name ?? t('shell.unknownZone');
  const anyChange = conflict.accounts.some((a) => a.mayChange);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('conflicts.duplicateNumber.heading', { number: conflict.number, count: conflict.accounts.length })}</h2>
      <p>{t('conflicts.duplicateNumber.explain')}</p>
      <table className="table">
        <caption className="visually-hidden">{t('conflicts.duplicateNumber.caption', { number: conflict.number })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('conflicts.col.account')}</th>
            <th scope="col">{t('conflicts.col.zone')}</th>
            <th scope="col">{t('conflicts.col.numberBy')}</th>
            <th scope="col">{t('conflicts.col.station')}</th>
            <th scope="col">{t('conflicts.col.when')}</th>
            {anyChange && <th scope="col">{t('conflicts.col.choice')}</th>}
          </tr>
        </thead>
        <tbody>
          {conflict.accounts.map((account) => (
            <tr key={account.id}>
              <td className="wrap">
                {account.name} {!account.active && <StatusBadge active={false} />}
              </td>
              <td>{zoneName(account.zoneId)}</td>
              <td>{account.author ?? t('conflicts.unknownPerson')}</td>
              <td>{account.station ?? t('conflicts.unknownStation')}</td>
              <td>
                <time dateTime={account.at}>{formatDateTime(account.at, locale)}</time>
              </td>
              {anyChange && (
                <td>
                  {account.mayChange ? (
                    <Link to={{ pathname: '/people', search: `?edit=${encodeURIComponent(account.id)}` }} aria-label={t('conflicts.duplicateNumber.renumberNamed', { name: account.name })}>
                      {t('conflicts.duplicateNumber.renumber')}
                    </Link>
                  ) : (
                    t('conflicts.duplicateNumber.notYours')
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {!anyChange && <p className="muted">{t('conflicts.duplicateNumber.noRight')}</p>}
    </section>
  );
}
