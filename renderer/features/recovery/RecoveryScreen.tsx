import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Busy } from '../../components/Busy';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import type { OpenProblem } from '../../data/recovery';
import { useRecoveryExport } from '../../hooks/use-recovery-export';
import { formatInstant } from '../../i18n/dates';
import { useT } from '../../i18n/use-t';
import { getPlatform } from '../../platform';

const EXPLANATION = {
  blocked: 'recovery.blocked',
  version: 'recovery.version',
  quota: 'recovery.quota',
  corrupt: 'recovery.corrupt',
  unavailable: 'recovery.unavailable',
} as const satisfies Record<OpenProblem, string>;

type Outcome = { kind: 'saved'; name: string; tables: number; rows: number } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/**
 * When the database cannot be used: what happened in words a clerk understands, and two ways
 * on: try again, or save whatever can still be read to a file for the IT service.
 */
export function RecoveryScreen({ problem, detail }: { problem: OpenProblem; detail: string }) {
  const { t, locale, errorText } = useT();
  const readAll = useRecoveryExport();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function exportData() {
    setBusy(true);
    setOutcome(null);
    try {
      const data = await readAll();
      const bytes = new TextEncoder().encode(JSON.stringify(data, null, 2));
      const stamp = formatInstant(data.exportedAt, 'yyyy-MM-dd-HHmm', locale);
      const saved = await getPlatform().saveFile({
        suggestedName: t('recovery.fileName', { stamp }),
        bytes,
        filter: { name: t('recovery.fileType'), extensions: ['json'] },
      });
      const rows = Object.values(data.tables).reduce((n, table) => n + table.length, 0);
      setOutcome(saved ? { kind: 'saved', name: saved.name, tables: Object.keys(data.tables).length, rows } : { kind: 'cancelled' });
    } catch (e) {
      setOutcome({ kind: 'failed', message: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="center-screen">
      <div className="card card-wide">
        <p className="brand-name brand-dark">{t('app.name')}</p>
        <h1>{t('recovery.title')}</h1>
        <p className="lead">{t(EXPLANATION[problem])}</p>
        <h2>{t('recovery.whatNow')}</h2>
        <ol className="steps-list">
          <li>{t('recovery.step.retry')}</li>
          <li>{t('recovery.step.export')}</li>
          <li>{t('recovery.step.call')}</li>
        </ol>
        <div className="actions actions-start">
          <button type="button" className="button-primary" onClick={() => window.location.reload()}>
            {t('recovery.retry')}
          </button>
          <button type="button" className="button-secondary" onClick={() => void exportData()} disabled={busy}>
            {t('recovery.export')}
          </button>
        </div>
        {busy && <Busy label={t('recovery.exporting')} />}
        {outcome?.kind === 'saved' && (
          <Alert kind="success">{t('recovery.saved', { name: outcome.name, tables: outcome.tables, rows: outcome.rows })}</Alert>
        )}
        {outcome?.kind === 'cancelled' && <Alert kind="info">{t('recovery.cancelled')}</Alert>}
        {outcome?.kind === 'failed' && <Alert kind="error">{outcome.message}</Alert>}
        <details className="technical">
          <summary>{t('recovery.technical')}</summary>
          <pre>{detail}</pre>
        </details>
        <div className="screen-footer">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
