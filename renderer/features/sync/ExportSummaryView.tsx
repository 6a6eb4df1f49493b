import type { ExportSummary } from '../../data/sync';
import type { NetworkDefinition } from '../../domain/network';
import { formatBytes } from '../../i18n/numbers';
import { useT } from '../../i18n/use-t';
import { fieldLabel, tableLabel } from '../conflicts/field-label';
import { CountList } from './CountList';

/** What a bundle will carry, before it is written: recipients, changes per area and per origin, personal data, size. */
export function ExportSummaryView({ summary, network }: { summary: ExportSummary; network: NetworkDefinition }) {
  const { t, locale } = useT();
  const stationName = (id: string) => network.stations.find((s) => s.id === id)?.name ?? t('conflicts.unknownStation');
  return (
    <>
      <dl className="facts">
        <dt>{t('sync.export.recipients')}</dt>
        <dd>{summary.recipients.map(stationName).join(', ')}</dd>
        <dt>{t('sync.export.content')}</dt>
        <dd>{t(summary.bootstrap ? 'sync.export.contentBootstrap' : 'sync.export.contentLacked')}</dd>
        <dt>{t('sync.import.ops')}</dt>
        <dd>{summary.ops.toLocaleString(locale)}</dd>
        <dt>{t('sync.export.size')}</dt>
        <dd>{formatBytes(summary.estimatedBytes, locale)}</dd>
        <dt>{t('sync.history.col.personal')}</dt>
        <dd>{summary.personalData.length ? summary.personalData.map((c) => fieldLabel(t, c.split('.')[0] ?? '', c.split('.')[1] ?? '')).join(', ') : t('sync.history.noPersonal')}</dd>
      </dl>
      <CountList title={t('sync.perArea')} counts={summary.perTable} label={(table) => tableLabel(t, table)} />
      <CountList title={t('sync.perOrigin')} counts={summary.perOrigin} label={stationName} />
      {summary.withheld > 0 && <p className="muted">{t('sync.export.withheld', { count: summary.withheld })}</p>}
      {summary.unsigned > 0 && <p className="muted">{t('sync.export.unsigned', { count: summary.unsigned })}</p>}
    </>
  );
}
