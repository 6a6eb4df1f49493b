import { findStation } from '../../domain/network';
import { useNetwork } from '../../hooks/use-network';
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/use-t';
import { ImportPanel } from '../sync/ImportPanel';

/** The joined station reads its start bundle (with the accounts), then goes to sign-in. */
export function JoinBundleStep({ onFinish }: { onFinish: () => void }) {
  const { t } = useT();
  const network = useNetwork();
  const settings = useSettings();
  const identity = settings?.station;
  if (!network || !identity) return null;
  const station = findStation(network, identity.stationId);
  const zone = network.zones.find((z) => z.id === station.zoneId);
  return (
    <div>
      <h2 tabIndex={-1}>{t('join.bundle.title')}</h2>
      <p>{t('join.bundle.intro', { station: station.name, zone: zone?.name ?? '' })}</p>
      <ImportPanel network={network} />
      <div className="actions">
        <button type="button" className="button-primary" onClick={onFinish}>
          {t('join.bundle.finish')}
        </button>
      </div>
    </div>
  );
}
