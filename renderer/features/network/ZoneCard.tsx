import { StatusBadge } from '../../components/StatusBadge';
import { ToggleActiveButton } from '../../components/ToggleActiveButton';
import type { Station, Zone } from '../../domain/network';
import { useT } from '../../i18n/use-t';

interface Props {
  zone: Zone;
  stations: Station[];
  canEditZone: boolean;
  canEditStations: boolean;
  onRenameZone: () => void;
  onDeactivateZone: () => void;
  onReactivateZone: () => void;
  onAddStation: () => void;
  onRenameStation: (station: Station) => void;
  onDeactivateStation: (station: Station) => void;
  onReactivateStation: (station: Station) => void;
}

export function ZoneCard(props: Props) {
  const { zone, stations, canEditZone, canEditStations } = props;
  const { t } = useT();
  const headingId = `zone-${zone.id}`;
  return (
    <section className={`card zone-card${zone.active ? '' : ' inactive'}`} aria-labelledby={headingId}>
      <div className="card-header">
        <div>
          <h2 id={headingId}>
            {zone.name} <StatusBadge active={zone.active} />
          </h2>
          <p className="muted">
            {zone.municipalities.length > 0 ? zone.municipalities.join(', ') : t('network.noMunicipalities')}
          </p>
        </div>
        {canEditZone && (
          <div className="row-actions">
            <button type="button" className="button-secondary" onClick={props.onRenameZone} aria-label={t('common.renameNamed', { name: zone.name })}>
              {t('common.rename')}
            </button>
            <ToggleActiveButton
              className="button-secondary"
              name={zone.name}
              active={zone.active}
              onDeactivate={props.onDeactivateZone}
              onReactivate={props.onReactivateZone}
            />
          </div>
        )}
      </div>
      {stations.length === 0 ? (
        <p className="muted">{t('network.noStations')}</p>
      ) : (
        <table className="table table-stations">
          <caption className="visually-hidden">{t('network.stationsOf', { zone: zone.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('network.station')}</th>
              <th scope="col">{t('common.status')}</th>
              {canEditStations && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {stations.map((s) => (
              <tr key={s.id} className={s.active ? undefined : 'inactive'}>
                <td>{s.name}</td>
                <td>
                  <StatusBadge active={s.active} />
                </td>
                {canEditStations && (
                  <td>
                    <div className="row-actions">
                    <button type="button" className="button-link" onClick={() => props.onRenameStation(s)} aria-label={t('common.renameNamed', { name: s.name })}>
                      {t('common.rename')}
                    </button>
                    {(s.active || zone.active) && (
                      <ToggleActiveButton
                        name={s.name}
                        active={s.active}
                        onDeactivate={() => props.onDeactivateStation(s)}
                        onReactivate={() => props.onReactivateStation(s)}
                      />
                    )}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEditStations && zone.active && (
        <div className="actions actions-start">
          <button type="button" className="button-secondary" onClick={props.onAddStation} aria-label={t('network.addStationTo', { zone: zone.name })}>
            {t('network.addStation')}
          </button>
        </div>
      )}
    </section>
  );
}
