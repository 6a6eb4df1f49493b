import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import {
  addStation,
  addZone,
  renameStation,
  renameZone,
  setStationActive,
  setZoneActive,
  stationsOfZone,
  type NetworkDefinition,
  type Station,
  type Zone,
} from '../../domain/network';
import { canManageZone, hasRole } from '../../domain/people';
import { useEditNetwork, useNetwork } from '../../hooks/use-network';
import { usePageActions } from '../../hooks/use-page-actions';
import { useSession } from '../../hooks/use-session';
import { useT } from '../../i18n/use-t';
import { uuidv7 } from '../../sync/ids';
import { AddZoneDialog } from './AddZoneDialog';
import { JoinRequestsPanel } from './JoinRequestsPanel';
import { NameDialog } from './NameDialog';
import { SignedChangeDialog } from './SignedChangeDialog';
import { ZoneCard } from './ZoneCard';

type Open =
  | { kind: 'addZone' }
  | { kind: 'renameZone'; zone: Zone }
  | { kind: 'deactivateZone'; zone: Zone }
  | { kind: 'addStation'; zone: Zone }
  | { kind: 'renameStation'; station: Station }
  | { kind: 'deactivateStation'; station: Station }
  | { kind: 'reactivateZone'; zone: Zone }
  | { kind: 'reactivateStation'; station: Station };

/**
 * Zones and stations of the network. Network administrators change zones; zone administrators
 * change the stations of their own zone. Every change is a new roster version signed with a
 * network administrator's passphrase, asked in the dialog of the change. Deactivating asks first
 * and can be undone by reactivating.
 */
export function NetworkPage() {
  const { t } = useT();
  const network = useNetwork();
  const { person } = useSession();
  const edit = useEditNetwork();
  const { open, show, close, finish, result } = usePageActions<Open>();
  if (!network || !person) return null;
  const networkAdmin = hasRole(person, 'network_admin');

  /** Applies an edit signed with the passphrase; dialogs show their own errors. */
  const apply = async (change: (net: NetworkDefinition) => NetworkDefinition, zoneId: string | undefined, done: string, passphrase: string) => {
    await edit(change, zoneId ? { zoneId } : {}, passphrase);
    finish(done);
  };

  const zones = [...network.zones].sort((a, b) => Number(b.active) - Number(a.active));
  return (
    <>
      <PageHeader title={t('network.title', { network: network.name })} intro={t(networkAdmin ? 'network.introAdmin' : 'network.intro')}>
        {networkAdmin && (
          <button type="button" className="button-primary" onClick={() => show({ kind: 'addZone' })}>
            {t('network.addZone')}
          </button>
        )}
      </PageHeader>
      {result && <Alert kind={result.ok ? 'success' : 'error'}>{result.text}</Alert>}
      <div className="card-stack">
        {(networkAdmin || hasRole(person, 'zone_admin')) && <JoinRequestsPanel />}
        {zones.map((zone) => (
          <ZoneCard
            key={zone.id}
            zone={zone}
            stations={stationsOfZone(network, zone.id, true)}
            canEditZone={networkAdmin}
            canEditStations={canManageZone(person, zone.id)}
            onRenameZone={() => show({ kind: 'renameZone', zone })}
            onDeactivateZone={() => show({ kind: 'deactivateZone', zone })}
            onReactivateZone={() => show({ kind: 'reactivateZone', zone })}
            onAddStation={() => show({ kind: 'addStation', zone })}
            onRenameStation={(station) => show({ kind: 'renameStation', station })}
            onDeactivateStation={(station) => show({ kind: 'deactivateStation', station })}
            onReactivateStation={(station) => show({ kind: 'reactivateStation', station })}
          />
        ))}
      </div>

      {open?.kind === 'addZone' && (
        <AddZoneDialog
          onClose={close}
          onSubmit={(z, passphrase) => apply((n) => addZone(n, { id: uuidv7(), ...z }), undefined, t('network.zoneAdded', { name: z.name.trim() }), passphrase)}
        />
      )}
      {open?.kind === 'renameZone' && (
        <NameDialog
          title={t('network.renameZone')}
          label={t('network.zoneName')}
          initial={open.zone.name}
          submitLabel={t('common.save')}
          onClose={close}
          onSubmit={(name, passphrase) => apply((n) => renameZone(n, open.zone.id, name), undefined, t('network.zoneRenamed', { name: name.trim() }), passphrase)}
        />
      )}
      {open?.kind === 'addStation' && (
        <NameDialog
          title={t('network.addStationTo', { zone: open.zone.name })}
          label={t('network.stationName')}
          initial=""
          submitLabel={t('network.addStationSubmit')}
          onClose={close}
          onSubmit={(name, passphrase) =>
            apply((n) => addStation(n, { id: uuidv7(), zoneId: open.zone.id, name }), open.zone.id, t('network.stationAdded', { name: name.trim() }), passphrase)
          }
        />
      )}
      {open?.kind === 'renameStation' && (
        <NameDialog
          title={t('network.renameStation')}
          label={t('network.stationName')}
          initial={open.station.name}
          submitLabel={t('common.save')}
          onClose={close}
          onSubmit={(name, passphrase) =>
            apply((n) => renameStation(n, open.station.id, name), open.station.zoneId, t('network.stationRenamed', { name: name.trim() }), passphrase)
          }
        />
      )}
      {open?.kind === 'deactivateZone' && (
        <SignedChangeDialog
          title={t('network.deactivateZoneTitle')}
          message={t('network.deactivateZoneText', { name: open.zone.name })}
          confirmLabel={t('common.deactivate')}
          onClose={close}
          onConfirm={(passphrase) =>
            apply((n) => setZoneActive(n, open.zone.id, false), undefined, t('network.zoneDeactivated', { name: open.zone.name }), passphrase)
          }
        />
      )}
      {open?.kind === 'reactivateZone' && (
        <SignedChangeDialog
          title={t('network.reactivateZoneTitle')}
          message={t('network.reactivateZoneText', { name: open.zone.name })}
          confirmLabel={t('common.reactivate')}
          onClose={close}
          onConfirm={(passphrase) =>
            apply((n) => setZoneActive(n, open.zone.id, true), undefined, t('network.zoneReactivated', { name: open.zone.name }), passphrase)
          }
        />
      )}
      {open?.kind === 'deactivateStation' && (
        <SignedChangeDialog
          title={t('network.deactivateStationTitle')}
          message={t('network.deactivateStationText', { name: open.station.name })}
          confirmLabel={t('common.deactivate')}
          onClose={close}
          onConfirm={(passphrase) =>
            apply(
              (n) => setStationActive(n, open.station.id, false),
              open.station.zoneId,
              t('network.stationDeactivated', { name: open.station.name }),
              passphrase,
            )
          }
        />
      )}
      {open?.kind === 'reactivateStation' && (
        <SignedChangeDialog
          title={t('network.reactivateStationTitle')}
          message={t('network.reactivateStationText', { name: open.station.name })}
          confirmLabel={t('common.reactivate')}
          onClose={close}
          onConfirm={(passphrase) =>
            apply((n) => setStationActive(n, open.station.id, true), open.station.zoneId, t('network.stationReactivated', { name: open.station.name }), passphrase)
          }
        />
      )}
    </>
  );
}
