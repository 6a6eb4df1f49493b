import type { StationIdentity } from '../../data/settings';
import type { NetworkDefinition } from '../../domain/network';
import { useT } from '../../i18n/use-t';

/** "PZ Westkust · Post De Panne": the zone and the station this desk belongs to. */
export function StationLabel({ network, station }: { network: NetworkDefinition; station: StationIdentity }) {
  const { t } = useT();
  const zone = network.zones.find((z) => z.id === station.zoneId);
  const own = network.stations.find((s) => s.id === station.stationId);
  return (
    <p className="station-label">
      <span className="visually-hidden">{t('shell.thisStation')}</span>
      <span className="station-zone">{zone?.name ?? t('shell.unknownZone')}</span>
      <span aria-hidden="true">·</span>
      <span className="station-name">{own?.name ?? t('shell.unknownStation')}</span>
    </p>
  );
}
