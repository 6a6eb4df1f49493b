import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { activeZones, type Role } from '../../domain/network';
import { useNetwork } from '../../hooks/use-network';
import { useSession } from '../../hooks/use-session';
import { useSettings } from '../../hooks/use-settings';
import { formatInstant, isoWeekLabel } from '../../i18n/dates';
import { useT } from '../../i18n/use-t';
import { ROLE_LABELS } from '../people/role-labels';

/** The first page after signing in: today, this station, the network at a glance. */
export function DashboardPage() {
  const { t, locale } = useT();
  const { person } = useSession();
  const network = useNetwork();
  const settings = useSettings();
  if (!person || !network || !settings?.station) return null;
  const station = settings.station;
  const now = new Date();
  const zone = network.zones.find((z) => z.id === station.zoneId);
  const own = network.stations.find((s) => s.id === station.stationId);
  const stations = network.stations.filter((s) => s.active);
  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        intro={t('dashboard.today', { date: formatInstant(now, 'EEEE d MMMM yyyy', locale), week: isoWeekLabel(now).slice(-2) })}
      />
      <p className="lead">{t('dashboard.welcome', { name: person.name })}</p>
      <div className="card-grid">
        <section className="card" aria-labelledby="dash-station">
          <h2 id="dash-station">{t('dashboard.station')}</h2>
          <dl className="facts">
            <dt>{t('dashboard.zone')}</dt>
            <dd>{zone?.name}</dd>
            <dt>{t('dashboard.stationName')}</dt>
            <dd>{own?.name}</dd>
            <dt>{t('dashboard.municipalities')}</dt>
            <dd>{zone?.municipalities.join(', ')}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="dash-network">
          <h2 id="dash-network">{t('dashboard.network', { network: network.name })}</h2>
          <p>{t('dashboard.networkCounts', { zones: activeZones(network).length, stations: stations.length })}</p>
          <Link to="/network">{t('dashboard.toNetwork')}</Link>
        </section>
        <section className="card" aria-labelledby="dash-account">
          <h2 id="dash-account">{t('dashboard.account')}</h2>
          <dl className="facts">
            <dt>{t('person.personnelNumber')}</dt>
            <dd>{person.personnelNumber}</dd>
            <dt>{t('person.roles')}</dt>
            <dd>{person.roles.map((r: Role) => t(ROLE_LABELS[r])).join(', ')}</dd>
          </dl>
          <Link to="/settings">{t('dashboard.toSettings')}</Link>
        </section>
      </div>
    </>
  );
}
