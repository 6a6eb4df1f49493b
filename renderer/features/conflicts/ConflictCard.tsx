import type { NetworkDefinition } from '../../domain/network';
import type { ConflictChoice, FieldOpenConflict } from '../../hooks/use-conflicts';
import { formatDateTime } from '../../i18n/dates';
import { useT } from '../../i18n/use-t';
import { fieldLabel, valueLabel } from './field-label';

interface Props {
  conflict: FieldOpenConflict;
  network: NetworkDefinition | null;
  busy: boolean;
  onChoose: (choice: ConflictChoice, what: string, value: string) => void;
}

/** One open conflict: every value with who wrote it, where and when, and a button to choose it. */
export function ConflictCard({ conflict, network, busy, onChoose }: Props) {
  const i18n = useT();
  const { t, locale } = i18n;
  const field = fieldLabel(t, conflict.table, conflict.field);
  const what = conflict.subject ? t('conflicts.headingSubject', { what: field, subject: conflict.subject }) : field;
  const headingId = `conflict-${conflict.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{what}</h2>
      <table className="table">
        <caption className="visually-hidden">{t('conflicts.caption', { what })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('conflicts.col.value')}</th>
            <th scope="col">{t('conflicts.col.author')}</th>
            <th scope="col">{t('conflicts.col.station')}</th>
            <th scope="col">{t('conflicts.col.when')}</th>
            {conflict.mayResolve && <th scope="col">{t('conflicts.col.choice')}</th>}
          </tr>
        </thead>
        <tbody>
          {conflict.choices.map((choice) => {
            const value = valueLabel(choice.value, conflict.table, conflict.field, i18n, network);
            return (
              <tr key={choice.key}>
                <td className="wrap">
                  <span className="conflict-value">{value}</span> {choice.current && <span className="badge badge-active">{t('conflicts.current')}</span>}
                </td>
                <td>{choice.author ?? t('conflicts.unknownPerson')}</td>
                <td>{choice.station ?? t('conflicts.unknownStation')}</td>
                <td>
                  <time dateTime={choice.at}>{formatDateTime(choice.at, locale)}</time>
                </td>
                {conflict.mayResolve && (
                  <td>
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={busy}
                      onClick={() => onChoose(choice, what, value)}
                      aria-label={t('conflicts.chooseNamed', { value, what })}
                    >
                      {t('conflicts.choose')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {!conflict.mayResolve && <p className="muted">{t('conflicts.noRight')}</p>}
    </section>
  );
}
