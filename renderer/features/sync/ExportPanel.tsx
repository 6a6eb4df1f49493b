import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { LiveResult } from '../../components/LiveResult';
import { ProgressBar } from '../../components/ProgressBar';
import type { ExportProgress, WorkerPlan } from '../../data/sync';
import { recipientsOf, type RecipientChoice } from '../../domain/sync-recipients';
import type { SyncStations } from '../../hooks/use-sync-stations';
import { useSyncExchange } from '../../hooks/use-sync-exchange';
import { formatBytes } from '../../i18n/numbers';
import { useT } from '../../i18n/use-t';
import { getPlatform } from '../../platform';
import { ExportSummaryView } from './ExportSummaryView';
import { RecipientChooser } from './RecipientChooser';

const BUNDLE_FILTER = { name: 'Zonelink', extensions: ['zlb'] };

type Step = { kind: 'choose' } | { kind: 'summary'; plan: WorkerPlan } | { kind: 'writing'; progress: ExportProgress };

/** Writes a bundle to a file: choose the recipients, see what it will carry, write with progress, save. */
export function ExportPanel({ stations }: { stations: SyncStations }) {
  const { t, locale, errorText } = useT();
  const exchange = useSyncExchange();
  const { network, selfId, revoked, withKeys } = stations;
  const [step, setStep] = useState<Step | null>(null);
  const [choice, setChoice] = useState<RecipientChoice>({ kind: 'network' });
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const mayReceive = (id: string) => withKeys.has(id) && !revoked.has(id);

  const open = () => {
    setResult(null);
    setError(null);
    setStep({ kind: 'choose' });
  };
  const showSummary = () => {
    const recipients = recipientsOf(network, choice, selfId, mayReceive);
    if (recipients.length === 0) {
      setError(t('sync.export.noRecipients'));
      return;
    }
    setError(null);
    exchange.plan({ recipients, bootstrap: choice.kind === 'bootstrap' }).then(
      (plan) => setStep({ kind: 'summary', plan }),
      (e: unknown) => setError(errorText(e)),
    );
  };
  const write = async (plan: WorkerPlan) => {
    setStep({ kind: 'writing', progress: { phase: 'signing', done: 0, total: plan.summary.ops } });
    const bundle = await exchange.exportBundle(plan.handle, { onProgress: (progress) => setStep({ kind: 'writing', progress }) });
    const saved = await getPlatform().saveFile({ suggestedName: bundle.fileName, bytes: bundle.bytes, filter: BUNDLE_FILTER });
    setStep(null);
    setResult(saved ? { ok: true, text: t('sync.export.saved', { name: saved.name, size: formatBytes(saved.size, locale) }) } : { ok: false, text: t('sync.export.notSaved') });
  };

  /** Leaves the summary: the Worker forgets the planned ops. */
  const leave = (next: Step | null) => {
    if (step?.kind === 'summary') exchange.discard(step.plan.handle).catch(() => false);
    setStep(next);
  };

  const progress = step?.kind === 'writing' ? step.progress : null;
  return (
    <section className="card" aria-labelledby="sync-export">
      <h2 id="sync-export">{t('sync.export')}</h2>
      <p className="muted">{t('sync.export.intro')}</p>
      <div className="actions actions-start">
        <button type="button" className="button-primary" onClick={open}>
          {t('sync.export.start')}
        </button>
      </div>
      <LiveResult result={result} />
      <Dialog open={step !== null} title={t('sync.export.title')} onClose={() => step?.kind !== 'writing' && leave(null)}>
        {step?.kind === 'choose' && (
          <>
            <RecipientChooser network={network} selfId={selfId} choice={choice} onChange={setChoice} />
            {error && <Alert kind="error">{error}</Alert>}
            <div className="actions">
              <button type="button" className="button-secondary" onClick={() => setStep(null)}>
                {t('common.cancel')}
              </button>
              <button type="button" className="button-primary" onClick={showSummary}>
                {t('sync.export.toSummary')}
              </button>
            </div>
          </>
        )}
        {step?.kind === 'summary' && (
          <>
            <ExportSummaryView summary={step.plan.summary} network={network} />
            {error && <Alert kind="error">{error}</Alert>}
            <div className="actions">
              <button type="button" className="button-secondary" onClick={() => leave({ kind: 'choose' })}>
                {t('common.back')}
              </button>
              <button
                type="button"
                className="button-primary"
                data-autofocus
                onClick={() => {
                  write(step.plan).catch((e: unknown) => {
                    setStep({ kind: 'summary', plan: step.plan });
                    setError(errorText(e));
                  });
                }}
              >
                {t('sync.export.write')}
              </button>
            </div>
          </>
        )}
        {progress && (
          <ProgressBar
            label={t(`sync.export.phase.${progress.phase}`)}
            done={progress.done}
            total={progress.total}
            valueText={t('sync.export.progress', { done: progress.done.toLocaleString(locale), total: progress.total.toLocaleString(locale) })}
          />
        )}
      </Dialog>
    </section>
  );
}
