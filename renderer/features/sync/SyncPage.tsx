import { PageHeader } from '../../components/PageHeader';
import { hasRole } from '../../domain/people';
import { useSession } from '../../hooks/use-session';
import { useSettings } from '../../hooks/use-settings';
import { useSyncStations } from '../../hooks/use-sync-stations';
import { useT } from '../../i18n/use-t';
import { ExportPanel } from './ExportPanel';
import { HeldOpsSection } from './HeldOpsSection';
import { HistorySection } from './HistorySection';
import { ImportPanel } from './ImportPanel';
import { StationsTable } from './StationsTable';
import { SyncFolderPanel } from './SyncFolderPanel';

/** The sync screen: where every station of the network stands, and the held-back changes. */
export function SyncPage() {
  const { t } = useT();
  const { person } = useSession();
  const settings = useSettings();
  const stations = useSyncStations();
  if (!person || !settings || !stations) return null;
  const now = Date.now();
  return (
    <>
      <PageHeader title={t('sync.title')} intro={t('sync.intro')} />
      <div className="card-stack">
        <div className="card-grid card-grid-2">
          <ExportPanel stations={stations} />
          <ImportPanel network={stations.network} />
        </div>
        <SyncFolderPanel stations={stations} folder={settings.syncFolder} />
        <section className="card" aria-labelledby="sync-stations">
          <h2 id="sync-stations">{t('sync.stations')}</h2>
          <p className="muted">{t('sync.staleHint', { days: settings.staleAfterDays })}</p>
          <StationsTable stations={stations} staleAfterDays={settings.staleAfterDays} now={now} />
        </section>
        <HeldOpsSection network={stations.network} mayRelease={hasRole(person, 'network_admin')} />
        <HistorySection network={stations.network} />
      </div>
    </>
  );
}
