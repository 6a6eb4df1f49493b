import { StatusBadge } from '../../components/StatusBadge';
import { peerStatus, type PeerStatus } from '../../domain/sync-status';
import type { SyncStations } from '../../hooks/use-sync-stations';
import { formatDateTime } from '../../i18n/dates';
import { useT } from '../../i18n/use-t';
import { formatAgo } from './relative-time';

interface Props {
  stations: SyncStations;
  staleAfterDays: number;
  now: number;
}

/**
 * Every station of the network (zone by zone, this one first): when it was last heard from, how
 * far this station's changes reached it and what waits for it. A station silent for too long
 * stands out with a word, not only a colour; one that has not joined yet (no keys in the roster)
 * says so instead of counting changes nobody can send it.
 */
export function StationsTable({ stations, staleAfterDays, now }: Props) {
  const { t, locale } = useT();
  const { network, selfId, heard, waiting, revoked, withKeys } = stations;
  const zones = new Map(network.zones.map((z) => [z.id, z]));
  const zoneOrder = network.zones.map((z) => z.id);
  const rows = [...network.stations].sort(
    (a, b) => Number(b.id === selfId) - Number(a.id === selfId) || Number(b.active) - Number(a.active) || zoneOrder.indexOf(a.zoneId) - zoneOrder.indexOf(b.zoneId) || a.name.localeCompare(b.name, 'nl-BE'),
  );

  const reachText = (status: PeerStatus, reachedUpTo: string | null) =>
    status.reach === 'upTo' && reachedUpTo ? t('sync.reach.upTo', { date: formatDateTime(reachedUpTo, locale) }) : t(`sync.reach.${status.reach === 'upTo' ? 'none' : status.reach}`);
  const waitingText = (count: number | undefined) =>
    count === undefined ? '—' : count === 0 ? t('sync.waitingNone') : count === 1 ? t('sync.waitingOne') : t('sync.waitingMany', { count: count.toLocaleString(locale) });

  return (
    <table className="table table-sync">
      <caption className="visually-hidden">{t('sync.stationsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sync.col.station')}</th>
          <th scope="col">{t('sync.col.zone')}</th>
          <th scope="col">{t('sync.col.lastHeard')}</th>
          <th scope="col">{t('sync.col.reached')}</th>
          <th scope="col">{t('sync.col.waiting')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => {
          const self = s.id === selfId;
          const peer = heard.get(s.id);
          const retired = !s.active || revoked.has(s.id);
          const status = peerStatus(
            { lastHeardAt: peer?.lastHeardAt ?? null, upToDate: peer?.upToDate ?? false, reachedUpTo: peer?.reachedUpTo ?? null, retired },
            now,
            staleAfterDays,
          );
          return (
            <tr key={s.id} className={retired ? 'inactive' : status.stale && !self ? 'stale' : undefined}>
              <th scope="row" className="wrap">
                {s.name} {self && <span className="badge badge-self">{t('sync.self')}</span>}
                {retired && <StatusBadge active={false} />}
              </th>
              <td>{zones.get(s.zoneId)?.name}</td>
              {self ? (
                <>
                  <td>—</td>
                  <td>—</td>
                  <td>—</td>
                </>
              ) : !retired && !peer && !withKeys.has(s.id) ? (
                // No keys in the roster yet: nothing can be written for it until it joins.
                <>
                  <td>{t('sync.notJoined')}</td>
                  <td>—</td>
                  <td>—</td>
                </>
              ) : (
                <>
                  <td>
                    {peer ? (
                      <>
                        <time dateTime={peer.lastHeardAt}>{formatAgo(peer.lastHeardAt, now, locale)}</time>
                        {status.stale && <span className="badge badge-warning">{t('sync.stale')}</span>}
                        <span className="cell-sub">{formatDateTime(peer.lastHeardAt, locale)}</span>
                      </>
                    ) : (
                      t('sync.never')
                    )}
                  </td>
                  <td>{reachText(status, peer?.reachedUpTo ?? null)}</td>
                  <td>{waitingText(waiting.get(s.id))}</td>
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
