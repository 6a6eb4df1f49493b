import { useStorageStatus } from '../../hooks/use-storage-status';
import { formatBytes } from '../../i18n/numbers';
import { useT } from '../../i18n/use-t';

/** Whether the browser promised to keep the data, and how much room it takes. */
export function StorageSection() {
  const { t, locale } = useT();
  const status = useStorageStatus();
  const persisted = status?.persisted;
  return (
    <section className="card" aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('settings.storage')}</h2>
      {status === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('settings.storagePersisted')}</dt>
          <dd>{persisted === true ? t('settings.persistedYes') : persisted === false ? t('settings.persistedNo') : t('settings.unknown')}</dd>
          <dt>{t('settings.storageUsed')}</dt>
          <dd>
            {status.usage !== null && status.quota !== null
              ? t('settings.storageUsage', { used: formatBytes(status.usage, locale), quota: formatBytes(status.quota, locale) })
              : t('settings.unknown')}
          </dd>
        </dl>
      )}
      {persisted === false && <p className="muted">{t('settings.persistedNoHint')}</p>}
    </section>
  );
}
