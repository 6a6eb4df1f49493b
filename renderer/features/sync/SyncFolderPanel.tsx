import { useState } from 'react';
import { LiveResult } from '../../components/LiveResult';
import { ProgressBar } from '../../components/ProgressBar';
import { recipientsOf } from '../../domain/sync-recipients';
import { useChooseSyncFolder, useSyncFolderNow, type FolderSyncProgress, type SyncFolder } from '../../hooks/use-sync-folder';
import type { SyncStations } from '../../hooks/use-sync-stations';
import { useT } from '../../i18n/use-t';

/** Sync-folder mode: a shared folder chosen once; "Sync now" writes this station's bundles and imports the others'. */
export function SyncFolderPanel({ stations, folder }: { stations: SyncStations; folder: SyncFolder | null }) {
  const { t, locale, errorText } = useT();
  const choose = useChooseSyncFolder();
  const syncNow = useSyncFolderNow();
  const [progress, setProgress] = useState<FolderSyncProgress | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const { network, selfId, withKeys, revoked } = stations;

  const pick = () => {
    setResult(null);
    choose().catch((e: unknown) => setResult({ ok: false, text: errorText(e) }));
  };
  const run = (chosen: SyncFolder) => {
    setResult(null);
    setProgress({ done: 0, total: 0 });
    const byZone = network.zones.filter((z) => z.active).map((z) => recipientsOf(network, { kind: 'zone', zoneId: z.id }, selfId, (id) => withKeys.has(id) && !revoked.has(id)));
    syncNow(chosen, selfId, byZone, setProgress)
      .then(
        (r) =>
          setResult({
            ok: r.refused === 0 && r.toConfirm.length === 0,
            text: [
              t('sync.folder.done', { written: r.written.length, imported: r.imported, already: r.alreadyImported, refused: r.refused, ignored: r.ignored, deleted: r.deleted.length }),
              ...(r.toConfirm.length ? [t('sync.folder.toConfirm', { files: r.toConfirm.join(', ') })] : []),
            ].join(' '),
          }),
        (e: unknown) => setResult({ ok: false, text: errorText(e) }),
      )
      .finally(() => setProgress(null));
  };

  return (
    <section className="card" aria-labelledby="sync-folder">
      <h2 id="sync-folder">{t('sync.folder')}</h2>
      <p className="muted">{t('sync.folder.intro')}</p>
      <p>{folder ? t('sync.folder.chosen', { folder: folder.ref.label }) : t('sync.folder.none')}</p>
      <div className="actions actions-start">
        {folder && (
          <button type="button" className="button-primary" onClick={() => run(folder)} disabled={progress !== null}>
            {t('sync.folder.now')}
          </button>
        )}
        <button type="button" className={folder ? 'button-secondary' : 'button-primary'} onClick={pick} disabled={progress !== null}>
          {folder ? t('sync.folder.change') : t('sync.folder.choose')}
        </button>
      </div>
      {progress && (
        <ProgressBar
          label={t('sync.folder.busy')}
          done={progress.done}
          total={progress.total}
          valueText={progress.total ? t('sync.export.progress', { done: progress.done.toLocaleString(locale), total: progress.total.toLocaleString(locale) }) : t('sync.progress.busy')}
        />
      )}
      <LiveResult result={result} />
    </section>
  );
}
