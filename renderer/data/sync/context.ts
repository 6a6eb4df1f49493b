import { DomainError } from '../../domain/errors';
import { zoneSees } from '../../sync/audience';
import type { StationKeys } from '../../sync/crypto/keys';
import type { RosterDocument, SignedRoster } from '../../sync/roster/roster';
import type { ZonelinkDb } from '../db';
import { signedChain } from '../network';
import type { StationIdentity } from '../settings';

/** What every import and export starts from: who this station is, its keys and its trusted roster. */
export interface SyncContext {
  station: StationIdentity;
  keys: StationKeys;
  chain: SignedRoster[];
  tip: RosterDocument;
  /** The audience rule of the record layer for this station: its zone's streams and the network's. */
  acceptStream: (stream: string) => boolean;
}

/** Read before any transaction; sync.notReady until the station has keys and a signed roster. */
export async function syncContext(db: ZonelinkDb): Promise<SyncContext> {
  const station = (await db.settings.get('station'))?.value as StationIdentity | undefined;
  if (!station) throw new DomainError('station.unknown');
  const [keys, chain] = await Promise.all([db.stationKeys.get(station.stationId), signedChain(db)]);
  if (!keys || !chain) throw new DomainError('sync.notReady');
  const tip = chain[chain.length - 1]!.document;
  return { station, keys, chain, tip, acceptStream: (stream) => zoneSees(stream, station.zoneId) };
}

/** The zone of a station in a roster document, or undefined. */
export function zoneOfStation(tip: RosterDocument, station: string): string | undefined {
  return tip.stations.find((s) => s.id === station)?.zoneId;
}
