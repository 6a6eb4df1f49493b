import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { LiveResult } from '../../components/LiveResult';
import { ProgressBar } from '../../components/ProgressBar';
import type { ImportResult, ImportSummary } from '../../data/sync';
import type { NetworkDefinition } from '../../domain/network';
import { useSyncExchange } from '../../hooks/use-sync-exchange';
import { useT } from '../../i18n/use-t';
import { getPlatform } from '../../platform';
import { ImportPreview } from './ImportPreview';

const BUNDLE_FILTER = { name: 'Zonelink', extensions: ['zlb'] };

/** Reads a bundle from a file: verify, preview, apply, report (refusals with their reason in words). */
export function ImportPanel({ network }: { network: NetworkDefinition }) {
  const { t, errorText } = useT();
  const exchange = useSyncExchange();
  const [busy, setBusy] = useState<'checking' | 'applying' | null>(null);
  const [verified, setVerified] = useState<{ handle: string; summary: ImportSummary } | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const report = (r: ImportResult): { ok: boolean; text: string } => {
    switch (r.status) {
      case 'imported':
        return { ok: true, text: t('sync.import.done', { applied: r.counts.applied, known: r.counts.alreadyKnown, conflicts: r.counts.conflicts, held: r.counts.held, refused: r.counts.refused }) };
      case 'alreadyImported':
        return { ok: true, text: t('sync.import.already') };
      case 'needsConfirmation':
        return { ok: false, text: t('sync.import.needsConfirmation') };
      case 'refused':
        return { ok: false, text: t(`sync.reason.${r.reason}`, r.params) };
    }
  };

  const choose = async () => {
    setResult(null);
    const file = await getPlatform().openFile({ filter: BUNDLE_FILTER });
    if (!file) return;
    setBusy('checking');
    const preview = await exchange.preview(file.bytes);
    if (preview.status === 'refused') setResult(report(preview));
    else setVerified({ handle: preview.handle, summary: preview.summary });
  };
  const apply = async (confirmed: boolean) => {
    if (!verified) return;
    setBusy('applying');
    const outcome = await exchange.apply(verified.handle, { confirmed });
    setVerified(null);
    setResult(report(outcome));
  };
  const cancel = () => {
    if (verified) exchange.discard(verified.handle).catch(() => false);
    setVerified(null);
  };
  const run = (task: () => Promise<void>) => {
    task()
      .catch((e: unknown) => {
        setVerified(null);
        setResult({ ok: false, text: errorText(e) });
      })
      .finally(() => setBusy(null));
  };

  return (
    <section className="card" aria-labelledby="sync-import">
      <h2 id="sync-import">{t('sync.import')}</h2>
      <p className="muted">{t('sync.import.intro')}</p>
      <div className="actions actions-start">
        <button type="button" className="button-primary" onClick={() => run(choose)} disabled={busy !== null}>
          {t('sync.import.fromFile')}
        </button>
      </div>
      {busy === 'checking' && <ProgressBar label={t('sync.import.checking')} done={0} total={0} valueText={t('sync.progress.busy')} />}
      <LiveResult result={result} />
      <Dialog open={verified !== null} title={t('sync.import.previewTitle')} onClose={() => busy === null && cancel()}>
        {verified && (
          <>
            <ImportPreview summary={verified.summary} network={network} busy={busy !== null} onApply={(c) => run(() => apply(c))} onCancel={cancel} />
            {busy === 'applying' && <ProgressBar label={t('sync.import.applying')} done={0} total={0} valueText={t('sync.progress.busy')} />}
          </>
        )}
      </Dialog>
    </section>
  );
}
