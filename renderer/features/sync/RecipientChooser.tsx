import { SelectField } from '../../components/SelectField';
import type { NetworkDefinition } from '../../domain/network';
import type { RecipientChoice } from '../../domain/sync-recipients';
import { useT } from '../../i18n/use-t';

interface Props {
  network: NetworkDefinition;
  selfId: string;
  choice: RecipientChoice;
  onChange: (choice: RecipientChoice) => void;
}

/** Who a bundle is for: one zone's stations, several zones, the whole network, or one station to set up. */
export function RecipientChooser({ network, selfId, choice, onChange }: Props) {
  const { t } = useT();
  const zones = network.zones.filter((z) => z.active);
  const stations = network.stations.filter((s) => s.active && s.id !== selfId);
  const firstZone = zones[0]?.id ?? '';
  const zoneIds = choice.kind === 'zones' ? choice.zoneIds : [];
  return (
    <fieldset>
      <legend>{t('sync.export.for')}</legend>
      <div className="choice-list recipient-choices">
        <label className="choice">
          <input type="radio" name="recipients" checked={choice.kind === 'zone'} onChange={() => onChange({ kind: 'zone', zoneId: firstZone })} />
          <span>{t('sync.export.oneZone')}</span>
        </label>
        {choice.kind === 'zone' && (
          <div className="choice-detail">
            <SelectField
              label={t('sync.export.zone')}
              value={choice.zoneId}
              options={zones.map((z) => ({ value: z.id, label: z.name }))}
              onChange={(value) => onChange({ kind: 'zone', zoneId: value })}
            />
          </div>
        )}
        <label className="choice">
          <input type="radio" name="recipients" checked={choice.kind === 'zones'} onChange={() => onChange({ kind: 'zones', zoneIds: [] })} />
          <span>{t('sync.export.severalZones')}</span>
        </label>
        {choice.kind === 'zones' && (
          <fieldset className="choice-detail">
            <legend className="visually-hidden">{t('sync.export.zones')}</legend>
            <div className="checkbox-group">
              {zones.map((z) => (
                <label key={z.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={zoneIds.includes(z.id)}
                    onChange={(e) => onChange({ kind: 'zones', zoneIds: e.target.checked ? [...zoneIds, z.id] : zoneIds.filter((id) => id !== z.id) })}
                  />
                  {z.name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <label className="choice">
          <input type="radio" name="recipients" checked={choice.kind === 'network'} onChange={() => onChange({ kind: 'network' })} />
          <span>
            {t('sync.export.network', { network: network.name })}
            <span className="choice-hint">{t('sync.export.networkHint')}</span>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name="recipients" checked={choice.kind === 'bootstrap'} onChange={() => onChange({ kind: 'bootstrap', stationId: stations[0]?.id ?? '' })} />
          <span>
            {t('sync.export.bootstrap')}
            <span className="choice-hint">{t('sync.export.bootstrapHint')}</span>
          </span>
        </label>
        {choice.kind === 'bootstrap' && (
          <div className="choice-detail">
            <SelectField
              label={t('sync.export.station')}
              value={choice.stationId}
              options={stations.map((st) => ({ value: st.id, label: st.name }))}
              onChange={(value) => onChange({ kind: 'bootstrap', stationId: value })}
            />
          </div>
        )}
      </div>
    </fieldset>
  );
}
