import { stationsOfZone, type NetworkDefinition } from '../../domain/network';
import { useT } from '../../i18n/use-t';
import { StepForm } from './StepForm';

interface Props {
  network: NetworkDefinition;
  onBack: () => void;
  onNext: () => void;
}

/** Shows the network the template makes: its zones, their municipalities and stations. */
export function NetworkStep({ network, onBack, onNext }: Props) {
  const { t } = useT();
  return (
    <StepForm title={t('firstRun.network.title', { network: network.name })} onBack={onBack} onNext={onNext}>
      <p>{t('firstRun.network.intro', { zones: network.zones.length, stations: network.stations.length })}</p>
      <ul className="zone-grid">
        {network.zones.map((zone) => (
          <li key={zone.id} className="zone-tile">
            <h3>{zone.name}</h3>
            <p className="muted">
              {t('firstRun.network.municipalities')}
              {': '}
              {zone.municipalities.join(', ')}
            </p>
            <ul className="plain-list">
              {stationsOfZone(network, zone.id).map((s) => (
                <li key={s.id}>{s.name}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <p className="muted">{t('firstRun.network.editLater')}</p>
    </StepForm>
  );
}
