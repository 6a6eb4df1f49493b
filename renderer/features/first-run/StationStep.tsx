import { SelectField } from '../../components/SelectField';
import { activeZones, stationsOfZone, type NetworkDefinition } from '../../domain/network';
import { useT } from '../../i18n/use-t';
import { StepForm } from './StepForm';

interface Props {
  network: NetworkDefinition;
  zoneId: string;
  stationId: string;
  onChange: (zoneId: string, stationId: string) => void;
  onBack: () => void;
  onNext: () => void;
}

/** "This station is: zone X, station Y." */
export function StationStep({ network, zoneId, stationId, onChange, onBack, onNext }: Props) {
  const { t } = useT();
  return (
    <StepForm title={t('firstRun.station.title')} onBack={onBack} onNext={onNext}>
      <p>{t('firstRun.station.intro')}</p>
      <div className="field-row">
        <SelectField
          label={t('firstRun.station.zone')}
          value={zoneId}
          options={activeZones(network).map((z) => ({ value: z.id, label: z.name }))}
          onChange={(z) => onChange(z, stationsOfZone(network, z)[0]?.id ?? '')}
        />
        <SelectField
          label={t('firstRun.station.station')}
          value={stationId}
          options={stationsOfZone(network, zoneId).map((s) => ({ value: s.id, label: s.name }))}
          onChange={(s) => onChange(zoneId, s)}
        />
      </div>
    </StepForm>
  );
}
