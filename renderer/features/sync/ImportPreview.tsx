import { useState } from 'react';
import type { ImportSummary } from '../../data/sync';
import type { NetworkDefinition } from '../../domain/network';
import { formatDateTime } from '../../i18n/dates';
import { useT } from '../../i18n/use-t';
import { tableLabel } from '../conflicts/field-label';
import { CountList } from './CountList';

interface Props {
  summary: ImportSummary;
  network: NetworkDefinition;
  busy: boolean;
  onApply: (confirmed: boolean) => void;
  onCancel: () => void;
}

/** What a verified bundle would change, before it is applied: sender, when, changes per area and per origin, held-back ops. */
export function ImportPreview({ summary, network, busy, onApply, onCancel }: Props) {
  const { t, locale } = useT();
  const [confirmed, setConfirmed] = useState(false);
  const stationName = (id: string) => network.stations.find((s) => s.id === id)?.name ?? t('conflicts.unknownStation');
  const needsConfirmation = summary.largeDeletes.length > 0;
  return (
    <>
      <dl className="facts">
        <dt>{t('sync.import.sender')}</dt>
        <dd>{stationName(summary.sender)}</dd>
        <dt>{t('sync.import.createdAt')}</dt>
        <dd>
          <time dateTime={summary.createdAt}>{formatDateTime(summary.createdAt, locale)}</time>
        </dd>
        <dt>{t('sync.import.ops')}</dt>
        <dd>{summary.ops.toLocaleString(locale)}</dd>
        <dt>{t('sync.import.held')}</dt>
        <dd>{summary.heldBack.toLocaleString(locale)}</dd>
      </dl>
      <CountList title={t('sync.perArea')} counts={summary.perTable} label={(table) => tableLabel(t, table)} />
      <CountList title={t('sync.perOrigin')} counts={summary.perOrigin} label={stationName} />
      {summary.heldBack > 0 && <p className="muted">{t('sync.import.heldHint')}</p>}
      {summary.setAside > 0 && <p className="muted">{t('sync.import.setAside', { count: summary.setAside })}</p>}
      {summary.roster.change !== 'none' && <p>{t('sync.import.roster', { version: summary.roster.version })}</p>}
      {needsConfirmation && (
        <div className="alert alert-info">
          <p>{t('sync.import.largeDeletes', { tables: summary.largeDeletes.map((d) => `${tableLabel(t, d.table)} (${d.deleting}/${d.rows})`).join(', ') })}</p>
          <label className="checkbox">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            {t('sync.import.confirmDeletes')}
          </label>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button-primary" onClick={() => onApply(confirmed)} disabled={busy || (needsConfirmation && !confirmed)} data-autofocus>
          {t('sync.import.apply')}
        </button>
      </div>
    </>
  );
}
