import type { SyncHistoryRow } from '../../data/sync';
import type { NetworkDefinition } from '../../domain/network';
import { useSyncHistory } from '../../hooks/use-sync-history';
import { formatDateTime } from '../../i18n/dates';
import { formatBytes } from '../../i18n/numbers';
import { useT } from '../../i18n/use-t';
import { fieldLabel } from '../conflicts/field-label';

const OUTCOME_KEYS = { imported: 'sync.history.imported', refused: 'sync.history.refused', exported: 'sync.history.exported' } as const;

/** Every import attempt and export: refusals with their reason, exports with their recipients and personal data. */
export function HistorySection({ network }: { network: NetworkDefinition }) {
  const { t, locale } = useT();
  const history = useSyncHistory();
  if (!history) return null;
  const stationName = (id: string | null) => (id && network.stations.find((s) => s.id === id)?.name) || t('conflicts.unknownStation');

  const whoText = (row: SyncHistoryRow) =>
    row.direction === 'export'
      ? t('sync.history.to', { stations: row.recipients.map(stationName).join(', ') })
      : row.sender
        ? t('sync.history.from', { station: stationName(row.sender) })
        : '—';
  const whatText = (row: SyncHistoryRow) => {
    const { counts } = row;
    if (row.outcome === 'refused') return row.reason ? t(`sync.reason.${row.reason}`, row.params) : '—';
    if (row.outcome === 'exported') return t('sync.history.carried', { count: counts.carried, size: formatBytes(row.size, locale) });
    return t('sync.history.counts', { applied: counts.applied, known: counts.alreadyKnown, conflicts: counts.conflicts, held: counts.held, refused: counts.refused });
  };

  return (
    <section className="card" aria-labelledby="sync-history">
      <h2 id="sync-history">{t('sync.history')}</h2>
      {history.length === 0 ? (
        <p>{t('sync.history.none')}</p>
      ) : (
        <table className="table table-history">
          <caption className="visually-hidden">{t('sync.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sync.history.col.when')}</th>
              <th scope="col">{t('sync.history.col.what')}</th>
              <th scope="col">{t('sync.history.col.who')}</th>
              <th scope="col">{t('sync.history.col.result')}</th>
              <th scope="col">{t('sync.history.col.personal')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((row) => (
              <tr key={row.id} className={row.outcome === 'refused' ? 'refused' : undefined}>
                <td>
                  <time dateTime={row.at}>{formatDateTime(row.at, locale)}</time>
                </td>
                <td>{t(OUTCOME_KEYS[row.outcome])}</td>
                <td className="wrap">
                  {whoText(row)}
                  {row.fileName && <span className="cell-sub mono">{row.fileName}</span>}
                </td>
                <td className="wrap">{whatText(row)}</td>
                <td className="wrap">
                  {row.personalData.length > 0
                    ? row.personalData.map((c) => fieldLabel(t, c.split('.')[0] ?? '', c.split('.')[1] ?? '')).join(', ')
                    : row.direction === 'export'
                      ? t('sync.history.noPersonal')
                      : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
