import type { Person } from '../../data/people';
import { findStation, findZone, type NetworkDefinition } from '../../domain/network';
import { useT } from '../../i18n/use-t';

interface Props {
  network: NetworkDefinition;
  zoneId: string;
  stationId: string;
  person: Person;
  onFinish: () => void;
}

export function DoneStep({ network, zoneId, stationId, person, onFinish }: Props) {
  const { t } = useT();
  return (
    <div>
      <h2 tabIndex={-1}>{t('firstRun.done.title')}</h2>
      <p role="status">
        {t('firstRun.done.summary', {
          network: network.name,
          zone: findZone(network, zoneId).name,
          station: findStation(network, stationId).name,
        })}
      </p>
      <p>{t('firstRun.done.signedIn', { name: person.name, number: person.personnelNumber })}</p>
      <div className="actions">
        <button type="button" className="button-primary" onClick={onFinish}>
          {t('firstRun.done.start')}
        </button>
      </div>
    </div>
  );
}
